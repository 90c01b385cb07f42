// Markers of settings changed at pauses: placed by step on the epoch axis, one per step, labelled in words.
import { describe, expect, it } from 'vitest';
import { changeMarkers } from './markers';

const words = (key: string, v: Record<string, string | number> = {}) =>
  `${key}(${Object.entries(v)
    .map(([k, x]) => `${k}=${x}`)
    .join(',')})`;

describe('changeMarkers', () => {
  it('places a change by its step and joins changes made at the same step', () => {
    const markers = changeMarkers(
      [
        { epoch: 3, step: 25, setting: 'learningRate', from: 0.01, to: 0.001 },
        { epoch: 3, step: 25, setting: 'dropout', nodeId: 'drop1', from: 0.5, to: 0.2 },
        { epoch: 6, step: 60, setting: 'patience', from: 5, to: 9 },
      ],
      10,
      words,
    );
    expect(markers).toEqual([
      {
        x: 2.5,
        label: 'marker_learningRate(from=0.01,to=0.001,node=), marker_dropout(from=0.5,to=0.2,node=drop1)',
      },
      { x: 6, label: 'marker_patience(from=5,to=9,node=)' },
    ]);
  });

  it('without steps per epoch, puts a change at the start of its epoch', () => {
    expect(changeMarkers([{ epoch: 4, step: 33, setting: 'l2', from: 0, to: 0.1 }], null, words)[0].x).toBe(3);
  });
});
