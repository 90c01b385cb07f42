// A layer-by-layer summary of an analysed model, like torchsummary: output shape and parameter count per node,
// in topological order, with totals (the command line's table of it: main/cli/summaryTable.ts).

import { LAYERS, isOpKind } from './catalogue';
import type { Analysis, ModelSpec, Shape } from './types';

export interface SummaryRow {
  nodeId: string;
  /** The node's label, or its op's display name when it has none. */
  label: string;
  op: string;
  /** Without batch; null when it could not be inferred. */
  outputShape: Shape | null;
  params: number;
  /** The layer is frozen: its params do not train. */
  frozen: boolean;
}

export interface ModelSummary {
  rows: SummaryRow[];
  totalParams: number;
  /** totalParams split into the params that train and those in frozen layers. */
  trainableParams: number;
  frozenParams: number;
  /** Number of values the output of every row holds for one sample (activation memory = this × batch × 4 bytes). */
  activationsPerSample: number;
  inputShape: Shape | null;
  outputShape: Shape | null;
}

export function summarize(spec: ModelSpec, analysis: Analysis): ModelSummary {
  const byId = new Map(spec.nodes.map((node) => [node.id, node]));
  const rows: SummaryRow[] = analysis.order.map((id) => {
    const node = byId.get(id);
    const op = node?.op ?? '?';
    const info = analysis.nodes[id];
    const label = node?.label?.trim() ? node.label : isOpKind(op) ? LAYERS[op].name : op;
    return {
      nodeId: id,
      label,
      op,
      outputShape: info?.outputShape ?? null,
      params: info?.params ?? 0,
      frozen: info?.frozen ?? false,
    };
  });
  let activationsPerSample = 0;
  for (const row of rows) if (row.outputShape) activationsPerSample += row.outputShape.reduce((a, b) => a * b, 1);
  return {
    rows,
    totalParams: analysis.totalParams,
    trainableParams: analysis.totalParams - analysis.frozenParams,
    frozenParams: analysis.frozenParams,
    activationsPerSample,
    inputShape: analysis.inputId ? (analysis.nodes[analysis.inputId]?.outputShape ?? null) : null,
    outputShape: analysis.outputId ? (analysis.nodes[analysis.outputId]?.outputShape ?? null) : null,
  };
}
