// estimateTrainingMemory counts parameters, gradients, optimizer state and batch activations; checkMemory refuses a
// model that cannot fit and names its largest node.
import { describe, expect, it } from 'vitest';
import { config, mlp } from '../../test/models';
import { checkMemory, estimateTrainingMemory } from './memoryEstimate';

const GB = 1024 ** 3;

describe('estimateTrainingMemory', () => {
  it('adds up parameters, gradients, Adam moments with checkpoint copies, and activations for the batch', () => {
    // input 2 → dense 4 (12 params) → relu → dense 3 (15 params): 27 parameters.
    const estimate = estimateTrainingMemory(mlp(2, [4], 3), config({ batchSize: 10 }))!;
    expect(estimate.parameters).toBe(27 * 4);
    expect(estimate.gradients).toBe(27 * 4);
    // Adam's 2 moments, 3 checkpoint copies, and the weights packed for evaluation (2 × 4 + 4 × 3 = 20, no biases).
    expect(estimate.optimizerAndCopies).toBe(27 * 4 * (2 + 3) + 20 * 4);
    // outputs per sample: input 2, fc1 4, relu 4, out 3 = 13 values, forward and gradient, for 10 samples.
    expect(estimate.activations).toBe(2 * 13 * 10 * 4);
    // out: 15 parameters × 7 copies × 4 B + 12 packed weights × 4 B + 3 values × 2 × 10 × 4 B = 708 B;
    // fc1: 12 × 7 × 4 + 8 × 4 + 4 × 2 × 10 × 4 = 688 B.
    expect(estimate.largest).toEqual({ nodeId: 'out', bytes: 708 });
  });

  it('refuses a 30000×30000 dense layer with the 19 GB a 24 GB machine can give, and names it', () => {
    const estimate = estimateTrainingMemory(mlp(30000, [30000], 2), config())!;
    const problem = checkMemory(estimate, 19 * GB);
    expect(problem).toMatchObject({ code: 'model-too-large', nodeId: 'fc1', availableBytes: 19 * GB });
    expect(problem!.estimateBytes).toBeGreaterThan(23 * GB);
  });

  it('refuses 1e9 units before any array is made', () => {
    const problem = checkMemory(estimateTrainingMemory(mlp(2, [1e9], 2), config())!, 24 * GB);
    expect(problem?.nodeId).toBe('fc1');
  });

  it('lets a small model through, and says nothing for a spec that does not compile', () => {
    expect(checkMemory(estimateTrainingMemory(mlp(2, [16], 2), config())!, 1 * GB)).toBeNull();
    expect(estimateTrainingMemory({ version: 1, nodes: [], edges: [] }, config())).toBeNull();
  });
});
