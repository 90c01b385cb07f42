// Small statistics for the diagnosis: medians (robust to a one-epoch bump), trailing medians, rounding for display.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Each value replaced by the median of it and the window - 1 values before it (fewer at the start). */
export function trailingMedian(values: readonly number[], window: number): number[] {
  const size = Math.max(1, Math.round(window));
  return values.map((_, i) => median(values.slice(Math.max(0, i - size + 1), i + 1)));
}

/** Index of the smallest value, the earliest on ties. */
export function argMin(values: readonly number[], end = values.length): number {
  let best = 0;
  for (let i = 1; i < end; i++) if (values[i] < values[best]) best = i;
  return best;
}

/** Four significant digits, so parameters read cleanly in JSON and in sentences: 0.0001234, 2.346. */
export function round4(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : x;
}

/** A fraction as a percentage with three significant digits: 0.0123 → 1.23. */
export function percent(fraction: number): number {
  return Number.isFinite(fraction) ? Number((fraction * 100).toPrecision(3)) : fraction;
}
