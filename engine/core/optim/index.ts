// Builds the optimizer a training config asks for, with PyTorch's defaults for unset settings.
import type { Kernels } from '../kernels';
import type { OptimizerConfig } from '../train/config';
import { Adagrad } from './adagrad';
import { Adam } from './adam';
import { RmsProp } from './rmsprop';
import { Sgd } from './sgd';
import type { Arena, Optimizer } from './types';

export type { Optimizer, Arena } from './types';

function check(name: string, value: number, ok: boolean, rule: string): number {
  if (!Number.isFinite(value) || !ok) throw new Error(`optimizer setting ${name} = ${value}: ${rule}`);
  return value;
}

export function createOptimizer(config: OptimizerConfig, kernels: Kernels, arena: Arena): Optimizer {
  check('lr', config.lr, config.lr > 0, 'the learning rate must be above 0');
  const weightDecay = config.weightDecay ?? 0;
  check('weightDecay', weightDecay, weightDecay >= 0, 'must be 0 or more');
  switch (config.type) {
    case 'sgd': {
      const momentum = config.momentum ?? 0;
      check('momentum', momentum, momentum >= 0 && momentum < 1, 'must be in [0, 1)');
      return new Sgd(kernels, arena, momentum, config.nesterov ?? false, weightDecay);
    }
    case 'adagrad':
      return new Adagrad(kernels, arena, config.eps ?? 1e-10, weightDecay);
    case 'rmsprop': {
      const alpha = config.alpha ?? 0.99;
      check('alpha', alpha, alpha > 0 && alpha < 1, 'must be in (0, 1)');
      const momentum = config.momentum ?? 0;
      check('momentum', momentum, momentum >= 0 && momentum < 1, 'must be in [0, 1)');
      return new RmsProp(kernels, arena, alpha, config.eps ?? 1e-8, momentum, weightDecay);
    }
    case 'adam':
    case 'adamw': {
      const beta1 = config.beta1 ?? 0.9;
      const beta2 = config.beta2 ?? 0.999;
      check('beta1', beta1, beta1 >= 0 && beta1 < 1, 'must be in [0, 1)');
      check('beta2', beta2, beta2 >= 0 && beta2 < 1, 'must be in [0, 1)');
      const decay = config.type === 'adamw' ? (config.weightDecay ?? 0.01) : weightDecay;
      return new Adam(kernels, arena, beta1, beta2, config.eps ?? 1e-8, decay, config.type === 'adamw');
    }
    default:
      throw new Error(`unknown optimizer '${(config as { type: string }).type}'`);
  }
}
