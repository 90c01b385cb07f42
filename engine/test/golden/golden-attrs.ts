// Translates the fixtures' PyTorch-style layer descriptions into Netwright spec nodes (op and params).
import type { ParamValue } from '../../core/spec/types';
import type { OptimizerConfig } from '../../core/train/config';

export interface GoldenLayer {
  type?: string; // training.json
  op?: string; // layers.json
  name?: string;
  [attr: string]: unknown;
}

const OP_NAMES: Record<string, string> = {
  linear: 'dense',
  conv2d: 'conv2d',
  maxpool2d: 'maxpool2d',
  avgpool2d: 'avgpool2d',
  global_avgpool2d: 'globalavgpool2d',
  batchnorm1d: 'batchnorm1d',
  batchnorm2d: 'batchnorm2d',
  relu: 'relu',
  leaky_relu: 'leakyrelu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  gelu: 'gelu',
  flatten: 'flatten',
  add: 'add',
  concat: 'concat',
};

export function toSpecNode(
  kind: string,
  attrs: Record<string, unknown>,
): { op: string; params: Record<string, ParamValue> } {
  const op = OP_NAMES[kind];
  if (!op) throw new Error(`golden op '${kind}' has no Netwright equivalent`);
  const a = attrs as Record<string, any>;
  switch (op) {
    case 'dense':
      return { op, params: { units: a.out_features, bias: a.bias !== false } };
    case 'conv2d':
      return {
        op,
        params: {
          filters: a.out_channels,
          kernelSize: a.kernel_size,
          stride: a.stride,
          padding: a.padding,
          bias: a.bias !== false,
        },
      };
    case 'maxpool2d':
    case 'avgpool2d':
      if (op === 'avgpool2d' && a.count_include_pad === false)
        throw new Error('count_include_pad=false is not supported');
      return { op, params: { kernelSize: a.kernel_size, stride: a.stride, padding: a.padding } };
    case 'batchnorm1d':
    case 'batchnorm2d':
      return { op, params: { eps: a.eps, momentum: a.momentum } };
    case 'leakyrelu':
      return { op, params: { negativeSlope: a.negative_slope } };
    case 'gelu':
      return { op, params: { approximate: a.approximation === 'tanh' ? 'tanh' : 'none' } };
    case 'softmax':
      if (a.dim !== undefined && a.dim !== 1) throw new Error(`softmax over dim ${a.dim} is not supported`);
      return { op, params: {} };
    case 'flatten':
      if (a.start_dim !== undefined && a.start_dim !== 1)
        throw new Error(`flatten from dim ${a.start_dim} is not supported`);
      return { op, params: {} };
    case 'concat':
      if (a.dim !== undefined && a.dim !== 1) throw new Error(`concat over dim ${a.dim} is not supported`);
      return { op, params: {} };
    default:
      return { op, params: {} };
  }
}

/** The fixtures' optimizer hyperparameters (PyTorch names) as a Netwright optimizer config. */
export function optimizerConfig(
  kind: 'sgd' | 'adagrad' | 'rmsprop' | 'adam' | 'adamw',
  h: Record<string, any>,
): OptimizerConfig {
  const weightDecay = h.weight_decay ?? 0;
  switch (kind) {
    case 'sgd':
      return { type: 'sgd', lr: h.lr, momentum: h.momentum ?? 0, nesterov: h.nesterov ?? false, weightDecay };
    case 'adagrad':
      return { type: 'adagrad', lr: h.lr, eps: h.eps, weightDecay };
    case 'rmsprop':
      return { type: 'rmsprop', lr: h.lr, alpha: h.alpha, eps: h.eps, momentum: h.momentum ?? 0, weightDecay };
    case 'adam':
    case 'adamw': {
      const [beta1, beta2] = h.betas ?? [0.9, 0.999];
      return { type: kind, lr: h.lr, beta1, beta2, eps: h.eps, weightDecay };
    }
    default:
      throw new Error(`unknown optimizer ${kind as string}`);
  }
}
