// The layer table `netwright import MODEL.onnx` prints: aligned, digits grouped, unknown shapes as ?, and in Chinese
// with the layers' Chinese names, Chinese cells taking two terminal columns.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/core/spec/analyze';
import { receptiveFields } from '../../engine/core/spec/receptiveField';
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

  it("adds each image layer's receptive field when given the fields", () => {
    const spec = lenet();
    const analysis = analyze(spec);
    for (const [locale, header] of [
      ['en', /^Layer \(id\)\s+Output shape\s+Params\s+Receptive field$/],
      ['zh', /^层（id）\s+输出形状\s+参数\s+感受野$/],
    ] as const) {
      const text = summaryTable(summarize(spec, analysis), spec, locale, receptiveFields(spec, analysis));
      const lines = text.split('\n');
      expect(lines[0]).toMatch(header);
      // LeNet-5: 5x5 conv, 2x2 pool, 5x5 conv at positions 2 apart: 5, 6, 14; past the flatten, none.
      expect(text).toMatch(/\(conv1\)\s+\[6, 28, 28\]\s+156\s+5 × 5\n/);
      expect(text).toMatch(/\(conv2\)\s+\[16, 10, 10\]\s+2,416\s+14 × 14\n/);
      expect(lines.find((l) => l.includes('(fc1)'))).toMatch(/48,120\s*$/);
      // The fields right-aligned in one column (rows without one end after their params).
      const withField = lines.slice(1, 1 + spec.nodes.length).filter((l) => l.includes(' × '));
      expect(withField.length).toBeGreaterThan(4);
      expect(new Set(withField.map(displayWidth)).size).toBe(1);
    }
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
