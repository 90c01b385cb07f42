// Matching a weights file's tensors to a model's: by name, then by order among modules of the same kind; PyTorch's
// counters skipped; mismatched shapes refused (strict) or re-initialized and listed (fit).
import { describe, expect, it } from 'vitest';
import { checkedModel } from '../export/modelTensors';
import type { ModelSpec, SpecNode } from '../spec/types';
import { applyWeights, matchWeights, moduleOrder, WeightsError, type SourceTensor } from './weightsMatch';

/** input [4] -> fc1 (8) -> bn (batchnorm1d) -> relu -> out (classes) */
function spec(classes: number): ModelSpec {
  const nodes: SpecNode[] = [
    { id: 'in', op: 'input', params: { shape: [4] } },
    { id: 'fc1', op: 'dense', params: { units: 8 } },
    { id: 'bn', op: 'batchnorm1d' },
    { id: 'relu', op: 'relu' },
    { id: 'out', op: 'dense', params: { units: classes } },
  ];
  return { version: 1, nodes, edges: nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id })) };
}
const expected = (classes: number) => checkedModel(spec(classes), 'test').expected;
const f32 = (name: string, ...shape: number[]): SourceTensor => ({ name, shape, dtype: 'F32' });

/** A PyTorch nn.Sequential(Linear(4, 8), BatchNorm1d(8), ReLU(), Linear(8, classes)) state_dict. */
function sequential(classes: number): SourceTensor[] {
  return [
    f32('0.weight', 8, 4),
    f32('0.bias', 8),
    f32('1.weight', 8),
    f32('1.bias', 8),
    f32('1.running_mean', 8),
    f32('1.running_var', 8),
    { name: '1.num_batches_tracked', shape: [], dtype: 'I64' },
    f32('3.weight', classes, 8),
    f32('3.bias', classes),
  ].sort((a, b) => (a.name < b.name ? -1 : 1)); // as a safetensors header lists them
}

describe('weights matching', () => {
  it('loads a Netwright file by name', () => {
    const names = expected(3).map((t) => t.name);
    const plan = matchWeights(
      expected(3),
      expected(3).map((t) => f32(t.name, ...t.shape)),
      'strict',
    );
    expect(plan.loaded).toEqual(names);
    expect(plan.copies).toEqual(names.map((n) => ({ from: n, to: n })));
    expect(plan.renamed).toEqual([]);
    expect(plan.skipped).toEqual([]);
  });

  it("loads a PyTorch Sequential's state_dict by order, skipping num_batches_tracked", () => {
    const plan = matchWeights(expected(3), sequential(3), 'strict');
    expect(plan.loaded).toEqual([]);
    expect(plan.renamed).toEqual([
      { from: '0.weight', to: 'fc1.weight' },
      { from: '0.bias', to: 'fc1.bias' },
      { from: '1.weight', to: 'bn.weight' },
      { from: '1.bias', to: 'bn.bias' },
      { from: '1.running_mean', to: 'bn.running_mean' },
      { from: '1.running_var', to: 'bn.running_var' },
      { from: '3.weight', to: 'out.weight' },
      { from: '3.bias', to: 'out.bias' },
    ]);
    expect(plan.skipped).toEqual([{ name: '1.num_batches_tracked', reason: 'counter' }]);
    expect(plan.initialized).toEqual([]);
  });

  it('orders module indices as numbers, not text', () => {
    expect(moduleOrder(['10.weight', '2.bias', '2.weight', 'fc.bias'])).toEqual([
      '2.bias',
      '2.weight',
      '10.weight',
      'fc.bias',
    ]);
  });

  it('refuses a mismatched shape in strict mode, naming the tensor and the layer', () => {
    const attempt = () => matchWeights(expected(5), sequential(3), 'strict');
    expect(attempt).toThrow(WeightsError);
    expect(attempt).toThrow("tensor '3.weight' has shape [3, 8], but layer 'out' needs 'out.weight' of shape [5, 8]");
    const named = expected(5).map((t) => f32(t.name, ...t.shape));
    named[0] = f32('fc1.weight', 8, 5);
    expect(() => matchWeights(expected(5), named, 'strict')).toThrow(/'fc1.weight' has shape \[8, 5\].*'fc1'/);
  });

  it('re-initializes and lists layers whose shape no longer fits in fit mode', () => {
    const file = expected(3).map((t) => f32(t.name, ...t.shape));
    const plan = matchWeights(expected(5), file, 'fit');
    expect(plan.loaded).toEqual([
      'fc1.weight',
      'fc1.bias',
      'bn.weight',
      'bn.bias',
      'bn.running_mean',
      'bn.running_var',
    ]);
    expect(plan.reinitialized).toEqual([
      { name: 'out.weight', nodeId: 'out', fileShape: [3, 8], modelShape: [5, 8] },
      { name: 'out.bias', nodeId: 'out', fileShape: [3], modelShape: [5] },
    ]);
    expect(plan.copies.map((c) => c.to)).not.toContain('out.weight');
  });

  it('skips training state and tensors nothing matches, and leaves unmatched layers initialized', () => {
    const file = [
      f32('fc1.weight', 8, 4),
      f32('optimizer.exp_avg', 200),
      f32('best.fc1.weight', 8, 4),
      f32('extra.weight', 2, 2),
    ];
    const plan = matchWeights(expected(3), file, 'strict');
    expect(plan.loaded).toEqual(['fc1.weight']);
    expect(plan.skipped).toEqual([
      { name: 'best.fc1.weight', reason: 'training-state' },
      { name: 'optimizer.exp_avg', reason: 'training-state' },
      { name: 'extra.weight', reason: 'unmatched' },
    ]);
    expect(plan.initialized).toEqual([
      'fc1.bias',
      'bn.weight',
      'bn.bias',
      'bn.running_mean',
      'bn.running_var',
      'out.weight',
      'out.bias',
    ]);
  });

  it('refuses a file of which nothing fits, and integer weights', () => {
    expect(() => matchWeights(expected(3), [f32('conv.weight', 3, 3, 3, 3)], 'strict')).toThrow(
      /none of the file's 1 tensors/,
    );
    expect(() => matchWeights(expected(3), [{ name: 'fc1.weight', shape: [8, 4], dtype: 'I32' }], 'strict')).toThrow(
      /'fc1.weight' holds I32 values/,
    );
  });

  it('copies the planned tensors, narrowing F64', () => {
    const target = new Map([['fc1.bias', { shape: [2], value: new Float32Array(2) }]]);
    const file = new Map([['0.bias', { shape: [2], data: Float64Array.of(0.5, -1.25) }]]);
    applyWeights(target, file, [{ from: '0.bias', to: 'fc1.bias' }]);
    expect([...target.get('fc1.bias')!.value]).toEqual([0.5, -1.25]);
    expect(() =>
      applyWeights(target, new Map([['0.bias', { shape: [3], data: new Float32Array(3) }]]), [
        { from: '0.bias', to: 'fc1.bias' },
      ]),
    ).toThrow(/needs \[2\]/);
  });
});
