// What BatchNorm1D and BatchNorm2D share: params, the op (per channel over (N, C) or (N, C, H, W)), the tensors,
// and the ONNX and PyTorch translations. gamma is `weight`, beta is `bias`.
import { float, type OnnxEmitter } from '../../export/onnxEmit';
import { call, type PytorchLayer } from '../../export/pytorchLayer';
import { py } from '../../export/python';
import { Activation } from '../../kernels';
import { num, type LayerRuntime, type OpBuilder } from '../../ops/types';
import type { ParamDef } from '../../spec/layerTypes';
import type { TensorContext, TensorDecl } from '../types';

/** The small number added to the variance before its square root (batch norm's and layer norm's eps). */
export const epsParam: ParamDef = {
  name: 'eps',
  label: 'Epsilon',
  type: 'float',
  default: 1e-5,
  min: 0,
  minExclusive: true,
  help: 'Small number added to the variance so it never divides by zero.',
};

export const batchNormParams: ParamDef[] = [
  {
    name: 'momentum',
    label: 'Momentum',
    type: 'float',
    default: 0.1,
    min: 0,
    minExclusive: true,
    max: 1,
    help: 'Weight of each new batch in the running mean and variance used at evaluation (0.1 = 10% new).',
  },
  epsParam,
];

/** gamma and beta per channel. */
export const batchNormParamCount = (channels: number): number => 2 * channels;

/**
 * Batch statistics in training (updating the running statistics), running statistics in evaluation. A frozen
 * batch norm always runs as in evaluation, so its running statistics stay those it was trained with (the usual
 * fine-tuning recipe: PyTorch code calls .eval() on frozen BN modules).
 */
export const batchNormOp: OpBuilder = (ctx) => {
  const {
    kernels,
    inputs: [x],
    output: y,
    inputGrads: [xGrad],
  } = ctx;
  const channels = x.shape[0];
  const spatial = x.size / channels;
  const eps = num(ctx.params, 'eps');
  const momentum = num(ctx.params, 'momentum');
  const gamma = ctx.param('weight', [channels], 'ones', false);
  const beta = ctx.param('bias', [channels], 'zeros', false);
  const runningMean = ctx.state('running_mean', [channels], 0);
  const runningVar = ctx.state('running_var', [channels], 1);
  const savedMean = new Float32Array(channels);
  const savedInvStd = new Float32Array(channels);
  const savedScale = new Float32Array(channels);
  // Backward needs dx even for the network input only when asked; the kernel always writes it, so keep a sink.
  const sink = xGrad.needed ? null : new Float32Array(ctx.maxBatch * x.size);
  let lastTraining = true;
  /** The last forward was forwardWithRelu's fused kernel, so savedScale is its and y was not written. */
  let fusedForward = false;
  const count = (batch: number) => batch * x.size;
  const runtime: LayerRuntime = {
    forward(batch, training) {
      lastTraining = training && !ctx.frozen;
      fusedForward = false;
      if (lastTraining) {
        kernels.batchNormForwardTrain(
          x.data,
          gamma.value,
          beta.value,
          y.data,
          savedMean,
          savedInvStd,
          runningMean.value,
          runningVar.value,
          batch,
          channels,
          spatial,
          eps,
          momentum,
        );
      } else {
        kernels.batchNormForwardEval(
          x.data,
          gamma.value,
          beta.value,
          y.data,
          runningMean.value,
          runningVar.value,
          batch,
          channels,
          spatial,
          eps,
        );
      }
    },
    backward(batch) {
      backwardFrom(batch, y.grad!, false);
    },
    // In training, the ReLU's kernels fold into this layer's (BN's output and its gradient never written); otherwise
    // (evaluation, a frozen layer) the two run one after the other.
    forwardWithRelu(batch, training, step, relu) {
      if (!(training && !ctx.frozen)) {
        runtime.forward(batch, training, step);
        kernels.activationForward(Activation.ReLU, y.data, relu.data, count(batch), 0);
        return;
      }
      lastTraining = true;
      fusedForward = true;
      kernels.batchNormReluForwardTrain(
        x.data,
        gamma.value,
        beta.value,
        relu.data,
        savedMean,
        savedInvStd,
        savedScale,
        runningMean.value,
        runningVar.value,
        batch,
        channels,
        spatial,
        eps,
        momentum,
      );
    },
    backwardWithRelu(batch, relu) {
      if (!fusedForward) {
        // After a forward layer by layer (eval mode, a frozen layer, CompiledModel.forward's everyLayer), y holds
        // this layer's output. The ReLU alone reads it, so its gradient is this layer's whole output gradient.
        kernels.activationBackward(Activation.ReLU, y.data, relu.data, relu.grad!, y.grad!, count(batch), 0, false);
        runtime.backward(batch);
        return;
      }
      backwardFrom(batch, relu.grad!, true);
    },
  };

  /** Backward from the output gradient dy, or (throughRelu) from the gradient of the ReLU after this layer. */
  function backwardFrom(batch: number, dy: Float32Array, throughRelu: boolean): void {
    const dx = sink ?? x.grad!;
    const accumulate = sink ? false : xGrad.accumulate;
    if (throughRelu) {
      kernels.batchNormReluBackward(
        x.data,
        gamma.value,
        beta.value,
        dy,
        savedMean,
        savedInvStd,
        savedScale,
        dx,
        gamma.grad,
        beta.grad,
        batch,
        channels,
        spatial,
        accumulate,
      );
    } else if (lastTraining) {
      kernels.batchNormBackward(
        x.data,
        gamma.value,
        dy,
        savedMean,
        savedInvStd,
        dx,
        gamma.grad,
        beta.grad,
        batch,
        channels,
        spatial,
        accumulate,
      );
    } else {
      kernels.batchNormBackwardEval(
        gamma.value,
        dy,
        x.data,
        runningMean.value,
        runningVar.value,
        dx,
        gamma.grad,
        beta.grad,
        batch,
        channels,
        spatial,
        eps,
        accumulate,
      );
    }
  }
  return runtime;
};

export function batchNormTensors({ inputShape }: TensorContext): TensorDecl[] {
  const channels = inputShape[0];
  return [
    { field: 'weight', shape: [channels], trainable: true, regularized: false },
    { field: 'bias', shape: [channels], trainable: true, regularized: false },
    { field: 'running_mean', shape: [channels], trainable: false, regularized: false },
    { field: 'running_var', shape: [channels], trainable: false, regularized: false },
  ];
}

export const batchNormOnnx: OnnxEmitter = (ctx) => {
  const inputs = [
    ctx.inputs[0],
    ctx.tensor('weight'),
    ctx.tensor('bias'),
    ctx.tensor('running_mean'),
    ctx.tensor('running_var'),
  ];
  // Inference form: running statistics. ONNX's momentum attribute only matters in training and is left out.
  ctx.g.node('BatchNormalization', ctx.node.id, inputs, [ctx.out], { epsilon: float(ctx.params.eps as number) });
  return ctx.out;
};

export function batchNormPytorch(kind: 'BatchNorm1d' | 'BatchNorm2d'): PytorchLayer {
  return (ctx) => ({
    // PyTorch's momentum has the same meaning as Netwright's: the weight of the new batch in the running statistics.
    module: `nn.${kind}(${ctx.inputShapes[0][0]}, eps=${py(ctx.params.eps as number)}, momentum=${py(ctx.params.momentum as number)})`,
    expression: call(ctx),
  });
}
