// The diagnosis in words, English and Simplified Chinese: a title, a sentence with the verdict's own numbers and a
// "why" for every verdict code, and a line for every advice code. The compiler checks every code has words in
// both languages; diagnosisMessages.test.ts checks both use the same {parameters}.
import { numberText, percentOverCeiling } from '../../../main/api/numberText';
import type { Advice, AdviceCode, Verdict, VerdictCode } from '../../../engine/core/train/diagnose';

export interface VerdictWords {
  title: string;
  /** Filled with the verdict's parameters, e.g. {bestEpoch}. */
  text: string;
  why: string;
}

/** Words for parameter values that are names, not numbers (`split`, `referenceKind`, `recovered`), and extra lines. */
export type ValueKey =
  | 'split_training'
  | 'split_validation'
  | 'referenceKind_chance'
  | 'referenceKind_baseline'
  | 'referenceKind_first-epoch'
  | 'recovered_yes'
  | 'recovered_no'
  | 'training_fell'
  | 'training_flat'
  | 'percentOver'
  | 'alsoAffected'
  | 'validationTrend';

export interface DiagnosisWords {
  verdicts: Record<VerdictCode, VerdictWords>;
  advice: Record<AdviceCode, string>;
  values: Record<ValueKey, string>;
}

const en: DiagnosisWords = {
  verdicts: {
    'too-early': {
      title: 'Too early to judge',
      text: '{epochs} of the {needed} epochs needed to judge trends so far.',
      why: 'One or two epochs of noise can look like any problem; the verdict waits for enough evidence.',
    },
    'non-finite-loss': {
      title: 'Diverged',
      text: 'The {split} loss became NaN or infinite at epoch {epoch} (learning rate {learningRate}): the weights are no longer usable.',
      why: 'A loss turns into NaN or infinity when its numbers overflow: most often the steps were too large, so each update overshot further; NaN, infinite or huge values in the data, or an unstable layer, do it too.',
    },
    'non-finite-weights': {
      title: 'Diverged',
      text: 'The weights of layer {layer} became NaN or infinite at epoch {epoch} (learning rate {learningRate}).',
      why: 'Weights overflow when updates are far too large for the values they change.',
    },
    diverging: {
      title: 'Diverging',
      text: 'The training loss has risen for {risingEpochs} epochs in a row, from {bestLoss} at epoch {bestEpoch} to {loss} ({factor}x; learning rate {learningRate}).',
      why: 'A loss that keeps growing means the steps are too large: each update overshoots the bottom of the valley and lands higher up.',
    },
    'loss-spike': {
      title: 'Loss spike',
      text: 'At epoch {epoch} the training loss jumped from about {before} to {peak} ({factor}x), {recovered}.',
      why: 'A single large step (an unlucky batch, a sharp region of the loss) can throw the weights off for a moment; adaptive optimizers are prone to it late in training.',
    },
    'validation-spike': {
      title: 'Validation loss spike',
      text: 'At epoch {epoch} the validation loss jumped from about {before} to {peak} ({factor}x) while the training loss did not, {recovered}.',
      why: "The training loss averages an epoch's steps; the validation loss measures the weights once, at the epoch's end, and a large step late in the epoch can leave them worse for a moment. With batch normalization, evaluation also uses running means and variances that lag behind weights that move fast.",
    },
    'early-blowup': {
      title: 'Blew up at the start',
      text: 'In epoch {epoch} the training loss reached {loss}, {factor} times the loss of {referenceKind} ({reference}), {recovered}.',
      why: 'The first steps were far too large: each one threw the weights further off and the outputs grew huge. At a learning rate above the usual for the optimizer, that rate is why; at an ordinary rate, inputs or targets far from ±1 (not standardized) or too large an initialization do it.',
    },
    'training-unstable': {
      title: 'Unstable training loss',
      text: 'Over epochs {fromEpoch}–{toEpoch} the training loss jumped up {rises} times, moving between {lowest} and {highest} (the largest jump: {largestFrom} to {largestTo} at epoch {largestEpoch}).',
      why: "An epoch's training loss averages its steps, so it moves smoothly while each step improves the weights a little. Large jumps up, again and again, mean some steps throw the weights far off: steps too large for this model and data, which the learning rate sets (and clipping would cap).",
    },
    'validation-unstable': {
      title: 'Unstable validation loss',
      text: 'Over epochs {fromEpoch}–{toEpoch} the validation loss jumped up {rises} times, moving between {lowest} and {highest} (the largest jump: {largestFrom} to {largestTo} at epoch {largestEpoch}), while the training loss moved far less.',
      why: "The validation loss measures the weights once, at each epoch's end, on the same validation samples. Steps too large leave the weights somewhere quite different each time, and a small validation set (or batch normalization's running statistics, which lag behind fast-moving weights, more so with small batches) turns that into large swings. The training loss averages many steps, so it stays steadier.",
    },
    'non-finite-gradients': {
      title: 'Gradients overflowed',
      text: 'The gradient of layer {layer} became NaN or infinite at epoch {epoch}.',
      why: 'Gradients grow each time they pass back through a layer until they no longer fit in a number.',
    },
    'exploding-gradients': {
      title: 'Exploding gradients',
      text: 'The total gradient norm grew {factor}x, from {fromNorm} at epoch {fromEpoch} to {toNorm} at epoch {toEpoch}, fastest in layer {layer}.',
      why: 'Gradients grow each time they pass back through a layer, so a single step can throw the weights far off.',
    },
    'vanishing-gradients': {
      title: 'Vanishing gradients',
      text: 'Layer {layer} has had a gradient norm of {norm} since epoch {sinceEpoch}, orders of magnitude below the other layers, so it barely learns.',
      why: 'Gradients shrink as they pass back through layers: saturated sigmoid or tanh, poor initialization, ReLU units that have died (a step too large can push a unit below zero for every sample, and then no gradient reaches it), or weights a strong penalty has pulled to almost zero, so the layers before stop learning.',
    },
    overfitting: {
      title: 'Overfitting',
      text: 'Validation loss was lowest at epoch {bestEpoch} ({bestValLoss}) and has risen since by {risePercent}% to {valLoss}, while training loss {training} {trainLoss}. The gap is now {gap}.',
      why: 'Validation loss rising while training loss falls, or stays at a low it has reached, means the model is learning details of its training examples that do not hold for new data, and growing surer of its answers, the wrong ones included.',
    },
    'over-regularized': {
      title: 'Held back by regularization',
      text: 'The training loss was lowest at epoch {lowestEpoch} ({lowestLoss}) and has climbed since to {loss}, {percentOfReference}% of {referenceKind} ({reference}).',
      why: 'With an L1 or L2 penalty (or weight decay), training minimizes the data loss plus the penalty. A penalty that is too strong wins: it pulls the weights back toward zero, so the data loss climbs toward what a model that learned nothing scores, and the model underfits. No step is going wrong; the loss being minimized is a different one.',
    },
    underfitting: {
      title: 'Underfitting',
      text: 'Training loss has stopped improving at {trainLoss} since epoch {sinceEpoch}: {percentOfReference}% of {referenceKind} ({reference}), and validation is no better.',
      why: 'When both losses stay high and flat, the model cannot represent the pattern (too small, too regularized) or the optimizer cannot find it.',
    },
    'learning-slowly': {
      title: 'Learning slowly',
      text: 'Training loss is still {trainLoss}, {percentOfReference}% of {referenceKind} ({reference}), and falls only {fallPercentPerEpoch}% per epoch.',
      why: 'Steps too small for the landscape (a low learning rate, plain SGD) make progress that is steady but far too slow.',
    },
    plateau: {
      title: 'Plateau',
      text: 'Training loss has levelled off around {trainLoss} since epoch {sinceEpoch}: it changed by {changePercent}% between the last two spans of {epochs} epochs.',
      why: 'The optimizer has found a flat region: at this learning rate and model size the loss does not go lower.',
    },
    converged: {
      title: 'Converged',
      text: 'Training loss has settled at {trainLoss} since epoch {sinceEpoch}, {percentOfReference}% of {referenceKind}: the model fits its training data.',
      why: 'A low, flat training loss means there is little left to learn from this data; the validation results say how well it carries over.',
    },
    healthy: {
      title: 'Looks healthy',
      text: 'Training loss {firstLoss} → {lastLoss}.',
      why: 'Both losses fall without a sign of the problems above.',
    },
  },
  advice: {
    'lower-learning-rate': 'Lower the learning rate from {learningRate}, for example to {suggested}.',
    'raise-learning-rate': 'Raise the learning rate (now {learningRate}).',
    'use-lr-schedule': 'Let a schedule lower the learning rate to settle further (plateau or cosine).',
    'learning-rate-already-lowered':
      'The schedule has already lowered the learning rate to {learningRate}; a larger model may be needed to go further.',
    'schedule-already-lowering':
      'The schedule is already lowering the learning rate (now {learningRate}); if the swings go on as it falls, start from a lower rate.',
    'larger-validation-split':
      'Only {samples} validation samples: each one moves the validation loss a lot. More validation data gives a steadier measure; until then, judge by the trend rather than single epochs.',
    'larger-batches':
      'Batch normalization evaluates with running statistics that lag behind fast-moving weights, more so with small batches: try batches larger than {batchSize}, or a normalization without running statistics, the same in training and evaluation (LayerNorm for feature vectors, GroupNorm for images).',
    'gradient-clipping': 'Turn on gradient clipping (maxNorm {maxNorm} is a good start).',
    'add-batch-norm': 'Add batch normalization after dense or convolution layers to keep activations in range.',
    'check-data': 'Check the data for NaN or very large values and wrong labels, and standardize the inputs.',
    'add-dropout': 'Add dropout between the hidden layers.',
    'raise-dropout': 'Raise the dropout rate.',
    'add-weight-decay': 'Add L2 regularization (weight decay), for example {value}.',
    'raise-weight-decay': 'Raise the L2 regularization (weight decay).',
    'early-stopping':
      'Turn on early stopping on val_loss with restore best, which would keep the weights of epoch {epoch}.',
    'restore-best': 'Turn on "restore best weights" in early stopping, to keep the weights of epoch {epoch}.',
    'augment-images':
      'Augment the images you have: turn on flips, shift or rotation in Training settings → Augmentation, so each epoch sees varied copies.',
    'more-data': 'Get more training data.',
    'smaller-model': 'Use a smaller model (fewer units or layers).',
    'bigger-model': 'Use a bigger model: more units per layer or more layers.',
    'less-regularization': 'Lower the regularization: less dropout, smaller L1/L2.',
    'more-epochs': 'Train for more epochs.',
    'try-adam': 'Try Adam instead of plain SGD.',
    'training-done':
      'If the validation results are good enough, training is done: stop here, or let early stopping do it.',
    'relu-activations': 'Use ReLU, Leaky ReLU or GELU instead of sigmoid or tanh in hidden layers.',
    'kaiming-init': 'Use Kaiming initialization for ReLU layers.',
    'residual-connections': 'For a deep network, add residual (skip) connections.',
    'leaky-relu': 'If many ReLU units are dead (always zero), lower the learning rate or use Leaky ReLU.',
    'careful-init': 'Use a careful initialization (Kaiming for ReLU layers, Xavier for tanh or sigmoid).',
  },
  values: {
    split_training: 'training',
    split_validation: 'validation',
    referenceKind_chance: 'guessing at chance',
    referenceKind_baseline: 'a model that learned nothing',
    'referenceKind_first-epoch': 'the first epoch',
    recovered_yes: 'and has come back down since',
    recovered_no: 'and has not come back down yet',
    training_fell: 'kept falling to',
    training_flat: 'stayed at',
    percentOver: 'more than 1,000',
    alsoAffected: 'Also affected: {layers}.',
    validationTrend: 'Validation loss {firstValLoss} → {lastValLoss}.',
  },
};

