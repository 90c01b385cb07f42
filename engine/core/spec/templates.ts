// Starter models for the editor's gallery and the CLI's --model NAME, built as specs with positions laid out
// top to bottom. resources/templates/*.json hold each one with its default options (a test keeps them equal).

import { CodedError } from '../errors/coded';
import { SPEC_VERSION, type ModelSpec, type ParamValue, type SpecEdge, type SpecNode } from './types';

export type TemplateName =
  | 'mlp'
  | 'lenet'
  | 'small-cnn'
  | 'vgg-small'
  | 'mobile-cnn'
  | 'residual'
  | 'aspp-cnn'
  | 'dropout-demo'
  | 'dropout-demo-plain';

export interface TemplateOptions {
  /** Shape of one sample: [features] or [channels, height, width]. */
  inputShape?: readonly number[];
  /** Number of outputs: classes for classification, targets for regression. */
  outputs?: number;
  /** Hidden layer widths (mlp only). */
  hidden?: readonly number[];
}

export interface TemplateInfo {
  name: TemplateName;
  title: string;
  description: string;
  /** The options the gallery and resources/templates/<name>.json use. */
  defaults: Required<Pick<TemplateOptions, 'inputShape' | 'outputs'>>;
  build(options?: TemplateOptions): ModelSpec;
}

const ROW = 90; // vertical distance between layers in the editor, in canvas pixels
const BRANCH = 200; // horizontal offset of a side branch

/** One layer of a template: id, op, params, and where it sits (column offset in pixels). */
interface Step {
  id: string;
  op: string;
  params?: Record<string, ParamValue>;
  column?: number;
}

/** Collects nodes and edges; each layer goes one row below the previous and connects from `from` (default: previous). */
class SpecBuilder {
  private readonly nodes: SpecNode[] = [];
  private readonly edges: SpecEdge[] = [];
  private last: string | null = null;
  private row = 0;

  add(step: Step, from: string | null = this.last): string {
    this.place(step, from);
    this.row += 1;
    this.last = step.id;
    return step.id;
  }

  /** A two-input layer with its inputs on toPort 0 and 1. */
  merge(step: Step, first: string, second: string): string {
    this.add(step, null);
    this.edges.push({ from: first, to: step.id, toPort: 0 }, { from: second, to: step.id, toPort: 1 });
    return step.id;
  }

  chain(steps: readonly Step[]): string {
    for (const step of steps) this.add(step);
    return this.last!;
  }

  /**
   * Chains that all start from `from`, side by side (each in its steps' column) and listed row by row, so the spec
   * still reads top to bottom; returns each chain's last id.
   */
  parallel(from: string, chains: readonly (readonly Step[])[]): string[] {
    const lasts = chains.map(() => from);
    const rows = Math.max(...chains.map((steps) => steps.length));
    for (let k = 0; k < rows; k++) {
      chains.forEach((steps, c) => {
        if (k < steps.length) lasts[c] = this.place(steps[k], lasts[c]);
      });
      this.row += 1;
    }
    return lasts;
  }

  /** Puts a layer on the current row and connects it from `from`. */
  private place(step: Step, from: string | null): string {
    const node: SpecNode = { id: step.id, op: step.op };
    if (step.params && Object.keys(step.params).length > 0) node.params = step.params;
    node.position = { x: step.column ?? 0, y: this.row * ROW };
    this.nodes.push(node);
    if (from !== null) this.edges.push({ from, to: step.id });
    return step.id;
  }

  build(name: string, description: string): ModelSpec {
    return { version: SPEC_VERSION, name, description, nodes: this.nodes, edges: this.edges };
  }
}

// ---- the templates --------------------------------------------------------------------------------------------------

/** Dense layers with ReLU between them; an image input is flattened first. */
export function mlp(
  inputFeatures: number | readonly number[],
  classes: number,
  hidden: readonly number[] = [64, 64],
): ModelSpec {
  const shape = typeof inputFeatures === 'number' ? [inputFeatures] : [...inputFeatures];
  checkShape('mlp', shape, [1, 3]);
  checkCount('mlp', 'outputs', classes);
  hidden.forEach((units) => checkCount('mlp', 'hidden layer width', units));
  const b = new SpecBuilder();
  b.add({ id: 'input', op: 'input', params: { shape } });
  if (shape.length === 3) b.add({ id: 'flatten', op: 'flatten' });
  hidden.forEach((units, i) => {
    b.add({ id: `fc${i + 1}`, op: 'dense', params: { units } });
    b.add({ id: `relu${i + 1}`, op: 'relu' });
  });
  b.add({ id: `fc${hidden.length + 1}`, op: 'dense', params: { units: classes } });
  const widths = [shape.reduce((a, c) => a * c, 1), ...hidden, classes].join('-');
  return b.build('mlp', `A ${widths} multilayer perceptron: dense layers with ReLU between them.`);
}

