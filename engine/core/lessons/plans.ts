// The course's lessons as data: which sample each imports and the runs it trains (2–6, differing only in the
// one thing the lesson is about). The Lessons view and the lesson integration tests use the same plans.
import { SPEC_VERSION, type ModelSpec, type SpecEdge, type SpecNode } from '../spec/types';
import { TRAIN_CONFIG_VERSION, type OptimizerConfig, type TrainConfig } from '../train/config';

/** Every lesson of the course, in its order; the ones in LESSON_PLANS train runs, the others are interactive only. */
export const LESSON_IDS = ['dropout', 'l1-l2', 'batch-norm', 'optimizers', 'schedules', 'early-stopping', 'vanishing-gradients',
  'conv-shapes', 'checkpoints'] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export interface LessonRun {
  /** Names the run within its lesson, e.g. 'l1' (the message tables have a label for it). */
  key: string;
  spec: ModelSpec;
  config: TrainConfig;
}

export interface LessonPlan {
  id: LessonId;
  sample: string;
  runs: LessonRun[];
}

const ROW = 90; // editor rows, as the templates space them

/** A chain of layers from 'input', each one row below the previous, so the editor shows it tidy. */
function chain(name: string, description: string, layers: Array<Omit<SpecNode, 'position'>>): ModelSpec {
  const nodes: SpecNode[] = layers.map((layer, i) => ({ ...layer, position: { x: 0, y: i * ROW } }));
  const edges: SpecEdge[] = nodes.slice(1).map((node, i) => ({ from: nodes[i].id, to: node.id }));
  return { version: SPEC_VERSION, name, description, nodes, edges };
}

/** inputs → dense layers of `widths` with `activation` between → outputs. */
function mlp(name: string, inputs: number, widths: number[], activation: string, outputs: number): ModelSpec {
  const layers: Array<Omit<SpecNode, 'position'>> = [{ id: 'input', op: 'input', params: { shape: [inputs] } }];
  widths.forEach((units, i) => {
    layers.push({ id: `fc${i + 1}`, op: 'dense', params: { units } }, { id: `${activation}${i + 1}`, op: activation });
  });
  layers.push({ id: `fc${widths.length + 1}`, op: 'dense', params: { units: outputs } });
  return chain(name, `${[inputs, ...widths, outputs].join('-')} network with ${activation} between the dense layers`, layers);
}

function config(changes: Partial<TrainConfig>): TrainConfig {
  return {
    version: TRAIN_CONFIG_VERSION, loss: 'cross_entropy', optimizer: { type: 'adam', lr: 0.01 }, schedule: { type: 'constant' },
    epochs: 20, batchSize: 32, seed: 7, split: { train: 0.7, validation: 0.15, test: 0.15 }, ...changes,
  };
}

/** The optimizers the optimizers lesson trains on a real sample, each at a learning rate that suits it. */
export const SAMPLE_OPTIMIZERS: Array<{ key: string; optimizer: OptimizerConfig }> = [
  { key: 'sgd', optimizer: { type: 'sgd', lr: 0.05 } },
  { key: 'momentum', optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 } },
  { key: 'nesterov', optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true } },
  { key: 'adagrad', optimizer: { type: 'adagrad', lr: 0.05 } },
  { key: 'rmsprop', optimizer: { type: 'rmsprop', lr: 0.003 } },
  { key: 'adam', optimizer: { type: 'adam', lr: 0.01 } },
];

/** The lessons that train runs; conv-shapes is a calculator and needs none. */
export const LESSON_PLANS: Partial<Record<LessonId, () => LessonPlan>> = {
  // Same network and data; only the penalty differs: L1 (lambda |w|) pushes weights to exactly zero, L2 only shrinks them.
  // Plain SGD, since an adaptive optimizer rescales the penalty's constant pull and blurs the point.
  'l1-l2': () => {
    const spec = mlp('l1-l2', 2, [64, 64], 'relu', 3);
    const base = { optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } as OptimizerConfig, epochs: 30 };
    return {
      id: 'l1-l2', sample: 'spirals',
      runs: [{ key: 'l1', spec, config: config({ ...base, l1: 0.001 }) }, { key: 'l2', spec, config: config({ ...base, l2: 0.001 }) }],
    };
  },
  // Same network, data and epochs; only the optimizer differs.
  optimizers: () => {
    const spec = mlp('optimizers', 2, [32, 32], 'relu', 3);
    return {
      id: 'optimizers', sample: 'spirals',
      runs: SAMPLE_OPTIMIZERS.map(({ key, optimizer }) => ({ key, spec, config: config({ optimizer, epochs: 15 }) })),
    };
  },
  // Six dense layers deep; only the activation differs. Sigmoid's slope is at most 1/4, so the gradient shrinks
  // layer by layer on its way back to the first layer; ReLU's slope is 1 where it is active.
  'vanishing-gradients': () => {
    const widths = [32, 32, 32, 32, 32, 32];
    const settings = { optimizer: { type: 'sgd', lr: 0.05 } as OptimizerConfig, epochs: 3 };
    return {
      id: 'vanishing-gradients', sample: 'spirals',
      runs: [
        { key: 'sigmoid', spec: mlp('deep sigmoid', 2, widths, 'sigmoid', 3), config: config(settings) },
        { key: 'relu', spec: mlp('deep relu', 2, widths, 'relu', 3), config: config(settings) },
      ],
    };
  },
};

export function lessonPlan(id: LessonId): LessonPlan {
  const plan = LESSON_PLANS[id];
  if (!plan) throw new Error(`the lesson '${id}' trains no runs`);
  return plan();
}

/** Tags that find a lesson's runs again: every lesson run carries 'lesson', 'lesson:<id>' and '<id>:<key>'. */
export function lessonTags(id: LessonId, key: string): string[] {
  return ['lesson', `lesson:${id}`, `${id}:${key}`];
}

/** The run key a lesson run's tags name, or null. */
export function lessonRunKey(id: LessonId, tags: readonly string[]): string | null {
  const tag = tags.find((t) => t.startsWith(`${id}:`));
  return tag ? tag.slice(id.length + 1) : null;
}
