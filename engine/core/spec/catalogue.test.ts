// The catalogue is complete and self-consistent: every op kind has an entry whose defaults are valid.
import { describe, expect, it } from 'vitest';
import { CATEGORIES, LAYERS, OP_KINDS, isOpKind, layerDef } from './catalogue';
import { resolveParams } from './params';

describe('layer catalogue', () => {
  it('lists all 28 op kinds, each under its own key', () => {
    expect(OP_KINDS).toHaveLength(28);
    for (const kind of OP_KINDS) expect(LAYERS[kind].kind).toBe(kind);
  });

  it('gives every layer a name, a known category, help text and an input count that fits its category', () => {
    for (const kind of OP_KINDS) {
      const def = LAYERS[kind];
      expect(def.name.length, kind).toBeGreaterThan(0);
      expect(def.help.length, kind).toBeGreaterThan(10);
      expect(CATEGORIES).toContain(def.category);
      expect(def.inputs, kind).toBe(def.category === 'input' ? 0 : def.category === 'merge' ? 2 : 1);
      for (const param of def.params) {
        expect(param.help.length, `${kind}.${param.name}`).toBeGreaterThan(5);
        if (param.type === 'enum') expect(param.choices, `${kind}.${param.name}`).toContain(param.default);
      }
    }
  });

  it('has defaults that resolve without problems for every layer', () => {
    for (const kind of OP_KINDS) {
      const { params, problems } = resolveParams({ id: `a_${kind}`, op: kind });
      expect(problems, kind).toEqual([]);
      for (const param of LAYERS[kind].params) expect(params[param.name], `${kind}.${param.name}`).toBeDefined();
    }
  });

  it('names the params the engine reads', () => {
    const names = (kind: keyof typeof LAYERS) => LAYERS[kind].params.map((p) => p.name);
    expect(names('input')).toEqual(['shape']);
    expect(names('dense')).toEqual(['units', 'bias', 'init']);
    expect(names('conv2d')).toEqual([
      'filters',
      'kernelSize',
      'stride',
      'padding',
      'dilation',
      'groups',
      'bias',
      'init',
    ]);
    expect(names('maxpool2d')).toEqual(['kernelSize', 'stride', 'padding']);
    expect(names('avgpool2d')).toEqual(['kernelSize', 'stride', 'padding']);
    expect(names('dropout')).toEqual(['p']);
    expect(names('batchnorm1d')).toEqual(['momentum', 'eps']);
    expect(names('batchnorm2d')).toEqual(['momentum', 'eps']);
    expect(names('layernorm')).toEqual(['eps']);
    expect(names('groupnorm')).toEqual(['groups', 'eps']);
    expect(names('leakyrelu')).toEqual(['negativeSlope']);
    expect(names('gelu')).toEqual(['approximate']);
    expect(names('elu')).toEqual(['alpha']);
    expect(names('prelu')).toEqual(['perChannel']);
    for (const kind of [
      'globalavgpool2d',
      'flatten',
      'relu',
      'sigmoid',
      'tanh',
      'softmax',
      'silu',
      'hardswish',
      'relu6',
      'softplus',
      'mish',
      'identity',
      'add',
      'concat',
    ] as const) {
      expect(names(kind), kind).toEqual([]);
    }
  });

  it('recognizes op kinds and rejects other names', () => {
    expect(isOpKind('conv2d')).toBe(true);
    expect(isOpKind('conv3d')).toBe(false);
    expect(isOpKind('toString')).toBe(false);
    expect(isOpKind(42)).toBe(false);
    expect(layerDef('dense')?.name).toBe('Dense');
    expect(layerDef('lstm')).toBeUndefined();
  });
});
