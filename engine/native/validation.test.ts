// The boundary checks: wrong argument counts, wrong types, short buffers and inconsistent geometry throw JS errors
// naming the function and the argument, instead of reading or writing out of bounds.
import { describe, expect, it } from 'vitest';
import { loadKernels } from './index';
import { windowGeom, zeros } from './testing';

const native = loadKernels();

describe('argument validation', () => {
  it('names the function and the short buffer', () => {
    const geom = windowGeom(1, 2, 5, 5, 3, 3, 3);
    expect(() => native.conv2dForward(zeros(50), zeros(10), null, zeros(27), geom)).toThrow(
      'conv2dForward: weight holds 10 floats, needs 54',
    );
    expect(() => native.gemm(false, false, 2, 3, 4, 1, zeros(8), zeros(11), 0, zeros(6))).toThrow(
      'gemm: B holds 11 floats, needs 12',
    );
    expect(() =>
      native.maxPool2dForward(zeros(4), zeros(1), new Int32Array(0), windowGeom(1, 1, 2, 2, 1, 2, 2)),
    ).toThrow('maxPool2dForward: argmax holds 0 ints, needs 1');
    expect(() => native.dropoutForward(zeros(4), zeros(4), new Uint8Array(3), 4, 0.5, 1, 1)).toThrow(
      'dropoutForward: mask holds 3 bytes, needs 4',
    );
  });

  it('rejects the wrong array type and the wrong argument count', () => {
    expect(() => native.add(new Float64Array(3) as unknown as Float32Array, zeros(3), zeros(3), 3)).toThrow(
      'add: a must be a Float32Array, got a Float64Array',
    );
    expect(() => native.argmaxRows(zeros(4), new Uint32Array(2) as unknown as Int32Array, 2, 2)).toThrow(
      'argmaxRows: out must be an Int32Array, got a Uint32Array',
    );
    expect(() =>
      native.denseForward(zeros(4), zeros(4), undefined as unknown as null, zeros(4), 2, 2, 2),
    ).not.toThrow();
    expect(() => native.denseForward(zeros(4), zeros(4), 5 as unknown as null, zeros(4), 2, 2, 2)).toThrow(
      'denseForward: bias must be a Float32Array or null, got a number',
    );
    expect(() => (native.scale as unknown as (...args: unknown[]) => void)(zeros(3), 3)).toThrow(
      'scale: expected 3 arguments, got 2',
    );
    expect(() => native.copy(zeros(3), zeros(3), 3, 1 as unknown as boolean)).toThrow(
      'copy: accumulate must be a boolean',
    );
  });

  it('rejects non-integer, negative and zero dimensions', () => {
    expect(() => native.gemm(false, false, 1.5, 1, 1, 1, zeros(2), zeros(2), 0, zeros(2))).toThrow(
      /gemm: M must be an integer/,
    );
    expect(() => native.gemm(false, false, 0, 1, 1, 1, zeros(2), zeros(2), 0, zeros(2))).toThrow(
      /gemm: M must be in \[1/,
    );
    expect(() => native.scale(zeros(2), -1, 2)).toThrow(/scale: count must be in/);
    expect(() => native.scale(zeros(2), 2, Number.NaN)).toThrow(/scale: factor must be a finite number/);
  });

  it('checks that the geometry is consistent', () => {
    const geom = windowGeom(1, 1, 5, 5, 1, 3, 3);
    geom[11] = 4; // OH should be 3
    expect(() => native.avgPool2dForward(zeros(25), zeros(16), geom)).toThrow(
      /avgPool2dForward: geom OH x OW is 4x3, the formula gives 3x3/,
    );
    const pooling = windowGeom(1, 2, 4, 4, 3, 2, 2);
    expect(() => native.maxPool2dForward(zeros(32), zeros(12), new Int32Array(12), pooling)).toThrow(/O must equal C/);
    expect(() => native.conv2dForward(zeros(4), zeros(1), null, zeros(4), new Int32Array(12))).toThrow(
      /geom holds 12 ints, needs 13/,
    );
    const tooBig = windowGeom(1, 1, 2, 2, 1, 1, 1);
    tooBig[5] = 5; // KH larger than the input
    expect(() => native.conv2dForward(zeros(4), zeros(5), null, zeros(4), tooBig)).toThrow(
      /larger than the padded input/,
    );
  });

  it('refuses argmax indices that point outside their window plane', () => {
    const geom = windowGeom(1, 2, 2, 2, 2, 2, 2);
    expect(() => native.maxPool2dBackward(zeros(2), Int32Array.from([0, 99]), zeros(8), geom, false)).toThrow(
      /maxPool2dBackward: argmax\[1\] = 99 is outside/,
    );
  });

  it('accepts views at any offset of a larger buffer', () => {
    const arena = new Float32Array(101);
    const a = arena.subarray(1, 34);
    const b = arena.subarray(34, 67);
    const y = arena.subarray(67, 100);
    a.fill(1);
    b.fill(2);
    native.add(a, b, y, 33);
    expect(Array.from(y).every((v) => v === 3)).toBe(true);
    expect(arena[100]).toBe(0);
  });
});
