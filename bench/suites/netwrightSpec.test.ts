// Checks that the netwright suite builds the same networks the workloads define: the engine's own analysis of
// each generated spec must be valid and count the parameters the definition counts.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/core/spec';
import { WORKLOADS, parameterCount, layerShapes } from '../workloads';
import { configOf, specOf } from './netwrightSpec';

describe('netwright specs of the workloads', () => {
  for (const workload of WORKLOADS) {
    if (workload.kind !== 'train') continue;
    it(`${workload.name}: valid, same parameter count and output shape`, () => {
      const analysis = analyze(specOf(workload.name, workload.network));
      expect(analysis.problems).toEqual([]);
      expect(analysis.totalParams).toBe(parameterCount(workload.network));
      expect(analysis.nodes[analysis.outputId!].outputShape).toEqual(layerShapes(workload.network).at(-1));
    });
  }

  it('carries the optimizer, loss and batch into the training config', () => {
    const w3 = WORKLOADS.find((w) => w.name === 'W3');
    if (w3?.kind !== 'train') throw new Error('W3 should be a training workload');
    expect(configOf(w3, 64)).toMatchObject({
      loss: 'cross_entropy',
      optimizer: { type: 'sgd', lr: 0.01, momentum: 0.9 },
      batchSize: 64,
      seed: 1,
    });
  });
});
