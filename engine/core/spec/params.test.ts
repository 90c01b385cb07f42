// resolveParams fills defaults and rejects bad values naming node and param; windowGeometry gives conv/pool sizes.
import { describe, expect, it } from 'vitest';
import { problemText } from './problemText';
import { LAYERS } from './catalogue';
import { resolveParams, windowGeometry } from './params';
import type { ParamValue } from './types';

function resolve(op: string, params?: Record<string, ParamValue>) {
  return resolveParams({ id: 'layer1', op, params });
}

describe('resolveParams', () => {
  it('applies the catalogue defaults', () => {
    expect(resolve('conv2d')).toEqual({
      params: { filters: 16, kernelSize: 3, stride: 1, padding: 0, dilation: 1, groups: 1, bias: true, init: 'auto' },
      problems: [],
    });
    expect(resolve('dense', { units: 10 }).params).toEqual({ units: 10, bias: true, init: 'auto' });
    expect(resolve('input').params).toEqual({ shape: [2] });
    expect(resolve('batchnorm2d').params).toEqual({ momentum: 0.1, eps: 1e-5 });
    expect(resolve('gelu').params).toEqual({ approximate: 'none' });
  });

  it("sets a pool's stride to its window when it is left out (or null)", () => {
    expect(resolve('maxpool2d').params).toEqual({ kernelSize: 2, stride: 2, padding: 0 });
    expect(resolve('avgpool2d', { kernelSize: [3, 2] }).params.stride).toEqual([3, 2]);
    expect(resolve('maxpool2d', { kernelSize: 3, stride: null as unknown as ParamValue }).params.stride).toBe(3);
    expect(resolve('maxpool2d', { kernelSize: 3, stride: 1 }).params.stride).toBe(1);
  });

  it('returns copies, so changing a result never changes the catalogue', () => {
    const { params } = resolve('input');
    (params.shape as number[]).push(99);
    expect(LAYERS.input.params[0].default).toEqual([2]);
    expect(resolve('input').params.shape).toEqual([2]);
  });

  it.each<[string, Record<string, ParamValue>, string]>([
    ['dense', { units: 0 }, 'units'],
    ['dense', { units: 1.5 }, 'units'],
    ['dense', { units: '64' }, 'units'],
    ['dense', { bias: 'yes' }, 'bias'],
    ['dense', { init: 'he' }, 'init'],
    ['input', { shape: [0] }, 'shape'],
    ['input', { shape: [3, 32] }, 'shape'],
    ['input', { shape: 4 }, 'shape'],
    ['conv2d', { kernelSize: [3] }, 'kernelSize'],
    ['conv2d', { kernelSize: 0 }, 'kernelSize'],
    ['conv2d', { stride: [1, 0] }, 'stride'],
    ['conv2d', { padding: 'full' }, 'padding'],
    ['conv2d', { padding: -1 }, 'padding'],
    ['conv2d', { dilation: 0 }, 'dilation'],
    ['conv2d', { dilation: [2, 1, 1] }, 'dilation'],
    ['maxpool2d', { padding: 'same' }, 'padding'],
    ['dropout', { p: 1 }, 'p'],
    ['dropout', { p: -0.1 }, 'p'],
    ['batchnorm1d', { momentum: 0 }, 'momentum'],
    ['batchnorm1d', { momentum: 1.5 }, 'momentum'],
    ['batchnorm2d', { eps: 0 }, 'eps'],
    ['leakyrelu', { negativeSlope: Number.NaN }, 'negativeSlope'],
    ['gelu', { approximate: 'fast' }, 'approximate'],
    ['dense', { kernel_size: 3 }, 'kernel_size'],
    ['relu', { inplace: true }, 'inplace'],
  ])('rejects %s with %j, naming the node and %s', (op, params, name) => {
    const { problems } = resolve(op, params);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ nodeId: 'layer1', code: 'bad-param' });
    expect(problemText(problems[0])).toContain("'layer1'");
    expect(problemText(problems[0])).toContain(`'${name}'`);
  });

  it('accepts the edges of each range', () => {
    expect(resolve('dropout', { p: 0 }).problems).toEqual([]);
    expect(resolve('dropout', { p: 0.999 }).problems).toEqual([]);
    expect(resolve('batchnorm1d', { momentum: 1, eps: 1e-12 }).problems).toEqual([]);
    expect(resolve('conv2d', { kernelSize: [3, 2], stride: [2, 1], padding: [1, 0] }).problems).toEqual([]);
    expect(resolve('input', { shape: [3, 32, 32] }).problems).toEqual([]);
  });

  it("allows 'same' padding only with stride 1 and an odd kernel, and says why", () => {
    expect(resolve('conv2d', { kernelSize: 5, padding: 'same' }).problems).toEqual([]);
    const strided = resolve('conv2d', { kernelSize: 3, stride: 2, padding: 'same' }).problems;
    expect(strided).toHaveLength(1);
    expect(problemText(strided[0])).toMatch(/stride 1/);
    const even = resolve('conv2d', { kernelSize: [3, 2], padding: 'same' }).problems;
    expect(even).toHaveLength(1);
    expect(problemText(even[0])).toMatch(/odd kernel/);
    expect(resolve('conv2d', { kernelSize: 4, stride: 2, padding: 'valid' }).problems).toEqual([]);
  });

  it("judges a dilated kernel's 'same' padding by its span, and refuses a dilation with a stride", () => {
    // 2 dilated by 2 spans 3 (odd); 2 dilated by 3 spans 4 (even).
    expect(resolve('conv2d', { kernelSize: 2, dilation: 2, padding: 'same' }).problems).toEqual([]);
    expect(resolve('conv2d', { kernelSize: 2, dilation: 3, padding: 'same' }).problems).toMatchObject([
      { reason: 'same-padding-even-kernel' },
    ]);
    expect(resolve('conv2d', { kernelSize: 3, dilation: [2, 1], padding: 'same' }).problems).toEqual([]);
    const strided = resolve('conv2d', { dilation: 2, stride: [1, 2] }).problems;
    expect(strided).toMatchObject([
      { nodeId: 'layer1', code: 'bad-param', reason: 'dilation-stride', args: { dilation: '2', stride: '[1,2]' } },
    ]);
    expect(problemText(strided[0])).toMatch(/needs stride 1/);
    expect(resolve('conv2d', { dilation: 1, stride: 2 }).problems).toEqual([]);
  });

  it('rejects pooling padding of more than half the window, like PyTorch', () => {
    expect(resolve('maxpool2d', { kernelSize: 3, padding: 1 }).problems).toEqual([]);
    expect(resolve('avgpool2d', { kernelSize: 2, padding: 1 }).problems).toEqual([]);
    const tooMuch = resolve('maxpool2d', { kernelSize: 3, padding: 2 }).problems;
    expect(tooMuch).toHaveLength(1);
    expect(problemText(tooMuch[0])).toMatch(/half/);
    expect(resolve('avgpool2d', { kernelSize: [4, 2], padding: [2, 2] }).problems).toHaveLength(1);
  });

  it('rejects params that are not an object', () => {
    const { problems } = resolveParams({
      id: 'fc',
      op: 'dense',
      params: [1, 2] as unknown as Record<string, ParamValue>,
    });
    expect(problems).toMatchObject([{ nodeId: 'fc', code: 'bad-param' }]);
  });

  it('reports an unknown op on the node', () => {
    expect(resolveParams({ id: 'x', op: 'lstm' }).problems).toMatchObject([{ nodeId: 'x', code: 'unknown-op' }]);
  });
});

