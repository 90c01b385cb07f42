// The starting-weights table of `train --from` / `--weights`: its words in English (as always) and in Chinese, the
// tensor names, shapes and counts the same in both.
import { describe, expect, it } from 'vitest';
import type { InitialWeights } from '../../engine/core/io/weightsMatch';
import { weightsTableText } from './startWeights';

const WEIGHTS: InitialWeights = {
  file: 'base.safetensors',
  fromRun: null,
  plan: {
    copies: [],
    loaded: ['fc1.weight', 'fc1.bias'],
    renamed: [{ from: 'layer.0.weight', to: 'fc2.weight' }],
    skipped: [{ name: 'bn.num_batches_tracked', reason: 'counter' }],
    initialized: [],
    reinitialized: [{ name: 'out.weight', nodeId: 'out', fileShape: [10, 64], modelShape: [3, 64] }],
  },
};

describe('the starting-weights table', () => {
  it('reads as it always did in English', () => {
    expect(weightsTableText(WEIGHTS, 'en')).toBe(
      [
        'starting weights from base.safetensors:',
        '  loaded (2): fc1.weight, fc1.bias',
        '  renamed (1): layer.0.weight -> fc2.weight',
        '  re-initialized (shape no longer fits) (1): out.weight [10, 64] -> [3, 64]',
        '  skipped (1): bn.num_batches_tracked (counter)',
        '',
      ].join('\n'),
    );
  });

  it('is worded in Chinese, the tensors and shapes as they are', () => {
    expect(weightsTableText(WEIGHTS, 'zh')).toBe(
      [
        '初始权重来自 base.safetensors：',
        '  已载入（2 个）：fc1.weight, fc1.bias',
        '  按顺序载入（名称不同）（1 个）：layer.0.weight -> fc2.weight',
        '  重新初始化（形状不再匹配）（1 个）：out.weight [10, 64] -> [3, 64]',
        '  已跳过（1 个）：bn.num_batches_tracked（计数器）',
        '',
      ].join('\n'),
    );
  });
});
