// The course's lessons as data: which sample each imports and the runs it trains (2–6, differing only in the
// one thing the lesson is about). The Lessons view and the lesson integration tests use the same plans.
import { SPEC_VERSION, type ModelSpec, type SpecEdge, type SpecNode } from '../spec/types';
import { TRAIN_CONFIG_VERSION, type OptimizerConfig, type ScheduleConfig, type TrainConfig } from '../train/config';

/** Every lesson of the course, in its order; the ones in LESSON_PLANS train runs, the others are interactive only. */
export const LESSON_IDS = [
  'underfitting',
  'dropout',
  'l1-l2',
  'batch-norm',
  'optimizers',
  'schedules',
  'early-stopping',
  'vanishing-gradients',
  'conv-shapes',
  'checkpoints',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export interface LessonRun {
  /** Names the run within its lesson, e.g. 'l1' (the message tables have a label for it). */
  key: string;
  spec: ModelSpec;
  config: TrainConfig;
  /** Stop the run once this epoch has ended, then continue it from its checkpoint (the checkpoints lesson). */
  stopAfterEpoch?: number;
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
  const sizes = [inputs, ...widths, outputs].join('-');
  return chain(
    name,
    widths.length === 0
      ? `${sizes} linear model (no hidden layer)`
      : `${sizes} network with ${activation} between the dense layers`,
    layers,
  );
}

function config(changes: Partial<TrainConfig>): TrainConfig {
  return {
    version: TRAIN_CONFIG_VERSION,
    loss: 'cross_entropy',
    optimizer: { type: 'adam', lr: 0.01 },
    schedule: { type: 'constant' },
    epochs: 20,
    batchSize: 32,
    seed: 7,
    split: { train: 0.7, validation: 0.15, test: 0.15 },
    ...changes,
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
  // Same data, optimizer and epochs; only the capacity differs. Without a hidden layer the classes are split by
  // straight lines, which cannot follow the spirals: training loss flat and high, validation right beside it.
  underfitting: () => {
    const settings = config({ epochs: 40 });
    return {
      id: 'underfitting',
      sample: 'spirals',
      runs: UNDERFITTING_WIDTHS.map(({ key, name, widths }) => ({
        key,
        spec: mlp(name, 2, widths, 'relu', 3),
        config: settings,
      })),
    };
  },
  // The dropout demo's network on 20 noisy points, judged on 200 validation points of the same curve; only dropout differs.
  dropout: () => {
    // Full batch, as in the classic demo: every step sees all 20 points, so the curves show the trend, not the batches.
    const settings = config({ loss: 'mse', optimizer: { type: 'adam', lr: 0.01 }, epochs: 500, batchSize: 20 });
    return {
      id: 'dropout',
      sample: 'dropout-curve',
      runs: [
        { key: 'plain', spec: curveNet(null), config: settings },
        { key: 'dropout', spec: curveNet(0.5), config: settings },
      ],
    };
  },
  // Same network and data; only the penalty differs: L1 (lambda |w|) pushes weights to exactly zero, L2 only shrinks them.
  // Plain SGD, since an adaptive optimizer rescales the penalty's constant pull and blurs the point.
  'l1-l2': () => {
    const spec = mlp('l1-l2', 2, [64, 64], 'relu', 3);
    const base = { optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } as OptimizerConfig, epochs: 30 };
    return {
      id: 'l1-l2',
      sample: 'spirals',
      runs: [
        { key: 'l1', spec, config: config({ ...base, l1: 0.001 }) },
        { key: 'l2', spec, config: config({ ...base, l2: 0.001 }) },
      ],
    };
  },
  // Same network, data and epochs; only the optimizer differs.
  optimizers: () => {
    const spec = mlp('optimizers', 2, [32, 32], 'relu', 3);
    return {
      id: 'optimizers',
      sample: 'spirals',
      runs: SAMPLE_OPTIMIZERS.map(({ key, optimizer }) => ({ key, spec, config: config({ optimizer, epochs: 15 }) })),
    };
  },
  // Six dense layers deep; only the activation differs. Sigmoid's slope is at most 1/4, so the gradient shrinks
  // layer by layer on its way back to the first layer; ReLU's slope is 1 where it is active.
  'vanishing-gradients': () => {
    const widths = [32, 32, 32, 32, 32, 32];
    const settings = { optimizer: { type: 'sgd', lr: 0.05 } as OptimizerConfig, epochs: 3 };
    return {
      id: 'vanishing-gradients',
      sample: 'spirals',
      runs: [
        { key: 'sigmoid', spec: mlp('deep sigmoid', 2, widths, 'sigmoid', 3), config: config(settings) },
        { key: 'relu', spec: mlp('deep relu', 2, widths, 'relu', 3), config: config(settings) },
      ],
    };
  },
  // Same network, data and starting rate; only the schedule differs.
  schedules: () => {
    const spec = mlp('schedules', 2, [32, 32], 'relu', 3);
    return {
      id: 'schedules',
      sample: 'spirals',
      runs: LESSON_SCHEDULES.map(({ key, schedule }) => ({
        key,
        spec,
        config: config({ optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 }, schedule, epochs: 30 }),
      })),
    };
  },
  // The dropout lesson's overfitting network and data, trained twice: to the end, and with early stopping on the
  // validation loss (patience 30, best weights restored).
  'early-stopping': () => {
    const { spec, config: settings } = lessonPlan('dropout').runs[0];
    return {
      id: 'early-stopping',
      sample: 'dropout-curve',
      runs: [
        { key: 'to-the-end', spec, config: settings },
        {
          key: 'early-stopping',
          spec,
          config: { ...settings, earlyStopping: { metric: 'val_loss', patience: 30, restoreBest: true } },
        },
      ],
    };
  },
  // The same CNN with and without batch norm, at a small learning rate where the plain one learns slowly.
  'batch-norm': () => {
    const settings = { optimizer: { type: 'sgd', lr: 0.005, momentum: 0.9 } as OptimizerConfig, epochs: 4 };
    return {
      id: 'batch-norm',
      sample: 'shapes',
      runs: [
        { key: 'plain', spec: shapesCnn(false), config: config(settings) },
        { key: 'batch-norm', spec: shapesCnn(true), config: config(settings) },
      ],
    };
  },
  // The same run twice: once straight through, once stopped after epoch 6 and continued from its checkpoint.
  checkpoints: () => {
    const spec = mlp('checkpoints', 2, [32, 32], 'relu', 3);
    const settings = config({ epochs: 12 });
    return {
      id: 'checkpoints',
      sample: 'spirals',
      runs: [
        { key: 'straight', spec, config: settings },
        { key: 'resumed', spec, config: settings, stopAfterEpoch: 6 },
      ],
    };
  },
};

