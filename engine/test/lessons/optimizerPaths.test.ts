// The optimizers lesson draws paths with the pure-TypeScript update rules (engine/core/lessons): they must be the
// engine's own, so they are run beside the engine's optimizers over the native kernels on the same gradients and
// compared bit for bit; and the lesson's claim about the paths must hold.
import { describe, expect, it } from 'vitest';
import {
  distanceToMinimum,
  optimizerPath,
  PATH_OPTIMIZERS,
  SURFACES,
  surfacePath,
  type PathOptimizerId,
} from '../../core/lessons/surfaces';
import { updateRule } from '../../core/lessons/updateRules';
import { createOptimizer } from '../../core/optim';
import { Rng } from '../../core/rng';
import type { OptimizerConfig } from '../../core/train/config';
import { loadKernels } from '../../native';

const kernels = loadKernels();
const count = 257;

const configs: OptimizerConfig[] = [
  ...PATH_OPTIMIZERS.map((o) => o.config),
  { type: 'sgd', lr: 0.1, weightDecay: 0.01 },
  { type: 'sgd', lr: 0.05, momentum: 0.5, nesterov: true, weightDecay: 0.001 },
  { type: 'adagrad', lr: 0.05, eps: 1e-6, weightDecay: 0.001 },
  { type: 'rmsprop', lr: 0.01, alpha: 0.9, momentum: 0.5, weightDecay: 0.001 },
  { type: 'adam', lr: 0.001, beta1: 0.8, beta2: 0.99, weightDecay: 0.01 },
  { type: 'adamw', lr: 0.001, weightDecay: 0.05 },
];

describe("the lesson's update rules are the engine's", () => {
  for (const config of configs) {
    it(`${JSON.stringify(config)}: same bits as the engine's optimizer over 40 steps with a changing learning rate`, () => {
      const rng = new Rng(11);
      const params = new Float32Array(count).map(() => rng.normal());
      const grads = new Float32Array(count);
      const engine = createOptimizer(config, kernels, { params, grads });
      const mine = new Float32Array(params);
      const rule = updateRule(config, count);
      for (let step = 0; step < 40; step++) {
        for (let i = 0; i < count; i++) grads[i] = rng.normal() * (i % 7 === 0 ? 1e-3 : 2);
        const lr = config.lr * (step < 20 ? 1 : 0.3);
        engine.step(lr);
        rule.step(mine, grads, lr);
        for (let i = 0; i < count; i++)
          if (!Object.is(mine[i], params[i]))
            throw new Error(`step ${step + 1}, weight ${i}: ${mine[i]} ≠ engine ${params[i]}`);
      }
      expect(Array.from(mine)).toEqual(Array.from(params));
    });
  }
});

describe("optimizer paths on the lesson's surfaces", () => {
  // Each surface's own steps and learning rates, as the lesson first shows them.
  const final = (surface: keyof typeof SURFACES, id: PathOptimizerId) => {
    const s = SURFACES[surface];
    const path = surfacePath(s, id);
    expect(path).toHaveLength(s.steps + 1); // none diverges at the lesson's rates
    return distanceToMinimum(s, path.at(-1)!);
  };

  it("momentum and Adam end closer to Rosenbrock's minimum than plain SGD in the same 300 steps", () => {
    const sgd = final('rosenbrock', 'sgd');
    expect(final('rosenbrock', 'momentum')).toBeLessThan(sgd / 4);
    expect(final('rosenbrock', 'adam')).toBeLessThan(sgd);
  });

  it('plain SGD zig-zags down the ill-conditioned bowl and ends farther from the bottom than momentum and Nesterov', () => {
    const sgd = final('bowl', 'sgd');
    expect(final('bowl', 'momentum')).toBeLessThan(sgd / 5);
    expect(final('bowl', 'nesterov')).toBeLessThan(sgd / 5);
  });

  // The lesson's words on the bowl (renderer/src/lessons/messages.ts, explain:optimizers): SGD turns back across the
  // valley at every step; momentum's swings are wide and slow (its across-valley distance after step 10 is larger
  // than SGD's) where Nesterov's die out within about ten steps; AdaGrad and RMSProp never cross the valley floor.
  it('on the bowl momentum swings widely across the valley, Nesterov brakes, AdaGrad and RMSProp never zig-zag', () => {
    const bowl = SURFACES.bowl;
    const across = (id: PathOptimizerId) => {
      const path = surfacePath(bowl, id);
      const crossings = path.slice(1).filter((p, i) => Math.sign(p[1]) !== Math.sign(path[i][1])).length;
      const widestAfter10 = Math.max(...path.slice(11).map((p) => Math.abs(p[1])));
      return { crossings, widestAfter10 };
    };
    const sgd = across('sgd');
    expect(sgd.crossings).toBe(bowl.steps);
    const momentum = across('momentum');
    expect(momentum.widestAfter10).toBeGreaterThan(sgd.widestAfter10);
    expect(momentum.crossings).toBeGreaterThan(10);
    expect(across('nesterov').widestAfter10).toBeLessThan(sgd.widestAfter10 / 10);
    for (const id of ['adagrad', 'rmsprop'] as const) expect(across(id).crossings).toBe(0);
  });

  it("every other optimizer escapes the saddle's ridge further than plain SGD; Adam and RMSProp far sooner", () => {
    const sgd = final('saddle', 'sgd');
    for (const id of ['momentum', 'nesterov', 'adagrad'] as const) expect(final('saddle', id)).toBeLessThan(sgd);
    for (const id of ['rmsprop', 'adam'] as const) expect(final('saddle', id)).toBeLessThan(sgd / 2);
  });

  it('a path keeps every point finite and stops where a too-large learning rate diverges', () => {
    const s = SURFACES.rosenbrock;
    const path = optimizerPath(s, { type: 'sgd', lr: 0.05 }, s.start, 200);
    expect(path.length).toBeLessThan(201);
    expect(path.flat().every(Number.isFinite)).toBe(true);
  });
});
