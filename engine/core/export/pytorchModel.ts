// The model part of the PyTorch script: an nn.Module with one submodule per layer, named like the node, so its
// state_dict keys equal the exported tensor names, and a forward that follows the graph's topological order.

import { chooseInit } from '../ops/init';
import { windowGeometry } from '../spec/params';
import type { OpKind, ParamValue, Shape } from '../spec/types';
import type { CheckedModel } from './modelTensors';
import { LocalNames, isPlainAttribute, py } from './python';

export interface ModelSource {
  /** The `class Net(nn.Module)` definition. */
  classCode: string;
  /** Weight initialization scheme per layer that has weights (node id -> 'kaiming_uniform', ...). */
  init: Record<string, string>;
  /** Tensor names of the weights L1/L2 penalties apply to. */
  regularized: string[];
}

/** What a layer's line in __init__ and forward need. */
interface LayerContext {
  id: string;
  params: Record<string, ParamValue>;
  inputShapes: Shape[];
  /** Python expressions of the inputs (local variable names), in slot order. */
  inputs: string[];
  /** How forward calls the layer's submodule: `self.fc1` or `getattr(self, 'fc-1')`. */
  module: string;
}

/** The submodule to create (null for merges, which are expressions) and the forward expression. */
interface LayerCode {
  module: string | null;
  expression: string;
}

const call = (ctx: LayerContext): string => `${ctx.module}(${ctx.inputs[0]})`;
const simple = (module: string) => (ctx: LayerContext): LayerCode => ({ module, expression: call(ctx) });

/** "2" for a square window, "(2, 3)" otherwise. */
function size(h: number, w: number): string {
  return h === w ? String(h) : `(${h}, ${w})`;
}

function windowArgs(op: 'conv2d' | 'maxpool2d' | 'avgpool2d', ctx: LayerContext): string {
  const g = windowGeometry(op, ctx.params, ctx.inputShapes[0]);
  return `kernel_size=${size(g.kh, g.kw)}, stride=${size(g.sh, g.sw)}, padding=${size(g.ph, g.pw)}`;
}

function batchNorm(kind: 'BatchNorm1d' | 'BatchNorm2d') {
  return (ctx: LayerContext): LayerCode => ({
    // PyTorch's momentum has the same meaning as Netwright's: the weight of the new batch in the running statistics.
    module: `nn.${kind}(${ctx.inputShapes[0][0]}, eps=${py(ctx.params.eps as number)}, momentum=${py(ctx.params.momentum as number)})`,
    expression: call(ctx),
  });
}

/** One translation per op kind; a Record so the compiler checks that none is missing. */
const LAYERS: Record<Exclude<OpKind, 'input'>, (ctx: LayerContext) => LayerCode> = {
  dense: (ctx) => ({
    module: `nn.Linear(${ctx.inputShapes[0][0]}, ${ctx.params.units as number}${ctx.params.bias === false ? ', bias=False' : ''})`,
    expression: call(ctx),
  }),
  conv2d: (ctx) => ({
    module: `nn.Conv2d(${ctx.inputShapes[0][0]}, ${ctx.params.filters as number}, ${windowArgs('conv2d', ctx)}${ctx.params.bias === false ? ', bias=False' : ''})`,
    expression: call(ctx),
  }),
  maxpool2d: (ctx) => ({ module: `nn.MaxPool2d(${windowArgs('maxpool2d', ctx)})`, expression: call(ctx) }),
  avgpool2d: (ctx) => ({ module: `nn.AvgPool2d(${windowArgs('avgpool2d', ctx)}, count_include_pad=True)`, expression: call(ctx) }),
  globalavgpool2d: simple('GlobalAvgPool()'),
  flatten: simple('nn.Flatten()'),
  dropout: (ctx) => ({ module: `nn.Dropout(p=${py(ctx.params.p as number)})`, expression: call(ctx) }),
  batchnorm1d: batchNorm('BatchNorm1d'),
  batchnorm2d: batchNorm('BatchNorm2d'),
  relu: simple('nn.ReLU()'),
  leakyrelu: (ctx) => ({ module: `nn.LeakyReLU(negative_slope=${py(ctx.params.negativeSlope as number)})`, expression: call(ctx) }),
  sigmoid: simple('nn.Sigmoid()'),
  tanh: simple('nn.Tanh()'),
  softmax: simple('nn.Softmax(dim=1)'),
  gelu: (ctx) => ({ module: `nn.GELU(approximate=${py(ctx.params.approximate as string)})`, expression: call(ctx) }),
  identity: simple('nn.Identity()'),
  add: (ctx) => ({ module: null, expression: `${ctx.inputs[0]} + ${ctx.inputs[1]}` }),
  concat: (ctx) => ({ module: null, expression: `torch.cat([${ctx.inputs[0]}, ${ctx.inputs[1]}], dim=1)` }),
};

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
    const code = LAYERS[node.op as Exclude<OpKind, 'input'>](ctx);
    if (code.module) initLines.push(plain ? `self.${id} = ${code.module}` : `self.add_module(${py(id)}, ${code.module})`);
    const local = locals.claim(id);
    variable.set(id, local);
    forwardLines.push(`${local} = ${code.expression}${shapeComment(info.outputShape!)}`);
    if (node.op === 'dense' || node.op === 'conv2d') {
      const next = consumers.get(id)!;
      init[id] = chooseInit(ctx.params.init, next.length === 1 ? nodes.get(next[0])!.op : null);
    }
  }
  forwardLines.push(`return ${variable.get(analysis.outputId!)}`);

  const classCode = [
    'class Net(nn.Module):',
    `    """${(model.analysis.order.length - 1)} layers; submodules are named like the Netwright layers, so state_dict keys match the exported weights."""`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...initLines.map((l) => `        ${l}`),
    '',
    `    def forward(self, x):${shapeComment(analysis.nodes[inputId].outputShape!)}`,
    ...forwardLines.map((l) => `        ${l}`),
  ].join('\n');
  const regularized = model.expected.filter((t) => t.regularized).map((t) => t.name);
  return { classCode, init, regularized };
}

/** "  # [N, 16, 14, 14]" */
function shapeComment(shape: Shape): string {
  return `  # [N, ${shape.join(', ')}]`;
}

