// Per-epoch and per-step training metrics of runs: written in batches (one transaction each), read back for charts.
import type { EpochMetrics } from '../../../engine/core/train/trainer';
import { type StoreContext, NotFoundError } from './context';
import type { EpochRecord, StepRecord } from './types';

interface EpochRow {
  epoch: number;
  train_loss: number | null;
  train_accuracy: number | null;
  val_loss: number | null;
  val_accuracy: number | null;
  lr: number | null;
  metrics: string;
}

interface StepRow {
  step: number;
  epoch: number;
  loss: number | null;
  lr: number | null;
  samples_per_s: number | null;
}

export interface RunEpoch {
  runId: string;
  record: EpochRecord;
}
export interface RunStep {
  runId: string;
  record: StepRecord;
}

/** An epoch as the engine reports it (engine/core/train/trainer.ts), in the store's shape. */
export function toEpochRecord(m: EpochMetrics): EpochRecord {
  const { epoch, trainLoss, trainAccuracy, validation, lr, ...rest } = m;
  return {
    epoch,
    trainLoss,
    trainAccuracy: trainAccuracy ?? null,
    valLoss: validation?.loss ?? null,
    valAccuracy: validation?.accuracy ?? null,
    lr,
    metrics: { ...rest, validation },
  };
}

/** SQLite stores NaN as NULL; infinities survive. A diverged run's NaN loss reads back as null. */
function finiteOrNull(value: number | null | undefined): number | null {
  return value === undefined || value === null || Number.isNaN(value) ? null : value;
}

export type MetricsRepository = ReturnType<typeof metricsRepository>;

