// Small specs and configs the engine tests train.
import type { ModelSpec, SpecNode } from '../core/spec/types';
import type { TrainConfig } from '../core/train/config';

/** Chains nodes in order (the first is the input). */
export function chain(nodes: SpecNode[]): ModelSpec {
  return { version: 1, nodes, edges: nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id })) };
}

export function mlp(
  inputs: number,
  hidden: number[],
  outputs: number,
  extra: (i: number) => SpecNode[] = () => [],
): ModelSpec {
  const nodes: SpecNode[] = [{ id: 'input', op: 'input', params: { shape: [inputs] } }];
  hidden.forEach((units, i) => {
    nodes.push({ id: `fc${i + 1}`, op: 'dense', params: { units } }, { id: `relu${i + 1}`, op: 'relu' }, ...extra(i));
  });
  nodes.push({ id: 'out', op: 'dense', params: { units: outputs } });
  return chain(nodes);
}

/** conv-bn-relu-pool, conv-relu-pool, dropout, dense: exercises every kind of reduction in backward. */
export function smallCnn(channels: number, size: number, classes: number): ModelSpec {
  return chain([
    { id: 'input', op: 'input', params: { shape: [channels, size, size] } },
    { id: 'conv1', op: 'conv2d', params: { filters: 8, kernelSize: 3, padding: 1 } },
    { id: 'bn1', op: 'batchnorm2d' },
    { id: 'relu1', op: 'relu' },
    { id: 'pool1', op: 'maxpool2d', params: { kernelSize: 2 } },
    { id: 'conv2', op: 'conv2d', params: { filters: 16, kernelSize: 3, padding: 1 } },
    { id: 'relu2', op: 'relu' },
    { id: 'pool2', op: 'avgpool2d', params: { kernelSize: 2 } },
    { id: 'flatten', op: 'flatten' },
    { id: 'drop', op: 'dropout', params: { p: 0.2 } },
    { id: 'out', op: 'dense', params: { units: classes } },
  ]);
}

export function config(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    version: 1,
    loss: 'cross_entropy',
    optimizer: { type: 'adam', lr: 0.01 },
    schedule: { type: 'constant' },
    epochs: 10,
    batchSize: 32,
    seed: 7,
    split: { train: 0.7, validation: 0.15, test: 0.15 },
    ...overrides,
  };
}
