// The receptive field of each layer of an image model, worked out by hand for chains, dilations, strides and merges.
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { receptiveFields } from './receptiveField';
import { asppCnn } from './templates';
import { chain, graph } from './testSpecs';
import type { ModelSpec } from './types';

function fieldsOf(spec: ModelSpec): Record<string, [number, number, number]> {
  const analysis = analyze(spec);
  expect(analysis.problems).toEqual([]);
  const fields = receptiveFields(spec, analysis);
  // size (rows; every case here is square) and jump, per node
  return Object.fromEntries(
    [...fields].map(([id, f]) => {
      expect(f.size[1]).toBe(f.size[0]);
      return [id, [f.size[0], f.jump[0], f.jump[1]]];
    }),
  );
}

describe('receptive fields', () => {
  it('grow by (span - 1) x the spacing of the positions below; a stride spreads the positions out', () => {
    const spec = chain([
      ['in', 'input', { shape: [1, 32, 32] }],
      ['c1', 'conv2d', { filters: 4, kernelSize: 3, padding: 1 }],
      ['r1', 'relu'],
      ['c2', 'conv2d', { filters: 4, kernelSize: 3, padding: 1 }],
      ['p', 'maxpool2d', { kernelSize: 2 }],
      ['c3', 'conv2d', { filters: 4, kernelSize: 3, padding: 1 }],
      ['s', 'conv2d', { filters: 4, kernelSize: 3, stride: 2 }],
      ['c4', 'conv2d', { filters: 4, kernelSize: 1 }],
      ['g', 'globalavgpool2d'],
      ['fc', 'dense', { units: 2 }],
    ]);
    expect(fieldsOf(spec)).toEqual({
      in: [1, 1, 1],
      c1: [3, 1, 1],
      r1: [3, 1, 1],
      c2: [5, 1, 1],
      p: [6, 2, 2],
      c3: [10, 2, 2],
      s: [14, 4, 4],
      c4: [14, 4, 4],
    });
  });

  it('a dilated 3x3 sees as far as its span, 2d + 1, with the weights of a plain one', () => {
    const spec = chain([
      ['in', 'input', { shape: [1, 16, 16] }],
      ['d2', 'conv2d', { filters: 4, kernelSize: 3, dilation: 2, padding: 2 }],
      ['d4', 'conv2d', { filters: 4, kernelSize: 3, dilation: 4, padding: 4 }],
    ]);
    expect(fieldsOf(spec)).toMatchObject({ d2: [5, 1, 1], d4: [13, 1, 1] });
  });

  it('a merge sees what the wider of its inputs sees; the ASPP template spans 8, 16 and 24 input pixels', () => {
    const spec = graph(
      [
        ['in', 'input', { shape: [1, 8, 8] }],
        ['a', 'conv2d', { filters: 2, kernelSize: 3, padding: 1 }],
        ['b', 'conv2d', { filters: 2, kernelSize: 5, padding: 2 }],
        ['sum', 'add'],
      ],
      [
        ['in', 'a'],
        ['in', 'b'],
        ['a', 'sum', 0],
        ['b', 'sum', 1],
      ],
    );
    expect(fieldsOf(spec).sum).toEqual([5, 1, 1]);
    const aspp = fieldsOf(asppCnn());
    expect([aspp.aspp_1x1[0], aspp.aspp_rate2[0], aspp.aspp_rate4[0], aspp.concat_all[0]]).toEqual([8, 16, 24, 24]);
  });

  it('gives no field in a model of feature vectors, nor past a node it cannot read', () => {
    expect(
      fieldsOf(
        chain([
          ['in', 'input', { shape: [4] }],
          ['fc', 'dense', { units: 2 }],
        ]),
      ),
    ).toEqual({});
    const spec = chain([
      ['in', 'input', { shape: [1, 8, 8] }],
      ['x', 'onnx:Upsample'],
      ['c', 'conv2d', { filters: 2, kernelSize: 3 }],
    ]);
    expect(receptiveFields(spec, analyze(spec)).has('c')).toBe(false);
  });
});
