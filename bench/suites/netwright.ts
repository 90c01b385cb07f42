// The netwright suite: builds each workload as a model spec and times the engine's training session and native
// GEMM, in a child process started by bench/run.ts with one job (see bench/protocol.ts).
import type { Kernels } from '../../engine/core/kernels';
import { augmentBatch } from '../../engine/core/train/augment';
import { createTrainingSession, type TrainingSession } from '../../engine/core/train/session';
import { loadKernels } from '../../engine/native';
import { measureFmaPeak } from '../../engine/native/peak';
import { errorLine, emit, quietStdout, readJob, runJob, type Backend, type Batch } from '../child';
import type { TrainingWorkload } from '../workloads';
import { configOf, specOf } from './netwrightSpec';

function session(kernels: Kernels, workload: TrainingWorkload, batch: number): TrainingSession {
  return createTrainingSession(specOf(workload.name, workload.network), configOf(workload, batch), kernels, {
    maxBatch: batch,
  });
}

function netwrightBackend(kernels: Kernels): Backend {
  return {
    threads: kernels.threads(),
    info: { isa: kernels.isa },
    training(workload, batch, batches: Batch[]) {
      const trainer = session(kernels, workload, batch);
      let next = 0;
      const { augmentation } = workload;
      if (!augmentation) {
        return () => {
          const { inputs, targets } = batches[next++ % batches.length];
          return trainer.step(inputs, targets, batch);
        };
      }
      // As the trainer does: each step's images augmented from the data into the model's input buffer; the step
      // count stands in for the epoch so every step draws anew.
      const shape = workload.network.inputShape;
      const rows = Int32Array.from({ length: batch }, (_, i) => i);
      const input = trainer.model.input.data;
      return () => {
        const step = next++;
        const { inputs, targets } = batches[step % batches.length];
        augmentBatch(augmentation, inputs, shape, null, rows, 0, batch, 1, step, input);
        return trainer.step(input, targets, batch);
      };
    },
    inference(workload, batch, batches: Batch[]) {
      const model = session(kernels, workload, batch);
      let next = 0;
      return () => {
        model.predict(batches[next++ % batches.length].inputs, batch);
      };
    },
    gemm({ M, K, N, transA, transB }, a, b) {
      const c = new Float32Array(M * N);
      return () => kernels.gemm(transA, transB, M, N, K, 1, a, b, 0, c);
    },
    fmaPeak: () => measureFmaPeak(),
  };
}

async function main(): Promise<void> {
  quietStdout();
  const job = readJob();
  let kernels: Kernels;
  try {
    kernels = loadKernels();
    kernels.setThreads(job.threads);
  } catch (error) {
    process.stderr.write(`netwright: could not load the native kernels: ${String(error)}\n`);
    emit(errorLine(job, error));
    return;
  }
  await runJob(job, netwrightBackend(kernels));
}

await main();
