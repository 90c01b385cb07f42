// Freezing layers by name: the nodes given (`--freeze conv1,conv2`), or every layer with parameters up to and
// including one node in topological order (`--freeze-until conv2`). Unknown names come back for the caller to word.
import { analyze } from './analyze';
import type { Analysis, ModelSpec } from './types';

export type FreezeResult = { ok: true; spec: ModelSpec; frozen: string[] } | { ok: false; unknown: string[] };

/** The spec with `trainable: false` on the given nodes (a layer without parameters is frozen to no effect). */
export function freezeLayers(spec: ModelSpec, ids: readonly string[]): FreezeResult {
  const known = new Set(spec.nodes.map((n) => n.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) return { ok: false, unknown };
  const wanted = new Set(ids);
  return {
    ok: true,
    spec: { ...spec, nodes: spec.nodes.map((n) => (wanted.has(n.id) ? { ...n, trainable: false } : n)) },
    frozen: spec.nodes.filter((n) => wanted.has(n.id)).map((n) => n.id),
  };
}

/** Freezes every layer with parameters from the input up to and including `until`, in topological order. */
export function freezeUntil(spec: ModelSpec, until: string): FreezeResult {
  const analysis = analyze(spec);
  const at = analysis.order.indexOf(until);
  if (at < 0) return { ok: false, unknown: [until] };
  const ids = analysis.order.slice(0, at + 1).filter((id) => analysis.nodes[id].params > 0);
  return freezeLayers(spec, ids);
}

/**
 * Whether training `analysis`'s model could change nothing: it has parameters, and every one is in a frozen layer.
 * (A model without parameters is not refused here: the loss alone is a valid, if odd, thing to watch.)
 */
export function trainsNothing(analysis: Pick<Analysis, 'totalParams' | 'frozenParams'>): boolean {
  return analysis.totalParams > 0 && analysis.frozenParams === analysis.totalParams;
}
