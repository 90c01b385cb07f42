// The diagnosis's verdicts on the loss chart: a line where each verdict that names an epoch of the curve says it sits.
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../engine/core/train/diagnosisCodes';
import { diagnosisMarkers } from './diagnosisMarkers';

const verdict = (code: Verdict['code'], params: Verdict['params']): Verdict => ({
  code,
  severity: 'warning',
  params,
  advice: [],
});
const label = (kind: string, v: Verdict, epoch: number) => `${v.code} ${kind} ${epoch}`;

describe('diagnosisMarkers', () => {
  it('marks a flat stretch where it starts, overfitting and a rise after the best epoch, a spike at its epoch', () => {
    const markers = diagnosisMarkers(
      [
        verdict('overfitting', { bestEpoch: 11, valLoss: 0.4 }),
        verdict('loss-spike', { epoch: 17, factor: 4 }),
        verdict('underfitting', { sinceEpoch: 13, trainLoss: 0.7 }),
        verdict('diverging', { bestEpoch: 5 }),
        verdict('validation-spike', { epoch: 29 }),
        verdict('plateau', { sinceEpoch: 20 }),
        verdict('converged', { sinceEpoch: 10 }),
        verdict('over-regularized', { lowestEpoch: 6 }),
      ],
      label,
    );
    expect(markers).toEqual([
      { x: 11, label: 'overfitting after 11' },
      { x: 17, label: 'loss-spike at 17' },
      { x: 13, label: 'underfitting since 13' },
      { x: 5, label: 'diverging after 5' },
      { x: 29, label: 'validation-spike at 29' },
      { x: 20, label: 'plateau since 20' },
      { x: 10, label: 'converged since 10' },
      { x: 6, label: 'over-regularized after 6' },
    ]);
  });

  it('marks nothing for verdicts without an epoch of the loss curve', () => {
    expect(
      diagnosisMarkers(
        [
          verdict('learning-slowly', { trainLoss: 0.7, fallPercentPerEpoch: 0.4 }),
          verdict('healthy', { firstLoss: 1, lastLoss: 0.1 }),
          verdict('vanishing-gradients', { layer: 'fc1', sinceEpoch: 2 }), // a gradient norm's epoch, not the loss's
          verdict('too-early', { epochs: 2, needed: 5 }),
          verdict('underfitting', { sinceEpoch: 'x' }),
        ],
        label,
      ),
    ).toEqual([]);
  });
});
