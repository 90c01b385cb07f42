// The runs table's logic: which metrics a run shows (classification: loss and accuracy; regression: R² and MAE
// when recorded, else loss), its key settings in one line, and sorting and filtering the rows.
import type { RunStatus, RunSummary } from '../../../main/api/types';

/** Every run status once (the Record makes the compiler notice a new one), in the order the filter lists them. */
const STATUS_SET: Record<RunStatus, true> = {
  queued: true,
  running: true,
  paused: true,
  completed: true,
  stopped: true,
  failed: true,
  interrupted: true,
};
export const RUN_STATUSES = Object.keys(STATUS_SET) as RunStatus[];

export type SortKey =
  | 'name'
  | 'status'
  | 'createdAt'
  | 'duration'
  | 'bestLoss'
  | 'bestAccuracy'
  | 'finalLoss'
  | 'finalAccuracy'
  | 'testAccuracy';

export interface RunSort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

export interface RunFilter {
  text: string;
  status: RunStatus | '';
  tag: string;
}

/** The accuracy-like metric of a run: accuracy for classifiers, R² for regressions (both: higher is better). */
export function scoreOf(metrics: Record<string, number> | null, split: 'val' | 'test'): number | null {
  if (!metrics) return null;
  return metrics[`${split}_accuracy`] ?? metrics[`${split}_r2`] ?? null;
}

export function lossOf(metrics: Record<string, number> | null, split: 'val' | 'test'): number | null {
  if (!metrics) return null;
  return metrics[`${split}_loss`] ?? null;
}

function sortValue(run: RunSummary, key: SortKey): number | string | null {
  switch (key) {
    case 'name':
      return run.name.toLowerCase();
    case 'status':
      return run.status;
    case 'createdAt':
      return run.createdAt;
    case 'duration':
      return run.durationMs;
    case 'bestLoss':
      return lossOf(run.bestMetrics, 'val');
    case 'bestAccuracy':
      return scoreOf(run.bestMetrics, 'val');
    case 'finalLoss':
      return lossOf(run.finalMetrics, 'val');
    case 'finalAccuracy':
      return scoreOf(run.finalMetrics, 'val');
    case 'testAccuracy':
      return scoreOf(run.finalMetrics, 'test');
    default:
      throw new Error(`unknown sort key ${String(key)}`);
  }
}

/** Sorted copy; runs without the value come last in either direction; ties keep the newest first. */
export function sortRuns(runs: readonly RunSummary[], sort: RunSort): RunSummary[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...runs].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) {
      return (va < vb ? -1 : 1) * sign;
    }
    return b.createdAt - a.createdAt;
  });
}

/** Text matches the name, a tag or the notes (case-insensitive); status and tag match exactly. */
export function filterRuns(runs: readonly RunSummary[], filter: RunFilter): RunSummary[] {
  const text = filter.text.trim().toLowerCase();
  return runs.filter(
    (run) =>
      (filter.status === '' || run.status === filter.status) &&
      (filter.tag === '' || run.tags.includes(filter.tag)) &&
      (text === '' ||
        run.name.toLowerCase().includes(text) ||
        run.tags.some((t) => t.toLowerCase().includes(text)) ||
        run.notes.toLowerCase().includes(text)),
  );
}

/** Clicking a header: the same column flips the direction; a new one starts with the natural order for it. */
export function nextSort(current: RunSort, key: SortKey): RunSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  const ascendingFirst = key === 'name' || key === 'status' || key === 'bestLoss' || key === 'finalLoss';
  return { key, direction: ascendingFirst ? 'asc' : 'desc' };
}

/**
 * "adam · lr 0.001 · batch 32 · 20 ep · L2 1e-4 · cosine"; SGD's and RMSProp's momentum and Nesterov are named, so
 * plain SGD, momentum and Nesterov runs do not read alike.
 */
export function settingsSummary(run: RunSummary): string {
  const c = run.trainConfig;
  const { optimizer } = c;
  const parts: string[] = [optimizer.type];
  if ((optimizer.type === 'sgd' || optimizer.type === 'rmsprop') && optimizer.momentum) {
    parts.push(`momentum ${optimizer.momentum}`);
  }
  if (optimizer.type === 'sgd' && optimizer.nesterov) parts.push('nesterov');
  parts.push(`lr ${optimizer.lr}`, `batch ${c.batchSize}`, `${c.epochs} ep`);
  if (c.l1) parts.push(`L1 ${c.l1}`);
  if (c.l2) parts.push(`L2 ${c.l2}`);
  if (c.schedule.type !== 'constant') parts.push(c.schedule.type);
  return parts.join(' · ');
}

/** Tags typed as "a, b,, c " → ['a', 'b', 'c'] (trimmed, empty and repeated ones dropped). */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
}

/** A run's training time in the message table's words (`durationSeconds` …): tenths of a second under ten seconds
 * (a sample's 30 epochs take half a second, which "0 s" would hide), whole seconds to a minute, then minutes and
 * hours. */
export function durationWords(ms: number): {
  key: 'durationSeconds' | 'durationMinutes' | 'durationHours';
  params: Record<string, string | number>;
} {
  if (ms < 9_950) return { key: 'durationSeconds', params: { s: (Math.max(0, ms) / 1000).toFixed(1) } };
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return { key: 'durationSeconds', params: { s: seconds } };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { key: 'durationMinutes', params: { min: minutes, s: seconds % 60 } };
  return { key: 'durationHours', params: { h: Math.floor(minutes / 60), min: minutes % 60 } };
}

/** durationWords said by a translator of a table that has those keys (the Experiments view's). */
export function durationText(
  ms: number,
  t: (key: ReturnType<typeof durationWords>['key'], params: Record<string, string | number>) => string,
): string {
  const words = durationWords(ms);
  return t(words.key, words.params);
}

/** Regression runs (mean squared error) show R² where classifiers show accuracy. */
export function scoreKind(run: RunSummary): 'accuracy' | 'r2' {
  return run.trainConfig.loss === 'mse' ? 'r2' : 'accuracy';
}

export function formatMetric(value: number | null, kind: 'loss' | 'accuracy' | 'r2'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (kind) {
    case 'accuracy':
      return `${(value * 100).toFixed(1)}%`;
    case 'r2':
      return value.toFixed(3);
    case 'loss':
      return value.toPrecision(3);
    default:
      throw new Error(`unknown metric kind ${String(kind)}`);
  }
}
