// The receptive field of each layer of an image model: how many input pixels (rows x columns) one position of the
// layer's output depends on. A window of span s (a kernel of k taps dilated by d spans (k - 1) d + 1) and stride t
// over positions that see r pixels and lie j input pixels apart sees r + (s - 1) j pixels, and its own positions lie
// j t apart. Padding changes neither. A two-input merge sees what the wider of its inputs sees. Layers that keep the
// spatial layout (activations, batch norm, dropout) see what their input sees. Layers whose output is a vector have
// no field here (a global pool or a dense layer after a flatten sees every position).

import { dilatedSpan, windowGeometry, type WindowOp } from './window';
import type { Analysis, ModelSpec } from './types';

export interface ReceptiveField {
  /** Input pixels one output position depends on: rows, columns. */
  size: [number, number];
  /** Input pixels between neighbouring output positions (the product of the strides so far): rows, columns. */
  jump: [number, number];
}

const WINDOW_OPS: ReadonlySet<string> = new Set<WindowOp>(['conv2d', 'maxpool2d', 'avgpool2d']);
const MERGE_OPS: ReadonlySet<string> = new Set(['add', 'concat']);

/** The receptive field of every node whose output is an image, for a model whose input is an image. */
export function receptiveFields(spec: ModelSpec, analysis: Analysis): Map<string, ReceptiveField> {
  const fields = new Map<string, ReceptiveField>();
  const ops = new Map(spec.nodes.map((n) => [n.id, n.op]));
  for (const id of analysis.order) {
    const info = analysis.nodes[id];
    if (info?.outputShape?.length !== 3) continue;
    if (id === analysis.inputId) {
      fields.set(id, { size: [1, 1], jump: [1, 1] });
      continue;
    }
    const inputs = info.inputs.map((input) => fields.get(input));
    if (inputs.length === 0 || inputs.some((f) => f === undefined)) continue;
    const [first] = inputs as ReceptiveField[];
    const op = ops.get(id) ?? '';
    if (WINDOW_OPS.has(op)) {
      const inputShape = analysis.nodes[info.inputs[0]]?.outputShape;
      if (!info.paramValues || !inputShape) continue;
      const g = windowGeometry(op as WindowOp, info.paramValues, inputShape);
      const spans = [dilatedSpan(g.kh, g.dh), dilatedSpan(g.kw, g.dw)];
      const strides = [g.sh, g.sw];
      fields.set(id, {
        size: [0, 1].map((a) => first.size[a] + (spans[a] - 1) * first.jump[a]) as [number, number],
        jump: [0, 1].map((a) => first.jump[a] * strides[a]) as [number, number],
      });
    } else if (MERGE_OPS.has(op)) {
      const all = inputs as ReceptiveField[];
      const widest = (key: 'size' | 'jump', a: number) => Math.max(...all.map((f) => f[key][a]));
      fields.set(id, { size: [widest('size', 0), widest('size', 1)], jump: [widest('jump', 0), widest('jump', 1)] });
    } else if (!op.startsWith('onnx:') && sameSize(analysis, info.inputs[0], id)) {
      // Keeps the spatial layout: an activation, batch norm, dropout, identity.
      fields.set(id, first);
    }
  }
  return fields;
}

/** Whether two nodes' image outputs have the same height and width. */
function sameSize(analysis: Analysis, a: string, b: string): boolean {
  const [x, y] = [analysis.nodes[a]?.outputShape, analysis.nodes[b]?.outputShape];
  return !!x && !!y && x[1] === y[1] && x[2] === y[2];
}
