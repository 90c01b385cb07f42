// Works through a group's queue of runs (seeds, sweeps): one after another, or K at once, each lane with its own
// engine process given floor(cores / K) threads. The group is owned by this process while it works (store/owner.ts);
// when the process dies its queue stays in the store and the next process to pick the group up goes on: queued runs
// start, and the run that was cut off (interrupted, or stopped by a closing studio) continues from its checkpoint.
import { availableParallelism } from 'node:os';
import type { EngineClientOptions } from '../../../engine/host/parent/client';
import { currentOwner, ownerAlive, type RunOwner, type Store } from '../store';
import type { GroupStatus, RunSummary } from '../store/types';
import { EngineSupervisor, failedBecause } from './supervisor';

export interface GroupRunnerOptions {
  /** Folder for run files (as the supervisor's). */
  runsDir: string;
  engine?: EngineClientOptions;
  /** Cores to divide between parallel runs (default: this machine's). */
  cores?: number;
  checkpointIntervalMs?: number;
  memoryBudget?: () => number;
  ownerAlive?: (owner: RunOwner) => boolean;
}

interface ActiveGroup {
  lanes: EngineSupervisor[];
  /** Runs this runner has started or continued: never taken twice in one working life. */
  taken: Set<string>;
  cancelled: boolean;
  closing: boolean;
  done: Promise<void>;
}

export type GroupListener = (event: { groupId: string; status: GroupStatus }) => void;

/** Threads per engine when `parallel` runs share `cores` (at least one each). */
export function threadsPerRun(cores: number, parallel: number): number {
  return Math.max(1, Math.floor(cores / parallel));
}

export class GroupRunner {
  private readonly active = new Map<string, ActiveGroup>();
  private readonly laneListeners = new Set<(lane: EngineSupervisor) => void>();
  private readonly groupListeners = new Set<GroupListener>();

  constructor(
    private readonly store: Store,
    private readonly options: GroupRunnerOptions,
  ) {}

  /** Called with each engine supervisor a group starts (to relay its runs' events). */
  onLane(listener: (lane: EngineSupervisor) => void): () => void {
    this.laneListeners.add(listener);
    return () => this.laneListeners.delete(listener);
  }

  /** Group status changes as they happen. */
  onGroup(listener: GroupListener): () => void {
    this.groupListeners.add(listener);
    return () => this.groupListeners.delete(listener);
  }

  /**
   * Takes the group for this process and works through its queue; resolves when the queue is done, the group was
   * cancelled, or the runner closed. False (and nothing started) when another live process is working on it.
   */
  run(groupId: string): boolean {
    if (this.active.has(groupId)) return true;
    const group = this.store.groups.getGroup(groupId);
    if (group.status === 'completed' || group.status === 'cancelled') return false;
    if (!this.store.groups.claimGroup(groupId, currentOwner(), this.options.ownerAlive ?? ownerAlive)) return false;
    const cores = this.options.cores ?? availableParallelism();
    const threads = group.parallel > 1 ? { threads: threadsPerRun(cores, group.parallel) } : {};
    const lanes = Array.from(
      { length: group.parallel },
      () =>
        new EngineSupervisor(this.store, {
          runsDir: this.options.runsDir,
          engine: { ...this.options.engine, ...threads },
          checkpointIntervalMs: this.options.checkpointIntervalMs,
          memoryBudget: this.options.memoryBudget,
        }),
    );
    for (const lane of lanes) for (const listener of this.laneListeners) listener(lane);
    const state: ActiveGroup = { lanes, taken: new Set(), cancelled: false, closing: false, done: Promise.resolve() };
    this.active.set(groupId, state);
    this.setStatus(groupId, 'running');
    state.done = Promise.all(lanes.map((lane) => this.work(groupId, state, lane))).then(async () => {
      await Promise.all(lanes.map((lane) => lane.close()));
      this.active.delete(groupId);
      if (!state.cancelled && !state.closing) this.setStatus(groupId, 'completed');
    });
    return true;
  }

  /** Resolves when the group's queue is done here (at once when this runner is not working on it). */
  whenDone(groupId: string): Promise<void> {
    return this.active.get(groupId)?.done ?? Promise.resolve();
  }

  /** Whether this runner is working on the group now. */
  isRunning(groupId: string): boolean {
    return this.active.has(groupId);
  }

  /** The lane training `runId` now, if any (to pause or stop one run of a group). */
  laneOf(runId: string): EngineSupervisor | undefined {
    for (const state of this.active.values()) {
      const lane = state.lanes.find((l) => l.activeRun === runId);
      if (lane) return lane;
    }
    return undefined;
  }

  /**
   * Cancels the group: its queued runs become stopped (they never start) and the runs training now stop after their
   * current batch (their last whole-epoch checkpoint is kept).
   */
  async cancel(groupId: string): Promise<void> {
    const state = this.active.get(groupId);
    if (state) state.cancelled = true;
    for (const run of this.groupRuns(groupId))
      if (run.status === 'queued') this.store.runs.updateRunStatus(run.id, 'stopped', {});
    this.setStatus(groupId, 'cancelled');
    if (!state) return;
    for (const lane of state.lanes) if (lane.activeRun) lane.stop(lane.activeRun);
    await state.done;
  }

  /** Stops every lane (their runs stop with a checkpoint) and leaves the groups queued for the next process. */
  async close(): Promise<void> {
    const states = [...this.active.values()];
    const ids = [...this.active.keys()];
    for (const state of states) state.closing = true;
    await Promise.all(states.flatMap((state) => state.lanes.map((lane) => lane.close())));
    await Promise.all(states.map((state) => state.done));
    for (const id of ids) this.store.groups.releaseGroup(id, currentOwner());
  }

  private groupRuns(groupId: string): RunSummary[] {
    return this.store.runs.listRuns({ groupId, sortBy: 'groupPosition', order: 'asc' });
  }

  /** The next run a lane should train: queued ones, and ones cut off in an earlier working life, in queue order. */
  private nextRun(groupId: string, state: ActiveGroup): RunSummary | undefined {
    return this.groupRuns(groupId).find(
      (r) => !state.taken.has(r.id) && (r.status === 'queued' || r.status === 'interrupted' || r.status === 'stopped'),
    );
  }

  private async work(groupId: string, state: ActiveGroup, lane: EngineSupervisor): Promise<void> {
    for (;;) {
      if (state.cancelled || state.closing) return;
      const run = this.nextRun(groupId, state);
      if (!run) return;
      state.taken.add(run.id);
      try {
        if (run.status === 'queued') await lane.startQueuedRun(run.id);
        else await lane.continueRun(run.id);
      } catch (error) {
        // Refused before it started (it would not fit in memory now): recorded as failed, and the queue goes on.
        if (this.store.runs.getRun(run.id).status === 'queued')
          this.store.runs.updateRunStatus(run.id, 'failed', failedBecause(error));
        continue;
      }
      await lane.whenIdle();
    }
  }

  private setStatus(groupId: string, status: GroupStatus): void {
    this.store.groups.setGroupStatus(groupId, status);
    for (const listener of this.groupListeners) listener({ groupId, status });
  }
}