/** LeNet-5 for 1×28×28 digits (61,706 parameters with 10 classes). */
export function lenet(options: TemplateOptions = {}): ModelSpec {
  const shape = imageShape('lenet', options.inputShape ?? [1, 28, 28]);
  const classes = outputsOf('lenet', options, 10);
  const b = new SpecBuilder();
  b.chain([
    { id: 'input', op: 'input', params: { shape } },
    { id: 'conv1', op: 'conv2d', params: { filters: 6, kernelSize: 5, padding: 2 } },
    { id: 'relu1', op: 'relu' },
    { id: 'pool1', op: 'maxpool2d', params: { kernelSize: 2 } },
    { id: 'conv2', op: 'conv2d', params: { filters: 16, kernelSize: 5 } },
    { id: 'relu2', op: 'relu' },
    { id: 'pool2', op: 'maxpool2d', params: { kernelSize: 2 } },
    { id: 'flatten', op: 'flatten' },
    { id: 'fc1', op: 'dense', params: { units: 120 } },
    { id: 'relu3', op: 'relu' },
    { id: 'fc2', op: 'dense', params: { units: 84 } },
    { id: 'relu4', op: 'relu' },
    { id: 'fc3', op: 'dense', params: { units: classes } },
  ]);
  return b.build(
    'lenet',
    'LeNet-5, the classic digit recognizer: two convolution and pooling stages, then three dense layers.',
  );
}

/** Three 3×3 convolutions with batch norm (no conv bias: batch norm has its own) for 3×32×32 images. */
export function smallCnn(options: TemplateOptions = {}): ModelSpec {
  const shape = imageShape('small-cnn', options.inputShape ?? [3, 32, 32]);
  const classes = outputsOf('small-cnn', options, 10);
  const conv = (id: string, filters: number): Step => ({
    id,
    op: 'conv2d',
    params: { filters, kernelSize: 3, padding: 1, bias: false },
  });
  const b = new SpecBuilder();
  b.chain([
    { id: 'input', op: 'input', params: { shape } },
    conv('conv1', 32),
    { id: 'bn1', op: 'batchnorm2d' },
    { id: 'relu1', op: 'relu' },
    conv('conv2', 32),
    { id: 'bn2', op: 'batchnorm2d' },
    { id: 'relu2', op: 'relu' },
    { id: 'pool1', op: 'maxpool2d', params: { kernelSize: 2 } },
    conv('conv3', 64),
    { id: 'bn3', op: 'batchnorm2d' },
    { id: 'relu3', op: 'relu' },
    { id: 'pool2', op: 'maxpool2d', params: { kernelSize: 2 } },
    { id: 'flatten', op: 'flatten' },
    { id: 'fc', op: 'dense', params: { units: classes } },
  ]);
  return b.build(
    'small-cnn',
    'A small CNN for images: 3×3 convolutions with batch norm and ReLU, max-pooling, then one dense layer.',
  );
}

/** VGG-style: blocks of two 3×3 convolutions and a 2×2 max-pool, channels doubling (32, 64, 128). */
export function vggSmall(options: TemplateOptions = {}): ModelSpec {
  const shape = imageShape('vgg-small', options.inputShape ?? [3, 32, 32]);
  const classes = outputsOf('vgg-small', options, 10);
  const b = new SpecBuilder();
  b.add({ id: 'input', op: 'input', params: { shape } });
  [32, 64, 128].forEach((filters, i) => {
    const block = i + 1;
    b.chain([
      { id: `conv${block}_1`, op: 'conv2d', params: { filters, kernelSize: 3, padding: 1 } },
      { id: `relu${block}_1`, op: 'relu' },
      { id: `conv${block}_2`, op: 'conv2d', params: { filters, kernelSize: 3, padding: 1 } },
      { id: `relu${block}_2`, op: 'relu' },
      { id: `pool${block}`, op: 'maxpool2d', params: { kernelSize: 2 } },
    ]);
  });
  b.chain([
    { id: 'flatten', op: 'flatten' },
    { id: 'fc1', op: 'dense', params: { units: 256 } },
    { id: 'relu_fc1', op: 'relu' },
    { id: 'dropout', op: 'dropout', params: { p: 0.5 } },
    { id: 'fc2', op: 'dense', params: { units: classes } },
  ]);
  return b.build(
    'vgg-small',
    'A small VGG-style network: three blocks of two 3×3 convolutions and a max-pool, then dense layers with dropout.',
  );
}

