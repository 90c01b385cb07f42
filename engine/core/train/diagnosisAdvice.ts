// What to try for each verdict, leaving out what the run already does: no dropout advice with dropout in the
// model, no early stopping when it is on, no "lower the learning rate" when a schedule is already lowering it.
import type { Advice, AdviceCode, DiagnosisParams } from './diagnosisCodes';
import type { Finding } from './diagnosisLoss';
import { round4 } from './diagnosisMath';
import type { RunSetup } from './diagnosisSetup';
import type { EpochRecord } from './diagnose';

/** Gradient clipping's usual first setting. */
const CLIP_MAX_NORM = 1;
/** L2 weight decay's usual first setting. */
const FIRST_WEIGHT_DECAY = 1e-4;
/**
 * Learning rates above these are unusually high for the optimizer (adaptive optimizers take steps of about lr per
 * weight, so their usual rates are far smaller than SGD's): never advise raising one of them.
 */
export const HIGH_LEARNING_RATE: Record<string, number> = {
  sgd: 0.5,
  adagrad: 0.5,
  rmsprop: 0.01,
  adam: 0.01,
  adamw: 0.01,
};
/** How far to lower a learning rate that overshoots. */
const LOWER_LEARNING_RATE_BY = 10;
/**
 * A validation split this small moves its loss a lot with each sample: with 100 samples, one confident mistake
 * (a loss of 5) adds 0.05 to the mean.
 */
const SMALL_VALIDATION_SET = 200;
/** Batches this small or smaller give batch norm noisy statistics, and its running averages lag behind fast weights. */
const SMALL_BATCH = 32;

