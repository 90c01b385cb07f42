// The TensorFlow.js peer suites: 'tfjs-cpu' (@tensorflow/tfjs-backend-cpu, plain JavaScript) and 'tfjs-wasm'
// (@tensorflow/tfjs-backend-wasm, XNNPACK with SIMD). Models come from tfjs-layers; each step runs
// optimizer.minimize on model.apply, the leanest TF.js training path. Images are NHWC, TF.js's native layout.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as wasm from '@tensorflow/tfjs-backend-wasm';
import * as tfl from '@tensorflow/tfjs-layers';
import { emit, errorLine, quietStdout, readJob, runJob, type Backend, type Batch } from '../child';
import type { Job } from '../protocol';
import { outputSize, type LayerDef, type NetworkDef, type OptimizerDef, type TrainingWorkload } from '../workloads';

/** [C, H, W] -> [H, W, C]; vectors unchanged. */
function nhwcShape(shape: number[]): number[] {
  return shape.length === 3 ? [shape[1], shape[2], shape[0]] : shape;
}

function buildModel(network: NetworkDef): tfl.Sequential {
  const model = tfl.sequential();
  model.add(tfl.layers.inputLayer({ inputShape: nhwcShape(network.inputShape) }));
  for (const layer of network.layers) for (const built of layersOf(layer)) model.add(built);
  return model;
}

function layersOf(layer: LayerDef): tfl.layers.Layer[] {
  switch (layer.kind) {
    case 'dense':
      return [tfl.layers.dense({ units: layer.units })];
    case 'conv2d': {
      const conv = (padding: 'same' | 'valid') =>
        tfl.layers.conv2d({
          filters: layer.filters,
          kernelSize: layer.kernelSize,
          padding,
          useBias: layer.bias,
          dataFormat: 'channelsLast',
        });
      // Stride 1: padding (k-1)/2 on an odd kernel is TF's 'same'; any other amount needs an explicit zero-padding layer.
      if (layer.padding === 0) return [conv('valid')];
      if (layer.kernelSize % 2 === 1 && layer.padding === (layer.kernelSize - 1) / 2) return [conv('same')];
      return [tfl.layers.zeroPadding2d({ padding: layer.padding, dataFormat: 'channelsLast' }), conv('valid')];
    }
    case 'maxpool2d':
      return [tfl.layers.maxPooling2d({ poolSize: layer.size, strides: layer.size, dataFormat: 'channelsLast' })];
    case 'flatten':
      return [tfl.layers.flatten()];
    case 'dropout':
      return [tfl.layers.dropout({ rate: layer.p })];
    case 'batchnorm2d':
      // TF's momentum weighs the old statistics: 0.9 here is PyTorch's 0.1.
      return [tfl.layers.batchNormalization({ axis: -1, momentum: 0.9, epsilon: 1e-5 })];
    case 'relu':
      return [tfl.layers.reLU()];
    default:
      throw new Error(`unknown layer kind in ${JSON.stringify(layer)}`);
  }
}

function optimizerOf(optimizer: OptimizerDef): tf.Optimizer {
  switch (optimizer.type) {
    case 'sgd':
      return optimizer.momentum > 0 ? tf.train.momentum(optimizer.lr, optimizer.momentum) : tf.train.sgd(optimizer.lr);
    case 'adam':
      return tf.train.adam(optimizer.lr);
    default:
      throw new Error(`unknown optimizer in ${JSON.stringify(optimizer)}`);
  }
}

/** The batches as tensors, made once before timing: inputs NHWC, class labels one-hot. */
interface TensorBatch {
  inputs: tf.Tensor;
  targets: tf.Tensor;
}

function tensorBatches(workload: TrainingWorkload, batch: number, batches: Batch[]): TensorBatch[] {
  const shape = workload.network.inputShape;
  return batches.map(({ inputs, targets }) =>
    tf.tidy(() => {
      let x = tf.tensor(inputs, [batch, ...shape]);
      if (shape.length === 3) x = tf.transpose(x, [0, 2, 3, 1]); // NCHW -> NHWC
      const classes = outputSize(workload.network);
      const y =
        targets instanceof Int32Array
          ? tf.cast(tf.oneHot(tf.tensor1d(targets, 'int32'), classes), 'float32')
          : tf.tensor(targets, [batch, classes]);
      return { inputs: x, targets: y };
    }),
  );
}

function tfjsBackend(threads: number, info: Backend['info']): Backend {
  return {
    threads,
    info,
    training(workload, batch, batches) {
      const model = buildModel(workload.network);
      const optimizer = optimizerOf(workload.optimizer);
      const data = tensorBatches(workload, batch, batches);
      const lossOf =
        workload.loss === 'cross_entropy'
          ? (y: tf.Tensor, out: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, out) as tf.Scalar
          : (y: tf.Tensor, out: tf.Tensor) => tf.losses.meanSquaredError(y, out) as tf.Scalar;
      let next = 0;
      return () => {
        const { inputs, targets } = data[next++ % data.length];
        const cost = optimizer.minimize(
          () => lossOf(targets, model.apply(inputs, { training: true }) as tf.Tensor),
          true,
        );
        if (!cost) throw new Error('optimizer.minimize returned no loss');
        const loss = cost.dataSync()[0];
        cost.dispose();
        return loss;
      };
    },
    inference(workload, batch, batches) {
      const model = buildModel(workload.network);
      const data = tensorBatches(workload, batch, batches);
      let next = 0;
      return () => {
        const output = tf.tidy(() => model.apply(data[next++ % data.length].inputs, { training: false }) as tf.Tensor);
        output.dataSync();
        output.dispose();
      };
    },
    gemm({ M, K, N, transA, transB }, a, b) {
      const left = tf.tensor2d(a, transA ? [K, M] : [M, K]);
      const right = tf.tensor2d(b, transB ? [N, K] : [K, N]);
      // Both backends compute eagerly inside matMul, so the product is done when it returns.
      return () => tf.matMul(left, right, transA, transB).dispose();
    },
  };
}

/** Selects the job's backend; the count of threads it really uses goes on the result line. */
async function setUp(job: Job): Promise<Backend> {
  // Production mode: no debug checks and no console notes (the peer at its fastest settings).
  tf.enableProdMode();
  switch (job.suite) {
    case 'tfjs-cpu': {
      await tf.setBackend('cpu');
      return tfjsBackend(1, { tfjs: tf.version_core, backend: 'cpu', note: 'plain JavaScript, single-threaded' });
    }
    case 'tfjs-wasm': {
      // Must precede setBackend. Under Node TF.js turns wasm threads off (WASM_HAS_MULTITHREAD_SUPPORT is false:
      // its pthread workers load from blob: URLs, which Node's Worker rejects), so this normally ends up as 1.
      wasm.setThreadsCount(job.threads);
      if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not initialize');
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      const multithread = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
      return tfjsBackend(wasm.getThreadsCount(), {
        tfjs: tf.version_core,
        backend: 'wasm',
        simd: Boolean(simd),
        multithread: Boolean(multithread),
      });
    }
    default:
      throw new Error(`tfjs.ts runs the suites tfjs-cpu and tfjs-wasm, not ${job.suite}`);
  }
}

async function main(): Promise<void> {
  quietStdout();
  const job = readJob();
  let backend: Backend;
  try {
    backend = await setUp(job);
  } catch (error) {
    process.stderr.write(`${job.suite}: ${String(error)}\n`);
    emit(errorLine(job, error));
    return;
  }
  await runJob(job, backend);
}

await main();