/**
 * MobileNet-style: a 3×3 stem, then depthwise-separable blocks (a 3×3 depthwise convolution, one group per channel,
 * and a 1×1 pointwise one that mixes the channels, each with batch norm and ReLU6), the later ones halving the size,
 * global average pooling and a dense classifier.
 */
export function mobileCnn(options: TemplateOptions = {}): ModelSpec {
  const shape = imageShape('mobile-cnn', options.inputShape ?? [3, 32, 32]);
  const classes = outputsOf('mobile-cnn', options, 10);
  const conv = (id: string, params: Record<string, ParamValue>): Step[] => [
    { id, op: 'conv2d', params: { ...params, bias: false } },
    { id: `${id}_bn`, op: 'batchnorm2d' },
    { id: `${id}_relu6`, op: 'relu6' },
  ];
  const b = new SpecBuilder();
  b.add({ id: 'input', op: 'input', params: { shape } });
  b.chain(conv('stem', { filters: 16, kernelSize: 3, padding: 1 }));
  let channels = 16;
  [
    [32, 1],
    [64, 2],
    [128, 2],
  ].forEach(([filters, stride], i) => {
    const block = i + 1;
    b.chain([
      ...conv(`dw${block}`, { filters: channels, kernelSize: 3, padding: 1, stride, groups: channels }),
      ...conv(`pw${block}`, { filters, kernelSize: 1 }),
    ]);
    channels = filters;
  });
  b.chain([
    { id: 'pool', op: 'globalavgpool2d' },
    { id: 'fc', op: 'dense', params: { units: classes } },
  ]);
  return b.build(
    'mobile-cnn',
    'A MobileNet-style network: depthwise-separable blocks (a 3×3 depthwise and a 1×1 pointwise convolution, with batch norm and ReLU6), far fewer weights than plain 3×3 convolutions.',
  );
}

/** A convolution stem, one residual block (output = relu(x + F(x))), global average pooling and a dense classifier. */
export function residual(options: TemplateOptions = {}): ModelSpec {
  const shape = imageShape('residual', options.inputShape ?? [3, 32, 32]);
  const classes = outputsOf('residual', options, 10);
  const conv = (id: string, column = 0): Step => ({
    id,
    op: 'conv2d',
    params: { filters: 16, kernelSize: 3, padding: 1, bias: false },
    column,
  });
  const b = new SpecBuilder();
  const stem = b.chain([
    { id: 'input', op: 'input', params: { shape } },
    conv('stem_conv'),
    { id: 'stem_bn', op: 'batchnorm2d' },
    { id: 'stem_relu', op: 'relu' },
  ]);
  // The block's body sits in a side column; the skip connection runs straight down from stem_relu to add.
  const body = b.chain([
    conv('block_conv1', BRANCH),
    { id: 'block_bn1', op: 'batchnorm2d', column: BRANCH },
    { id: 'block_relu1', op: 'relu', column: BRANCH },
    conv('block_conv2', BRANCH),
    { id: 'block_bn2', op: 'batchnorm2d', column: BRANCH },
  ]);
  b.merge({ id: 'add', op: 'add' }, body, stem);
  b.chain([
    { id: 'relu_out', op: 'relu' },
    { id: 'pool', op: 'globalavgpool2d' },
    { id: 'fc', op: 'dense', params: { units: classes } },
  ]);
  return b.build(
    'residual',
    'A residual block: the input skips past two convolutions and is added back, so the block learns a correction.',
  );
}

/**
 * Atrous spatial pyramid as in DeepLab's ASPP: after a stem and a 2×2 max-pool, three convolutions side by side on the
 * same feature map, a 1×1 and two 3×3 dilated by 2 and 4 (padding = dilation keeps the size), so they see 1, 5 and 9
 * positions wide; two concats join them along the channels, a 1×1 convolution mixes them, then global average pooling
 * and a dense classifier. Every convolution is followed by batch norm and ReLU (no conv bias).
 */
