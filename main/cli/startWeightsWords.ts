// The words of the starting-weights table `train --from RUN` and `--weights FILE` print (which tensors were loaded,
// renamed, re-initialized, left initialized or skipped, and why), in English and Simplified Chinese. Tensor names
// and shapes stay as they are.
import type { SkipReason } from '../../engine/core/io/weightsMatch';
import type { Words } from './locale';

type StartWeightsWord =
  | 'from'
  | 'row'
  | 'loaded'
  | 'renamed'
  | 'reinitialized'
  | 'initialized'
  | 'skipped'
  | 'skippedTensor'
  | `skip_${SkipReason}`;

export const START_WEIGHTS_WORDS: Words<StartWeightsWord> = {
  en: {
    from: 'starting weights from {file}:',
    row: '{what} ({count}): {items}',
    loaded: 'loaded',
    renamed: 'renamed',
    reinitialized: 're-initialized (shape no longer fits)',
    initialized: 'left initialized',
    skipped: 'skipped',
    skippedTensor: '{name} ({reason})',
    skip_counter: 'counter',
    'skip_training-state': 'training-state',
    skip_unmatched: 'unmatched',
  },
  zh: {
    from: '初始权重来自 {file}：',
    row: '{what}（{count} 个）：{items}',
    loaded: '已载入',
    renamed: '按顺序载入（名称不同）',
    reinitialized: '重新初始化（形状不再匹配）',
    initialized: '保持初始化',
    skipped: '已跳过',
    skippedTensor: '{name}（{reason}）',
    skip_counter: '计数器',
    'skip_training-state': '训练状态',
    skip_unmatched: '没有对应的张量',
  },
};