/** The underfitting lesson's networks, from least to most capacity: their hidden layers' widths. */
export const UNDERFITTING_WIDTHS: Array<{ key: string; name: string; widths: number[] }> = [
  { key: 'linear', name: 'linear model', widths: [] },
  { key: 'hidden-8', name: 'one hidden layer of 8', widths: [8] },
  { key: 'hidden-64x2', name: 'two hidden layers of 64', widths: [64, 64] },
];

/** The schedules lesson's five schedules over 30 epochs, starting from the same rate. */
export const LESSON_SCHEDULES: Array<{ key: string; schedule: ScheduleConfig }> = [
  { key: 'step', schedule: { type: 'step', stepSize: 10, gamma: 0.1 } },
  { key: 'multistep', schedule: { type: 'multistep', milestones: [8, 20], gamma: 0.3 } },
  { key: 'exponential', schedule: { type: 'exponential', gamma: 0.9 } },
  { key: 'cosine', schedule: { type: 'cosine', tMax: 30 } },
  { key: 'plateau', schedule: { type: 'plateau', factor: 0.5, patience: 2 } },
];

/** A small CNN for the 1×16×16 shapes, with or without batch norm after each convolution (no conv bias then). */
function shapesCnn(batchNorm: boolean): ModelSpec {
  const layers: Array<Omit<SpecNode, 'position'>> = [{ id: 'input', op: 'input', params: { shape: [1, 16, 16] } }];
  for (const [i, filters] of [8, 16].entries()) {
    layers.push({ id: `conv${i + 1}`, op: 'conv2d', params: { filters, kernelSize: 3, padding: 1, bias: !batchNorm } });
    if (batchNorm) layers.push({ id: `bn${i + 1}`, op: 'batchnorm2d' });
    layers.push({ id: `relu${i + 1}`, op: 'relu' }, { id: `pool${i + 1}`, op: 'maxpool2d', params: { kernelSize: 2 } });
  }
  layers.push({ id: 'flatten', op: 'flatten' }, { id: 'fc1', op: 'dense', params: { units: 4 } });
  return chain(
    batchNorm ? 'cnn with batch norm' : 'cnn',
    `two 3×3 convolutions${batchNorm ? ' with batch norm' : ''}, pooling, one dense layer`,
    layers,
  );
}

/** The dropout demo's 1-200-200-1 network (ReLU), with or without dropout after each hidden layer. */
function curveNet(dropout: number | null): ModelSpec {
  const layers: Array<Omit<SpecNode, 'position'>> = [{ id: 'input', op: 'input', params: { shape: [1] } }];
  for (const i of [1, 2]) {
    layers.push({ id: `fc${i}`, op: 'dense', params: { units: 200 } }, { id: `relu${i}`, op: 'relu' });
    if (dropout !== null) layers.push({ id: `dropout${i}`, op: 'dropout', params: { p: dropout } });
  }
  layers.push({ id: 'fc3', op: 'dense', params: { units: 1 } });
  return chain(
    dropout === null ? 'curve net' : 'curve net with dropout',
    `1-200-200-1 network${dropout === null ? '' : ` with dropout ${dropout}`}`,
    layers,
  );
}

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
