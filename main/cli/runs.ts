// `netwright runs`: the runs in the store, newest first, as a table or one JSON object per line.
import type { SplitMetrics } from '../../engine/core/train/trainer';
import type { Store } from '../services/store';
import { RUN_STATUSES, type RunStatus, type RunSummary } from '../services/store/types';
import { choiceOption, countOption, optionalString, parseArgs, UsageError } from './args';
import { dateText, durationText, percent, splitScore, table, type SplitScore } from './format';
import { withWorkspace } from './workspace';

export const RUNS_USAGE = `netwright runs [--status ${RUN_STATUSES.join('|')}] [--tag TAG] [--limit N] [--json]`;

export interface RunLine {
  type: 'run';
  id: string;
  name: string;
  status: RunStatus;
  error: string | null;
  dataset: string | null;
  epochs: number;
  epochsPlanned: number;
  /** The epoch with the lowest validation loss and its validation metrics. */
  bestEpoch: number | null;
  bestValidation: SplitScore | null;
  tags: string[];
  durationMs: number;
  createdAt: string;
}

/** A run with its epoch count and best validation epoch, read from its recorded metrics. */
export function runLine(store: Store, run: RunSummary, datasetNames: Map<string, string>): RunLine {
  const epochs = store.metrics.listEpochs(run.id);
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
    dataset: run.datasetId ? (datasetNames.get(run.datasetId) ?? null) : null,
    epochs: epochs.at(-1)?.epoch ?? 0,
    epochsPlanned: run.trainConfig.epochs,
    bestEpoch: best?.epoch ?? null,
    bestValidation: validation ? splitScore(validation) : null,
    tags: run.tags,
    durationMs: run.durationMs,
    createdAt: new Date(run.createdAt).toISOString(),
  };
}

function bestText(line: RunLine): string {
  const v = line.bestValidation;
  if (!v) return '-';
  const second =
    v.accuracy !== undefined ? `acc ${percent(v.accuracy)}` : v.r2 !== undefined ? `R² ${v.r2.toFixed(3)}` : '';
  return `loss ${v.loss.toFixed(4)}${second ? `, ${second}` : ''}`;
}

export async function runs(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['status', 'tag', 'limit'], flags: ['json'] }, RUNS_USAGE);
  if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}'`, RUNS_USAGE);
  const status = args.options.has('status') ? choiceOption(args, 'status', RUN_STATUSES, 'completed') : undefined;
  const limit = args.options.has('limit') ? countOption(args, 'limit', 20) : undefined;
  const tag = optionalString(args, 'tag');
  return withWorkspace(async ({ store }) => {
    const datasetNames = new Map(store.datasets.listDatasets().map((d) => [d.id, d.name]));
    const lines = store.runs.listRuns({ status, tag, limit }).map((run) => runLine(store, run, datasetNames));
    if (args.options.has('json')) {
      for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
      return 0;
    }
    if (lines.length === 0) {
      process.stdout.write(status || tag ? 'no runs match\n' : 'no runs yet: start one with `netwright train`\n');
      return 0;
    }
    const rows = lines.map((l) => [
      l.id.slice(0, 8),
      l.name,
      l.status,
      `${l.epochs}/${l.epochsPlanned}`,
      bestText(l),
      durationText(l.durationMs),
      dateText(Date.parse(l.createdAt)),
    ]);
    process.stdout.write(
      `${table(['ID', 'NAME', 'STATUS', 'EPOCHS', 'BEST VALIDATION', 'DURATION', 'CREATED'], rows, new Set([3, 5]))}\n`,
    );
    return 0;
  });
}
