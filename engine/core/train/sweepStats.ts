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

/** What the table needs of one run of a group. */
export interface TrialResult {
  status: string;
  combination: number;
  assignment: Record<string, number | string>;
  finalMetrics: Record<string, number> | null;
  bestMetrics: Record<string, number> | null;
}

/** One combination of settings across its seeds: how many runs, how many completed, and each metric's spread. */
export interface CombinationRow {
  combination: number;
  assignment: Record<string, number | string>;
  runs: number;
  completed: number;
  /** Spread of the completed runs' final value of each metric asked for, and of their best validation loss. */
  final: Record<string, Spread | null>;
  bestValLoss: Spread | null;
}

/** The task's validation metric: accuracy for classification, R² for regression. */
export function validationMetricOf(task: 'classification' | 'regression'): 'val_accuracy' | 'val_r2' {
  return task === 'classification' ? 'val_accuracy' : 'val_r2';
}

/** Rows per combination, in combination order; only completed runs count in the spreads. */
export function combinationTable(results: readonly TrialResult[], metrics: readonly string[]): CombinationRow[] {
  const byCombination = new Map<number, TrialResult[]>();
  for (const r of results) byCombination.set(r.combination, [...(byCombination.get(r.combination) ?? []), r]);
  return [...byCombination.entries()]
    .sort(([a], [b]) => a - b)
    .map(([combination, runs]) => {
      const completed = runs.filter((r) => r.status === 'completed');
      return {
        combination,
        assignment: runs[0].assignment,
        runs: runs.length,
        completed: completed.length,
        final: Object.fromEntries(metrics.map((m) => [m, spreadOf(completed.map((r) => r.finalMetrics?.[m]))])),
        bestValLoss: spreadOf(completed.map((r) => r.bestMetrics?.val_loss)),
      };
    });
}
