// summarize() lists layers in topological order with shapes and counts; formatSummary prints them as a table.
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { formatSummary, summarize } from './summary';
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

  it('shows unknown shapes as ? in the table', () => {
    const spec = graph(
      [
        ['in', 'input', { shape: [3] }],
        ['conv', 'conv2d'],
      ],
      [['in', 'conv']],
    );
    const text = formatSummary(summarize(spec, analyze(spec)));
    expect(text).toMatch(/Conv2D \(conv\)\s+\?\s+0/);
  });

  it('prints an aligned table with grouped digits', () => {
    const spec = lenet();
    const text = formatSummary(summarize(spec, analyze(spec)));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Layer \(id\)\s+Output shape\s+Params$/);
    expect(text).toMatch(/Dense \(fc1\)\s+\[120\]\s+48,120/);
    expect(text).toContain('Total params: 61,706');
    const rowLengths = new Set(lines.slice(2, 2 + spec.nodes.length).map((l) => l.length));
    expect(rowLengths.size).toBe(1);
  });
});
