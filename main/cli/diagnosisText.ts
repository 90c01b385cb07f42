// The CLI's words for the diagnosis codes (the studio has its own, in English and Chinese): one line per verdict
// with its numbers, and what to try. The compiler checks every code has a line here.
import type { AdviceCode, Verdict, VerdictCode } from '../../engine/core/train/diagnose';

const VERDICT_TEXT: Record<VerdictCode, string> = {
  'too-early': 'too early to judge: {epochs} of the {needed} epochs trends need',
  'non-finite-loss':
    'diverged: the {split} loss became NaN or infinite at epoch {epoch} (learning rate {learningRate})',
  'non-finite-weights':
    'diverged: the weights of layer {layer} became NaN or infinite at epoch {epoch} (learning rate {learningRate})',
  diverging:
    'diverging: training loss rose {risingEpochs} epochs in a row, from {bestLoss} at epoch {bestEpoch} to {loss} ({factor}x, learning rate {learningRate})',
  'loss-spike':
    'loss spike at epoch {epoch}: training loss jumped from about {before} to {peak} ({factor}x); recovered: {recovered}',
  'non-finite-gradients': 'gradients overflowed: layer {layer} at epoch {epoch}',
  'exploding-gradients':
    'exploding gradients: total norm grew {factor}x, from {fromNorm} at epoch {fromEpoch} to {toNorm} at epoch {toEpoch}, fastest in layer {layer}',
  'vanishing-gradients': 'vanishing gradients: layer {layer} has a gradient norm of {norm} since epoch {sinceEpoch}',
  overfitting:
    'overfitting: validation loss lowest at epoch {bestEpoch} ({bestValLoss}), now {valLoss} (smoothed +{risePercent}%) while training loss fell to {trainLoss}; gap {gap}',
  underfitting:
    'underfitting: training loss flat at {trainLoss} since epoch {sinceEpoch}, {percentOfReference}% of the {referenceKind} loss {reference}',
  'learning-slowly':
    'learning slowly: training loss {trainLoss}, {percentOfReference}% of the {referenceKind} loss {reference}, falling {fallPercentPerEpoch}% per epoch',
  plateau:
    'plateau: training loss levelled off around {trainLoss} since epoch {sinceEpoch} ({changePercent}% change over {epochs} epochs)',
  converged:
    'converged: training loss settled at {trainLoss} since epoch {sinceEpoch}, {percentOfReference}% of the {referenceKind} loss',
  healthy: 'healthy: training loss {firstLoss} -> {lastLoss}',
};

const ADVICE_TEXT: Record<AdviceCode, string> = {
  'lower-learning-rate': 'lower the learning rate from {learningRate}, e.g. to {suggested} (--lr)',
  'raise-learning-rate': 'raise the learning rate (now {learningRate}, --lr)',
  'use-lr-schedule': 'let a schedule lower the learning rate (--schedule plateau or cosine)',
  'learning-rate-already-lowered':
    'the schedule already lowered the learning rate to {learningRate}; a larger model may be needed',
  'gradient-clipping': 'turn on gradient clipping (--clip-norm {maxNorm})',
  'add-batch-norm': 'add batch normalization after dense or convolution layers',
  'check-data': 'check the data for NaN, huge values or wrong labels, and standardize the inputs',
  'add-dropout': 'add dropout between the hidden layers',
  'raise-dropout': 'raise the dropout rate',
  'add-weight-decay': 'add L2 regularization (--l2 {value})',
  'raise-weight-decay': 'raise the L2 regularization (--l2)',
  'early-stopping': 'turn on early stopping (--early-stopping 5), which would keep the weights of epoch {epoch}',
  'restore-best': 'restore the best weights on early stopping, to keep epoch {epoch}',
  'augment-images': 'augment the images you have (--hflip 0.5, --crop-padding 2, --rotation 10)',
  'more-data': 'get more training data',
  'smaller-model': 'use a smaller model',
  'bigger-model': 'use a bigger model: more units or layers',
  'less-regularization': 'lower the regularization (dropout, --l1, --l2)',
  'more-epochs': 'train for more epochs (--epochs)',
  'try-adam': 'try Adam instead of plain SGD (--optimizer adam)',
  'training-done': 'if the validation results are good enough, training is done',
  'relu-activations': 'use ReLU, Leaky ReLU or GELU instead of sigmoid or tanh in hidden layers',
  'kaiming-init': 'use Kaiming initialization for ReLU layers',
  'residual-connections': 'for a deep network, add residual (skip) connections',
  'leaky-relu': 'if many ReLU units are dead, lower the learning rate or use Leaky ReLU',
  'careful-init': 'use a careful initialization (Kaiming for ReLU, Xavier for tanh or sigmoid)',
};

type Params = Record<string, number | string>;

function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A verdict as `train --json` reports it: code and parameters flat, then severity and advice (each flat too). */
export type VerdictJson = {
  code: VerdictCode;
  severity: Verdict['severity'];
  advice: Array<{ code: AdviceCode } & Params>;
} & Params;

export function diagnosisJson(verdicts: readonly Verdict[]): VerdictJson[] {
  return verdicts.map(
    (v) =>
      ({
        code: v.code,
        ...v.params,
        severity: v.severity,
        advice: v.advice.map((a) => ({ code: a.code, ...a.params })),
      }) as VerdictJson,
  );
}

/** One line per verdict, each followed by its advice, indented. */
export function diagnosisLines(verdicts: readonly VerdictJson[]): string[] {
  const lines: string[] = [];
  for (const v of verdicts) {
    lines.push(`diagnosis: ${fill(VERDICT_TEXT[v.code], v as unknown as Params)}`);
    for (const a of v.advice) lines.push(`  try: ${fill(ADVICE_TEXT[a.code], a)}`);
  }
  return lines;
}

export const CLI_DIAGNOSIS_TABLES = { verdicts: VERDICT_TEXT, advice: ADVICE_TEXT };
