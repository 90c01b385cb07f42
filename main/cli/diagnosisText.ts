// The CLI's words for the diagnosis codes, in English and Simplified Chinese (the studio has its own tables, whose
// terms the Chinese follows): one line per verdict with its numbers, and what to try with the CLI's flags. The
// compiler checks every code has a line in both languages.
import type { AdviceCode, Verdict, VerdictCode } from '../../engine/core/train/diagnose';
import { numberText, percentOverCeiling } from '../api/numberText';
import { say, type CliLocale, type Words } from './locale';

const VERDICT_TEXT: Words<VerdictCode> = {
  en: {
    'too-early': 'too early to judge: {epochs} of the {needed} epochs needed to judge trends',
    'non-finite-loss':
      'diverged: the {split} loss became NaN or infinite at epoch {epoch} (learning rate {learningRate})',
    'non-finite-weights':
      'diverged: the weights of layer {layer} became NaN or infinite at epoch {epoch} (learning rate {learningRate})',
    diverging:
      'diverging: training loss rose {risingEpochs} epochs in a row, from {bestLoss} at epoch {bestEpoch} to {loss} ({factor}x, learning rate {learningRate})',
    'loss-spike':
      'loss spike at epoch {epoch}: training loss jumped from about {before} to {peak} ({factor}x); recovered: {recovered}',
    'validation-spike':
      'validation loss spike at epoch {epoch}: validation loss jumped from about {before} to {peak} ({factor}x) while the training loss did not; recovered: {recovered}',
    'early-blowup':
      'blew up at the start: the training loss reached {loss} at epoch {epoch}, {factor}x the {referenceKind} loss {reference}; recovered: {recovered}',
    'training-unstable':
      'unstable training loss: over epochs {fromEpoch}-{toEpoch} it jumped up {rises} times, between {lowest} and {highest} (largest: {largestFrom} -> {largestTo} at epoch {largestEpoch})',
    'validation-unstable':
      'unstable validation loss: over epochs {fromEpoch}-{toEpoch} it jumped up {rises} times, between {lowest} and {highest} (largest: {largestFrom} -> {largestTo} at epoch {largestEpoch}), while the training loss moved far less',
    'non-finite-gradients': 'gradients overflowed: layer {layer} at epoch {epoch}',
    'exploding-gradients':
      'exploding gradients: total norm grew {factor}x, from {fromNorm} at epoch {fromEpoch} to {toNorm} at epoch {toEpoch}, fastest in layer {layer}',
    'vanishing-gradients': 'vanishing gradients: layer {layer} has a gradient norm of {norm} since epoch {sinceEpoch}',
    overfitting:
      'overfitting: validation loss lowest at epoch {bestEpoch} ({bestValLoss}), now {valLoss} (up {risePercent}%) while training loss {training} {trainLoss}; gap {gap}',
    'over-regularized':
      'held back by regularization: training loss lowest at epoch {lowestEpoch} ({lowestLoss}), climbed since to {loss}, {percentOfReference}% of the {referenceKind} loss {reference}',
    underfitting:
      'underfitting: training loss flat at {trainLoss} since epoch {sinceEpoch}, {percentOfReference}% of the {referenceKind} loss {reference}',
    'learning-slowly':
      'learning slowly: training loss {trainLoss}, {percentOfReference}% of the {referenceKind} loss {reference}, falling {fallPercentPerEpoch}% per epoch',
    plateau:
      'plateau: training loss levelled off around {trainLoss} since epoch {sinceEpoch} ({changePercent}% change over {epochs} epochs)',
    converged:
      'converged: training loss settled at {trainLoss} since epoch {sinceEpoch}, {percentOfReference}% of the {referenceKind} loss',
    healthy: 'healthy: training loss {firstLoss} -> {lastLoss}',
  },
  zh: {
    'too-early': '尚无法判断：目前 {epochs} 轮，判断趋势需要 {needed} 轮',
    'non-finite-loss': '已发散：{split}损失在第 {epoch} 轮变为 NaN 或无穷大（学习率 {learningRate}）',
    'non-finite-weights': '已发散：第 {epoch} 轮时层 {layer} 的权重变为 NaN 或无穷大（学习率 {learningRate}）',
    diverging:
      '正在发散：训练损失连续 {risingEpochs} 轮上升，从第 {bestEpoch} 轮的 {bestLoss} 升到 {loss}（{factor} 倍，学习率 {learningRate}）',
    'loss-spike': '第 {epoch} 轮损失突增：训练损失从约 {before} 跳到 {peak}（{factor} 倍），{recovered}',
    'validation-spike':
      '第 {epoch} 轮验证损失突增：验证损失从约 {before} 跳到 {peak}（{factor} 倍），而训练损失没有，{recovered}',
    'early-blowup':
      '开始时爆炸：第 {epoch} 轮训练损失达到 {loss}，是{referenceKind} {reference} 的 {factor} 倍，{recovered}',
    'training-unstable':
      '训练损失不稳定：第 {fromEpoch}-{toEpoch} 轮中 {rises} 次大幅上跳，在 {lowest} 与 {highest} 之间波动（最大：第 {largestEpoch} 轮 {largestFrom} -> {largestTo}）',
    'validation-unstable':
      '验证损失不稳定：第 {fromEpoch}-{toEpoch} 轮中 {rises} 次大幅上跳，在 {lowest} 与 {highest} 之间波动（最大：第 {largestEpoch} 轮 {largestFrom} -> {largestTo}），而训练损失的波动小得多',
    'non-finite-gradients': '梯度溢出：第 {epoch} 轮时层 {layer} 的梯度变为 NaN 或无穷大',
    'exploding-gradients':
      '梯度爆炸：梯度总范数增长了 {factor} 倍，从第 {fromEpoch} 轮的 {fromNorm} 到第 {toEpoch} 轮的 {toNorm}，层 {layer} 增长最快',
    'vanishing-gradients': '梯度消失：自第 {sinceEpoch} 轮起，层 {layer} 的梯度范数为 {norm}',
    overfitting:
      '过拟合：验证损失在第 {bestEpoch} 轮最低（{bestValLoss}），现为 {valLoss}（升高 {risePercent}%），而训练损失{training} {trainLoss}；差距 {gap}',
    'over-regularized':
      '正则化过强：训练损失在第 {lowestEpoch} 轮最低（{lowestLoss}），此后升到 {loss}，为{referenceKind} {reference} 的 {percentOfReference}%',
    underfitting:
      '欠拟合：自第 {sinceEpoch} 轮起训练损失停在 {trainLoss}，为{referenceKind} {reference} 的 {percentOfReference}%',
    'learning-slowly':
      '学习太慢：训练损失 {trainLoss}，为{referenceKind} {reference} 的 {percentOfReference}%，每轮只下降 {fallPercentPerEpoch}%',
    plateau: '平台期：自第 {sinceEpoch} 轮起训练损失稳定在 {trainLoss} 左右（{epochs} 轮内变化 {changePercent}%）',
    converged: '已收敛：自第 {sinceEpoch} 轮起训练损失稳定在 {trainLoss}，为{referenceKind}的 {percentOfReference}%',
    healthy: '状态良好：训练损失 {firstLoss} -> {lastLoss}',
  },
};

