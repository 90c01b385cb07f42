// `netwright continue RUN` (also spelled `resume`): continues a stopped, failed or interrupted run from its last whole-epoch checkpoint,
// with the same progress output and summary as `train`.
import { parseArgs, UsageError } from './args';
import { runDataset } from './checkpoints';
import { RunFollower } from './follow';
import { resolveRun } from './runRef';
import { followAndReport } from './trainSession';
import { openStudio } from './workspace';

export const CONTINUE_USAGE = 'netwright continue RUN [--json]';

const RESUMABLE = new Set(['stopped', 'failed', 'interrupted']);

export async function continueCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: [], flags: ['json'] }, CONTINUE_USAGE);
  if (args.positional.length !== 1) throw new UsageError('say which run to continue', CONTINUE_USAGE);
  const json = args.options.has('json');
  const studio = openStudio();
  try {
    const found = resolveRun(studio.store.runs.listRuns(), args.positional[0]);
    if (!RESUMABLE.has(found.status)) {
      const why = found.status === 'completed' ? 'it has finished training' : 'it is not stopped';
      throw new Error(
        `run ${found.id.slice(0, 8)} '${found.name}' is ${found.status}: ${why}; only stopped, failed or interrupted runs continue`,
      );
    }
    const dataset = runDataset(studio.store, found);
    const follower = new RunFollower(studio, json);
    let run;
    try {
      run = await studio.continueRun(found.id);
    } catch (error) {
      follower.dispose();
      throw error;
    }
    if (!json)
      process.stderr.write(
        `resuming from the checkpoint of epoch ${studio.store.checkpoints.latestCheckpoint(run.id, 'last')?.epoch ?? 0}\n`,
      );
    return await followAndReport(studio, follower, run, dataset, json);
  } finally {
    await studio.close();
  }
}
