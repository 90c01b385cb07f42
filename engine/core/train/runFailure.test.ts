// Why a run failed, as codes: the likely cause of a divergence, read back for the diagnosis; errors kept coded.
import { describe, expect, it } from 'vitest';
import { CodedError } from '../errors/coded';
import { divergedAt, divergedFailure, failureOf, runFailure, runFailureCode, systemFailure } from './runFailure';

describe('divergedFailure', () => {
  it('blames exploding gradients and a high learning rate when both apply', () => {
    expect(divergedFailure({ epoch: 3, step: 120, lr: 0.1, gradNorm: 5e4, optimizer: 'adam' })).toEqual({
      code: 'failure-diverged-gradients-rate',
      params: { epoch: 3, step: 120, learningRate: 0.1, optimizer: 'adam', gradNorm: 50000, usualRate: 0.01 },
    });
  });

  it('blames the learning rate alone when the gradients were ordinary', () => {
    const failure = divergedFailure({ epoch: 1, step: 9, lr: 8, gradNorm: 12.3456, optimizer: 'sgd' });
    expect(failure.code).toBe('failure-diverged-rate');
    expect(failure.params).toEqual({ epoch: 1, step: 9, learningRate: 8, optimizer: 'sgd', usualRate: 0.5 });
  });

  it('treats a non-finite last gradient norm as exploding, and keeps it as text', () => {
    const failure = divergedFailure({ epoch: 1, step: 9, lr: 0.001, gradNorm: NaN, optimizer: 'adamw' });
    expect(failure).toEqual({
      code: 'failure-diverged-gradients',
      params: { epoch: 1, step: 9, learningRate: 0.001, optimizer: 'adamw', gradNorm: 'NaN' },
    });
  });

  it('points at the data when the learning rate and gradients look normal', () => {
    const failure = divergedFailure({ epoch: 0, step: 2, lr: 0.01, gradNorm: 3, optimizer: 'sgd' });
    expect(failure.code).toBe('failure-diverged-data');
    expect(failure.params).not.toHaveProperty('usualRate');
    expect(failure.params).not.toHaveProperty('gradNorm');
  });

  it('says it cannot tell gradients from data when the gradients were not measured (no clipping)', () => {
    const failure = divergedFailure({ epoch: 2, step: 6, lr: 0.1, optimizer: 'sgd' });
    expect(failure).toEqual({
      code: 'failure-diverged-unclear',
      params: { epoch: 2, step: 6, learningRate: 0.1, optimizer: 'sgd' },
    });
  });

  it('rounds the learning rate to three significant digits', () => {
    expect(divergedFailure({ epoch: 2, step: 1, lr: 0.123456, optimizer: 'momentum' }).params.learningRate).toBe(0.123);
  });
});

describe('divergedAt', () => {
  it('reads back where the loss broke, as the diagnosis takes it', () => {
    const failure = divergedFailure({ epoch: 3, step: 120, lr: 0.1, gradNorm: 5e4, optimizer: 'adam' });
    expect(divergedAt(failure)).toEqual({ epoch: 3, step: 120, lr: 0.1, gradNorm: 50000, optimizer: 'adam' });
    expect(divergedAt(divergedFailure({ epoch: 1, step: 2, lr: 0.01, optimizer: 'sgd' }))).toEqual({
      epoch: 1,
      step: 2,
      lr: 0.01,
      optimizer: 'sgd',
    });
  });

  it('is null for any other failure, or none', () => {
    expect(divergedAt(runFailure('engine-killed', { signal: 'SIGKILL' }))).toBeNull();
    expect(divergedAt({ code: 'failure-diverged-rate', params: { epoch: 'x' } })).toBeNull();
    expect(divergedAt(null)).toBeNull();
  });
});

describe('failureOf', () => {
  it('keeps a coded error coded, with only its wordable values', () => {
    const error = new CodedError('checkpoint-tensor-shape', { file: 'a.nwckpt', expected: 3, missing: undefined }, 'x');
    expect(failureOf(error)).toEqual({ code: 'checkpoint-tensor-shape', params: { file: 'a.nwckpt', expected: 3 } });
  });

  it("keeps any other error's own message", () => {
    expect(failureOf(new Error('ENOSPC: no space left on device'))).toEqual({
      code: 'failure-engine-error',
      params: { message: 'ENOSPC: no space left on device' },
    });
    expect(failureOf('lost')).toEqual({ code: 'failure-engine-error', params: { message: 'lost' } });
  });

  const systemError = (code: string, path?: string) =>
    Object.assign(new Error(`${code}: refused`), { code, syscall: 'write', ...(path ? { path } : {}) });

  it('codes a system error on a named file by its errno, naming the file', () => {
    expect(failureOf(systemError('ENOSPC', '/data/last.safetensors'))).toEqual({
      code: 'failure-disk-full',
      params: { file: '/data/last.safetensors' },
    });
    expect(failureOf(systemError('EDQUOT', '/q/best.safetensors')).code).toBe('failure-disk-full');
    expect(failureOf(systemError('EACCES', '/ro/x')).code).toBe('failure-no-permission');
    expect(failureOf(systemError('EPERM', '/ro/x')).code).toBe('failure-no-permission');
    expect(failureOf(systemError('EROFS', '/cd/x')).code).toBe('failure-read-only-disk');
    expect(failureOf(systemError('EIO', '/bad/x'))).toEqual({
      code: 'failure-system-error',
      params: { file: '/bad/x', errno: 'EIO' },
    });
  });

  it('keeps the message of a system error without a file, and of codes that are not errno names', () => {
    expect(failureOf(systemError('ENOSPC'))).toEqual({
      code: 'failure-engine-error',
      params: { message: 'ENOSPC: refused' },
    });
    const nodeCode = Object.assign(new TypeError('bad argument'), { code: 'ERR_INVALID_ARG_TYPE', path: '/x' });
    expect(failureOf(nodeCode).code).toBe('failure-engine-error');
    expect(systemFailure({ code: 'ENOSPC', path: '/x' })).toBeNull(); // not an Error
  });

  it('codes an allocation JavaScript could not make as running out of memory', () => {
    expect(failureOf(new RangeError('Array buffer allocation failed'))).toEqual({
      code: 'failure-out-of-memory',
      params: {},
    });
    expect(failureOf(new RangeError('Invalid typed array length: -1')).code).toBe('failure-engine-error');
  });
});

describe('runFailureCode', () => {
  it("reads a run failure's code and nothing else", () => {
    expect(runFailureCode('failure-engine-crashed')).toBe('engine-crashed');
    expect(runFailureCode('failure-unknown')).toBeNull();
    expect(runFailureCode('service-run-not-queued')).toBeNull();
  });
});
