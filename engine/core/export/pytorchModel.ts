// The model part of the PyTorch script: an nn.Module with one submodule per layer, named like the node, so its
// state_dict keys equal the exported tensor names, and a forward that follows the graph's topological order.
// Each layer kind's module (engine/core/layers) writes its own submodule and forward expression.

import { computedLayer, isComputedKind } from '../layers';
import { chooseInit } from '../ops/init';
import type { Shape } from '../spec/types';
import type { CheckedModel } from './modelTensors';
import type { LayerContext } from './pytorchLayer';
import { LocalNames, isPlainAttribute, py } from './python';

export interface ModelSource {
  /** The `class Net(nn.Module)` definition. */
  classCode: string;
  /** Weight initialization scheme per layer that has weights (node id -> 'kaiming_uniform', ...). */
  init: Record<string, string>;
  /** Tensor names of the weights L1/L2 penalties apply to. */
  regularized: string[];
}

/** Names the forward's locals must not shadow: the input, `self`, and the modules the script uses. */
const RESERVED_LOCALS = ['x', 'self', 'torch', 'nn', 'F', 'math', 'os', 'sys', 'json', 'csv', 'struct', 'dist'];

export function pytorchModelSource(model: CheckedModel): ModelSource {
  const { analysis, nodes } = model;
  const inputId = analysis.inputId!;
  const consumers = new Map<string, string[]>(analysis.order.map((id) => [id, []]));
  for (const id of analysis.order) for (const src of analysis.nodes[id].inputs) consumers.get(src)!.push(id);

  const locals = new LocalNames(RESERVED_LOCALS);
  const variable = new Map<string, string>([[inputId, 'x']]);
  const initLines: string[] = [];
  const forwardLines: string[] = [];
  const init: Record<string, string> = {};
  for (const id of analysis.order) {
    if (id === inputId) continue;
    const node = nodes.get(id)!;
    const info = analysis.nodes[id];
    const plain = isPlainAttribute(id);
    const ctx: LayerContext = {
      id,
      params: info.paramValues!,
      inputShapes: info.inputs.map((src) => analysis.nodes[src].outputShape!),
      inputs: info.inputs.map((src) => variable.get(src)!),
      module: plain ? `self.${id}` : `getattr(self, ${py(id)})`,
    };
    // checkedModel analyzed the spec, so every node here has a known kind; each kind's module writes its own code.
    if (!isComputedKind(node.op))
      throw new Error(`cannot export the model to PyTorch: layer '${id}' has no PyTorch translation`);
    const code = computedLayer(node.op).pytorch(ctx);
    if (code.module)
      initLines.push(plain ? `self.${id} = ${code.module}` : `self.add_module(${py(id)}, ${code.module})`);
    const local = locals.claim(id);
    variable.set(id, local);
    forwardLines.push(`${local} = ${code.expression}${shapeComment(info.outputShape!)}`);
    if (code.initializedWeight) {
      const next = consumers.get(id)!;
      init[id] = chooseInit(ctx.params.init, next.length === 1 ? nodes.get(next[0])!.op : null);
    }
  }
  forwardLines.push(`return ${variable.get(analysis.outputId!)}`);

  // Frozen layers (trainable: false) that own tensors: no gradient, and batch norm stays in eval mode.
  const frozen = analysis.order.filter((id) => nodes.get(id)!.trainable === false && analysis.nodes[id].params > 0);
  const classCode = [
    ...(frozen.length
      ? [
          `# Layers frozen in Netwright (trainable: false): no gradient, and batch norm stays in eval mode (Net.train).`,
          `FROZEN = ${py(frozen)}`,
          '',
          '',
        ]
      : []),
    'class Net(nn.Module):',
    `    """${model.analysis.order.length - 1} layers; submodules are named like the Netwright layers, so state_dict keys match the exported weights."""`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...initLines.map((l) => `        ${l}`),
    ...(frozen.length ? frozenLines() : []),
    '',
    `    def forward(self, x):${shapeComment(analysis.nodes[inputId].outputShape!)}`,
    ...forwardLines.map((l) => `        ${l}`),
  ].join('\n');
  const regularized = model.expected.filter((t) => t.regularized).map((t) => t.name);
  return { classCode, init, regularized };
}

/**
 * The frozen layers' lines of Net: their parameters never get a gradient (so the optimizer leaves them alone and
 * weight decay skips them), and train() keeps them in eval mode, so a frozen batch norm normalizes with its running
 * statistics and never updates them, as Netwright's engine does.
 */
function frozenLines(): string[] {
  return [
    '        for name in FROZEN:',
    '            self.get_submodule(name).requires_grad_(False)',
    '',
    '    def train(self, mode=True):',
    '        super().train(mode)',
    '        for name in FROZEN:',
    '            self.get_submodule(name).eval()',
    '        return self',
  ];
}

/** "  # [N, 16, 14, 14]" */
function shapeComment(shape: Shape): string {
  return `  # [N, ${shape.join(', ')}]`;
}