export function asppCnn(options: TemplateOptions = {}): ModelSpec {
  const shape = imageShape('aspp-cnn', options.inputShape ?? [3, 32, 32]);
  const classes = outputsOf('aspp-cnn', options, 10);
  const conv = (id: string, params: Record<string, ParamValue>, column = 0): Step[] => [
    { id, op: 'conv2d', params: { ...params, bias: false }, column },
    { id: `${id}_bn`, op: 'batchnorm2d', column },
    { id: `${id}_relu`, op: 'relu', column },
  ];
  const b = new SpecBuilder();
  b.add({ id: 'input', op: 'input', params: { shape } });
  b.chain(conv('stem', { filters: 16, kernelSize: 3, padding: 1 }));
  b.add({ id: 'stem_pool', op: 'maxpool2d', params: { kernelSize: 2 } });
  const features = b.chain(conv('conv2', { filters: 32, kernelSize: 3, padding: 1 }));
  // The pyramid: one column per rate, on the same rows; (N, 32, H, W) each.
  const [pointwise, rate2, rate4] = b.parallel(features, [
    conv('aspp_1x1', { filters: 32, kernelSize: 1 }),
    conv('aspp_rate2', { filters: 32, kernelSize: 3, dilation: 2, padding: 2 }, BRANCH),
    conv('aspp_rate4', { filters: 32, kernelSize: 3, dilation: 4, padding: 4 }, 2 * BRANCH),
  ]);
  const joined = b.merge({ id: 'concat_1x1_rate2', op: 'concat' }, pointwise, rate2); // (N, 64, H, W)
  b.merge({ id: 'concat_all', op: 'concat' }, joined, rate4); // (N, 96, H, W)
  b.chain([
    ...conv('project', { filters: 32, kernelSize: 1 }),
    { id: 'pool', op: 'globalavgpool2d' },
    { id: 'fc', op: 'dense', params: { units: classes } },
  ]);
  return b.build(
    'aspp-cnn',
    "Atrous spatial pyramid as in DeepLab's ASPP: a 1×1 convolution and two 3×3 ones dilated by 2 and 4 look at the same feature map side by side, seeing 1, 5 and 9 positions wide at the same resolution (a dilated 3×3 has the weights and cost of a plain one), and their features are joined and mixed by a 1×1 convolution.",
  );
}

/** 1-200-200-1 regression network, with Dropout 0.5 after each hidden layer's ReLU or without (plain). */
export function dropoutDemo(withDropout: boolean, options: TemplateOptions = {}): ModelSpec {
  const name = withDropout ? 'dropout-demo' : 'dropout-demo-plain';
  const shape = options.inputShape ? [...options.inputShape] : [1];
  checkShape(name, shape, [1]);
  const outputs = outputsOf(name, options, 1);
  const b = new SpecBuilder();
  b.add({ id: 'input', op: 'input', params: { shape } });
  for (const layer of [1, 2]) {
    b.add({ id: `fc${layer}`, op: 'dense', params: { units: 200 } });
    b.add({ id: `relu${layer}`, op: 'relu' });
    if (withDropout) b.add({ id: `dropout${layer}`, op: 'dropout', params: { p: 0.5 } });
  }
  b.add({ id: 'fc3', op: 'dense', params: { units: outputs } });
  const widths = `${shape[0]}-200-200-${outputs}`;
  const description = withDropout
    ? `A ${widths} network with dropout 0.5 after each hidden layer: compare it with dropout-demo-plain on a small noisy dataset.`
    : `A ${widths} network without dropout, big enough to overfit a small noisy dataset: compare it with dropout-demo.`;
  return b.build(name, description);
}