const zh: DiagnosisWords = {
  verdicts: {
    'too-early': {
      title: '尚无法判断',
      text: '目前 {epochs} 个轮次，判断趋势需要 {needed} 个。',
      why: '一两个轮次的波动看起来可能像任何问题；诊断要等到证据足够。',
    },
    'non-finite-loss': {
      title: '已发散',
      text: '{split}损失在第 {epoch} 轮变为 NaN 或无穷大（学习率 {learningRate}）：权重已不可用。',
      why: '损失变成 NaN 或无穷大，是因为数值溢出了：最常见的原因是步长太大，每次更新都冲得更远；数据中的 NaN、无穷大或极大的值，或者某一层不稳定，也会这样。',
    },
    'non-finite-weights': {
      title: '已发散',
      text: '第 {epoch} 轮时层 {layer} 的权重变为 NaN 或无穷大（学习率 {learningRate}）。',
      why: '更新量远大于它所改变的数值时，权重就会溢出。',
    },
    diverging: {
      title: '正在发散',
      text: '训练损失已连续 {risingEpochs} 轮上升，从第 {bestEpoch} 轮的 {bestLoss} 升到 {loss}（{factor} 倍；学习率 {learningRate}）。',
      why: '损失不断增大说明步长太大：每次更新都越过谷底，落到更高处。',
    },
    'loss-spike': {
      title: '损失突增',
      text: '第 {epoch} 轮训练损失从约 {before} 跳到 {peak}（{factor} 倍），{recovered}。',
      why: '一次过大的更新（一个不巧的批次、损失的陡峭区域）会让权重暂时偏离；自适应优化器在训练后期容易出现。',
    },
    'validation-spike': {
      title: '验证损失突增',
      text: '第 {epoch} 轮验证损失从约 {before} 跳到 {peak}（{factor} 倍），而训练损失没有，{recovered}。',
      why: '训练损失是一轮中各步的平均；验证损失只在轮末对当时的权重测一次，轮末一次过大的更新会让权重暂时变差。使用批归一化时，评估还要用滑动均值和方差，它们跟不上快速变化的权重。',
    },
    'early-blowup': {
      title: '开始时爆炸',
      text: '第 {epoch} 轮训练损失达到 {loss}，是{referenceKind}（{reference}）的 {factor} 倍，{recovered}。',
      why: '最初几步的步长太大：每一步都把权重甩得更远，输出变得极大。学习率高于该优化器的常用范围时，原因就是学习率；学习率正常时，输入或目标远离 ±1（没有标准化）或初始化过大也会这样。',
    },
    'training-unstable': {
      title: '训练损失不稳定',
      text: '第 {fromEpoch}–{toEpoch} 轮中，训练损失 {rises} 次大幅上跳，在 {lowest} 与 {highest} 之间波动（最大一次：第 {largestEpoch} 轮从 {largestFrom} 跳到 {largestTo}）。',
      why: '一轮的训练损失是这一轮各步的平均，每一步只让权重好一点时，它会平稳变化。一次又一次大幅上跳，说明有些步把权重甩到了很远的地方：对这个模型和数据来说步长太大，而步长由学习率决定（梯度裁剪可以限制它）。',
    },
    'validation-unstable': {
      title: '验证损失不稳定',
      text: '第 {fromEpoch}–{toEpoch} 轮中，验证损失 {rises} 次大幅上跳，在 {lowest} 与 {highest} 之间波动（最大一次：第 {largestEpoch} 轮从 {largestFrom} 跳到 {largestTo}），而训练损失的波动小得多。',
      why: '验证损失只在每轮结束时，用同一组验证样本对当时的权重测一次。步长过大时，每次测到的权重都相差很远；验证集小（或批归一化的滑动统计量跟不上快速变化的权重，批越小越明显）会把这种差别放大成大幅波动。训练损失是许多步的平均，所以稳定得多。',
    },
    'non-finite-gradients': {
      title: '梯度溢出',
      text: '第 {epoch} 轮时层 {layer} 的梯度变为 NaN 或无穷大。',
      why: '梯度每反向经过一层就增大一些，最终超出数值范围。',
    },
    'exploding-gradients': {
      title: '梯度爆炸',
      text: '梯度总范数增长了 {factor} 倍，从第 {fromEpoch} 轮的 {fromNorm} 到第 {toEpoch} 轮的 {toNorm}，层 {layer} 增长最快。',
      why: '梯度每反向经过一层就增大一些，单步更新就可能让权重偏离很远。',
    },
    'vanishing-gradients': {
      title: '梯度消失',
      text: '自第 {sinceEpoch} 轮起，层 {layer} 的梯度范数为 {norm}，比其他层低几个数量级，几乎学不到东西。',
      why: '梯度反向经过各层时会缩小：sigmoid 或 tanh 饱和、初始化不当、ReLU 单元已经“死亡”（一步过大的更新可能让某个单元对所有样本的输入都小于零，此后再没有梯度到达它），或过强的惩罚把权重拉到几乎为零，前面的层因此停止学习。',
    },
    overfitting: {
      title: '过拟合',
      text: '验证损失在第 {bestEpoch} 轮最低（{bestValLoss}），之后升高 {risePercent}% 到 {valLoss}，而训练损失{training} {trainLoss}。差距现为 {gap}。',
      why: '验证损失上升，而训练损失仍在下降或停在已达到的低位，说明模型在记忆训练样本中对新数据不成立的细节，并且对自己的答案（包括错误的答案）越来越确信。',
    },
    'over-regularized': {
      title: '正则化过强',
      text: '训练损失在第 {lowestEpoch} 轮最低（{lowestLoss}），此后升到 {loss}，为{referenceKind}（{reference}）的 {percentOfReference}%。',
      why: '使用 L1 或 L2 惩罚（或权重衰减）时，训练最小化的是数据损失加上惩罚项。惩罚太强就会占上风：它把权重拉回零附近，数据损失于是向什么都没学到的模型的水平回升，模型欠拟合。并不是哪一步出了错，而是被最小化的是另一个损失。',
    },
    underfitting: {
      title: '欠拟合',
      text: '自第 {sinceEpoch} 轮起训练损失停在 {trainLoss}，为{referenceKind}（{reference}）的 {percentOfReference}%，验证损失也没有更好。',
      why: '两个损失都高且平，说明模型表达不了这个规律（太小、正则太强），或优化器找不到它。',
    },
    'learning-slowly': {
      title: '学习太慢',
      text: '训练损失仍为 {trainLoss}，为{referenceKind}（{reference}）的 {percentOfReference}%，每轮只下降 {fallPercentPerEpoch}%。',
      why: '步长相对于损失曲面太小（学习率低、普通 SGD），进展稳定但太慢。',
    },
    plateau: {
      title: '平台期',
      text: '自第 {sinceEpoch} 轮起训练损失稳定在 {trainLoss} 左右：最近两段各 {epochs} 轮之间只变化了 {changePercent}%。',
      why: '优化器到了平坦区域：在这个学习率和模型大小下损失降不下去了。',
    },
    converged: {
      title: '已收敛',
      text: '自第 {sinceEpoch} 轮起训练损失稳定在 {trainLoss}，为{referenceKind}的 {percentOfReference}%：模型已拟合训练数据。',
      why: '训练损失低而平，说明从这些数据中已没有多少可学；验证结果说明它能否推广。',
    },
    healthy: {
      title: '状态良好',
      text: '训练损失 {firstLoss} → {lastLoss}。',
      why: '两个损失都在下降，没有上述问题的迹象。',
    },
  },
  advice: {
    'lower-learning-rate': '把学习率从 {learningRate} 调低，例如调到 {suggested}。',
    'raise-learning-rate': '提高学习率（当前 {learningRate}）。',
    'use-lr-schedule': '用学习率调度（plateau 或 cosine）降低学习率，让训练进一步收敛。',
    'learning-rate-already-lowered': '调度已把学习率降到 {learningRate}；要更进一步可能需要更大的模型。',
    'schedule-already-lowering':
      '调度已在降低学习率（当前 {learningRate}）；如果学习率降下来后仍然波动，就从更低的学习率开始。',
    'larger-validation-split':
      '验证样本只有 {samples} 个：每个样本都会明显影响验证损失。更多验证数据能让测量更稳定；在此之前，请看趋势而不是单个轮次。',
    'larger-batches':
      '批归一化在评估时用滑动统计量，它跟不上快速变化的权重，批越小越明显：试试大于 {batchSize} 的批大小，或换用没有滑动统计量、训练和评估时相同的归一化（特征向量用层归一化，图像用组归一化）。',
    'gradient-clipping': '开启梯度裁剪（maxNorm {maxNorm} 是不错的起点）。',
    'add-batch-norm': '在全连接或卷积层后加入批归一化，让激活值保持在合适范围。',
    'check-data': '检查数据中是否有 NaN、极大值或错误标签，并把输入标准化。',
    'add-dropout': '在隐藏层之间加入 dropout。',
    'raise-dropout': '提高 dropout 比例。',
    'add-weight-decay': '加入 L2 正则（权重衰减），例如 {value}。',
    'raise-weight-decay': '加大 L2 正则（权重衰减）。',
    'early-stopping': '开启以 val_loss 为指标、恢复最佳权重的早停，这样会保留第 {epoch} 轮的权重。',
    'restore-best': '在早停中开启"恢复最佳权重"，保留第 {epoch} 轮的权重。',
    'augment-images': '对现有图像做增强：在“训练设置 → 数据增强”中开启翻转、平移或旋转，让每一轮看到不同的副本。',
    'more-data': '获取更多训练数据。',
    'smaller-model': '使用更小的模型（更少的单元或层）。',
    'bigger-model': '使用更大的模型：每层更多单元或更多层。',
    'less-regularization': '减弱正则化：更少的 dropout、更小的 L1/L2。',
    'more-epochs': '训练更多轮次。',
    'try-adam': '用 Adam 代替普通 SGD。',
    'training-done': '如果验证结果已经足够好，训练就完成了：在此停止，或交给早停。',
    'relu-activations': '隐藏层用 ReLU、Leaky ReLU 或 GELU 代替 sigmoid 或 tanh。',
    'kaiming-init': 'ReLU 层使用 Kaiming 初始化。',
    'residual-connections': '对于深层网络，加入残差（跳跃）连接。',
    'leaky-relu': '如果很多 ReLU 单元已死（总输出零），降低学习率或改用 Leaky ReLU。',
    'careful-init': '使用合适的初始化（ReLU 层用 Kaiming，tanh 或 sigmoid 用 Xavier）。',
  },
  values: {
    split_training: '训练',
    split_validation: '验证',
    referenceKind_chance: '随机猜测损失',
    referenceKind_baseline: '未学习模型的损失',
    'referenceKind_first-epoch': '第一轮损失',
    recovered_yes: '之后已回落',
    recovered_no: '尚未回落',
    training_fell: '继续降到',
    training_flat: '停在',
    percentOver: '超过 1,000',
    alsoAffected: '同样受影响：{layers}。',
    validationTrend: '验证损失 {firstValLoss} → {lastValLoss}。',
  },
};

