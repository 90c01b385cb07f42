// One colour per run (or per layer) for every chart, legend swatch and histogram: the same index gives the same
// colour everywhere, so a run is recognised across the compare view's charts and tables.

/** Twelve colours distinct enough side by side (compare's minimum is 12 runs); light theme on white, dark on near-black. */
const LIGHT = [
  '#2563eb',
  '#e8590c',
  '#0f9d58',
  '#c2255c',
  '#7048e8',
  '#b08800',
  '#0c8599',
  '#c92a2a',
  '#5c940d',
  '#862e9c',
  '#495057',
  '#d9480f',
];
const DARK = [
  '#6ea8ff',
  '#ffa657',
  '#7ee2b8',
  '#f778ba',
  '#d2a8ff',
  '#ffd33d',
  '#56d4dd',
  '#ff7b72',
  '#a9e34b',
  '#e599f7',
  '#ced4da',
  '#ffc078',
];

export const PALETTE_SIZE = LIGHT.length;

/** The whole palette of a theme, in order (chart.js series colours). */
export function palette(dark: boolean): readonly string[] {
  return dark ? DARK : LIGHT;
}

/** The colour of the index-th run (or layer); past the palette the colours repeat. */
export function seriesColor(index: number, dark: boolean): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`a series colour needs an index ≥ 0 (got ${index})`);
  return palette(dark)[index % PALETTE_SIZE];
}
