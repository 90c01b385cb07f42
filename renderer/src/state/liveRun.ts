// The live run's curves as events arrive: what each event changes. The studio state keeps a private copy that events
// change in place and publishes it a few times a second, so a fast run (hundreds of epochs a second) costs one copy
// of the curves per refresh, not one per event.
import type {
  EpochRecord,
  ModelSpec,
  RunDetail,
  RunFailure,
  RunStatus,
  RunSummary,
  SettingChange,
  StudioEvent,
} from '../../../main/api/types';

/** The run being trained (or last trained) with its curves as they arrive. */
export interface LiveRun {
  runId: string;
  name: string;
  /** The dataset it trains on and the graph it trains: the Train view reads the run by these, not by whatever dataset
   *  and graph are open now (another may have been opened since it started). */
  datasetId: string | null;
  spec: ModelSpec | null;
  status: RunStatus;
  /** Why it failed: the English and the code the studio words (state/runFailureText.ts). */
  error: string | null;
  failure: RunFailure | null;
  epochsPlanned: number;
  epochs: EpochRecord[];
  /** Loss per optimizer step (thinned when long). */
  steps: Array<{ step: number; loss: number }>;
  progress: { epoch: number; batch: number; batches: number; samplesPerSecond: number; startedAt: number } | null;
  /** Settings changed at pauses, in order (marked on the curves). */
  changes: SettingChange[];
  /**
   * When epochs ended here, by the wall clock, while the run trained: about one mark a quarter of a second over the
   * last ten seconds or more (paceOf). Epoch records time only an epoch's own work; between small epochs the
   * validation, checkpoints and reports can take longer than the epoch itself.
   */
  paces?: Array<{ epoch: number; at: number }>;
}

/** Marks closer together than this replace the latest one; at most PACE_MARKS are kept. */
const PACE_SPACING_MS = 250;
const PACE_MARKS = 40;

/** Seconds per epoch by the wall clock over the kept marks (at least half a second of them), else null. */
export function paceOf(live: Pick<LiveRun, 'paces'>): number | null {
  const marks = live.paces ?? [];
  const first = marks[0];
  const last = marks.at(-1);
  if (!first || !last || last.epoch <= first.epoch || last.at - first.at < 500) return null;
  return (last.at - first.at) / 1000 / (last.epoch - first.epoch);
}

export type LiveEvent = Extract<StudioEvent, { runId: string }>;

/** Past this many step losses the curve keeps every other point (its shape at half the points). */
export const MAX_LIVE_STEPS = 4000;

/** A stored run as the charts draw it: its curves as recorded (steps whose loss was not a number left out). */
export function liveFromDetail(detail: RunDetail): LiveRun {
  return {
    runId: detail.run.id,
    name: detail.run.name,
    datasetId: detail.run.datasetId,
    spec: detail.run.graph,
    status: detail.run.status,
    error: detail.run.error,
    failure: detail.run.failure,
    epochsPlanned: detail.run.trainConfig.epochs,
    epochs: detail.epochs,
    steps: detail.steps.flatMap((s) => (s.loss === null ? [] : [{ step: s.step, loss: s.loss }])),
    progress: null,
    changes: detail.run.settingChanges,
  };
}

/**
 * A run this studio just started, with the events that arrived before startRun answered (it answers once the engine
 * runs, and a fast run's first epochs may come first): those of this run applied in order, others ignored.
 */
export function liveFromStart(run: RunSummary, spec: ModelSpec, early: readonly LiveEvent[]): LiveRun {
  const live: LiveRun = {
    runId: run.id,
    name: run.name,
    datasetId: run.datasetId,
    spec,
    status: run.status,
    error: null,
    failure: null,
    epochsPlanned: run.trainConfig.epochs,
    epochs: [],
    steps: [],
    progress: null,
    changes: [],
  };
  for (const event of early) if (event.runId === run.id) applyLiveEvent(live, event);
  return live;
}

/** Statuses of a run that is still going (or waiting to): the live panel keeps following such a run. */
export const ACTIVE_STATUSES: ReadonlySet<RunStatus> = new Set<RunStatus>(['queued', 'running', 'paused']);

/** A copy whose curves can be changed without touching the original (which components may be drawing). */
export function copyLive(live: LiveRun): LiveRun {
  return { ...live, epochs: live.epochs.slice(), steps: live.steps.slice(), paces: live.paces?.slice() };
}

/** Applies one event to a private copy (see copyLive), in place. */
export function applyLiveEvent(live: LiveRun, event: LiveEvent, now = Date.now()): void {
  switch (event.type) {
    case 'run-status':
      live.status = event.status;
      live.error = event.error ?? null;
      live.failure = event.failure ?? null;
      if (event.status !== 'running') live.paces = []; // a pause's wall time is no training pace
      return;
    case 'run-progress': {
      const startedAt = live.progress?.startedAt ?? now;
      live.progress = {
        epoch: event.epoch,
        batch: event.batch,
        batches: event.batches,
        samplesPerSecond: event.samplesPerSecond,
        startedAt,
      };
      if (Number.isFinite(event.loss)) {
        if (live.steps.length >= MAX_LIVE_STEPS) live.steps = live.steps.filter((_, i) => i % 2 === 1);
        live.steps.push({ step: event.step, loss: event.loss });
      }
      return;
    }
    case 'run-epoch': {
      // In order, the common case, it is appended; a resumed run repeats epochs from its checkpoint, which replace
      // the ones recorded after it.
      const last = live.epochs.at(-1);
      if (last && last.epoch >= event.record.epoch)
        live.epochs = live.epochs.filter((e) => e.epoch < event.record.epoch);
      live.epochs.push(event.record);
      live.epochsPlanned = event.epochs;
      const marks = (live.paces ??= []);
      const latest = marks.at(-1);
      if (latest && latest.epoch >= event.record.epoch) marks.length = 0; // resumed from a checkpoint: start again
      const mark = { epoch: event.record.epoch, at: now };
      if (marks.length > 1 && now - marks[marks.length - 2].at < PACE_SPACING_MS) marks[marks.length - 1] = mark;
      else marks.push(mark);
      if (marks.length > PACE_MARKS) marks.shift();
      return;
    }
    case 'run-finished':
      live.status = event.run.status;
      live.error = event.run.error;
      live.failure = event.run.failure;
      return;
    default:
      return;
  }
}

/** Whether the panel should show this event at once (a change of state) rather than with the next refresh. */
export function showsAtOnce(event: LiveEvent): boolean {
  return event.type === 'run-status' || event.type === 'run-finished';
}
