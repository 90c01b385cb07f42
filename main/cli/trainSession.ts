// The part `train` and `continue` share: follow the started run to its end, print the summary, and turn how it
// ended into the exit code (0 finished, 130 stopped with Ctrl-C, an error when it failed).
import type { RunSummary, DatasetRecord } from '../services/store/types';
import type { Studio } from '../services/studio/studio';
import type { RunFollower } from './follow';
import { speaker, type CliLocale } from './locale';
import { reportText, runReport } from './summary';
import { TRAINING_WORDS } from './trainingWords';
import { CliError } from './errorWords';
import { failureText } from './failureText';
import { runFailure } from '../../engine/core/train/runFailure';

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
    // Why, in each language (failureText.ts); a run with neither a code nor an English reason says so.
    const reason = (language: CliLocale) =>
      failureText(report.failure, report.error, language) ?? failureText(runFailure('no-reason'), null, language) ?? '';
    throw new CliError(code, named, { en: { reason: reason('en') }, zh: { reason: reason('zh') } });
  }
  if (report.status === 'stopped' && followed.interrupted) {
    if (!json) process.stderr.write(`${words('continueHint', { id: run.id.slice(0, 8) })}\n`);
    return INTERRUPTED_EXIT;
  }
  return 0;
}
