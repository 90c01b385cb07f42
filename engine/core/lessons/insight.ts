// Numbers the lessons show and their tests assert, computed the same way in both places.

/** Share of near-zero weights over several layers' histograms, weighted by each layer's weight count. */
export function nearZeroShare(layers: ReadonlyArray<{ counts: readonly number[]; nearZero: number }>): {
  share: number;
  count: number;
} {
  let count = 0;
  let zeros = 0;
  for (const layer of layers) {
    const n = layer.counts.reduce((a, b) => a + b, 0);
    count += n;
    zeros += layer.nearZero * n;
  }
  return { share: count > 0 ? zeros / count : 0, count };
}

/** Per-layer gradient norms in the order of a chain's dense layers (fc1, fc2, …), as (layer number, norm). */
export function layerGradientNorms(gradNorms: Record<string, number>): Array<{ x: number; y: number; layer: string }> {
  return Object.entries(gradNorms)
    .map(([layer, norm]) => ({ layer, norm, index: Number(/(\d+)$/.exec(layer)?.[1] ?? Number.NaN) }))
    .filter((entry) => Number.isFinite(entry.index))
    .sort((a, b) => a.index - b.index)
    .map((entry) => ({ x: entry.index, y: entry.norm, layer: entry.layer }));
}
