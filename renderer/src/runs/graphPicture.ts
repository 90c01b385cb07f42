// A run's graph as a picture: boxes placed top to bottom by the editor's tidy layout, each with its layer, id and
// output shape, and the edges between them. Pure, so the run page's read-only view draws it as SVG.
import { isOpKind, LAYERS } from '../../../engine/core/spec/catalogue';
import { analyze } from '../../../engine/core/spec/analyze';
import type { ModelSpec } from '../../../engine/core/spec/types';
import { tidyLayout } from '../editor/layout';

/** Box size in SVG units (px at scale 1). */
export const BOX = { width: 170, height: 46 };

export interface PictureBox {
  id: string;
  /** The layer's name ("Dense") and its main setting ("64 units" → "Dense(64)"). */
  title: string;
  /** The output shape without the batch, e.g. "[64]" or "[16×14×14]"; "?" when the graph has a problem there. */
  shape: string;
  x: number;
  y: number;
}

export interface GraphPicture {
  boxes: PictureBox[];
  /** From the bottom middle of one box to the top middle of the next. */
  edges: Array<{ from: string; to: string; x1: number; y1: number; x2: number; y2: number }>;
  width: number;
  height: number;
  totalParams: number;
}

/** The catalogue's (English) name of a layer kind. */
const englishKind = (op: string) => (isOpKind(op) ? LAYERS[op].name : op);

/** `kindName` names each layer kind (the run page passes its language's names). */
export function graphPicture(spec: ModelSpec, kindName: (op: string) => string = englishKind): GraphPicture {
  const placed = tidyLayout(spec, new Map(spec.nodes.map((n) => [n.id, BOX])));
  const analysis = analyze(spec);
  const xs = placed.nodes.map((n) => n.position?.x ?? 0);
  const ys = placed.nodes.map((n) => n.position?.y ?? 0);
  const left = Math.min(0, ...xs);
  const top = Math.min(0, ...ys);
  const boxes = placed.nodes.map((node): PictureBox => {
    const name = kindName(node.op);
    const size = node.params?.units ?? node.params?.filters;
    const shape = analysis.nodes[node.id]?.outputShape;
    return {
      id: node.id,
      title: size === undefined ? name : `${name}(${String(size)})`,
      shape: shape ? `[${shape.join('×')}]` : '?',
      x: (node.position?.x ?? 0) - left,
      y: (node.position?.y ?? 0) - top,
    };
  });
  const at = new Map(boxes.map((b) => [b.id, b]));
  const edges = spec.edges.flatMap((e) => {
    const from = at.get(e.from);
    const to = at.get(e.to);
    if (!from || !to) return [];
    return [
      {
        from: e.from,
        to: e.to,
        x1: from.x + BOX.width / 2,
        y1: from.y + BOX.height,
        x2: to.x + BOX.width / 2,
        y2: to.y,
      },
    ];
  });
  return {
    boxes,
    edges,
    width: Math.max(BOX.width, ...boxes.map((b) => b.x + BOX.width)),
    height: Math.max(BOX.height, ...boxes.map((b) => b.y + BOX.height)),
    totalParams: analysis.totalParams,
  };
}
