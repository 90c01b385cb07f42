// summarize() lists layers in topological order with shapes and counts (main/cli/summaryTable.test.ts: its table).
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { summarize } from './summary';
import { lenet } from './templates';
import { graph } from './testSpecs';

describe('model summary', () => {
  it('has one row per layer of LeNet in order, with shapes, counts and totals', () => {
    const spec = lenet();
    const summary = summarize(spec, analyze(spec));
    expect(summary.rows.map((r) => r.nodeId)).toEqual(spec.nodes.map((n) => n.id));
    expect(summary.rows[1]).toEqual({
      nodeId: 'conv1',
      label: 'Conv2D',
      op: 'conv2d',
      outputShape: [6, 28, 28],
      params: 156,
      frozen: false,
    });
    expect(summary.totalParams).toBe(61706);
    expect(summary.trainableParams).toBe(61706);
    expect(summary.frozenParams).toBe(0);
    expect(summary.rows.reduce((sum, r) => sum + r.params, 0)).toBe(61706);
    expect(summary.inputShape).toEqual([1, 28, 28]);
    expect(summary.outputShape).toEqual([10]);
    // 784 + 4704 * 2 + 1176 + 1600 * 2 + 400 * 2 + 120 * 2 + 84 * 2 + 10
    expect(summary.activationsPerSample).toBe(784 + 4704 * 2 + 1176 + 1600 * 2 + 400 * 2 + 120 * 2 + 84 * 2 + 10);
  });

  it('uses node labels and follows the topological order, not the listing order', () => {
    const spec = graph(
      [
        ['out', 'dense', { units: 2 }],
        ['in', 'input', { shape: [3] }],
      ],
      [['in', 'out']],
    );
    spec.nodes[0].label = 'Classifier';
    const summary = summarize(spec, analyze(spec));
    expect(summary.rows.map((r) => [r.nodeId, r.label])).toEqual([
      ['in', 'Input'],
      ['out', 'Classifier'],
    ]);
  });
});
