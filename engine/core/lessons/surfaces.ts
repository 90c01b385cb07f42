// Two-parameter loss surfaces for the optimizers lesson, and an optimizer's path over one: the engine's own update
// rules (updateRules.ts) applied to the surface's exact gradient, one step at a time.
import type { OptimizerConfig } from '../train/config';
import { updateRule } from './updateRules';

export type SurfaceName = 'bowl' | 'rosenbrock' | 'saddle';

export interface Surface {
  name: SurfaceName;
  loss(x: number, y: number): number;
  /** d loss / d (x, y). */
  gradient(x: number, y: number): [number, number];
  /** The plotted window: [xMin, xMax, yMin, yMax]. */
  view: [number, number, number, number];
  start: [number, number];
  /** Where the loss is lowest (the saddle's lowest points are at y = ±sqrt(2)). */
  minimum: [number, number];
  /** Steps shown at first, and each optimizer's learning rate on this surface (a rate that suits one diverges on another). */
  steps: number;
  rates: Record<PathOptimizerId, number>;
}

export type PathOptimizerId = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam';

export const SURFACES: Record<SurfaceName, Surface> = {
  // An ill-conditioned bowl: 50× steeper across than along, so plain SGD zig-zags across and crawls along.
  bowl: {
    name: 'bowl',
    loss: (x, y) => 0.5 * (x * x + 50 * y * y),
    gradient: (x, y) => [x, 50 * y],
    view: [-4, 4, -2, 2],
    start: [-3.5, 1.2],
    minimum: [0, 0],
    steps: 100,
    rates: { sgd: 0.038, momentum: 0.01, nesterov: 0.01, adagrad: 0.5, rmsprop: 0.05, adam: 0.1 },
  },
  // Rosenbrock's banana valley: finding the valley is easy, following its flat curved floor to (1, 1) is not.
  rosenbrock: {
    name: 'rosenbrock',
    loss: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    gradient: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    view: [-2, 2, -1, 3],
    start: [-1.2, 1],
    minimum: [1, 1],
    steps: 300,
    rates: { sgd: 0.001, momentum: 0.001, nesterov: 0.001, adagrad: 0.5, rmsprop: 0.01, adam: 0.05 },
  },
  // A saddle at the origin (up along x, down along y) with two valleys at y = ±sqrt(2): starting almost on the
  // ridge, the gradient along y is tiny, and optimizers differ in how fast they escape.
  saddle: {
    name: 'saddle',
    loss: (x, y) => x * x - y * y + 0.25 * y ** 4,
    gradient: (x, y) => [2 * x, -2 * y + y ** 3],
    view: [-2, 2, -2, 2],
    start: [-1.8, 0.01],
    minimum: [0, Math.SQRT2],
    steps: 100,
    rates: { sgd: 0.02, momentum: 0.02, nesterov: 0.02, adagrad: 0.1, rmsprop: 0.01, adam: 0.05 },
  },
};

/** The path from `start`: steps + 1 points (x, y), each coordinate a float32 as the engine would hold it. */
export function optimizerPath(
  surface: Surface,
  optimizer: OptimizerConfig,
  start: [number, number],
  steps: number,
): Array<[number, number]> {
  const rule = updateRule(optimizer, 2);
  const w = new Float32Array(start);
  const g = new Float32Array(2);
  const path: Array<[number, number]> = [[w[0], w[1]]];
  for (let i = 0; i < steps; i++) {
    const [gx, gy] = surface.gradient(w[0], w[1]);
    g[0] = gx;
    g[1] = gy;
    rule.step(w, g, optimizer.lr);
    if (!Number.isFinite(w[0]) || !Number.isFinite(w[1])) break; // diverged: the path ends where it left the plane
    path.push([w[0], w[1]]);
  }
  return path;
}

/** Distance from a point to the surface's minimum. */
export function distanceToMinimum(surface: Surface, point: [number, number]): number {
  return Math.hypot(point[0] - surface.minimum[0], point[1] - surface.minimum[1]);
}

/** The six optimizers the lesson compares; the learning rate comes from the surface (or the learner). */
export const PATH_OPTIMIZERS: Array<{ id: PathOptimizerId; config: OptimizerConfig }> = [
  { id: 'sgd', config: { type: 'sgd', lr: 0.001 } },
  { id: 'momentum', config: { type: 'sgd', lr: 0.001, momentum: 0.9 } },
  { id: 'nesterov', config: { type: 'sgd', lr: 0.001, momentum: 0.9, nesterov: true } },
  { id: 'adagrad', config: { type: 'adagrad', lr: 0.5 } },
  { id: 'rmsprop', config: { type: 'rmsprop', lr: 0.01 } },
  { id: 'adam', config: { type: 'adam', lr: 0.05 } },
];

/** An optimizer's path on a surface at the surface's own learning rate for it (or `lr`). */
export function surfacePath(
  surface: Surface,
  id: PathOptimizerId,
  start = surface.start,
  steps = surface.steps,
  lr = surface.rates[id],
): Array<[number, number]> {
  const optimizer = PATH_OPTIMIZERS.find((o) => o.id === id)!;
  return optimizerPath(surface, { ...optimizer.config, lr }, start, steps);
}

/** Loss on a grid of cells x cells over the view, row-major from (xMin, yMin), for the contour map. */
export function lossGrid(surface: Surface, cells: number): Float64Array {
  const [x0, x1, y0, y1] = surface.view;
  const grid = new Float64Array(cells * cells);
  for (let row = 0; row < cells; row++) {
    for (let col = 0; col < cells; col++) {
      const x = x0 + ((col + 0.5) / cells) * (x1 - x0);
      const y = y0 + ((row + 0.5) / cells) * (y1 - y0);
      grid[row * cells + col] = surface.loss(x, y);
    }
  }
  return grid;
}