describe('windowGeometry', () => {
  const geometry = (op: 'conv2d' | 'maxpool2d' | 'avgpool2d', params: Record<string, ParamValue>, input: number[]) =>
    windowGeometry(op, resolveParams({ id: 'w', op, params }).params, input);

  it('computes floor((H + 2p - k) / s) + 1 for stride 2 with padding', () => {
    expect(geometry('conv2d', { kernelSize: 3, stride: 2, padding: 1 }, [3, 32, 32])).toEqual({
      kh: 3,
      kw: 3,
      sh: 2,
      sw: 2,
      ph: 1,
      pw: 1,
      dh: 1,
      dw: 1,
      oh: 16,
      ow: 16,
    });
    expect(geometry('conv2d', { kernelSize: 3, stride: 2, padding: 1 }, [3, 7, 6])).toMatchObject({ oh: 4, ow: 3 });
  });

  it('handles non-square kernels, strides and padding', () => {
    expect(geometry('conv2d', { kernelSize: [3, 2], padding: [1, 0] }, [2, 5, 4])).toEqual({
      kh: 3,
      kw: 2,
      sh: 1,
      sw: 1,
      ph: 1,
      pw: 0,
      dh: 1,
      dw: 1,
      oh: 5,
      ow: 3,
    });
    expect(geometry('avgpool2d', { kernelSize: [2, 3], stride: [2, 1] }, [1, 6, 6])).toMatchObject({ oh: 3, ow: 4 });
  });

  it("keeps the size with 'same' and adds nothing with 'valid'", () => {
    expect(geometry('conv2d', { kernelSize: 5, padding: 'same' }, [1, 7, 9])).toMatchObject({
      ph: 2,
      pw: 2,
      oh: 7,
      ow: 9,
    });
    expect(geometry('conv2d', { kernelSize: [3, 1], padding: 'same' }, [1, 7, 9])).toMatchObject({
      ph: 1,
      pw: 0,
      oh: 7,
      ow: 9,
    });
    expect(geometry('conv2d', { kernelSize: 3, padding: 'valid' }, [1, 7, 9])).toMatchObject({
      ph: 0,
      pw: 0,
      oh: 5,
      ow: 7,
    });
  });

  it('drops the last row and column that no window fits (odd input, stride 2)', () => {
    expect(geometry('conv2d', { kernelSize: 2, stride: 2 }, [1, 5, 5])).toMatchObject({ oh: 2, ow: 2 });
    expect(geometry('maxpool2d', {}, [4, 7, 7])).toMatchObject({ kh: 2, sh: 2, oh: 3, ow: 3 });
  });

  it('keeps the size for a 3x3 pool with stride 1 and padding 1', () => {
    expect(geometry('maxpool2d', { kernelSize: 3, stride: 1, padding: 1 }, [2, 5, 4])).toMatchObject({ oh: 5, ow: 4 });
  });

  it('spreads a dilated kernel over (k - 1) d + 1 rows and columns: the output size and the padding follow', () => {
    // 3x3 dilated by 2 spans 5x5: 9 - 5 + 1 = 5 rows; [2, 1] spans 5x3.
    expect(geometry('conv2d', { kernelSize: 3, dilation: 2 }, [1, 9, 9])).toMatchObject({ dh: 2, dw: 2, oh: 5, ow: 5 });
    expect(geometry('conv2d', { kernelSize: 3, dilation: [2, 1] }, [1, 9, 9])).toMatchObject({ oh: 5, ow: 7 });
    expect(geometry('conv2d', { kernelSize: 3, dilation: 3, padding: 3 }, [1, 7, 8])).toMatchObject({ oh: 7, ow: 8 });
    // A 2x2 kernel dilated by 2 spans 3x3.
    expect(geometry('conv2d', { kernelSize: 2, dilation: 2 }, [1, 4, 4])).toMatchObject({ kh: 2, oh: 2, ow: 2 });
  });

  it("keeps the size of a dilated conv with 'same': (k - 1) d / 2 on each side", () => {
    expect(geometry('conv2d', { kernelSize: 3, dilation: 2, padding: 'same' }, [1, 7, 9])).toMatchObject({
      ph: 2,
      pw: 2,
      oh: 7,
      ow: 9,
    });
    expect(geometry('conv2d', { kernelSize: [3, 5], dilation: [3, 2], padding: 'same' }, [1, 6, 5])).toMatchObject({
      ph: 3,
      pw: 4,
      oh: 6,
      ow: 5,
    });
    // An even kernel whose dilated span is odd: 2 dilated by 2 spans 3.
    expect(geometry('conv2d', { kernelSize: 2, dilation: 2, padding: 'same' }, [1, 5, 5])).toMatchObject({
      ph: 1,
      oh: 5,
    });
  });

  it('reads a conv saved before dilation (no param) as dilation 1, and pooling as undilated', () => {
    expect(windowGeometry('conv2d', { kernelSize: 3, stride: 1, padding: 0 }, [1, 5, 5])).toMatchObject({
      dh: 1,
      dw: 1,
      oh: 3,
    });
    expect(geometry('maxpool2d', { kernelSize: 3, stride: 1 }, [1, 5, 5])).toMatchObject({ dh: 1, dw: 1, oh: 3 });
  });

  it('throws for an input that is not an image', () => {
    expect(() => geometry('conv2d', {}, [784])).toThrow(/channels, height, width/);
  });
});
