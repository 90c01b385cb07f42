// The engine's optimizer update rules in plain TypeScript, in float32 and in the native kernels' order of operations,
// so the renderer can draw an optimizer's path step by step; a test proves them bitwise equal to the engine's.
import type { OptimizerConfig } from '../train/config';

const f = Math.fround;

/** One optimizer over `count` float32 parameters: step(w, g, lr) updates w in place, keeping its own state. */
export interface UpdateRule {
  step(w: Float32Array, g: Float32Array, lr: number): void;
}

/** The same settings and PyTorch defaults as engine/core/optim createOptimizer. */
export function updateRule(config: OptimizerConfig, count: number): UpdateRule {
  const weightDecay = f(config.weightDecay ?? 0);
  switch (config.type) {
    case 'sgd': {
      const momentum = f(config.momentum ?? 0);
      const nesterov = config.nesterov ?? false;
      const velocities = new Float32Array(count);
      return {
        step(w, g, lr) {
          const rate = f(lr);
          for (let i = 0; i < count; i++) {
            const grad = f(g[i] + f(weightDecay * w[i]));
            if (momentum === 0) {
              w[i] = f(w[i] - f(rate * grad));
              continue;
            }
            const velocity = f(f(momentum * velocities[i]) + grad);
            velocities[i] = velocity;
            w[i] = f(w[i] - f(rate * (nesterov ? f(grad + f(momentum * velocity)) : velocity)));
          }
        },
      };
    }
    case 'adagrad': {
      const eps = f(config.eps ?? 1e-10);
      const sums = new Float32Array(count);
      return {
        step(w, g, lr) {
          const rate = f(lr);
          for (let i = 0; i < count; i++) {
            const grad = f(g[i] + f(weightDecay * w[i]));
            const total = f(sums[i] + f(grad * grad));
            sums[i] = total;
            w[i] = f(w[i] - f(rate * f(grad / f(f(Math.sqrt(total)) + eps))));
          }
        },
      };
    }
    case 'rmsprop': {
      const alpha = f(config.alpha ?? 0.99);
      const oneMinusAlpha = f(1 - alpha);
      const eps = f(config.eps ?? 1e-8);
      const momentum = f(config.momentum ?? 0);
      const averages = new Float32Array(count);
      const velocities = new Float32Array(count);
      return {
        step(w, g, lr) {
          const rate = f(lr);
          for (let i = 0; i < count; i++) {
            const grad = f(g[i] + f(weightDecay * w[i]));
            const average = f(f(alpha * averages[i]) + f(f(oneMinusAlpha * grad) * grad));
            averages[i] = average;
            const scaled = f(grad / f(f(Math.sqrt(average)) + eps));
            if (momentum > 0) {
              velocities[i] = f(f(momentum * velocities[i]) + scaled);
              w[i] = f(w[i] - f(rate * velocities[i]));
            } else {
              w[i] = f(w[i] - f(rate * scaled));
            }
          }
        },
      };
    }
    case 'adam':
    case 'adamw': {
      const beta1 = config.beta1 ?? 0.9;
      const beta2 = config.beta2 ?? 0.999;
      const eps = f(config.eps ?? 1e-8);
      const decoupled = config.type === 'adamw';
      const decay = decoupled ? (config.weightDecay ?? 0.01) : (config.weightDecay ?? 0);
      const first = new Float32Array(count);
      const second = new Float32Array(count);
      let steps = 0;
      return {
        step(w, g, lr) {
          steps++;
          // Bias corrections in double, then rounded once, as the kernel does.
          const stepSize = f(lr / (1 - beta1 ** steps));
          const root2 = f(Math.sqrt(1 - beta2 ** steps));
          const coupledDecay = decoupled ? 0 : f(decay);
          const shrink = decoupled ? f(1 - lr * decay) : 1;
          const b1 = f(beta1);
          const b2 = f(beta2);
          const oneMinusB1 = f(1 - beta1);
          const oneMinusB2 = f(1 - beta2);
          for (let i = 0; i < count; i++) {
            const weight = w[i];
            const grad = f(g[i] + f(coupledDecay * weight));
            const m = f(f(b1 * first[i]) + f(oneMinusB1 * grad));
            const v = f(f(b2 * second[i]) + f(f(oneMinusB2 * grad) * grad));
            first[i] = m;
            second[i] = v;
            w[i] = f(f(weight * shrink) - f(stepSize * f(m / f(f(f(Math.sqrt(v)) / root2) + eps))));
          }
        },
      };
    }
    default:
      throw new Error(`unknown optimizer '${(config as { type: string }).type}'`);
  }
}
