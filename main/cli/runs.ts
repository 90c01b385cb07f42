// `netwright runs`: the runs in the store, newest first, as a table or one JSON object per line.
import type { SplitMetrics } from '../../engine/core/train/trainer';
import { diagnoseStoredRun } from '../../engine/core/train/diagnosisHistory';
import type { RunFailure } from '../../engine/core/train/runFailure';
import type { Store } from '../services/store';
import { RUN_STATUSES, type DatasetRecord, type RunStatus, type RunSummary } from '../services/store/types';
import { diagnosisJson, verdictName, type VerdictJson } from './diagnosisText';
import { choiceOption, countOption, optionalString, parseArgs, UsageError } from './args';
import { dateText, durationText, lossText, metricText, percent, splitScore, table, type SplitScore } from './format';
import { LIST_WORDS } from './listWords';
import { cliLocale, inEachLanguage, speaker, type CliLocale } from './locale';
import { TRAINING_WORDS } from './trainingWords';
import { resolveGroup } from './sweep';
import { withWorkspace } from './workspace';

export const RUNS_USAGE = inEachLanguage(
  () => `netwright runs [--status ${RUN_STATUSES.join('|')}] [--tag TAG] [--group GROUP] [--limit N] [--json]`,
);

export interface RunLine {
  type: 'run';
  id: string;
  name: string;
  status: RunStatus;
  /** Why a failed run failed, in English and as a code (see summary.ts's RunReport). */
  error: string | null;
  failure: RunFailure | null;
  dataset: string | null;
  epochs: number;
  epochsPlanned: number;
  /** The epoch with the lowest validation loss and its validation metrics. */
  bestEpoch: number | null;
  bestValidation: SplitScore | null;
  tags: string[];
  /** The diagnosis of its recorded epochs, as `train --json`'s summary gives it (the studio's verdicts). */
  diagnosis: VerdictJson[];
  /** The group (seeds or sweep) the run belongs to, with its combination of settings. */
  group: { id: string; name: string; combination: number; assignment: Record<string, number | string> } | null;
  durationMs: number;
  createdAt: string;
}

/** A run with its epoch count, best validation epoch and diagnosis, read from its recorded metrics. */
export function runLine(
  store: Store,
  run: RunSummary,
  datasets: Map<string, DatasetRecord>,
  groupNames: Map<string, string> = new Map(),
): RunLine {
  const epochs = store.metrics.listEpochs(run.id);
  const dataset = run.datasetId ? datasets.get(run.datasetId) : undefined;
  const verdicts = diagnoseStoredRun({ ...run, graph: store.runs.getRun(run.id).graph }, epochs, dataset?.manifest);

  const best = epochs.reduce<(typeof epochs)[number] | undefined>(
    (b, e) => (e.valLoss !== null && (b?.valLoss ?? Infinity) > e.valLoss ? e : b),
    undefined,
  );
  const validation = best?.metrics.validation as SplitMetrics | null | undefined;
  return {
    type: 'run',
    id: run.id,
    name: run.name,
    status: run.status,
    error: run.error,
    failure: run.failure,
    dataset: dataset?.name ?? null,
    epochs: epochs.at(-1)?.epoch ?? 0,
    epochsPlanned: run.trainConfig.epochs,
    bestEpoch: best?.epoch ?? null,
    bestValidation: validation ? splitScore(validation) : null,
    tags: run.tags,
    diagnosis: diagnosisJson(verdicts),
    group: run.group
      ? {
          id: run.group.groupId,
          name: groupNames.get(run.group.groupId) ?? '',
          combination: run.group.combination,
          assignment: run.group.assignment,
        }
      : null,
    durationMs: run.durationMs,
    createdAt: new Date(run.createdAt).toISOString(),
  };
}

function bestText(line: RunLine, locale: CliLocale): string {
  const v = line.bestValidation;
  if (!v) return '-';
  const words = speaker(LIST_WORDS, locale);
  const text = (value: number | null, format: (value: number) => string) => metricText(value, format, locale);
  const parts = [words('bestLoss', { loss: text(v.loss, lossText) })];
  if (v.accuracy !== undefined) parts.push(words('bestAccuracy', { accuracy: text(v.accuracy, percent) }));
  else if (v.r2 !== undefined) parts.push(words('bestR2', { r2: text(v.r2, (x) => x.toFixed(3)) }));
  return parts.join(TRAINING_WORDS[locale].listSeparator);
}

export async function runs(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['status', 'tag', 'group', 'limit'], flags: ['json'] }, RUNS_USAGE);
  if (args.positional.length > 0)
    throw new UsageError('unexpected-argument', { argument: args.positional[0] }, RUNS_USAGE);
  const status = args.options.has('status') ? choiceOption(args, 'status', RUN_STATUSES, 'completed') : undefined;
  const limit = args.options.has('limit') ? countOption(args, 'limit', 20) : undefined;
  const tag = optionalString(args, 'tag');
  const groupRef = optionalString(args, 'group');
  const locale = cliLocale();
  const words = speaker(LIST_WORDS, locale);
  return withWorkspace(async ({ store }) => {
    const datasets = new Map(store.datasets.listDatasets().map((d) => [d.id, d]));
    const groups = store.groups.listGroups();
    const groupNames = new Map(groups.map((g) => [g.id, g.name]));
    const groupId = groupRef === undefined ? undefined : resolveGroup(groups, groupRef).id;
    // A group's runs in queue order; otherwise newest first.
    const order = groupId ? ({ sortBy: 'groupPosition', order: 'asc' } as const) : {};
    const lines = store.runs
      .listRuns({ status, tag, limit, groupId, ...order })
      .map((run) => runLine(store, run, datasets, groupNames));
    if (args.options.has('json')) {
      for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
      return 0;
    }
    if (lines.length === 0) {
      process.stdout.write(`${words(status || tag || groupId ? 'noRunsMatch' : 'noRunsYet')}\n`);
      return 0;
    }
    const grouped = lines.some((l) => l.group);
    const rows = lines.map((l) => [
      l.id.slice(0, 8),
      l.name,
      ...(grouped ? [l.group ? `${l.group.id.slice(0, 8)} ${l.group.name}` : '-'] : []),
      TRAINING_WORDS[locale][`status_${l.status}`],
      `${l.epochs}/${l.epochsPlanned}`,
      bestText(l, locale),
      l.diagnosis[0] ? verdictName(l.diagnosis[0].code, locale) : '-',
      durationText(l.durationMs, locale),
      dateText(Date.parse(l.createdAt)),
    ]);
    process.stdout.write(
      `${table(
        [
          words('headingId'),
          words('headingName'),
          ...(grouped ? [words('headingGroup')] : []),
          words('headingStatus'),
          words('headingEpochs'),
          words('headingBest'),
          words('headingDiagnosis'),
          words('headingDuration'),
          words('headingCreated'),
        ],
        rows,
        new Set(grouped ? [4, 7] : [3, 6]),
      )}\n`,
    );
    return 0;
  });
}
