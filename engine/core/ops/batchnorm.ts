// Batch normalization over (N, C) or (N, C, H, W): per channel, batch statistics in training (updating the
// running statistics), running statistics in evaluation. gamma is `weight`, beta is `bias`.
import { num, type OpBuilder } from './types';

export const batchnorm: OpBuilder = (ctx) => {
  const { kernels, inputs: [x], output: y, inputGrads: [xGrad] } = ctx;
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
  // Backward needs dx even for the network input only when asked; the kernel always writes it, so keep a sink.
  const sink = xGrad.needed ? null : new Float32Array(ctx.maxBatch * x.size);
  let lastTraining = true;
  return {
    forward(batch, training) {
      lastTraining = training;
      if (training) {
        kernels.batchNormForwardTrain(x.data, gamma.value, beta.value, y.data, savedMean, savedInvStd,
          runningMean.value, runningVar.value, batch, channels, spatial, eps, momentum);
      } else {
        kernels.batchNormForwardEval(x.data, gamma.value, beta.value, y.data, runningMean.value, runningVar.value,
          batch, channels, spatial, eps);
      }
    },
    backward(batch) {
      const dx = sink ?? x.grad!;
      const accumulate = sink ? false : xGrad.accumulate;
      if (lastTraining) {
        kernels.batchNormBackward(x.data, gamma.value, y.grad!, savedMean, savedInvStd, dx, gamma.grad, beta.grad,
          batch, channels, spatial, accumulate);
      } else {
        kernels.batchNormBackwardEval(gamma.value, y.grad!, x.data, runningMean.value, runningVar.value, dx,
          gamma.grad, beta.grad, batch, channels, spatial, eps, accumulate);
      }
    },
  };
};
