// Test support: one small model per problem reason, so tests can check that analyze() gives every reason and that
// every wording (the engine's English, the editor's languages) fills all of its arguments. A Record, so the compiler
// makes sure no reason is left out.

import type { ProblemReason } from './problemReasons';
import { chain, graph } from './testSpecs';
import type { ModelSpec } from './types';

const IMAGE = { shape: [1, 8, 8] };
const VECTOR = { shape: [4] };

/** A dense layer on `input` with one param set to `value`. */
const withParam = (op: string, name: string, value: unknown, input = VECTOR): ModelSpec =>
  chain([
    ['in', 'input', input],
    ['layer', op, { [name]: value as never }],
  ]);

/** An imported ONNX node Netwright cannot run, with the reason the importer stored in its params. */
const onnxCase = (params: Record<string, string | number>): ModelSpec =>
  chain([
    ['in', 'input', VECTOR],
    ['selu1', 'onnx:Selu', params],
    ['fc', 'dense'],
  ]);

export const PROBLEM_CASES: Record<ProblemReason, ModelSpec> = {
  'not-an-object': null as unknown as ModelSpec,
  'no-node-list': { version: 1, edges: [] } as unknown as ModelSpec,
  'no-edge-list': { version: 1, nodes: [{ id: 'in', op: 'input' }] } as unknown as ModelSpec,
  'node-not-object': { version: 1, nodes: [{ id: 'in', op: 'input' }, 'fc' as never], edges: [] },
  'edge-not-object': { version: 1, nodes: [{ id: 'in', op: 'input' }], edges: [7 as never] },
  'bad-version': {
    ...chain([
      ['in', 'input', VECTOR],
      ['fc', 'dense'],
    ]),
    version: 2,
  },
  'duplicate-id': graph(
    [
      ['in', 'input', VECTOR],
      ['fc', 'dense'],
      ['fc', 'relu'],
    ],
    [['in', 'fc']],
  ),
  'bad-id': chain([
    ['in', 'input', VECTOR],
    ['fc.1', 'dense'],
  ]),
  'edge-from-missing': graph(
    [
      ['in', 'input', VECTOR],
      ['fc', 'dense'],
    ],
    [
      ['in', 'fc'],
      ['ghost', 'fc'],
    ],
  ),
  'edge-to-missing': graph(
    [
      ['in', 'input', VECTOR],
      ['fc', 'dense'],
    ],
    [
      ['in', 'fc'],
      ['fc', 'ghost'],
    ],
  ),
  'edge-both-missing': graph(
    [
      ['in', 'input', VECTOR],
      ['fc', 'dense'],
    ],
    [
      ['in', 'fc'],
      ['ghost', 'spook'],
    ],
  ),
  'no-input': chain([
    ['fc1', 'dense'],
    ['fc2', 'dense'],
  ]),
  'second-input': graph(
    [
      ['in', 'input', VECTOR],
      ['in2', 'input', VECTOR],
      ['fc', 'dense'],
    ],
    [['in', 'fc']],
  ),
  'input-takes-none': graph(
    [
      ['in', 'input', VECTOR],
      ['fc', 'dense'],
      ['in2', 'input', VECTOR],
    ],
    [
      ['in', 'fc'],
      ['fc', 'in'],
    ],
  ),
  'no-input-connection': graph(
    [
      ['in', 'input', VECTOR],
      ['fc', 'dense'],
      ['lone', 'relu'],
    ],
    [
      ['in', 'fc'],
      ['lone', 'fc'],
    ],
  ),
  'needs-two-inputs': graph(
    [
      ['in', 'input', VECTOR],
      ['fc1', 'dense'],
      ['sum', 'add'],
    ],
    [
      ['in', 'fc1'],
      ['fc1', 'sum'],
    ],
  ),
  'too-many-connections': graph(
    [
      ['in', 'input', VECTOR],
      ['a', 'dense'],
      ['b', 'dense'],
      ['fc', 'dense'],
    ],
    [
      ['in', 'a'],
      ['in', 'b'],
      ['a', 'fc'],
      ['b', 'fc'],
    ],
  ),
  'merge-too-many': graph(
    [
      ['in', 'input', VECTOR],
      ['a', 'dense'],
      ['b', 'dense'],
      ['sum', 'add'],
    ],
    [
      ['in', 'a'],
      ['in', 'b'],
      ['a', 'sum'],
      ['b', 'sum'],
      ['in', 'sum'],
    ],
  ),
  'port-single': graph(
    [
      ['in', 'input', VECTOR],
      ['fc', 'dense'],
    ],
    [['in', 'fc', 1]],
  ),
  'port-partial': graph(
    [
      ['in', 'input', VECTOR],
      ['a', 'dense', { units: 4 }],
      ['sum', 'add'],
    ],
    [
      ['in', 'a'],
      ['in', 'sum', 0],
      ['a', 'sum'],
    ],
  ),
  'port-pair': graph(
    [
      ['in', 'input', VECTOR],
      ['a', 'dense', { units: 4 }],
      ['cat', 'concat'],
      ['fc', 'dense'],
    ],
    [
      ['in', 'a'],
      ['in', 'cat', 0],
      ['a', 'cat', 0],
      ['cat', 'fc'],
    ],
  ),
  cycle: graph(
    [
      ['in', 'input', VECTOR],
      ['sum', 'add'],
      ['fc', 'dense', { units: 4 }],
      ['act', 'relu'],
      ['out', 'dense'],
    ],
    [
      ['in', 'sum', 0],
      ['act', 'sum', 1],
      ['sum', 'fc'],
      ['fc', 'act'],
      ['act', 'out'],
    ],
  ),
  unreachable: graph(
    [
      ['in', 'input', VECTOR],
      ['fc', 'dense'],
      ['orphan', 'dense'],
      ['after', 'relu'],
    ],
    [
      ['in', 'fc'],
      ['orphan', 'after'],
    ],
  ),
  'no-output': graph([['in', 'input', VECTOR]], []),
  'second-output': graph(
    [
      ['in', 'input', VECTOR],
      ['fc1', 'dense'],
      ['act', 'relu'],
      ['fc2', 'dense'],
      ['probe', 'sigmoid'],
    ],
    [
      ['in', 'fc1'],
      ['fc1', 'act'],
      ['act', 'fc2'],
      ['fc1', 'probe'],
    ],
  ),
  'unknown-op': chain([
    ['in', 'input', VECTOR],
    ['rnn', 'lstm'],
    ['fc', 'dense'],
  ]),
  'params-not-object': {
    version: 1,
    nodes: [
      { id: 'in', op: 'input', params: VECTOR },
      { id: 'fc', op: 'dense', params: [3] as never },
    ],
    edges: [{ from: 'in', to: 'fc' }],
  },
  'unknown-param': withParam('relu', 'inplace', true),
  'param-not-int': withParam('dense', 'units', 0),
  'param-not-number': withParam('dropout', 'p', 1),
  'param-not-bool': withParam('dense', 'bias', 'yes'),
  'trainable-not-bool': {
    version: 1,
    nodes: [
      { id: 'in', op: 'input', params: VECTOR },
      { id: 'fc', op: 'dense', params: { units: 2 }, trainable: 'no' as never },
    ],
    edges: [{ from: 'in', to: 'fc' }],
  },
  'param-not-choice': withParam('gelu', 'approximate', 'fast'),
  'param-not-ints': chain([
    ['in', 'input', { shape: [3, 32] }],
    ['fc', 'dense'],
  ]),
  'param-not-int-or-pair': withParam('conv2d', 'kernelSize', [3], IMAGE),
  'param-not-padding': withParam('conv2d', 'padding', 'full', IMAGE),
  'same-padding-stride': chain([
    ['in', 'input', IMAGE],
    ['conv', 'conv2d', { padding: 'same', stride: 2 }],
  ]),
  'same-padding-even-kernel': chain([
    ['in', 'input', IMAGE],
    ['conv', 'conv2d', { padding: 'same', kernelSize: 2 }],
  ]),
  'pool-padding-too-large': chain([
    ['in', 'input', IMAGE],
    ['pool', 'maxpool2d', { kernelSize: [2, 4], padding: 2 }],
  ]),
  'groups-filters': chain([
    ['in', 'input', IMAGE],
    ['conv', 'conv2d', { filters: 5, groups: 2 }],
  ]),
  'dilation-stride': chain([
    ['in', 'input', IMAGE],
    ['conv', 'conv2d', { stride: 2, dilation: 2 }],
  ]),
  'needs-image': chain([
    ['in', 'input', VECTOR],
    ['conv', 'conv2d'],
  ]),
  'needs-vector': chain([
    ['in', 'input', IMAGE],
    ['fc', 'dense'],
  ]),
  'softmax-needs-vector': chain([
    ['in', 'input', IMAGE],
    ['probs', 'softmax'],
  ]),
  'batchnorm1d-needs-vector': chain([
    ['in', 'input', IMAGE],
    ['bn', 'batchnorm1d'],
  ]),
  'batchnorm2d-needs-image': chain([
    ['in', 'input', VECTOR],
    ['bn', 'batchnorm2d'],
  ]),
  'layernorm-needs-vector': chain([
    ['in', 'input', IMAGE],
    ['ln', 'layernorm'],
  ]),
  'groupnorm-needs-image': chain([
    ['in', 'input', VECTOR],
    ['gn', 'groupnorm'],
  ]),
  'groupnorm-groups': chain([
    ['in', 'input', IMAGE],
    ['gn', 'groupnorm', { groups: 4 }],
  ]),
  'window-too-large': chain([
    ['in', 'input', { shape: [1, 3, 3] }],
    ['conv', 'conv2d', { kernelSize: 5 }],
  ]),
  'window-too-large-padded': chain([
    ['in', 'input', { shape: [1, 3, 3] }],
    ['conv', 'conv2d', { kernelSize: 7, padding: 1 }],
  ]),
  'groups-channels': chain([
    ['in', 'input', { shape: [3, 8, 8] }],
    ['conv', 'conv2d', { filters: 4, groups: 2 }],
  ]),
  'add-shapes-differ': graph(
    [
      ['in', 'input', IMAGE],
      ['conv', 'conv2d', { filters: 2, padding: 1 }],
      ['sum', 'add'],
    ],
    [
      ['in', 'conv'],
      ['in', 'sum'],
      ['conv', 'sum'],
    ],
  ),
  'concat-shapes-differ': graph(
    [
      ['in', 'input', IMAGE],
      ['pool', 'maxpool2d'],
      ['cat', 'concat'],
    ],
    [
      ['in', 'pool'],
      ['in', 'cat'],
      ['pool', 'cat'],
    ],
  ),
  'onnx-unsupported-op': onnxCase({ reason: 'onnx-unsupported-op', domain: '', opset: 17 }),
  'onnx-unsupported-attribute': onnxCase({
    reason: 'onnx-unsupported-attribute',
    attribute: 'group',
    value: '2',
    supported: '1',
  }),
  'onnx-needs-constant': onnxCase({ reason: 'onnx-needs-constant', input: 2 }),
  'onnx-unexpected-constant': onnxCase({ reason: 'onnx-unexpected-constant', input: 1 }),
  'onnx-constant-size': onnxCase({ reason: 'onnx-constant-size', input: 2, shape: '[3]', expected: 8 }),
  'onnx-unsupported-rank': onnxCase({ reason: 'onnx-unsupported-rank', shape: '[batch, 4, 2]' }),
  'onnx-unknown-shape': onnxCase({ reason: 'onnx-unknown-shape' }),
  'onnx-too-many-inputs': onnxCase({ reason: 'onnx-too-many-inputs', count: 3 }),
};
