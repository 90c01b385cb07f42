// The compare view's graph changes read in the user's words, in English and Chinese: layer names from the catalogue
// table, params by the Inspector's labels, values as the Inspector shows them.
import { describe, expect, it } from 'vitest';
import { fillMessage } from '../../../engine/core/spec/problemText';
import type { ModelSpec } from '../../../engine/core/spec/types';
import { catalogueMessages } from '../editor/messages';
import { diffGraphs, type GraphChange } from './graphDiff';
import { describeGraphChange, type GraphDiffWords } from './graphDiffWords';
import { experimentsMessages } from './messages';

/** One language's tables as the view's translators (the catalogue falls back to English, as i18n does). */
function wordsIn(locale: 'en' | 'zh-CN'): GraphDiffWords {
  return {
    t: (key, params = {}) => fillMessage(experimentsMessages[locale][key], params),
    catalogue: (key) => catalogueMessages[locale][key] ?? catalogueMessages.en[key] ?? key,
  };
}

const describeAll = (changes: GraphChange[], locale: 'en' | 'zh-CN') =>
  changes.map((change) => describeGraphChange(change, wordsIn(locale)));

const mlp = (units: number, withDropout: boolean): ModelSpec => ({
  version: 1,
  nodes: [
    { id: 'in', op: 'input', params: { shape: [2] } },
    { id: 'fc1', op: 'dense', params: { units } },
    ...(withDropout ? [{ id: 'drop1', op: 'dropout', params: { p: 0.3 } }] : []),
    { id: 'out', op: 'dense', params: { units: 3 } },
  ],
  edges: withDropout
    ? [
        { from: 'in', to: 'fc1' },
        { from: 'fc1', to: 'drop1' },
        { from: 'drop1', to: 'out' },
      ]
    : [
        { from: 'in', to: 'fc1' },
        { from: 'fc1', to: 'out' },
      ],
});

describe('graph changes in words', () => {
  const changes = diffGraphs(mlp(64, false), mlp(128, true));

  it('names layer kinds and params as the editor does, in English', () => {
    expect(describeAll(changes, 'en')).toEqual([
      '~ fc1: Units 64 → 128',
      '+ drop1 (Dropout) added',
      '− connection fc1 → out',
      '+ connection fc1 → drop1',
      '+ connection drop1 → out',
    ]);
  });

  it('names layer kinds and params as the editor does, in Chinese', () => {
    expect(describeAll(changes, 'zh-CN')).toEqual([
      '~ fc1：单元数 64 → 128',
      '+ 新增 drop1（Dropout）',
      '− 连接 fc1 → out',
      '+ 连接 fc1 → drop1',
      '+ 连接 drop1 → out',
    ]);
  });

  it('words a changed kind, switches, initializations, lists and left-out params as the Inspector shows them', () => {
    const change: GraphChange = {
      type: 'node-changed',
      nodeId: 'c1',
      opBefore: 'conv2d',
      opAfter: 'conv2d',
      params: [
        { name: 'bias', before: undefined, after: false },
        { name: 'init', before: 'auto', after: 'kaiming_normal' },
        { name: 'kernelSize', before: [3, 3], after: 5 },
      ],
    };
    expect(describeGraphChange(change, wordsIn('en'))).toBe(
      '~ c1: Bias on (default) → off; Initialization auto → kaiming_normal; Kernel size 3, 3 → 5',
    );
    expect(describeGraphChange(change, wordsIn('zh-CN'))).toBe(
      '~ c1：偏置 开（默认） → 关；初始化 auto → kaiming_normal；卷积核大小 3, 3 → 5',
    );
    const kind: GraphChange = { type: 'node-changed', nodeId: 'a', opBefore: 'relu', opAfter: 'gelu', params: [] };
    expect(describeGraphChange(kind, wordsIn('en'))).toBe('~ a: ReLU → GELU');
    const pooled: GraphChange = {
      type: 'node-changed',
      nodeId: 'p1',
      opBefore: 'conv2d',
      opAfter: 'maxpool2d',
      params: [{ name: 'stride', before: 2, after: undefined }],
    };
    // The later kind's label and default: a pool's stride left out follows its window.
    expect(describeGraphChange(pooled, wordsIn('zh-CN'))).toBe('~ p1：二维卷积 → 最大池化；步幅 2 → 默认');
    expect(describeGraphChange(pooled, wordsIn('en'))).toBe('~ p1: Conv2D → MaxPool2D; Stride 2 → default');
  });

  it('keeps the names of kinds and params the catalogue does not know', () => {
    const change: GraphChange = {
      type: 'node-changed',
      nodeId: 'x',
      opBefore: 'onnx:Softplus',
      opAfter: 'onnx:Softplus',
      params: [{ name: 'beta', before: undefined, after: 2 }],
    };
    expect(describeGraphChange(change, wordsIn('zh-CN'))).toBe('~ x：beta — → 2');
    const added: GraphChange = { type: 'node-added', nodeId: 'y', op: 'onnx:Softplus' };
    expect(describeGraphChange(added, wordsIn('en'))).toBe('+ y (ONNX Softplus) added');
  });
});
