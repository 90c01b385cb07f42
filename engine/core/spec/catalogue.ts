// The layer catalogue as data: one entry per op kind with its category, input count, help text and typed params.
// It drives the editor's palette and inspector, validation (params.ts), shape inference and the engine.

import type { OpKind, ParamValue } from './types';

export type LayerCategory =
  | 'input'
  | 'dense'
  | 'convolution'
  | 'pooling'
  | 'normalization'
  | 'regularization'
  | 'activation'
  | 'merge';

/**
 * How a param's value is written:
 * - int, float, bool: a plain JSON value;
 * - enum: one of `choices`;
 * - ints: a list of positive integers (a shape), its length one of `lengths`;
 * - intOrPair: n or [height, width];
 * - padding: n, [height, width], 'same' (keep the size: stride 1, odd kernel) or 'valid' (no padding).
 */
export type ParamType = 'int' | 'float' | 'bool' | 'enum' | 'ints' | 'intOrPair' | 'padding';

export interface ParamDef {
  name: string;
  /** Short label for the inspector. */
  label: string;
  type: ParamType;
  /** Used when the spec leaves the param out. null means derived from other params (see help). */
  default: ParamValue | null;
  /** Bounds; for ints, intOrPair and padding they apply to every number. Inclusive unless the *Exclusive flag is set. */
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** For 'enum'. */
  choices?: readonly string[];
  /** For 'ints': the allowed list lengths. */
  lengths?: readonly number[];
  help: string;
}

export interface LayerDef {
  kind: OpKind;
  /** Display name, also used in messages ("Dense 'fc1' ..."). */
  name: string;
  category: LayerCategory;
  /** Incoming connections the layer takes: 0 (the input), 1, or 2 (add, concat). */
  inputs: 0 | 1 | 2;
  help: string;
  params: readonly ParamDef[];
}

const INIT_CHOICES = ['auto', 'xavier_uniform', 'xavier_normal', 'kaiming_uniform', 'kaiming_normal'] as const;

const initParam: ParamDef = {
  name: 'init',
  label: 'Initialization',
  type: 'enum',
  default: 'auto',
  choices: INIT_CHOICES,
  help: "How the starting weights are drawn; 'auto' uses Kaiming (He) before a ReLU-family activation and Xavier otherwise.",
};

const biasParam: ParamDef = {
  name: 'bias',
  label: 'Bias',
  type: 'bool',
  default: true,
  help: 'Add a learned offset to each output; turn it off right before batch norm, which has its own.',
};

function poolParams(what: string): ParamDef[] {
  return [
    { name: 'kernelSize', label: 'Window', type: 'intOrPair', default: 2, min: 1, help: `Size of the window to take the ${what} over: n or [height, width].` },
    { name: 'stride', label: 'Stride', type: 'intOrPair', default: null, min: 1, help: 'Step between windows: n or [height, width]; leave empty to use the window size (no overlap).' },
    { name: 'padding', label: 'Padding', type: 'intOrPair', default: 0, min: 0, help: 'Rows and columns added around the image: n or [height, width], at most half the window.' },
  ];
}

const batchNormParams: ParamDef[] = [
  { name: 'momentum', label: 'Momentum', type: 'float', default: 0.1, min: 0, minExclusive: true, max: 1, help: 'Weight of each new batch in the running mean and variance used at evaluation (0.1 = 10% new).' },
  { name: 'eps', label: 'Epsilon', type: 'float', default: 1e-5, min: 0, minExclusive: true, help: 'Small number added to the variance so it never divides by zero.' },
];

