// RunFollower keeps the engine's outcome of the run it follows, also when the engine reports it before follow() is
// called: a run that diverges within its first steps on a busy machine finished before the command knew its id,
// its outcome was dropped, and the summary printed the error instead of the diagnosis and its advice.
import { describe, expect, it } from 'vitest';
import { divergedFailure } from '../../engine/core/train/runFailure';
import type { RunOutcome } from '../../engine/core/train/trainer';
import type { StudioEvent } from '../api/types';
import type { SupervisorEvent } from '../services/engine/supervisor';
import type { RunSummary } from '../services/store/types';
import type { Studio } from '../services/studio/studio';
import { RunFollower } from './follow';

/** The two event streams RunFollower listens to, driven by the test. */
function fakeStudio() {
  const studioListeners: Array<(event: StudioEvent) => void> = [];
  const supervisorListeners: Array<(event: SupervisorEvent) => void> = [];
  const studio = {
    onEvent(listener: (event: StudioEvent) => void) {
      studioListeners.push(listener);
      return () => studioListeners.splice(studioListeners.indexOf(listener), 1);
    },
    supervisor: {
      onEvent(listener: (event: SupervisorEvent) => void) {
        supervisorListeners.push(listener);
        return () => supervisorListeners.splice(supervisorListeners.indexOf(listener), 1);
      },
    },
    stopRun: () => Promise.resolve(),
  };
  return {
    studio: studio as unknown as Studio,
    engineFinished: (runId: string, outcome: RunOutcome) =>
      supervisorListeners.forEach((l) => l({ runId, message: { type: 'finished', runId, outcome } })),
    runFinished: (run: RunSummary) => studioListeners.forEach((l) => l({ type: 'run-finished', runId: run.id, run })),
  };
}

const run = (id: string) => ({ id, status: 'failed', trainConfig: { epochs: 3 } }) as unknown as RunSummary;
const diverged = (epochs: number): RunOutcome => {
  const at = { epoch: epochs + 1, step: 3, lr: 9, optimizer: 'sgd' };
  return { status: 'diverged', epochs, failure: divergedFailure(at), at };
};

describe('RunFollower', () => {
  it("keeps the outcome the engine reported before follow() knew the run's id", async () => {
    const fake = fakeStudio();
    const follower = new RunFollower(fake.studio, true, 'en');
    fake.engineFinished('other', diverged(2)); // another run's outcome is not this one's
    fake.engineFinished('r1', diverged(0));
    fake.runFinished(run('r1'));
    const followed = await follower.follow(run('r1'));
    expect(followed.outcome).toEqual(diverged(0));
  });

  it('keeps the outcome reported while following, and only the followed run’s', async () => {
    const fake = fakeStudio();
    const follower = new RunFollower(fake.studio, true, 'en');
    const followed = follower.follow(run('r2'));
    fake.engineFinished('other', diverged(2));
    fake.engineFinished('r2', diverged(1));
    fake.runFinished(run('r2'));
    expect((await followed).outcome).toEqual(diverged(1));
  });
});
