import { describe, expect, it } from 'vitest';
import { idPrefix, uniqueId } from './ids';

describe('uniqueId', () => {
  it('numbers ids per kind from 1', () => {
    expect(uniqueId('dense', new Set())).toBe('dense1');
    expect(uniqueId('conv2d', new Set(['dense1']))).toBe('conv1');
  });

  it('skips ids already in the graph and reuses freed numbers', () => {
    expect(uniqueId('dense', new Set(['dense1', 'dense2']))).toBe('dense3');
    expect(uniqueId('dense', new Set(['dense1', 'dense3']))).toBe('dense2');
  });

  it('gives every one of many additions a different id', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 50; i++) taken.add(uniqueId('relu', taken));
    expect(taken.size).toBe(50);
  });

  it('uses short stems for long kind names and a generic one for unknown kinds', () => {
    expect(idPrefix('maxpool2d')).toBe('pool');
    expect(idPrefix('batchnorm2d')).toBe('bn');
    expect(idPrefix('mystery')).toBe('layer');
  });
});
