// `netwright continue RUN` (also spelled `resume`): continues a stopped, failed or interrupted run from its last whole-epoch checkpoint,
// with the same progress output and summary as `train`; --lr, --l1, --l2, --dropout and --patience change settings first.
import type { SettingsChangeRequest } from '../../engine/core/train/settingChanges';
import { countOption, numberOption, parseArgs, UsageError, type ParsedArgs } from './args';
import { runDataset } from './checkpoints';
import { RunFollower } from './follow';
import { resolveRun } from './runRef';
import { cliLocale, inEachLanguage, say } from './locale';
import { followAndReport } from './trainSession';
import { TRAINING_WORDS } from './trainingWords';
import { openStudio } from './workspace';
import { CliError } from './errorWords';

export const CONTINUE_USAGE = inEachLanguage(
  () => 'netwright continue RUN [--lr RATE] [--l1 L1] [--l2 L2] [--dropout P|NODE=P,...] [--patience EPOCHS] [--json]',
);

/** The settings to change from the options given (undefined when none is). */
export function changesFromArgs(args: ParsedArgs): SettingsChangeRequest | undefined {
  const changes: SettingsChangeRequest = {};
  if (args.options.has('lr')) changes.learningRate = numberOption(args, 'lr', 0);
  if (args.options.has('l1')) changes.l1 = numberOption(args, 'l1', 0);
  if (args.options.has('l2')) changes.l2 = numberOption(args, 'l2', 0);
  if (args.options.has('patience')) changes.patience = countOption(args, 'patience', 0, 0);
  const dropout = args.options.get('dropout');
  if (typeof dropout === 'string') {
    // One rate for every dropout layer, or NODE=RATE pairs separated by commas.
    if (!dropout.includes('=')) changes.dropout = numberOption(args, 'dropout', 0);
    else {
      const rates: Record<string, number> = {};
      for (const pair of dropout.split(',')) {
        const [node, rate] = pair.split('=');
        const value = Number(rate);
        if (!node || rate === undefined || rate.trim() === '' || !Number.isFinite(value))
          throw new UsageError('dropout-pairs', { value: pair });
        rates[node.trim()] = value;
      }
      changes.dropout = rates;
    }
  }
  return Object.keys(changes).length ? changes : undefined;
}

const RESUMABLE = new Set(['stopped', 'failed', 'interrupted']);

export async function continueCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['lr', 'l1', 'l2', 'dropout', 'patience'], flags: ['json'] }, CONTINUE_USAGE);
  const changes = changesFromArgs(args);
  if (args.positional.length !== 1) throw new UsageError('run-to-continue', {}, CONTINUE_USAGE);
  const json = args.options.has('json');
  const locale = cliLocale();
  const studio = openStudio();
  try {
    const found = resolveRun(studio.store.runs.listRuns(), args.positional[0]);
    if (!RESUMABLE.has(found.status)) {
      const code = found.status === 'completed' ? 'run-finished' : 'run-not-stopped';
      throw new CliError(
        code,
        { id: found.id.slice(0, 8), run: found.name },
        inEachLanguage((language) => ({ status: TRAINING_WORDS[language][`status_${found.status}`] })),
      );
    }
    const dataset = runDataset(studio.store, found);
    const follower = new RunFollower(studio, json, locale);
    let run;
    try {
      run = await studio.continueRun(found.id, changes);
    } catch (error) {
      follower.dispose();
      throw error;
    }
    if (!json) {
      const epoch = studio.store.checkpoints.latestCheckpoint(run.id, 'last')?.epoch ?? 0;
      process.stderr.write(`${say(TRAINING_WORDS, locale, 'resuming', { epoch })}\n`);
    }
    return await followAndReport(studio, follower, run, dataset, json, locale);
  } finally {
    await studio.close();
  }
}
