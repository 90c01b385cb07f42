import { describe, expect, it } from 'vitest';
import { verdictTone } from './verdictTone';

describe('verdict tone', () => {
  it('is green (fine) only for a healthy or converged run', () => {
    expect(verdictTone({ code: 'healthy', severity: 'info' })).toBe('fine');
    expect(verdictTone({ code: 'converged', severity: 'info' })).toBe('fine');
  });

  it('is neutral for information that is no good news, and keeps warnings and errors', () => {
    expect(verdictTone({ code: 'loss-spike', severity: 'info' })).toBe('info');
    expect(verdictTone({ code: 'early-blowup', severity: 'info' })).toBe('info');
    expect(verdictTone({ code: 'too-early', severity: 'info' })).toBe('info');
    expect(verdictTone({ code: 'overfitting', severity: 'warning' })).toBe('warning');
    expect(verdictTone({ code: 'diverging', severity: 'error' })).toBe('error');
  });
});
