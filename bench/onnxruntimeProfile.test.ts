// profile.ts --onnxruntime reads onnxruntime's own profile of the exported model: its nodes, in order, with times.
import { describe, expect, it } from 'vitest';
import { createTrainingSession } from '../engine/core/train/session';
import { loadKernels } from '../engine/native';
import { profileOnnxruntime } from './onnxruntimeProfile';
import { configOf, specOf } from './suites/netwrightSpec';
import { trainingWorkloadOf, workloadByName } from './workloads';

describe('profileOnnxruntime', () => {
  it("reads each node's kernel time and the run's time from onnxruntime's profile of the exported model", async () => {
    const workload = workloadByName('infer-W2');
    if (workload.kind !== 'infer') throw new Error('infer-W2 should be an inference workload');
    const network = trainingWorkloadOf(workload);
    const batch = 4;
    const session = createTrainingSession(
      specOf(network.name, network.network),
      configOf(network, batch),
      loadKernels(),
      {
        maxBatch: batch,
      },
    );
    const inputs = new Float32Array(batch * 784).map((_, i) => Math.sin(i));
    const profile = await profileOnnxruntime(network, session, inputs, batch, 1, 4);

    // 784-512-512-10: two dense layers each fused with its ReLU, then the classifier.
    expect(profile.nodes.map((node) => node.op)).toEqual(['FusedGemm', 'FusedGemm', 'Gemm']);
    for (const node of profile.nodes) expect(node.ms).toBeGreaterThan(0);
    const inNodes = profile.nodes.reduce((sum, node) => sum + node.ms, 0);
    expect(profile.runMs).toBeGreaterThanOrEqual(inNodes * 0.9);
    expect(profile.version).toMatch(/^\d+\.\d+/);
  });
});
