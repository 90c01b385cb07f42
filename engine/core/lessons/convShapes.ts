// The convolution-shapes lesson: a convolution or pooling layer's output size for an input width W, window F,
// padding P, stride S and (a convolution's) dilation D, taken from the spec's own shape inference (analyze), so it is
// the rule the engine uses. A dilated kernel's F taps lie D apart, spanning D·(F − 1) + 1 pixels.
import { analyze } from '../spec/analyze';
import { SPEC_VERSION, type ModelSpec, type Problem } from '../spec/types';

export type WindowLayer = 'conv2d' | 'maxpool2d' | 'avgpool2d';

export interface WindowSettings {
  layer: WindowLayer;
  /** Input height = width, in pixels. */
  width: number;
  kernel: number;
  padding: number;
  stride: number;
  /** Input channels and (conv2d) filters, for the shapes shown. */
  channels: number;
  filters: number;
  /** conv2d only: groups of channels filtered apart (1 when absent; as many as the channels is depthwise). */
  groups?: number;
  /** conv2d only: the spacing of the kernel's taps (1 when absent: side by side). */
  dilation?: number;
}

export interface WindowResult {
  /** The layer's output shape [C, H, W] from analyze, or null when the settings are refused. */
  outputShape: number[] | null;
  /** (W - span + 2P) / S + 1 before rounding down: a fraction means the last positions do not fit and are dropped. */
  exact: number;
  /** The pixels the window covers along one axis: D·(F − 1) + 1 (F when not dilated). */
  span: number;
  /** Why the spec refuses these settings (analyze's reason and arguments, worded by the UI), or null. */
  problem: Problem | null;
  /** The two-node spec the numbers come from, to open in the editor. */
  spec: ModelSpec;
  /** conv2d: its parameters (weights and biases) from analyze, and the same layer's with one group; else null. */
  parameters: number | null;
  ungroupedParameters: number | null;
}

/** The layer's node id, as the editor would name the first of its kind (problems name it: "Conv2D 'conv1' …"). */
export function layerId(layer: WindowLayer): string {
  return layer === 'conv2d' ? 'conv1' : 'pool1';
}

export function windowSpec(settings: WindowSettings): ModelSpec {
  const params: Record<string, number> = {
    kernelSize: settings.kernel,
    stride: settings.stride,
    padding: settings.padding,
  };
  if (settings.layer === 'conv2d') params.filters = settings.filters;
  if (settings.layer === 'conv2d' && (settings.groups ?? 1) > 1) params.groups = settings.groups!;
  if (settings.layer === 'conv2d' && lessonDilation(settings) > 1) params.dilation = lessonDilation(settings);
  return {
    version: SPEC_VERSION,
    name: 'convolution shapes',
    nodes: [
      {
        id: 'input',
        op: 'input',
        params: { shape: [settings.channels, settings.width, settings.width] },
        position: { x: 0, y: 0 },
      },
      { id: layerId(settings.layer), op: settings.layer, params, position: { x: 0, y: 90 } },
    ],
    edges: [{ from: 'input', to: layerId(settings.layer) }],
  };
}

export function windowOutput(settings: WindowSettings): WindowResult {
  const spec = windowSpec(settings);
  const analysis = analyze(spec);
  const node = analysis.nodes[layerId(settings.layer)];
  const shape = node?.outputShape ?? null;
  const conv = settings.layer === 'conv2d' && shape !== null;
  const grouped = (settings.groups ?? 1) > 1;
  const span = spanOf(settings);
  return {
    outputShape: shape ? [...shape] : null,
    exact: (settings.width - span + 2 * settings.padding) / settings.stride + 1,
    span,
    problem: analysis.problems[0] ?? null,
    spec,
    parameters: conv ? node.params : null,
    ungroupedParameters: conv ? (grouped ? windowOutput({ ...settings, groups: 1 }).parameters : node.params) : null,
  };
}

type WindowAxis = Pick<WindowSettings, 'layer' | 'width' | 'kernel' | 'padding' | 'stride' | 'dilation'>;

/** A convolution's dilation (pooling windows are never dilated here). */
function lessonDilation(settings: Pick<WindowSettings, 'layer' | 'dilation'>): number {
  return settings.layer === 'conv2d' ? (settings.dilation ?? 1) : 1;
}

/** The pixels a window covers along one axis: its taps and the gaps a dilation leaves between them. */
export function spanOf(settings: Pick<WindowSettings, 'layer' | 'kernel' | 'dilation'>): number {
  return lessonDilation(settings) * (settings.kernel - 1) + 1;
}

/** Where the window's top-left corner sits along one axis, in padded-input coordinates, for each output position. */
export function windowPositions(settings: WindowAxis): number[] {
  const padded = settings.width + 2 * settings.padding;
  const span = spanOf(settings);
  const positions: number[] = [];
  for (let start = 0; start + span <= padded; start += settings.stride) positions.push(start);
  return positions;
}

/** Whether offset `k` from the window's corner (0 ≤ k < span) is one of its taps rather than a gap a dilation leaves. */
export function isTap(settings: Pick<WindowSettings, 'layer' | 'dilation'>, k: number): boolean {
  return k % lessonDilation(settings) === 0;
}
