// What `sweep` prints at the end: per combination of settings, mean ± standard deviation across seeds of the best
// validation loss and of the final validation metric (accuracy or R²), as a table or one JSON document.
import {
  combinationTable,
  validationMetricOf,
  type CombinationRow,
  type Spread,
} from '../../engine/core/train/sweepStats';
import type { RunFailure } from '../../engine/core/train/runFailure';
import type { SweepKind } from '../../engine/core/train/sweep';
import type { GroupDetail } from '../api/types';
import type { GroupStatus } from '../services/store/types';
import { failureText } from './failureText';
import { table } from './format';
import { speaker, type CliLocale } from './locale';
import { SWEEP_WORDS } from './sweepWords';

export interface GroupReport {
  type: 'group';
  id: string;
  name: string;
  kind: SweepKind;
  status: GroupStatus;
  /** The final validation metric the table summarizes: val_accuracy or val_r2. */
  metric: string;
  runs: Array<{
    id: string;
    name: string;
    status: string;
    seed: number;
    assignment: Record<string, number | string>;
    finalMetrics: Record<string, number> | null;
    bestMetrics: Record<string, number> | null;
    error: string | null;
    failure: RunFailure | null;
  }>;
  combinations: CombinationRow[];
}

export function groupReport(detail: GroupDetail): GroupReport {
  const metric = validationMetricOf(detail.task);
  const results = detail.runs.map((r) => ({
    status: r.status,
    combination: r.group?.combination ?? 0,
    assignment: r.group?.assignment ?? {},
    finalMetrics: r.finalMetrics,
    bestMetrics: r.bestMetrics,
  }));
  return {
    type: 'group',
    id: detail.group.id,
    name: detail.group.name,
    kind: detail.group.kind,
    status: detail.group.status,
    metric,
    runs: detail.runs.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      seed: r.seed,
      assignment: r.group?.assignment ?? {},
      finalMetrics: r.finalMetrics,
      bestMetrics: r.bestMetrics,
      error: r.error,
      failure: r.failure,
    })),
    combinations: combinationTable(results, [metric]),
  };
}

/** "0.9533 ± 0.0121" (± the sample standard deviation; a lone run has none to show). */
export function spreadText(spread: Spread | null, digits = 4): string {
  if (!spread) return '-';
  return spread.n > 1 ? `${spread.mean.toFixed(digits)} ± ${spread.std.toFixed(digits)}` : spread.mean.toFixed(digits);
}

/** `interrupted`: Ctrl-C left the group to continue (the store keeps it running for whichever process takes it). */
export function groupReportText(report: GroupReport, locale: CliLocale, interrupted = false): string {
  const words = speaker(SWEEP_WORDS, locale);
  const keys = [...new Set(report.combinations.flatMap((c) => Object.keys(c.assignment)))];
  const metricName = words(report.metric === 'val_accuracy' ? 'headingFinalAccuracy' : 'headingFinalR2');
  const header = [...keys.map((k) => k.toUpperCase()), words('headingRuns'), words('headingBestLoss'), metricName];
  const rows = report.combinations.map((c) => [
    ...keys.map((k) => String(c.assignment[k] ?? '-')),
    `${c.completed}/${c.runs}`,
    spreadText(c.bestValLoss),
    spreadText(c.final[report.metric]),
  ]);
  const right = new Set(header.map((_, i) => i).filter((i) => i >= keys.length));
  const failed = report.runs.filter((r) => r.status === 'failed');
  const group = words('groupLine', {
    id: report.id.slice(0, 8),
    name: report.name,
    kind: words(`kind_${report.kind}`),
    status: words(
      interrupted && report.status === 'running' ? 'groupStatus_interrupted' : `groupStatus_${report.status}`,
    ),
  });
  return [
    group,
    table(header, rows, right),
    words('spreadNote'),
    ...failed.map((r) =>
      words('failedRun', { name: r.name, error: failureText(r.failure, r.error, locale) ?? words('noReason') }),
    ),
    '',
  ].join('\n');
}
