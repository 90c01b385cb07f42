// ReduceLROnPlateau (PyTorch, mode 'min', relative threshold, no cooldown): multiply the rate by `factor` (not below
// `minLr`) once the validation loss has failed to improve for more than `patience` epochs in a row.
import type { PlateauState, Schedule, ScheduleState } from './types';
import { requireBaseLr, requireNonNegative, requireStateType, requireWholeAtLeast } from './checks';

/** PyTorch's defaults, used for any setting the config leaves out. */
export const PLATEAU_DEFAULTS = { factor: 0.1, patience: 10, threshold: 1e-4, minLr: 0 } as const;

export interface PlateauSettings {
  factor: number;
  patience: number;
  /** Relative: a loss improves only when loss < best * (1 - threshold). */
  threshold: number;
  minLr: number;
}

export function plateauSettings(
  config: { factor?: number; patience?: number; threshold?: number; minLr?: number },
  baseLr: number,
): PlateauSettings {
  requireBaseLr('plateau', baseLr);
  const factor = config.factor ?? PLATEAU_DEFAULTS.factor;
  if (typeof factor !== 'number' || !(factor > 0 && factor < 1)) {
    throw new Error(`schedule 'plateau': factor must be between 0 and 1, exclusive (got ${String(factor)})`);
  }
  const patience = requireWholeAtLeast('plateau', 'patience', config.patience ?? PLATEAU_DEFAULTS.patience, 0);
  const threshold = requireNonNegative('plateau', 'threshold', config.threshold ?? PLATEAU_DEFAULTS.threshold);
  if (threshold >= 1)
    throw new Error(`schedule 'plateau': threshold is relative and must be below 1 (got ${threshold})`);
  const minLr = requireNonNegative('plateau', 'minLr', config.minLr ?? PLATEAU_DEFAULTS.minLr);
  return { factor, patience, threshold, minLr };
}

export class PlateauSchedule implements Schedule {
  private current: number;
  private epochsDone = 0;
  private best = Infinity;
  private badEpochs = 0;

  constructor(
    private readonly settings: PlateauSettings,
    baseLr: number,
  ) {
    this.current = baseLr;
  }

  get lr(): number {
    return this.current;
  }

  rebase(lr: number): void {
    this.current = lr;
  }

  endEpoch(validationLoss?: number): void {
    if (typeof validationLoss !== 'number') {
      throw new Error("schedule 'plateau' needs the epoch's validation loss (is the validation split empty?)");
    }
    this.epochsDone++;
    // NaN never compares as an improvement, so it counts as a bad epoch, as in PyTorch.
    if (validationLoss < this.best * (1 - this.settings.threshold)) {
      this.best = validationLoss;
      this.badEpochs = 0;
    } else {
      this.badEpochs++;
    }
    if (this.badEpochs > this.settings.patience) {
      this.current = Math.max(this.current * this.settings.factor, this.settings.minLr);
      this.badEpochs = 0;
    }
  }

  state(): PlateauState {
    return {
      type: 'plateau',
      epochsDone: this.epochsDone,
      lr: this.current,
      best: Number.isFinite(this.best) ? this.best : null,
      badEpochs: this.badEpochs,
    };
  }

  restore(state: ScheduleState): void {
    requireStateType('plateau', state);
    const s = state as PlateauState;
    const fail = (what: string) => {
      throw new Error(
        `cannot resume the 'plateau' schedule: ${what} in the saved state is invalid (${JSON.stringify(s)})`,
      );
    };
    if (!Number.isInteger(s.epochsDone) || s.epochsDone < 0) fail('epochsDone');
    if (typeof s.lr !== 'number' || !Number.isFinite(s.lr) || s.lr < 0) fail('lr');
    if (s.best !== null && typeof s.best !== 'number') fail('best');
    if (!Number.isInteger(s.badEpochs) || s.badEpochs < 0) fail('badEpochs');
    this.epochsDone = s.epochsDone;
    this.current = s.lr;
    this.best = s.best === null ? Infinity : s.best;
    this.badEpochs = s.badEpochs;
  }
}
