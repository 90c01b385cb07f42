// Early stopping: end training once the watched validation metric has not improved for `patience` epochs.
import type { EarlyStoppingConfig, MonitoredMetric } from './config';

export interface EarlyStoppingState {
  /** Best value so far; null before the first finite value (JSON has no Infinity). */
  best: number | null;
  bestEpoch: number | null;
  /** Epochs in a row without an improvement. */
  badEpochs: number;
}

/** Losses should fall, accuracies rise. */
export type MonitorMode = 'min' | 'max';

export function monitorMode(metric: MonitoredMetric): MonitorMode {
  switch (metric) {
    case 'val_loss':
      return 'min';
    case 'val_accuracy':
      return 'max';
    default:
      throw new Error(`early stopping cannot watch '${String(metric)}': choose val_loss or val_accuracy`);
  }
}

export class EarlyStopping {
  readonly metric: MonitoredMetric;
  readonly mode: MonitorMode;
  /** Epochs without improvement before stopping; a paused run may change it (the count so far is kept). */
  patience: number;
  /** A change counts as an improvement only when it beats the best value by more than this. */
  readonly minDelta: number;
  /** Whether the trainer should load the best epoch's weights when it stops. */
  readonly restoreBest: boolean;
  private best: number | null = null;
  private bestAt: number | null = null;
  private badEpochs = 0;

  constructor(config: EarlyStoppingConfig) {
    this.metric = config.metric;
    this.mode = monitorMode(config.metric);
    if (!Number.isInteger(config.patience) || config.patience < 0) {
      throw new Error(`early stopping: patience must be a whole number of epochs ≥ 0 (got ${config.patience})`);
    }
    this.patience = config.patience;
    const minDelta = config.minDelta ?? 0;
    if (!Number.isFinite(minDelta) || minDelta < 0)
      throw new Error(`early stopping: minDelta must be a number ≥ 0 (got ${minDelta})`);
    this.minDelta = minDelta;
    this.restoreBest = config.restoreBest ?? false;
  }

  get bestValue(): number | null {
    return this.best;
  }

  get bestEpoch(): number | null {
    return this.bestAt;
  }

  /**
   * Report an epoch's validation metrics. `stop` turns true once `patience` epochs in a row have passed without an
   * improvement (with patience 0, at the first epoch that does not improve). A NaN or infinite value never improves.
   */
  update(epoch: number, metrics: { val_loss: number; val_accuracy?: number }): { improved: boolean; stop: boolean } {
    const value = metrics[this.metric];
    if (typeof value !== 'number') {
      throw new Error(
        `early stopping watches ${this.metric}, but epoch ${epoch} has no such value (a regression task has no val_accuracy)`,
      );
    }
    const improved =
      Number.isFinite(value) &&
      (this.best === null ||
        (this.mode === 'min' ? value < this.best - this.minDelta : value > this.best + this.minDelta));
    if (improved) {
      this.best = value;
      this.bestAt = epoch;
      this.badEpochs = 0;
    } else {
      this.badEpochs++;
    }
    return { improved, stop: this.badEpochs > 0 && this.badEpochs >= this.patience };
  }

  state(): EarlyStoppingState {
    return { best: this.best, bestEpoch: this.bestAt, badEpochs: this.badEpochs };
  }

  restore(state: EarlyStoppingState): void {
    const validNumber = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
    if (
      !state ||
      !validNumber(state.best) ||
      !validNumber(state.bestEpoch) ||
      !Number.isInteger(state.badEpochs) ||
      state.badEpochs < 0
    ) {
      throw new Error(`cannot resume early stopping from the saved state ${JSON.stringify(state)}`);
    }
    this.best = state.best;
    this.bestAt = state.bestEpoch;
    this.badEpochs = state.badEpochs;
  }
}