/** By locale (the keys of i18n's LOCALES; kept free of the runes module so tests and e2e can read the tables). */
export const diagnosisWords = { en, 'zh-CN': zh } satisfies Record<string, DiagnosisWords>;
export type DiagnosisLocale = keyof typeof diagnosisWords;

/**
 * Fills {name} with a parameter, words for named values (split, referenceKind, recovered) taken from the table, a
 * percentage above PERCENT_CEILING as "more than 1,000".
 */
function fill(text: string, params: Record<string, number | string>, words: DiagnosisWords): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    const named = words.values[`${name}_${value}` as ValueKey];
    if (named === undefined && percentOverCeiling(name, value)) return words.values.percentOver;
    return named ?? (typeof value === 'number' ? numberText(value) : value);
  });
}

export interface WordedVerdict {
  title: string;
  text: string;
  why: string;
  advice: string[];
}

export function wordVerdict(verdict: Verdict, locale: DiagnosisLocale): WordedVerdict {
  const words = diagnosisWords[locale];
  const v = words.verdicts[verdict.code];
  const extra: string[] = [];
  if (typeof verdict.params.alsoAffected === 'string' && verdict.params.alsoAffected !== '') {
    extra.push(fill(words.values.alsoAffected, { layers: verdict.params.alsoAffected }, words));
  }
  if (verdict.code === 'healthy' && verdict.params.firstValLoss !== undefined)
    extra.push(fill(words.values.validationTrend, verdict.params, words));
  return {
    title: v.title,
    text: [fill(v.text, verdict.params, words), ...extra].join(locale === 'en' ? ' ' : ''),
    why: v.why,
    advice: verdict.advice.map((a: Advice) => fill(words.advice[a.code], a.params, words)),
  };
}
