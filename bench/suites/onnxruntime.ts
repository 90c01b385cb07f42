// The onnxruntime suite: what users deploy with. For an inference workload it builds netwright's model (same spec,
// same seeded weights), exports it with netwright's own ONNX exporter, and times onnxruntime-node running that file
// on the same batches with the same thread count. Before timing, it checks that both engines compute the same
// outputs, so the figure compares the same function. Training and GEMM workloads are not run here (see run.ts).
import * as ort from 'onnxruntime-node';
import { exportOnnx } from '../../engine/core/export';
import { createTrainingSession } from '../../engine/core/train/session';
import { loadKernels } from '../../engine/native';
import { emit, errorLine, quietStdout, readJob, runJob, type Backend, type Batch } from '../child';
import type { Step } from '../timing';
import type { TrainingWorkload } from '../workloads';
import { configOf, specOf } from './netwrightSpec';

/** Largest |netwright - onnxruntime| allowed on the check batch (float32, different summation orders). */
const AGREEMENT = 1e-3;

function unsupported(what: string): never {
  throw new Error(`onnxruntime runs inference workloads only, not ${what}`);
}

/** The workload's network exported to ONNX, and netwright's own eval-mode output on the first batch to check against. */
function exportedModel(workload: TrainingWorkload, batch: number, first: Batch) {
  const kernels = loadKernels();
  const session = createTrainingSession(specOf(workload.name, workload.network), configOf(workload, batch), kernels, {
    maxBatch: batch,
  });
  const expected = Float32Array.from(session.predict(first.inputs, batch));
  const bytes = exportOnnx({
    spec: specOf(workload.name, workload.network),
    tensors: session.model.namedTensors(),
    producerVersion: 'bench',
  });
  return { bytes, expected };
}

function onnxruntimeBackend(threads: number): Backend {
  return {
    threads,
    info: { onnxruntime: ort.env.versions.common ?? 'unknown', provider: 'cpu' },
    training: () => unsupported('training'),
    gemm: () => unsupported('GEMM'),
    async inference(workload, batch, batches): Promise<Step> {
      const { bytes, expected } = exportedModel(workload, batch, batches[0]);
      const session = await ort.InferenceSession.create(bytes, {
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
      });
      const shape = [batch, ...workload.network.inputShape];
      const tensors = batches.map((b) => new ort.Tensor('float32', b.inputs, shape));
      const check = await session.run({ input: tensors[0] });
      const actual = check.output.data as Float32Array;
      let worst = 0;
      for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
      if (actual.length !== expected.length || !(worst <= AGREEMENT)) {
        throw new Error(
          `onnxruntime and netwright disagree on ${workload.name}: max |diff| ${worst} over ${actual.length} outputs`,
        );
      }
      let next = 0;
      return async () => {
        const result = await session.run({ input: tensors[next++ % tensors.length] });
        void (result.output.data as Float32Array)[0]; // read back, as the other suites do
      };
    },
  };
}

async function main(): Promise<void> {
  quietStdout();
  const job = readJob();
  try {
    await runJob(job, onnxruntimeBackend(job.threads));
  } catch (error) {
    emit(errorLine(job, error));
  }
}

await main();