const ADVICE_TEXT: Words<AdviceCode> = {
  en: {
    'lower-learning-rate': 'lower the learning rate from {learningRate}, e.g. to {suggested} (--lr)',
    'raise-learning-rate': 'raise the learning rate (now {learningRate}, --lr)',
    'use-lr-schedule': 'let a schedule lower the learning rate (--schedule plateau or cosine)',
    'learning-rate-already-lowered':
      'the schedule already lowered the learning rate to {learningRate}; a larger model may be needed',
    'schedule-already-lowering':
      'the schedule is already lowering the learning rate (now {learningRate}); if the swings go on, start lower (--lr)',
    'larger-validation-split':
      'only {samples} validation samples, each moving the validation loss a lot: more validation data gives a steadier measure',
    'larger-batches':
      "batch norm's running statistics lag behind fast-moving weights with small batches: try larger batches (--batch-size, now {batchSize}), or a normalization without running statistics (layernorm for feature vectors, groupnorm for images)",
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
  },
  zh: {
    'lower-learning-rate': '把学习率从 {learningRate} 调低，例如调到 {suggested}（--lr）',
    'raise-learning-rate': '提高学习率（当前 {learningRate}，--lr）',
    'use-lr-schedule': '用学习率调度降低学习率（--schedule plateau 或 cosine）',
    'learning-rate-already-lowered': '调度已把学习率降到 {learningRate}；可能需要更大的模型',
    'schedule-already-lowering': '调度已在降低学习率（当前 {learningRate}）；如果仍然波动，从更低的学习率开始（--lr）',
    'larger-validation-split': '验证样本只有 {samples} 个，每个都会明显影响验证损失：更多验证数据能让测量更稳定',
    'larger-batches':
      '批归一化的滑动统计量在小批量下跟不上快速变化的权重：试试更大的批（--batch-size，当前 {batchSize}），或换用没有滑动统计量的归一化（特征向量用 layernorm，图像用 groupnorm）',
    'gradient-clipping': '开启梯度裁剪（--clip-norm {maxNorm}）',
    'add-batch-norm': '在全连接或卷积层后加入批归一化',
    'check-data': '检查数据中是否有 NaN、极大值或错误标签，并把输入标准化',
    'add-dropout': '在隐藏层之间加入 dropout',
    'raise-dropout': '提高 dropout 比例',
    'add-weight-decay': '加入 L2 正则（--l2 {value}）',
    'raise-weight-decay': '加大 L2 正则（--l2）',
    'early-stopping': '开启早停（--early-stopping 5），这样会保留第 {epoch} 轮的权重',
    'restore-best': '早停时恢复最佳权重，保留第 {epoch} 轮的权重',
    'augment-images': '对现有图像做增强（--hflip 0.5、--crop-padding 2、--rotation 10）',
    'more-data': '获取更多训练数据',
    'smaller-model': '使用更小的模型',
    'bigger-model': '使用更大的模型：更多单元或更多层',
    'less-regularization': '减弱正则化（dropout、--l1、--l2）',
    'more-epochs': '训练更多轮次（--epochs）',
    'try-adam': '用 Adam 代替普通 SGD（--optimizer adam）',
    'training-done': '如果验证结果已经足够好，训练就完成了',
    'relu-activations': '隐藏层用 ReLU、Leaky ReLU 或 GELU 代替 sigmoid 或 tanh',
    'kaiming-init': 'ReLU 层使用 Kaiming 初始化',
    'residual-connections': '对于深层网络，加入残差（跳跃）连接',
    'leaky-relu': '如果很多 ReLU 单元已死，降低学习率或改用 Leaky ReLU',
    'careful-init': '使用合适的初始化（ReLU 用 Kaiming，tanh 或 sigmoid 用 Xavier）',
  },
};

