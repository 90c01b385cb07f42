import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../engine/core/spec/catalogue';
import { cardParams, formatParam, parseParam } from './paramText';

const param = (op: keyof typeof LAYERS, name: string) => LAYERS[op].params.find((p) => p.name === name)!;

describe('param text', () => {
  it('reads a shape list and writes it back the same way', () => {
    const shape = param('input', 'shape');
    expect(parseParam(shape, '1, 28, 28')).toEqual({ ok: true, value: [1, 28, 28] });
    expect(parseParam(shape, '[3 32 32]')).toEqual({ ok: true, value: [3, 32, 32] });
    expect(formatParam([1, 28, 28])).toBe('1, 28, 28');
  });

  it('reads a kernel size as one number or a pair', () => {
    const kernel = param('conv2d', 'kernelSize');
    expect(parseParam(kernel, '3')).toEqual({ ok: true, value: 3 });
    expect(parseParam(kernel, '3, 5')).toEqual({ ok: true, value: [3, 5] });
    expect(parseParam(kernel, '3, 5, 7')).toEqual({ ok: false, problem: 'pair' });
  });

  it("accepts 'same' and 'valid' padding", () => {
    expect(parseParam(param('conv2d', 'padding'), 'Same')).toEqual({ ok: true, value: 'same' });
    expect(parseParam(param('conv2d', 'padding'), 'wide')).toEqual({ ok: false, problem: 'padding' });
  });

  it('treats empty text as the default and rejects words in number fields', () => {
    expect(parseParam(param('maxpool2d', 'stride'), ' ')).toEqual({ ok: true, value: undefined });
    expect(parseParam(param('dense', 'units'), 'many')).toEqual({ ok: false, problem: 'number' });
  });

  it("shows a conv's first two settings on its card, led by its dilation and groups when they are not 1", () => {
    const conv = LAYERS.conv2d.params;
    const names = (values: Record<string, number | number[]>) => cardParams(conv, values).map((p) => p.name);
    expect(names({ filters: 16, kernelSize: 3, dilation: 1, groups: 1 })).toEqual(['filters', 'kernelSize']);
    expect(names({ filters: 16, kernelSize: 3, dilation: [1, 1], groups: 1 })).toEqual(['filters', 'kernelSize']);
    expect(names({ filters: 16, kernelSize: 3, groups: 16 })).toEqual(['groups', 'filters', 'kernelSize']);
    expect(names({ filters: 16, kernelSize: 3, dilation: [2, 1], groups: 1 })).toEqual([
      'dilation',
      'filters',
      'kernelSize',
    ]);
    expect(names({ filters: 16, kernelSize: 3, dilation: 2, groups: 16 })).toEqual([
      'dilation',
      'groups',
      'filters',
      'kernelSize',
    ]);
    // A layer whose first settings are switches shows none of them.
    expect(cardParams(LAYERS.prelu.params, { perChannel: true } as never)).toEqual([]);
  });
});