export function adviceFor(finding: Finding, setup: RunSetup, history: readonly EpochRecord[]): Advice[] {
  const out: Advice[] = [];
  const add = (code: AdviceCode, params: DiagnosisParams = {}) => out.push({ code, params });
  const lr = history[history.length - 1].lr;
  // What the schedule has done (the rate now below the first epoch's), not what it is set to do: a StepLR whose first
  // step is still to come has lowered nothing, and its run is advised as a constant rate's would be.
  const lowered = lr < history[0].lr;
  const scheduled = setup.schedule !== undefined && setup.schedule !== 'constant';
  const lowerRate = () => {
    if (!lowered)
      add('lower-learning-rate', { learningRate: round4(lr), suggested: round4(lr / LOWER_LEARNING_RATE_BY) });
  };
  const clip = () => {
    if (!setup.clipping) add('gradient-clipping', { maxNorm: CLIP_MAX_NORM });
  };
  const batchNorm = () => {
    if (!setup.batchNorm) add('add-batch-norm');
  };
  // Above the usual (as runFailure.ts judges a diverged run's rate). Adam at 0.01, the top of its usual range and what
  // the Train view suggests on small data, is not "high": a flat loss there is the model's limit, not the rate's.
  const usual = setup.optimizer !== undefined ? (HIGH_LEARNING_RATE[setup.optimizer] ?? Infinity) : Infinity;
  const high = lr > usual;
  // A high rate that does not learn (dead ReLUs, a loss stuck above chance) needs lowering; one at the top of the
  // usual range is neither lowered nor raised.
  const changeRate = () => {
    if (high) lowerRate();
    else if (lr < usual) add('raise-learning-rate', { learningRate: round4(lr) });
  };
  const penalized = setup.weightDecay === true || setup.l1 === true;
  const regularized = setup.dropout === true || penalized;
  switch (finding.code) {
    case 'non-finite-loss':
    case 'non-finite-weights':
    case 'diverging':
      // Even a decaying schedule did not stop these: the starting rate is too high.
      add('lower-learning-rate', { learningRate: round4(lr), suggested: round4(lr / LOWER_LEARNING_RATE_BY) });
      clip();
      batchNorm();
      add('check-data');
      break;
    case 'loss-spike':
      clip();
      lowerRate();
      break;
    case 'validation-spike':
      // The training loss did not jump, so nothing exploded: smaller steps late in training are what smooth it.
      lowerRate();
      break;
    case 'early-blowup':
      // At a rate above the usual, the first steps were too large; at an ordinary rate, inputs or targets far from
      // ±1 (not standardized) make them so.
      if (high)
        add('lower-learning-rate', { learningRate: round4(lr), suggested: round4(lr / LOWER_LEARNING_RATE_BY) });
      else add('check-data');
      clip();
      break;
    case 'training-unstable':
      // Steps too large: a lower starting rate (or the schedule already lowering it), and clipping for the worst.
      if (lowered) add('schedule-already-lowering', { learningRate: round4(lr) });
      else lowerRate();
      clip();
      break;
    case 'validation-unstable':
      // Steps too large move the weights far between evaluations; a decaying schedule already makes them smaller.
      if (lowered) add('schedule-already-lowering', { learningRate: round4(lr) });
      else {
        lowerRate();
        if (!scheduled) add('use-lr-schedule');
      }
      if (setup.validationSamples !== undefined && setup.validationSamples < SMALL_VALIDATION_SET)
        add('larger-validation-split', { samples: setup.validationSamples });
      if (setup.batchNorm && setup.batchSize !== undefined && setup.batchSize <= SMALL_BATCH)
        add('larger-batches', { batchSize: setup.batchSize });
      break;
    case 'non-finite-gradients':
    case 'exploding-gradients':
      clip();
      lowerRate();
      batchNorm();
      add('careful-init');
      break;
    case 'vanishing-gradients':
      // A penalty strong enough to pull the weights to zero leaves no gradient to pass back (spirals with SGD 0.1,
      // momentum 0.9 and L2 0.1: fc1's gradient 4e-10 from epoch 14, the loss at chance): the first thing to try.
      if (penalized) add('less-regularization');
      // No "use ReLU instead of sigmoid or tanh" for a graph with neither; a rate above the usual kills ReLU units
      // (one step too large pushes a unit's input below zero for every sample, and then no gradient moves it back).
      if (setup.saturating !== false) add('relu-activations');
      if (high && setup.relu !== false) lowerRate();
      batchNorm();
      add('kaiming-init');
      add('residual-connections');
      add('leaky-relu');
      break;
    case 'overfitting': {
      const epoch = finding.params.bestEpoch;
      add(setup.dropout ? 'raise-dropout' : 'add-dropout');
      add(
        setup.weightDecay ? 'raise-weight-decay' : 'add-weight-decay',
        setup.weightDecay ? {} : { value: FIRST_WEIGHT_DECAY },
      );
      if (!setup.earlyStopping) add('early-stopping', { epoch });
      else if (!setup.restoreBest) add('restore-best', { epoch });
      // Images can be augmented in the training settings; an image run that already augments needs real data.
      if (setup.images && !setup.augmentation) add('augment-images');
      add('more-data');
      add('smaller-model');
      break;
    }
    case 'over-regularized':
      // The penalty is what holds the loss up: a smaller one (or none) is the cure, not a bigger model or another rate.
      add('less-regularization');
      break;
    case 'underfitting':
      // At a rate above the usual for the optimizer the steps overshoot: that, not the model's size, is what holds
      // the loss up (a larger model at the same rate thrashes the same way).
      if (!high) add('bigger-model');
      if (regularized) add('less-regularization');
      changeRate();
      if (setup.optimizer === 'sgd') add('try-adam');
      add('check-data');
      break;
    case 'learning-slowly':
      changeRate();
      if (setup.optimizer === 'sgd') add('try-adam');
      add('more-epochs');
      batchNorm();
      break;
    case 'plateau':
      if (!setup.earlyStopping) add('training-done');
      if (lowered) add('learning-rate-already-lowered', { learningRate: round4(lr) });
      else if (!scheduled) add('use-lr-schedule');
      break;
    case 'converged':
      if (!setup.earlyStopping) add('training-done');
      break;
    case 'too-early':
    case 'healthy':
      break;
    default:
      throw new Error(`no advice for verdict '${String(finding.code satisfies never)}'`);
  }
  return out;
}