/** Parameters that are names rather than numbers, as `{parameter}_{value}`: English prints the name as it is. */
type NamedValue =
  | 'split_training'
  | 'split_validation'
  | 'referenceKind_chance'
  | 'referenceKind_baseline'
  | 'referenceKind_first-epoch'
  | 'recovered_yes'
  | 'recovered_no'
  | 'training_fell'
  | 'training_flat'
  | 'percentOver';

const VALUE_TEXT: Words<NamedValue> = {
  en: {
    split_training: 'training',
    split_validation: 'validation',
    referenceKind_chance: 'chance',
    referenceKind_baseline: 'baseline',
    'referenceKind_first-epoch': 'first-epoch',
    recovered_yes: 'yes',
    recovered_no: 'no',
    training_fell: 'fell to',
    training_flat: 'stayed at',
    percentOver: 'more than 1,000',
  },
  zh: {
    split_training: '训练',
    split_validation: '验证',
    referenceKind_chance: '随机猜测损失',
    referenceKind_baseline: '未学习模型的损失',
    'referenceKind_first-epoch': '第一轮损失',
    recovered_yes: '之后已回落',
    recovered_no: '尚未回落',
    training_fell: '降到',
    training_flat: '停在',
    percentOver: '超过 1,000',
  },
};

/** Each verdict's name, for a table cell (`runs`): the studio's titles, lower-cased in English. */
const VERDICT_NAME: Words<VerdictCode> = {
  en: {
    'too-early': 'too early to judge',
    'non-finite-loss': 'diverged',
    'non-finite-weights': 'diverged',
    diverging: 'diverging',
    'loss-spike': 'loss spike',
    'validation-spike': 'validation loss spike',
    'early-blowup': 'blew up at the start',
    'training-unstable': 'unstable training loss',
    'validation-unstable': 'unstable validation loss',
    'non-finite-gradients': 'gradients overflowed',
    'exploding-gradients': 'exploding gradients',
    'vanishing-gradients': 'vanishing gradients',
    overfitting: 'overfitting',
    'over-regularized': 'held back by regularization',
    underfitting: 'underfitting',
    'learning-slowly': 'learning slowly',
    plateau: 'plateau',
    converged: 'converged',
    healthy: 'looks healthy',
  },
  zh: {
    'too-early': '尚无法判断',
    'non-finite-loss': '已发散',
    'non-finite-weights': '已发散',
    diverging: '正在发散',
    'loss-spike': '损失突增',
    'validation-spike': '验证损失突增',
    'early-blowup': '开始时爆炸',
    'training-unstable': '训练损失不稳定',
    'validation-unstable': '验证损失不稳定',
    'non-finite-gradients': '梯度溢出',
    'exploding-gradients': '梯度爆炸',
    'vanishing-gradients': '梯度消失',
    overfitting: '过拟合',
    'over-regularized': '正则化过强',
    underfitting: '欠拟合',
    'learning-slowly': '学习太慢',
    plateau: '平台期',
    converged: '已收敛',
    healthy: '状态良好',
  },
};

