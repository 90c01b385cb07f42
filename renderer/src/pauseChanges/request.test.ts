// The paused run's current settings and the change request the form makes from what was typed.
import { describe, expect, it } from 'vitest';
import type { Run } from '../../../main/api/types';
import { changeRequest, currentSettings } from './request';

const run = {
  graph: {
    version: 1,
    nodes: [
      { id: 'input', op: 'input', params: { shape: [2] } },
      { id: 'drop1', op: 'dropout', params: { p: 0.3 } },
    ],
    edges: [],
  },
  trainConfig: {
    optimizer: { type: 'adam', lr: 0.01 },
    l2: 0.001,
    earlyStopping: { metric: 'val_loss', patience: 5 },
  },
} as unknown as Run;

const blank = { learningRate: '', l1: '', l2: '', dropoutAll: '', dropout: {}, patience: '' };

describe('the pause form', () => {
  it('shows the config with the changes so far', () => {
    expect(
      currentSettings(run, [
        { epoch: 2, step: 9, setting: 'learningRate', from: 0.01, to: 0.002 },
        { epoch: 2, step: 9, setting: 'dropout', nodeId: 'drop1', from: 0.3, to: 0.1 },
      ]),
    ).toEqual({ learningRate: 0.002, l1: 0, l2: 0.001, dropout: { drop1: 0.1 }, patience: 5 });
  });

  it('asks only for the fields filled in, and names a field that is not a number', () => {
    expect(changeRequest({ ...blank, learningRate: '0.005', dropout: { drop1: '0.2' } })).toEqual({
      request: { learningRate: 0.005, dropout: { drop1: 0.2 } },
    });
    expect(changeRequest({ ...blank, dropoutAll: '0.4', dropout: { drop1: '0.2' } })).toEqual({
      request: { dropout: 0.4 },
    });
    expect(changeRequest({ ...blank, l2: 'lots' })).toEqual({ invalid: 'l2' });
    expect(changeRequest(blank)).toEqual({ request: {} });
  });
});
