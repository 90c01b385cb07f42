// Statistics across the seeds of a group's combinations: mean ± sample standard deviation of a metric, and per-epoch
// bands (mean, ±1 std, min–max) of a curve, as the CLI's table and the studio's group view show them.

export interface Spread {
  /** How many values (runs) it summarizes. */
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  std: number;
  min: number;
  max: number;
}

/** The spread of the finite values among `values`; null when there are none. */
export function spreadOf(values: ReadonlyArray<number | null | undefined>): Spread | null {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return null;
  const n = finite.length;
  const mean = finite.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? finite.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { n, mean, std: Math.sqrt(variance), min: Math.min(...finite), max: Math.max(...finite) };
}

/** One epoch of a band: the spread of the runs that reached that epoch. */
export interface BandPoint extends Spread {
  epoch: number;
}

/**
 * Per-epoch spread of several runs' curves (curve i's value at epoch e is curves[i][e − 1]; shorter curves, as from
 * early stopping, simply stop counting). Epochs no run has a finite value for are left out.
 */
export function bandOf(curves: ReadonlyArray<ReadonlyArray<number | null>>): BandPoint[] {
  const length = Math.max(0, ...curves.map((c) => c.length));
  const band: BandPoint[] = [];
  for (let i = 0; i < length; i++) {
    const spread = spreadOf(curves.map((c) => c[i]));
    if (spread) band.push({ epoch: i + 1, ...spread });
  }
  return band;
}
