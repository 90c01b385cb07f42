// Parity: the short training runs in training.json. Each model is built from the case's layer list as a spec,
// loaded with the case's initial parameters, and stepped through the real training session.
import { describe, it } from 'vitest';
import type { ModelSpec, SpecNode } from '../../core/spec/types';
import type { TrainConfig } from '../../core/train/config';
import { createTrainingSession } from '../../core/train/session';
import { loadKernels } from '../../native';
import { optimizerConfig, toSpecNode, type GoldenLayer } from './golden-attrs';
import { expectClose, f32, i32, loadCases, TOL, type GoldenTensor } from './fixtures';

interface TrainingCase {
  name: string;
  model: { input_shape: number[]; layers: GoldenLayer[] };
  loss: { type: 'cross_entropy' };
  optimizer: { type: 'sgd' | 'adam' | 'adamw' | 'rmsprop' | 'adagrad'; [hyper: string]: unknown };
  initial_params: Record<string, GoldenTensor>;
  initial_buffers?: Record<string, GoldenTensor>;
  batches: { x: GoldenTensor; labels: GoldenTensor }[];
  expected: {
    losses: number[];
    final_params: Record<string, GoldenTensor>;
    final_buffers?: Record<string, GoldenTensor>;
    after_each_step: {
      step: number;
      loss: number;
      params: Record<string, GoldenTensor>;
      buffers?: Record<string, GoldenTensor>;
    }[];
  };
}

/** The case's ordered layer list as a chain graph; unnamed layers get ids from their type and position. */
export function specFromLayers(inputShape: number[], layers: GoldenLayer[]): ModelSpec {
  const nodes: SpecNode[] = [{ id: 'input', op: 'input', params: { shape: inputShape } }];
  layers.forEach((layer, i) => {
    const { type, name, ...attrs } = layer;
    nodes.push({ id: name ?? `${type}_${i}`, ...toSpecNode(type!, attrs) });
  });
  return { version: 1, nodes, edges: nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id })) };
}

const kernels = loadKernels();

describe('training.json parity', () => {
  it.each(loadCases<TrainingCase>('training.json').map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const spec = specFromLayers(c.model.input_shape, c.model.layers);
    const batch = c.batches[0].x.shape[0];
    const { type, ...hyper } = c.optimizer;
    const config: TrainConfig = {
      version: 1,
      loss: c.loss.type,
      optimizer: optimizerConfig(type, hyper),
      schedule: { type: 'constant' },
      epochs: 1,
      batchSize: batch,
      seed: 0,
      split: { train: 1, validation: 0, test: 0 },
    };
    const session = createTrainingSession(spec, config, kernels);
    const named = session.model.namedTensors();
    session.model.loadTensors({ ...c.initial_params, ...(c.initial_buffers ?? {}) });
    if (named.size !== Object.keys(c.initial_params).length + Object.keys(c.initial_buffers ?? {}).length) {
      throw new Error(`${c.name}: the model holds tensors [${[...named.keys()]}]`);
    }
    c.batches.forEach((b, step) => {
      const loss = session.step(f32(b.x), i32(b.labels), b.x.shape[0]);
      const expected = c.expected.after_each_step[step];
      expectClose(loss, c.expected.losses[step], TOL.multiStep, `${c.name} step ${step + 1} loss`);
      for (const [name, value] of Object.entries({ ...expected.params, ...(expected.buffers ?? {}) })) {
        expectClose(named.get(name)!.value, f32(value), TOL.multiStep, `${c.name} step ${step + 1} ${name}`);
      }
    });
    for (const [name, value] of Object.entries({ ...c.expected.final_params, ...(c.expected.final_buffers ?? {}) })) {
      expectClose(named.get(name)!.value, f32(value), TOL.multiStep, `${c.name} final ${name}`);
    }
  });
});
