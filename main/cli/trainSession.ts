// The part `train` and `continue` share: follow the started run to its end, print the summary, and turn how it
// ended into the exit code (0 finished, 130 stopped with Ctrl-C, an error when it failed).
import type { RunSummary, DatasetRecord } from '../services/store/types';
import type { Studio } from '../services/studio/studio';
import type { RunFollower } from './follow';
import { speaker, type CliLocale } from './locale';
import { reportText, runReport } from './summary';
import { TRAINING_WORDS } from './trainingWords';
import { CliError } from './errorWords';

/** Exit code of a run stopped by Ctrl-C, as shells report an interrupted command. */
export const INTERRUPTED_EXIT = 130;

export async function followAndReport(
  studio: Studio,
  follower: RunFollower,
  run: RunSummary,
  dataset: DatasetRecord,
  json: boolean,
  locale: CliLocale,
): Promise<number> {
  const words = speaker(TRAINING_WORDS, locale);
  if (!json) {
    const kernels = studio.supervisor.engineKernels;
    const named = { id: run.id.slice(0, 8), name: run.name };
    process.stderr.write(
      `${kernels ? words('runStartedOnEngine', { ...named, isa: kernels.isa, threads: kernels.threads }) : words('runStarted', named)}\n`,
    );
  }
  const followed = await follower.follow(run);
  const report = await runReport(studio.store, () => studio.supervisor.ensureEngine(), dataset, followed);
  process.stdout.write(json ? `${JSON.stringify(report)}\n` : reportText(report, dataset.manifest.split, locale));
  if (report.status === 'failed') {
    const code = report.outcome === 'diverged' ? 'run-diverged' : 'run-failed';
    const named = { id: run.id.slice(0, 8), run: run.name };
    // The engine's reason is its own English; only its absence is worded here.
    if (report.error) throw new CliError(code, { ...named, reason: report.error });
    throw new CliError(code, named, { en: { reason: 'no reason was given' }, zh: { reason: '没有给出原因' } });
  }
  if (report.status === 'stopped' && followed.interrupted) {
    if (!json) process.stderr.write(`${words('continueHint', { id: run.id.slice(0, 8) })}\n`);
    return INTERRUPTED_EXIT;
  }
  return 0;
}