export function metricsRepository(ctx: StoreContext) {
  const { db } = ctx;
  const runExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM runs WHERE id = ?');
  const upsertEpoch =
    db.prepare(`INSERT INTO epoch_metrics (run_id, epoch, train_loss, train_accuracy, val_loss, val_accuracy, lr,
    metrics, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (run_id, epoch) DO UPDATE SET train_loss = excluded.train_loss, train_accuracy = excluded.train_accuracy,
    val_loss = excluded.val_loss, val_accuracy = excluded.val_accuracy, lr = excluded.lr, metrics = excluded.metrics,
    created_at = excluded.created_at`);
  const upsertStep = db.prepare(`INSERT OR REPLACE INTO step_metrics (run_id, step, epoch, loss, lr, samples_per_s)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const epochs = db.prepare<[string], EpochRow>('SELECT * FROM epoch_metrics WHERE run_id = ? ORDER BY epoch');
  const steps = db.prepare<[string, number, number], StepRow>(
    'SELECT step, epoch, loss, lr, samples_per_s FROM step_metrics WHERE run_id = ? AND step > ? ORDER BY step LIMIT ?',
  );
  const stepCount = db.prepare<[string, number], { n: number }>(
    'SELECT COUNT(*) AS n FROM step_metrics WHERE run_id = ? AND step > ?',
  );
  const everyNthStep = db.prepare<[string, number, number], StepRow>(`SELECT step, epoch, loss, lr, samples_per_s FROM (
      SELECT *, ROW_NUMBER() OVER (ORDER BY step) - 1 AS at FROM step_metrics WHERE run_id = ? AND step > ?)
    WHERE at % ? = 0 ORDER BY step`);
  const dropEpochsAfter = db.prepare('DELETE FROM epoch_metrics WHERE run_id = ? AND epoch > ?');
  const dropStepsAfter = db.prepare('DELETE FROM step_metrics WHERE run_id = ? AND epoch > ?');

  function insertEpoch(runId: string, r: EpochRecord, at: number): void {
    upsertEpoch.run(
      runId,
      r.epoch,
      finiteOrNull(r.trainLoss),
      finiteOrNull(r.trainAccuracy),
      finiteOrNull(r.valLoss),
      finiteOrNull(r.valAccuracy),
      finiteOrNull(r.lr),
      JSON.stringify(r.metrics ?? {}),
      at,
    );
  }

  function insertStep(runId: string, r: StepRecord): void {
    upsertStep.run(runId, r.step, r.epoch, finiteOrNull(r.loss), finiteOrNull(r.lr), finiteOrNull(r.samplesPerSecond));
  }

  function requireRun(runId: string): void {
    if (!runExists.get(runId)) throw new NotFoundError('run', runId);
  }

  /**
   * Writes epochs and steps of any runs in one transaction; rows of runs deleted meanwhile are skipped.
   * Recording the same epoch or step again replaces it (a resumed run repeats what its checkpoint lacked).
   */
  const writeBatch = db.transaction((epochRows: readonly RunEpoch[], stepRows: readonly RunStep[]): number => {
    const at = ctx.now();
    const alive = new Map<string, boolean>();
    const exists = (runId: string) => {
      let known = alive.get(runId);
      if (known === undefined) {
        known = runExists.get(runId) !== undefined;
        alive.set(runId, known);
      }
      return known;
    };
    let written = 0;
    for (const { runId, record } of epochRows)
      if (exists(runId)) {
        insertEpoch(runId, record, at);
        written++;
      }
    for (const { runId, record } of stepRows)
      if (exists(runId)) {
        insertStep(runId, record);
        written++;
      }
    return written;
  });

  return {
    recordEpoch(runId: string, record: EpochRecord): void {
      requireRun(runId);
      insertEpoch(runId, record, ctx.now());
    },
    /** All of `steps` in one transaction. */
    recordSteps(runId: string, records: readonly StepRecord[]): void {
      requireRun(runId);
      writeBatch.immediate(
        [],
        records.map((record) => ({ runId, record })),
      );
    },
    writeBatch(epochRows: readonly RunEpoch[], stepRows: readonly RunStep[]): number {
      return writeBatch.immediate(epochRows, stepRows);
    },
    listEpochs(runId: string): EpochRecord[] {
      return epochs.all(runId).map((r) => ({
        epoch: r.epoch,
        trainLoss: r.train_loss,
        trainAccuracy: r.train_accuracy,
        valLoss: r.val_loss,
        valAccuracy: r.val_accuracy,
        lr: r.lr,
        metrics: JSON.parse(r.metrics) as Record<string, unknown>,
      }));
    },
    /**
     * Steps in order after `afterStep` (default all). With `maxPoints`, every k-th step so that at most that many
     * come back (for long runs' charts); with `limit`, the first `limit` steps.
     */
    listSteps(runId: string, options: { afterStep?: number; limit?: number; maxPoints?: number } = {}): StepRecord[] {
      const after = options.afterStep ?? -1;
      let rows: StepRow[];
      if (options.maxPoints !== undefined) {
        if (!Number.isInteger(options.maxPoints) || options.maxPoints < 1)
          throw new Error(`listSteps: maxPoints must be a whole number ≥ 1 (got ${options.maxPoints})`);
        const n = stepCount.get(runId, after)!.n;
        rows = everyNthStep.all(runId, after, Math.max(1, Math.ceil(n / options.maxPoints)));
      } else {
        rows = steps.all(runId, after, options.limit ?? -1);
      }
      return rows.map((r) => ({
        step: r.step,
        epoch: r.epoch,
        loss: r.loss,
        lr: r.lr,
        samplesPerSecond: r.samples_per_s,
      }));
    },
    /**
     * Makes the stored epochs exactly `history` (epochs 1..N as a checkpoint carries them): epochs and steps after
     * the last are dropped, the others written over, in one transaction.
     */
    restoreEpochs(runId: string, history: readonly EpochRecord[]): void {
      requireRun(runId);
      const last = history.at(-1)?.epoch ?? 0;
      db.transaction(() => {
        dropEpochsAfter.run(runId, last);
        dropStepsAfter.run(runId, last);
        const at = ctx.now();
        for (const record of history) insertEpoch(runId, record, at);
      }).immediate();
    },
    /** Forgets metrics after `epoch` (a run resumed from that epoch's checkpoint will record them again). */
    truncateAfterEpoch(runId: string, epoch: number): void {
      db.transaction(() => {
        dropEpochsAfter.run(runId, epoch);
        dropStepsAfter.run(runId, epoch);
      })();
    },
  };
}
