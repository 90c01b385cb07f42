// estimateTrainingMemory counts parameters, gradients, optimizer state and batch activations; checkMemory refuses a
// model that cannot fit and names its largest node.
import { describe, expect, it } from 'vitest';
import { config, mlp } from '../../test/models';
import type { ModelSpec } from '../spec/types';
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

  it("counts a grouped and dilated convolution's buffers with its activations", () => {
    const conv = (params: Record<string, number>): ModelSpec => ({
      version: 1,
      nodes: [
        { id: 'in', op: 'input', params: { shape: [4, 9, 9] } },
        { id: 'conv', op: 'conv2d', params: { filters: 4, kernelSize: 3, padding: 2, ...params } },
      ],
      edges: [{ from: 'in', to: 'conv' }],
    });
    const activations = (params: Record<string, number>) =>
      estimateTrainingMemory(conv(params), config({ batchSize: 8 }))!.activations;
    // Output [4, 11, 11] undilated, [4, 9, 9] dilated by 2: compare each with its plain convolution.
    expect(activations({ groups: 4 }) - activations({})).toBe(8 * (2 * 81 + 121) * 4);
    // Dilated by 2 with padding 2: the [4, 9, 9] output of the plain 3×3 convolution with padding 1, plus the largest
    // phase's buffers: 5 × 5 outputs read 7 × 7 inputs (input and input gradient), its outputs, a weight gradient.
    const plain = activations({ padding: 1 });
    expect(activations({ dilation: 2 }) - plain).toBe((2 * 8 * 4 * 49 + 8 * 4 * 25 + 4 * 4 * 9 + 4) * 4);
    // Depthwise too: one group's input, input gradient and output, and one group's phase buffers.
    expect(activations({ dilation: 2, groups: 4 }) - plain).toBe((8 * (2 * 81 + 81) + 2 * 8 * 49 + 8 * 25 + 9 + 1) * 4);
  });
});
