// 'auto' initialization: Kaiming (He) for weights feeding a ReLU-like activation, Xavier otherwise; a named scheme wins.
// (This file imports init.ts before anything else, so it also proves the layer list loads from this end.)
import { describe, expect, it } from 'vitest';
import { chooseInit } from './init';
import { OP_KINDS } from '../spec/catalogue';

const RELU_LIKE = ['relu', 'leakyrelu', 'prelu', 'gelu', 'elu', 'silu', 'hardswish', 'relu6', 'softplus', 'mish'];

describe('automatic weight initialization', () => {
  it('uses Kaiming before ReLU, LeakyReLU, PReLU, GELU, ELU, SiLU, Hardswish, ReLU6, Softplus and Mish', () => {
    for (const op of RELU_LIKE) expect(chooseInit('auto', op), op).toBe('kaiming_uniform');
  });

  it('uses Xavier before every other layer, at the output and before names that are not layers', () => {
    const reluLike = new Set<string>(RELU_LIKE);
    for (const op of OP_KINDS.filter((kind) => !reluLike.has(kind)))
      expect(chooseInit('auto', op), op).toBe('xavier_uniform');
    expect(chooseInit('auto', null)).toBe('xavier_uniform');
    expect(chooseInit(undefined, 'toString')).toBe('xavier_uniform');
  });

  it('keeps a scheme the layer names', () => {
    expect(chooseInit('xavier_normal', 'relu')).toBe('xavier_normal');
    expect(chooseInit('kaiming_normal', 'sigmoid')).toBe('kaiming_normal');
  });
});