/** Every op kind's definition; a Record so the compiler checks that no kind is missing. */
export const LAYERS: Readonly<Record<OpKind, LayerDef>> = {
  input: {
    kind: 'input', name: 'Input', category: 'input', inputs: 0,
    help: 'Where the data enters: one sample of the dataset, without the batch dimension.',
    params: [
      { name: 'shape', label: 'Shape', type: 'ints', default: [2], min: 1, lengths: [1, 3], help: '[features] for tables, or [channels, height, width] for images.' },
    ],
  },
  dense: {
    kind: 'dense', name: 'Dense', category: 'dense', inputs: 1,
    help: 'Fully connected layer: every output is a weighted sum of all input features plus a bias.',
    params: [
      { name: 'units', label: 'Units', type: 'int', default: 64, min: 1, help: 'Number of outputs (neurons).' },
      biasParam,
      initParam,
    ],
  },
  conv2d: {
    kind: 'conv2d', name: 'Conv2D', category: 'convolution', inputs: 1,
    help: 'Slides small learned filters over an image; each filter makes one output channel.',
    params: [
      { name: 'filters', label: 'Filters', type: 'int', default: 16, min: 1, help: 'Number of filters, which is the number of output channels.' },
      { name: 'kernelSize', label: 'Kernel size', type: 'intOrPair', default: 3, min: 1, help: 'Filter size: n for n×n, or [height, width].' },
      { name: 'stride', label: 'Stride', type: 'intOrPair', default: 1, min: 1, help: 'Step between filter positions: n or [height, width]; 2 halves the image size.' },
      { name: 'padding', label: 'Padding', type: 'padding', default: 0, min: 0, help: "Zeros added around the image: n, [height, width], 'same' (keep the size) or 'valid' (none)." },
      biasParam,
      initParam,
    ],
  },
  maxpool2d: {
    kind: 'maxpool2d', name: 'MaxPool2D', category: 'pooling', inputs: 1,
    help: 'Keeps the largest value in each window, shrinking the image while keeping strong features.',
    params: poolParams('maximum'),
  },
  avgpool2d: {
    kind: 'avgpool2d', name: 'AvgPool2D', category: 'pooling', inputs: 1,
    help: 'Averages each window (padded zeros count in the average), shrinking the image smoothly.',
    params: poolParams('average'),
  },
  globalavgpool2d: {
    kind: 'globalavgpool2d', name: 'Global Avg Pool', category: 'pooling', inputs: 1,
    help: 'Averages each channel over the whole image: [channels, height, width] becomes [channels].',
    params: [],
  },
  flatten: {
    kind: 'flatten', name: 'Flatten', category: 'dense', inputs: 1,
    help: 'Lays an image out as one long vector so Dense layers can use it: [C, H, W] becomes [C·H·W].',
    params: [],
  },
  dropout: {
    kind: 'dropout', name: 'Dropout', category: 'regularization', inputs: 1,
    help: 'During training, zeroes each value with probability p (and scales the rest up) so the network cannot rely on any one feature.',
    params: [
      { name: 'p', label: 'Drop probability', type: 'float', default: 0.5, min: 0, max: 1, maxExclusive: true, help: 'Fraction of values dropped in training, from 0 up to (not including) 1.' },
    ],
  },
  batchnorm1d: {
    kind: 'batchnorm1d', name: 'BatchNorm1D', category: 'normalization', inputs: 1,
    help: 'Normalizes each feature of a vector over the batch, then scales and shifts it with learned values.',
    params: batchNormParams,
  },
  batchnorm2d: {
    kind: 'batchnorm2d', name: 'BatchNorm2D', category: 'normalization', inputs: 1,
    help: 'Normalizes each channel of an image over the batch and all positions, then scales and shifts it.',
    params: batchNormParams,
  },
  relu: {
    kind: 'relu', name: 'ReLU', category: 'activation', inputs: 1,
    help: 'Keeps positive values and replaces negative ones with zero.',
    params: [],
  },
  leakyrelu: {
    kind: 'leakyrelu', name: 'LeakyReLU', category: 'activation', inputs: 1,
    help: 'Like ReLU, but negative values are multiplied by a small slope instead of becoming zero.',
    params: [
      { name: 'negativeSlope', label: 'Negative slope', type: 'float', default: 0.01, help: 'What negative inputs are multiplied by.' },
    ],
  },
  sigmoid: {
    kind: 'sigmoid', name: 'Sigmoid', category: 'activation', inputs: 1,
    help: 'Squashes each value into (0, 1).',
    params: [],
  },
  tanh: {
    kind: 'tanh', name: 'Tanh', category: 'activation', inputs: 1,
    help: 'Squashes each value into (-1, 1).',
    params: [],
  },
  softmax: {
    kind: 'softmax', name: 'Softmax', category: 'activation', inputs: 1,
    help: 'Turns a vector of scores into probabilities that sum to 1.',
    params: [],
  },
  gelu: {
    kind: 'gelu', name: 'GELU', category: 'activation', inputs: 1,
    help: 'A smooth ReLU used in transformers: x times the chance a standard normal is below x.',
    params: [
      { name: 'approximate', label: 'Approximation', type: 'enum', default: 'none', choices: ['none', 'tanh'], help: "'none' computes it exactly with erf; 'tanh' uses the faster tanh formula." },
    ],
  },
  identity: {
    kind: 'identity', name: 'Identity', category: 'activation', inputs: 1,
    help: 'Passes its input through unchanged (a placeholder or a named tap point).',
    params: [],
  },
  add: {
    kind: 'add', name: 'Add', category: 'merge', inputs: 2,
    help: 'Adds two tensors of the same shape element by element, as in a residual (skip) connection.',
    params: [],
  },
  concat: {
    kind: 'concat', name: 'Concat', category: 'merge', inputs: 2,
    help: 'Joins two tensors along the channels (images) or features (vectors); the other sizes must match.',
    params: [],
  },
};

/** Op kinds in catalogue order (the palette's order). */
export const OP_KINDS: readonly OpKind[] = Object.keys(LAYERS) as OpKind[];

const opKindSet: ReadonlySet<string> = new Set(OP_KINDS);

export function isOpKind(op: unknown): op is OpKind {
  return typeof op === 'string' && opKindSet.has(op);
}

/** The definition of an op kind, or undefined for a name the studio does not know. */
export function layerDef(op: string): LayerDef | undefined {
  return isOpKind(op) ? LAYERS[op] : undefined;
}

/** Palette order of the categories. */
export const CATEGORIES: readonly LayerCategory[] = [
  'input', 'dense', 'convolution', 'pooling', 'normalization', 'regularization', 'activation', 'merge',
];
