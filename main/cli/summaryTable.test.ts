// The layer table `netwright import MODEL.onnx` prints: aligned, digits grouped, unknown shapes as ?, and in Chinese
// with the layers' Chinese names, Chinese cells taking two terminal columns.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/core/spec/analyze';
import { summarize } from '../../engine/core/spec/summary';
import { lenet } from '../../engine/core/spec/templates';
import { graph } from '../../engine/core/spec/testSpecs';
import { displayWidth } from './format';
import { summaryTable } from './summaryTable';

const tableOf = (spec: ReturnType<typeof lenet>, locale: 'en' | 'zh') =>
  summaryTable(summarize(spec, analyze(spec)), spec, locale);

describe('summaryTable', () => {
  it('prints an aligned table with grouped digits', () => {
    const spec = lenet();
    const text = tableOf(spec, 'en');
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Layer \(id\)\s+Output shape\s+Params$/);
    expect(text).toMatch(/Dense \(fc1\)\s+\[120\]\s+48,120/);
    expect(text).toContain('Total params: 61,706');
    const widths = new Set(lines.slice(1, 1 + spec.nodes.length).map(displayWidth));
    expect(widths.size).toBe(1);
  });

  it('says it in Chinese, the columns aligned in terminal columns', () => {
    const spec = lenet();
    const text = tableOf(spec, 'zh');
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^层（id）\s+输出形状\s+参数$/);
    expect(text).toMatch(/全连接 \(fc1\)\s+\[120\]\s+48,120/);
    expect(text).toContain('参数总数：61,706');
    const widths = new Set(lines.slice(1, 1 + spec.nodes.length).map(displayWidth));
    expect(widths.size).toBe(1);
  });

  it('shows unknown shapes as ?', () => {
    const spec = graph(
      [
        ['in', 'input', { shape: [3] }],
        ['conv', 'conv2d'],
      ],
      [['in', 'conv']],
    );
    expect(tableOf(spec, 'en')).toMatch(/Conv2D \(conv\)\s+\?\s+0/);
  });
});