/** A verdict's name in `locale`: what a table of runs shows of each run's diagnosis. */
export function verdictName(code: VerdictCode, locale: CliLocale): string {
  return say(VERDICT_NAME, locale, code, {});
}

/** The diagnosis line prefixes. */
const LINE_TEXT: Words<'diagnosis' | 'try'> = {
  en: { diagnosis: 'diagnosis: {text}', try: '  try: {text}' },
  zh: { diagnosis: '诊断：{text}', try: '  建议：{text}' },
};

type Params = Record<string, number | string>;

/**
 * The parameters with names worded in `locale` (a split, a reference loss, whether a spike recovered), numbers
 * written for a sentence (numberText; a percentage above PERCENT_CEILING as "more than 1,000").
 */
function worded(params: Params, locale: CliLocale): Params {
  const named: Params = {};
  for (const [name, value] of Object.entries(params)) {
    const key = `${name}_${value}`;
    if (Object.hasOwn(VALUE_TEXT[locale], key)) named[name] = VALUE_TEXT[locale][key as NamedValue];
    else if (percentOverCeiling(name, value)) named[name] = VALUE_TEXT[locale].percentOver;
    else named[name] = typeof value === 'number' ? numberText(value) : value;
  }
  return named;
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
export function diagnosisLines(verdicts: readonly VerdictJson[], locale: CliLocale): string[] {
  const lines: string[] = [];
  for (const v of verdicts) {
    const text = say(VERDICT_TEXT, locale, v.code, worded(v as unknown as Params, locale));
    lines.push(say(LINE_TEXT, locale, 'diagnosis', { text }));
    for (const a of v.advice)
      lines.push(say(LINE_TEXT, locale, 'try', { text: say(ADVICE_TEXT, locale, a.code, worded(a, locale)) }));
  }
  return lines;
}

export const CLI_DIAGNOSIS_TABLES = {
  verdicts: VERDICT_TEXT,
  names: VERDICT_NAME,
  advice: ADVICE_TEXT,
  values: VALUE_TEXT,
  lines: LINE_TEXT,
};