// ---- the registry ---------------------------------------------------------------------------------------------------

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    name: 'mlp',
    title: 'Multilayer perceptron',
    defaults: { inputShape: [2], outputs: 2 },
    description: 'Dense layers with ReLU between them: a first model for tables of numbers.',
    build: (o = {}) => mlp(o.inputShape ?? [2], o.outputs ?? 2, o.hidden),
  },
  {
    name: 'lenet',
    title: 'LeNet-5',
    defaults: { inputShape: [1, 28, 28], outputs: 10 },
    description:
      'The classic digit recognizer for 1×28×28 images: two convolution and pooling stages, then three dense layers.',
    build: (o) => lenet(o),
  },
  {
    name: 'small-cnn',
    title: 'Small CNN',
    defaults: { inputShape: [3, 32, 32], outputs: 10 },
    description: 'Three 3×3 convolutions with batch norm and max-pooling for small colour images (3×32×32).',
    build: (o) => smallCnn(o),
  },
  {
    name: 'vgg-small',
    title: 'Small VGG',
    defaults: { inputShape: [3, 32, 32], outputs: 10 },
    description: 'VGG-style blocks of two 3×3 convolutions and a max-pool, the channels doubling each block.',
    build: (o) => vggSmall(o),
  },
  {
    name: 'mobile-cnn',
    title: 'MobileNet-style CNN',
    defaults: { inputShape: [3, 32, 32], outputs: 10 },
    description:
      'Depthwise-separable blocks as in MobileNet: a 3×3 depthwise convolution per channel, then a 1×1 one mixing the channels.',
    build: (o) => mobileCnn(o),
  },
  {
    name: 'residual',
    title: 'Residual block',
    defaults: { inputShape: [3, 32, 32], outputs: 10 },
    description: "A skip connection that adds a block's input to its output, as in ResNet.",
    build: (o) => residual(o),
  },
  {
    name: 'aspp-cnn',
    title: 'Atrous pyramid CNN',
    defaults: { inputShape: [3, 32, 32], outputs: 10 },
    description:
      'Atrous spatial pyramid pooling as in DeepLab: a 1×1 convolution and two 3×3 ones dilated by 2 and 4 sit side by side and span 1, 5 and 9 pixels of the same feature map at its full resolution (a dilated 3×3 has the weights and cost of a plain one), and their features are joined.',
    build: (o) => asppCnn(o),
  },
  {
    name: 'dropout-demo',
    title: 'Dropout demo',
    defaults: { inputShape: [1], outputs: 1 },
    description: 'A 1-200-200-1 regression network with dropout 0.5 after each hidden layer.',
    build: (o) => dropoutDemo(true, o),
  },
  {
    name: 'dropout-demo-plain',
    title: 'Dropout demo (no dropout)',
    defaults: { inputShape: [1], outputs: 1 },
    description: 'The same 1-200-200-1 network without dropout, to compare overfitting.',
    build: (o) => dropoutDemo(false, o),
  },
];

export const TEMPLATE_NAMES: readonly TemplateName[] = TEMPLATES.map((t) => t.name);

/** Builds a template by its name (the CLI's --model NAME); throws naming the known templates for any other name. */
export function templateByName(name: string, options: TemplateOptions = {}): ModelSpec {
  const template = TEMPLATES.find((t) => t.name === name);
  if (!template) throw new Error(`no model template '${name}': choose one of ${TEMPLATE_NAMES.join(', ')}`);
  return template.build(options);
}

// ---- option checks ------------------------------------------------------------------------------------------------

function imageShape(template: string, shape: readonly number[]): number[] {
  checkShape(template, shape, [3]);
  return [...shape];
}

/** What a template's input can be: a vector of features, an image [channels, height, width], or either. */
export type TemplateInput = 'features' | 'image' | 'features-or-image';

/**
 * A template that cannot take the dataset's sample shape (LeNet on a table, a dropout demo on images): coded, so the
 * studio says so in the user's language (it still opens the template at its own size).
 */
export class TemplateShapeError extends CodedError<
  'template-input-shape',
  { template: string; wanted: TemplateInput; got: string }
> {}

function checkShape(template: string, shape: readonly number[], lengths: readonly number[]): void {
  const ok =
    Array.isArray(shape) && lengths.includes(shape.length) && shape.every((d) => Number.isInteger(d) && d >= 1);
  if (!ok) {
    const wanted: TemplateInput = lengths.length > 1 ? 'features-or-image' : lengths[0] === 1 ? 'features' : 'image';
    const words = lengths.map((n) => (n === 1 ? '[features]' : '[channels, height, width]')).join(' or ');
    const got = JSON.stringify(shape);
    throw new TemplateShapeError(
      'template-input-shape',
      { template, wanted, got },
      `template '${template}' needs an input shape ${words} of positive whole numbers, got ${got}`,
    );
  }
}

function outputsOf(template: string, options: TemplateOptions, fallback: number): number {
  const outputs = options.outputs ?? fallback;
  checkCount(template, 'outputs', outputs);
  return outputs;
}

function checkCount(template: string, what: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`template '${template}': ${what} must be a positive whole number, got ${JSON.stringify(value)}`);
}
