// Translates a benchmark workload into netwright's documents: the network as a model spec (input, then the layers
// in a chain) and the training configuration.
import type { ModelSpec, ParamValue, SpecNode } from '../../engine/core/spec/types';
import type { TrainConfig } from '../../engine/core/train/config';
import type { LayerDef, NetworkDef, TrainingWorkload } from '../workloads';

/** The workload's network as a spec: input, then the layers in a chain. */
export function specOf(name: string, network: NetworkDef): ModelSpec {
  const nodes: SpecNode[] = [{ id: 'input', op: 'input', params: { shape: network.inputShape } }];
  network.layers.forEach((layer, index) => {
    nodes.push({ id: `${layer.kind}${index + 1}`, op: layer.kind, params: paramsOf(layer) });
  });
  const edges = nodes.slice(1).map((node, index) => ({ from: nodes[index].id, to: node.id }));
  return { version: 1, name, nodes, edges };
}

function paramsOf(layer: LayerDef): Record<string, ParamValue> {
  switch (layer.kind) {
    case 'dense':
      return { units: layer.units };
    case 'conv2d':
      return { filters: layer.filters, kernelSize: layer.kernelSize, padding: layer.padding, bias: layer.bias };
    case 'maxpool2d':
      return { kernelSize: layer.size };
    case 'dropout':
      return { p: layer.p };
    case 'flatten':
    case 'batchnorm2d': // defaults: eps 1e-5, momentum 0.1
    case 'relu':
      return {};
    default:
      throw new Error(`unknown layer kind in ${JSON.stringify(layer)}`);
  }
}

export function configOf(workload: TrainingWorkload, batch: number): TrainConfig {
  const { optimizer } = workload;
  return {
    version: 1,
    loss: workload.loss,
    optimizer:
      optimizer.type === 'sgd'
        ? { type: 'sgd', lr: optimizer.lr, momentum: optimizer.momentum }
        : { type: 'adam', lr: optimizer.lr },
    schedule: { type: 'constant' },
    epochs: 1,
    batchSize: batch,
    seed: 1,
    split: { train: 1, validation: 0, test: 0 },
  };
}
