// Pattern passes run before conversion, each rewriting the graph in place: Constant nodes become constants,
// Dropout and Identity disappear, GELU (Erf or tanh form) becomes one Gelu node, x * Sigmoid(x) a SiLU,
// x * HardSigmoid(x) a HardSwish and x * Tanh(Softplus(x)) a Mish, nn.LayerNorm's ReduceMean ... Add before opset 17 a
// LayerNormalization, nn.GroupNorm's Reshape, InstanceNormalization, Reshape, Mul, Add a GroupNorm, MatMul + Add a
// Gemm, a zero Pad before
// AveragePool becomes the pool's own padding (PyTorch writes AvgPool2d's padding that way), and a Concat of more
// than two tensors a chain of Concats of two.

import {
  attributeFloat,
  attributeInt,
  attributeInts,
  attributeString,
  scalarOf,
  type OnnxGraph,
  type OnnxNode,
} from './graph';
import { DATA_TYPE, type OnnxAttributeValue, type OnnxTensor } from './proto';
import type { RewriteCode } from './rewrites';

/** The domain of nodes the passes create: fused patterns, not ONNX operators. */
export const FUSED_DOMAIN = 'netwright';

export function runPasses(g: OnnxGraph, outputs: string[]): void {
  foldConstantNodes(g);
  foldConstantUnsqueeze(g);
  dropPassThrough(g, outputs);
  dropOutputLogSoftmax(g, outputs);
  fuseGelu(g, outputs);
  fuseGatedActivations(g, outputs);
  fuseLayerNorm(g, outputs);
  fuseGroupNorm(g, outputs);
  fuseMatMulAdd(g, outputs);
  foldPadIntoAveragePool(g, outputs);
  splitConcat(g);
}

/**
 * A Concat of more than two tensors (DeepLab's ASPP joins its branches in one torch.cat) becomes a chain of
 * two-input Concats, left to right, the last writing the original output: concatenation is associative, so the
 * values are the same, and Netwright's concat joins two. Concats along axis 0 (the shape computations PyTorch
 * writes for a Reshape, which the Reshape converter evaluates) stay as they are.
 */
export function splitConcat(g: OnnxGraph): void {
  const taken = new Set([...g.constants.keys(), ...g.nodes.flatMap((n) => [...n.inputs, ...n.outputs])]);
  /** `base`_1, `base`_2 … the first that names no value yet. */
  const fresh = (base: string): string => {
    let n = 1;
    while (taken.has(`${base}_${n}`)) n++;
    taken.add(`${base}_${n}`);
    return `${base}_${n}`;
  };
  g.nodes = g.nodes.flatMap((node) => {
    if (!isOp(node, 'Concat') || node.inputs.length < 3 || attributeInt(node, 'axis', 1) === 0) return [node];
    g.count('concat-split');
    let joined = node.inputs[0];
    return node.inputs.slice(1).map((input, i, rest): OnnxNode => {
      const last = i === rest.length - 1;
      const inputs = [joined, input];
      joined = last ? node.outputs[0] : fresh(node.outputs[0]);
      return { ...node, name: last ? node.name : `${node.name}_${i + 1}`, inputs, outputs: [joined] };
    });
  });
}

/** Input standardization as the model's first step, taken out of the graph: what prediction must apply instead. */
export interface Standardization {
  /** 'feature': one statistic per element of a sample; 'channel': one per image channel. */
  axis: 'feature' | 'channel';
  mean: number[];
  /** The divisors, as the graph divides (Netwright's export writes 1 for a deviation of 0). */
  std: number[];
}

/**
 * (input - mean) / std right at the graph input, with constant statistics per feature ([F] or [C, H, W]) or per
 * channel ([C, 1, 1]), as Netwright's export folds a dataset's standardization in: removed from the graph and
 * returned, so the imported run standardizes its inputs as the trained one did.
 */
export function extractStandardization(
  g: OnnxGraph,
  input: string,
  sample: readonly number[],
  outputs: string[],
): Standardization | null {
  const sub = g.soleConsumer(input, outputs);
  if (!isOp(sub, 'Sub') || sub.inputs[0] !== input) return null;
  const div = g.soleConsumer(sub.outputs[0], outputs);
  if (!isOp(div, 'Div') || div.inputs[0] !== sub.outputs[0]) return null;
  const mean = g.constantInput(sub, 1);
  const std = g.constantInput(div, 1);
  if (!mean?.floats || !std?.floats || mean.floats.length !== std.floats.length) return null;
  // Leading 1s broadcast over the batch: [1, F] is [F].
  const dims = mean.dims.slice(Math.max(0, mean.dims.length - sample.length));
  if (mean.dims.slice(0, mean.dims.length - dims.length).some((d) => d !== 1)) return null;
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  const axis = same(dims, sample) ? 'feature' : sample.length === 3 && same(dims, [sample[0], 1, 1]) ? 'channel' : null;
  if (!axis || Array.from(std.floats).some((s) => !(s > 0))) return null;
  g.replaceUses(div.outputs[0], input, outputs);
  g.remove([sub, div]);
  g.count('input-standardization');
  return { axis, mean: Array.from(mean.floats), std: Array.from(std.floats) };
}

/**
 * output * std + mean as the graph's last step, with constant statistics of one value per output element ([T], or
 * [1, T]), where the file's metadata says it is Netwright's own (metadata_props "target_normalization": a regression
 * trained on standardized targets, exported in the label's units): removed from the graph and returned, so the
 * imported run learns standardized targets and predicts in the label's units as the exported one did. Other files
 * keep such a step as it is.
 */
export function extractOutputScaling(
  g: OnnxGraph,
  outputs: string[],
  metadata: ReadonlyMap<string, string>,
): { mean: number[]; std: number[] } | null {
  if (!metadata.has('target_normalization')) return null;
  const add = g.producer(outputs[0]);
  if (!isOp(add, 'Add')) return null;
  const mul = g.producer(add.inputs[0]);
  if (!isOp(mul, 'Mul') || g.soleConsumer(mul.outputs[0], outputs) !== add) return null;
  const std = g.constantInput(mul, 1);
  const mean = g.constantInput(add, 1);
  if (!mean?.floats || !std?.floats || mean.floats.length !== std.floats.length) return null;
  const perElement = (dims: readonly number[]) => dims.slice(0, -1).every((d) => d === 1);
  if (!perElement(mean.dims) || !perElement(std.dims) || Array.from(std.floats).some((s) => !(s > 0))) return null;
  outputs[0] = mul.inputs[0];
  g.remove([mul, add]);
  g.count('output-scaling');
  return { mean: Array.from(mean.floats), std: Array.from(std.floats) };
}

/**
 * A LogSoftmax over the features as the graph's last step (a PyTorch classifier trained with NLLLoss) is dropped:
 * Netwright's outputs are scores (logits) that its loss and its predictions put through softmax, and
 * log_softmax(z) = z - logsumexp(z) only shifts each sample's scores, so softmax gives the same probabilities and
 * cross-entropy the same loss. Kept as an ONNX node it would stop the import.
 */
export function dropOutputLogSoftmax(g: OnnxGraph, outputs: string[]): void {
  const node = g.producer(outputs[0]);
  if (!isOp(node, 'LogSoftmax') || g.consumers(outputs[0]).length > 0) return;
  const axis = attributeInt(node, 'axis', g.opset >= 13 ? -1 : 1);
  if (axis !== 1 && axis !== -1) return;
  outputs[0] = node.inputs[0];
  g.remove([node]);
  g.count('log-softmax-dropped');
}

/**
 * Unsqueeze of a stored weight becomes that weight with the new axes of size 1: PyTorch without constant folding writes
 * nn.PReLU(C)'s slopes as Unsqueeze(weight, [1, 2]) -> [C, 1, 1], which would otherwise leave the PRelu with a slope
 * computed while the model runs. Axes are an attribute before opset 13, a constant input from 13.
 */
export function foldConstantUnsqueeze(g: OnnxGraph): void {
  const folded: OnnxNode[] = [];
  for (const node of g.nodes) {
    if (!isOp(node, 'Unsqueeze')) continue;
    const tensor = g.constants.get(node.inputs[0]);
    const axes = g.opset >= 13 ? (g.constantInput(node, 1)?.ints ?? null) : attributeInts(node, 'axes');
    if (!tensor || !axes) continue;
    const rank = tensor.dims.length + axes.length;
    const at = new Set(axes.map((a) => (a < 0 ? a + rank : a)));
    if (at.size !== axes.length || [...at].some((a) => a < 0 || a >= rank)) continue;
    const rest = [...tensor.dims];
    const dims = Array.from({ length: rank }, (_, i) => (at.has(i) ? 1 : rest.shift()!));
    g.constants.set(node.outputs[0], { ...tensor, name: node.outputs[0], dims });
    folded.push(node);
  }
  g.remove(folded);
  if (folded.length > 0) g.count('constant-folded', folded.length);
}

/** Constant nodes (value, value_float(s), value_int(s)) become constants. */
export function foldConstantNodes(g: OnnxGraph): void {
  const folded: OnnxNode[] = [];
  for (const node of g.nodes) {
    if (node.opType !== 'Constant' || node.domain !== '') continue;
    const tensor = constantValue(node);
    if (!tensor) continue;
    g.constants.set(node.outputs[0], { ...tensor, name: node.outputs[0] });
    folded.push(node);
  }
  g.remove(folded);
}

function constantValue(node: OnnxNode): OnnxTensor | null {
  const [[name, a] = []] = [...node.attributes];
  if (!a) return null;
  const of = (dims: number[], floats: Float32Array | null, ints: number[] | null): OnnxTensor => ({
    name: node.outputs[0],
    dims,
    dataType: floats ? DATA_TYPE.float : DATA_TYPE.int64,
    floats,
    ints,
  });
  if (name === 'value' && a.type === 'tensor') return a.value;
  if (name === 'value_float' && a.type === 'float') return of([], Float32Array.of(a.value), null);
  if (name === 'value_floats' && a.type === 'floats') return of([a.value.length], Float32Array.from(a.value), null);
  if (name === 'value_int' && a.type === 'int') return of([], null, [a.value]);
  if (name === 'value_ints' && a.type === 'ints') return of([a.value.length], null, [...a.value]);
  return null;
}

/** Dropout (inference: its output is its input) and Identity are removed, their consumers reading the input. */
export function dropPassThrough(g: OnnxGraph, outputs: string[]): void {
  const dropped: OnnxNode[] = [];
  for (const node of g.nodes) {
    if (node.domain !== '' || (node.opType !== 'Dropout' && node.opType !== 'Identity')) continue;
    // Dropout's optional mask output must be unused; training_mode (opset 12+) must not be a constant true.
    if (node.outputs.slice(1).some((o) => o && (g.consumers(o).length > 0 || outputs.includes(o)))) continue;
    if (node.opType === 'Dropout' && scalarOf(g.constantInput(node, 2))) continue;
    g.replaceUses(node.outputs[0], node.inputs[0], outputs);
    dropped.push(node);
    g.count(node.opType === 'Dropout' ? 'dropout-removed' : 'identity-removed');
  }
  g.remove(dropped);
}

const near = (value: number | null, target: number, tolerance = 1e-4): boolean =>
  value !== null && Math.abs(value - target) <= tolerance * Math.abs(target);

/** The other input of a binary node when one input is `value`, or null. */
function otherInput(node: OnnxNode, value: string): string | null {
  if (node.inputs.length !== 2) return null;
  if (node.inputs[0] === value) return node.inputs[1];
  if (node.inputs[1] === value) return node.inputs[0];
  return null;
}

function isOp(node: OnnxNode | null | undefined, opType: string): node is OnnxNode {
  return !!node && node.domain === '' && node.opType === opType;
}

/**
 * 0.5 x (1 + erf(x / sqrt 2)) as PyTorch and Netwright write it: Div(x, sqrt 2) or Mul(x, 1/sqrt 2), Erf,
 * Add 1, then Mul by x and by 0.5 in either order. Becomes one Gelu node (approximate 'none').
 */
export function fuseGelu(g: OnnxGraph, outputs: string[]): void {
  for (const erf of g.nodes.filter((n) => isOp(n, 'Erf'))) {
    const scale = g.producer(erf.inputs[0]);
    if (!scale || g.soleConsumer(scale.outputs[0], outputs) !== erf) continue;
    let x: string | null = null;
    if (isOp(scale, 'Div') && near(scalarOf(g.constantInput(scale, 1)), Math.SQRT2)) x = scale.inputs[0];
    if (isOp(scale, 'Mul')) x = scaledBy(g, scale, Math.SQRT1_2);
    if (x !== null) fuseGeluTail(g, x, erf, [scale], 'none', outputs);
  }
  for (const tanh of g.nodes.filter((n) => isOp(n, 'Tanh'))) {
    const matched = tanhGeluInput(g, tanh, outputs);
    if (matched) fuseGeluTail(g, matched.x, tanh, matched.nodes, 'tanh', outputs);
  }
}

/** The other input of Mul(a, c) or Mul(c, a) when c is the constant `factor`, or null. */
function scaledBy(g: OnnxGraph, mul: OnnxNode, factor: number): string | null {
  for (const i of [0, 1]) if (near(scalarOf(g.constantInput(mul, 1 - i)), factor)) return mul.inputs[i];
  return null;
}

/** The node producing `value` when this chain is its only reader, else null. */
function soleProducer(g: OnnxGraph, value: string, reader: OnnxNode, outputs: string[]): OnnxNode | null {
  const node = g.producer(value);
  return node && g.soleConsumer(value, outputs) === reader ? node : null;
}

/**
 * The input of tanh(sqrt(2/pi) (x + 0.044715 x^3)) as PyTorch (x * (x * x)) and Netwright ((x * x) * x) write it,
 * or with Pow(x, 3); the constants in either operand order. Returns x and the nodes before the Tanh.
 */
function tanhGeluInput(g: OnnxGraph, tanh: OnnxNode, outputs: string[]): { x: string; nodes: OnnxNode[] } | null {
  const beta = soleProducer(g, tanh.inputs[0], tanh, outputs);
  const sum = isOp(beta, 'Mul') ? scaledBy(g, beta, Math.sqrt(2 / Math.PI)) : null;
  const add = sum !== null ? soleProducer(g, sum, beta!, outputs) : null;
  if (!isOp(add, 'Add')) return null;
  for (const i of [0, 1]) {
    const x = add.inputs[i];
    const kappa = soleProducer(g, add.inputs[1 - i], add, outputs);
    const cubed = isOp(kappa, 'Mul') ? scaledBy(g, kappa, 0.044715) : null;
    const cube = cubed !== null ? soleProducer(g, cubed, kappa!, outputs) : null;
    const cubeNodes = cube ? cubeOf(g, cube, x, outputs) : null;
    if (cubeNodes) return { x, nodes: [beta!, add, kappa!, ...cubeNodes] };
  }
  return null;
}

/** The nodes computing x^3 ending in `cube`: Pow(x, 3), or Mul of x and Mul(x, x) in either order; else null. */
function cubeOf(g: OnnxGraph, cube: OnnxNode, x: string, outputs: string[]): OnnxNode[] | null {
  if (isOp(cube, 'Pow')) return cube.inputs[0] === x && near(scalarOf(g.constantInput(cube, 1)), 3) ? [cube] : null;
  if (!isOp(cube, 'Mul')) return null;
  const square = otherInput(cube, x);
  const squareNode = square !== null ? soleProducer(g, square, cube, outputs) : null;
  return isOp(squareNode, 'Mul') && squareNode.inputs.every((i) => i === x) ? [cube, squareNode] : null;
}

/**
 * From `inner` (Erf or Tanh of a function of x): Add 1, then Mul by x and by 0.5 in either order. The whole
 * pattern (`before` and the tail) becomes one Gelu node in the last Mul's place.
 */
function fuseGeluTail(
  g: OnnxGraph,
  x: string,
  inner: OnnxNode,
  before: OnnxNode[],
  approximate: 'none' | 'tanh',
  outputs: string[],
): void {
  const add = g.soleConsumer(inner.outputs[0], outputs);
  const one = add && isOp(add, 'Add') ? otherInput(add, inner.outputs[0]) : null;
  if (!add || one === null || !near(scalarOf(g.constants.get(one) ?? null), 1)) return;
  const matched = matchHalfX(g, x, add.outputs[0], outputs);
  if (!matched) return;
  const [half, last] = matched;
  const gelu: OnnxNode = {
    name: last.name,
    opType: 'Gelu',
    domain: FUSED_DOMAIN,
    inputs: [x],
    outputs: [last.outputs[0]],
    attributes: new Map([['approximate', { type: 'string', value: approximate }]]),
  };
  g.nodes[g.nodes.indexOf(last)] = gelu;
  g.remove([...before, inner, add, half]);
  g.count(approximate === 'none' ? 'gelu-erf-fused' : 'gelu-tanh-fused');
}

/** Finds x * onePlus * 0.5 in either association; returns [the first Mul, the last Mul]. */
function matchHalfX(g: OnnxGraph, x: string, onePlus: string, outputs: string[]): [OnnxNode, OnnxNode] | null {
  const isHalf = (name: string | null) => name !== null && near(scalarOf(g.constants.get(name) ?? null), 0.5);
  const first = g.soleConsumer(onePlus, outputs);
  if (!isOp(first, 'Mul')) return null;
  const partner = otherInput(first, onePlus);
  if (partner === x) {
    // (x * onePlus) * 0.5
    const last = g.soleConsumer(first.outputs[0], outputs);
    return isOp(last, 'Mul') && isHalf(otherInput(last, first.outputs[0])) ? [first, last] : null;
  }
  // (x * 0.5) * onePlus
  const halfX = partner ? g.producer(partner) : undefined;
  if (isOp(halfX, 'Mul') && otherInput(halfX, x) !== null && isHalf(otherInput(halfX, x)))
    return g.soleConsumer(halfX.outputs[0], outputs) === first ? [halfX, first] : null;
  return null;
}

/**
 * x times a gate of x: Mul(x, Sigmoid(x)) (either operand order) is SiLU, as PyTorch writes nn.SiLU at every opset
 * and Netwright's export writes it; Mul(x, HardSigmoid(x)) with alpha 1/6 and beta 1/2 is Hardswish, as PyTorch
 * writes nn.Hardswish before opset 14; Mul(x, Tanh(Softplus(x))) is Mish, as PyTorch writes nn.Mish before opset 18
 * and Netwright's export writes it. Each becomes one node in the Mul's place, when the gate's nodes have no other
 * reader (a Sigmoid that also feeds something else is a sigmoid of its own).
 */
export function fuseGatedActivations(g: OnnxGraph, outputs: string[]): void {
  for (const last of g.nodes.filter((n) => isOp(n, 'Sigmoid') || isOp(n, 'HardSigmoid') || isOp(n, 'Tanh'))) {
    const gate = gateOf(g, last, outputs);
    const mul = g.soleConsumer(last.outputs[0], outputs);
    if (!gate || !isOp(mul, 'Mul') || otherInput(mul, last.outputs[0]) !== gate.x) continue;
    g.nodes[g.nodes.indexOf(mul)] = {
      name: mul.name,
      opType: gate.opType,
      domain: FUSED_DOMAIN,
      inputs: [gate.x],
      outputs: [mul.outputs[0]],
      attributes: new Map(),
    };
    g.remove(gate.nodes);
    g.count(gate.rewrite);
  }
}

/** The gate ending in `last`: its input x, its nodes, and what x times it is; null when it is no such gate. */
function gateOf(
  g: OnnxGraph,
  last: OnnxNode,
  outputs: string[],
): { x: string; nodes: OnnxNode[]; opType: string; rewrite: RewriteCode } | null {
  if (last.opType === 'Sigmoid') return { x: last.inputs[0], nodes: [last], opType: 'SiLU', rewrite: 'silu-fused' };
  if (last.opType === 'HardSigmoid') {
    const pytorch = near(attributeFloat(last, 'alpha', 0.2), 1 / 6) && near(attributeFloat(last, 'beta', 0.5), 0.5);
    return pytorch ? { x: last.inputs[0], nodes: [last], opType: 'HardSwish', rewrite: 'hardswish-fused' } : null;
  }
  const softplus = soleProducer(g, last.inputs[0], last, outputs);
  if (!isOp(softplus, 'Softplus')) return null;
  return { x: softplus.inputs[0], nodes: [softplus, last], opType: 'Mish', rewrite: 'mish-fused' };
}

/**
 * nn.LayerNorm over the last axis as PyTorch writes it before opset 17: mean = ReduceMean(x, axes [-1]),
 * d = Sub(x, mean), var = ReduceMean(Pow(d, 2), axes [-1]), Div(d, Sqrt(Add(var, eps))), then Mul by a constant
 * weight and Add of a constant bias (either operand order; with constant folding on or off the same nodes), each
 * only when the layer has it (elementwise_affine=False: neither; bias=False: no Add). Becomes one LayerNormalization
 * node (axis -1, epsilon eps, Scale and B those constants, Scale 1 without a weight) in the last node's place, when
 * no value inside the pattern has another reader (d has exactly the Pow and the Div).
 */
export function fuseLayerNorm(g: OnnxGraph, outputs: string[]): void {
  const lastAxis = (node: OnnxNode): boolean => {
    const axes = g.opset >= 18 ? (g.constantInput(node, 1)?.ints ?? null) : attributeInts(node, 'axes');
    return axes?.length === 1 && axes[0] === -1 && attributeInt(node, 'keepdims', 1) === 1;
  };
  for (const mean of g.nodes.filter((n) => isOp(n, 'ReduceMean') && lastAxis(n))) {
    const x = mean.inputs[0];
    const sub = g.soleConsumer(mean.outputs[0], outputs);
    if (!isOp(sub, 'Sub') || sub.inputs[0] !== x || sub.inputs[1] !== mean.outputs[0]) continue;
    const d = sub.outputs[0];
    const readers = outputs.includes(d) ? [] : g.consumers(d);
    const pow = readers.find((n) => isOp(n, 'Pow'));
    const div = readers.find((n) => isOp(n, 'Div'));
    if (readers.length !== 2 || !pow || !div || pow.inputs[0] !== d || div.inputs[0] !== d) continue;
    if (!near(scalarOf(g.constantInput(pow, 1)), 2)) continue;
    const variance = g.soleConsumer(pow.outputs[0], outputs);
    if (!isOp(variance, 'ReduceMean') || !lastAxis(variance)) continue;
    const addEps = g.soleConsumer(variance.outputs[0], outputs);
    const epsName = isOp(addEps, 'Add') ? otherInput(addEps, variance.outputs[0]) : null;
    const eps = epsName !== null ? scalarOf(g.constants.get(epsName) ?? null) : null;
    const sqrt = addEps ? g.soleConsumer(addEps.outputs[0], outputs) : null;
    if (eps === null || !(eps > 0) || !isOp(sqrt, 'Sqrt') || div.inputs[1] !== sqrt.outputs[0]) continue;
    if (g.soleConsumer(sqrt.outputs[0], outputs) !== div) continue;
    const affine = affineTail(g, div, outputs);
    if (!affine) continue;
    fuseNormalization(g, x, affine, 'LayerNormalization', [
      ['axis', { type: 'int', value: -1 }],
      ['epsilon', { type: 'float', value: eps }],
    ]);
    g.remove([mean, sub, pow, variance, addEps!, sqrt]);
    g.count('layernorm-fused');
  }
}

/** A normalization's affine part as affineTail finds it. */
interface AffineTail {
  weight: string;
  /** Null without the Add: the converters take no bias as zeros. */
  bias: string | null;
  /** The node writing the normalized x, then the Mul and the Add taken in. */
  nodes: OnnxNode[];
}

/**
 * The affine part after `norm`, the node writing the normalized x, each step there only when the layer has it: Mul by
 * a constant weight, then Add of a constant bias (either operand order), each constant one `fits` takes. Without the
 * Mul the weight is a new constant 1. Null when the normalized x has a reader besides the Mul (or the next layer), or
 * is the graph's output besides: the Mul would not be taken in, and the layer would get a weight of ones and its own
 * weight in a Mul apart.
 */
function affineTail(
  g: OnnxGraph,
  norm: OnnxNode,
  outputs: string[],
  fits: (constant: string) => boolean = () => true,
): AffineTail | null {
  const normalized = norm.outputs[0];
  if (g.consumers(normalized).length + (outputs.includes(normalized) ? 1 : 0) !== 1) return null;
  const nodes = [norm];
  const constantAfter = (op: string): string | null => {
    const value = nodes[nodes.length - 1].outputs[0];
    const next = g.soleConsumer(value, outputs);
    const other = isOp(next, op) ? otherInput(next, value) : null;
    if (other === null || !g.constants.has(other) || !fits(other)) return null;
    nodes.push(next!);
    return other;
  };
  const weight = constantAfter('Mul') ?? unitScale(g, normalized);
  return { weight, bias: constantAfter('Add'), nodes };
}

/**
 * One node of the netwright domain, `opType` on x with the affine part's weight and bias, in the place of the affine
 * part's last node (writing its output); the affine part's other nodes are removed.
 */
function fuseNormalization(
  g: OnnxGraph,
  x: string,
  { weight, bias, nodes }: AffineTail,
  opType: string,
  attributes: [string, OnnxAttributeValue][],
): void {
  const last = nodes[nodes.length - 1];
  g.nodes[g.nodes.indexOf(last)] = {
    name: last.name,
    opType,
    domain: FUSED_DOMAIN,
    inputs: bias === null ? [x, weight] : [x, weight, bias],
    outputs: [last.outputs[0]],
    attributes: new Map(attributes),
  };
  g.remove(nodes.slice(0, -1));
}

/** A new constant 1 (the weight of a normalization without one), named after `near`. */
function unitScale(g: OnnxGraph, near: string): string {
  let name = `${near}_scale`;
  for (let n = 1; g.constants.has(name) || g.producer(name); n++) name = `${near}_scale_${n}`;
  g.constants.set(name, { name, dims: [1], dataType: DATA_TYPE.float, floats: Float32Array.of(1), ints: null });
  return name;
}

/**
 * nn.GroupNorm(G, C) over an image as PyTorch 1.13 (and Netwright) writes it: Reshape(x, [0, G, -1]) ->
 * InstanceNormalization (scale ones [G], bias zeros [G], epsilon) -> Reshape back to Shape(x) -> Mul by a constant
 * weight [C, 1, 1] -> Add of a constant bias [C, 1, 1] (either operand order; affine=False: a 1 and a 0 of shape
 * [1, 1, 1]), the Mul and the Add each only when the graph has it, as fuseLayerNorm takes them. Becomes one GroupNorm
 * node (domain netwright: num_groups G, epsilon, the weight and bias) in the last node's place, when no value inside
 * the pattern has another reader.
 */
export function fuseGroupNorm(g: OnnxGraph, outputs: string[]): void {
  // [C, 1, 1], or [1, 1, 1]: one value for every channel.
  const perChannel = (name: string): boolean => {
    const t = g.constants.get(name);
    return !!t?.floats && t.dims.length === 3 && t.dims[1] === 1 && t.dims[2] === 1;
  };
  const all = (t: OnnxTensor | null, value: number, length: number): boolean =>
    !!t?.floats && t.floats.length === length && t.floats.every((v) => v === value);
  for (const grouped of g.nodes.filter((n) => isOp(n, 'Reshape'))) {
    const target = g.constantInput(grouped, 1)?.ints;
    // allowzero 1 (opset 14+) would make the 0 a literal size, not "the batch as it is".
    if (target?.length !== 3 || target[0] !== 0 || target[2] !== -1 || !(target[1] >= 1)) continue;
    if (attributeInt(grouped, 'allowzero', 0) !== 0) continue;
    const groups = target[1];
    const x = grouped.inputs[0];
    const norm = g.soleConsumer(grouped.outputs[0], outputs);
    if (!isOp(norm, 'InstanceNormalization') || norm.inputs[0] !== grouped.outputs[0]) continue;
    if (!all(g.constantInput(norm, 1), 1, groups) || !all(g.constantInput(norm, 2), 0, groups)) continue;
    const back = g.soleConsumer(norm.outputs[0], outputs);
    if (!isOp(back, 'Reshape') || back.inputs[0] !== norm.outputs[0]) continue;
    const shape = g.producer(back.inputs[1]);
    if (!isOp(shape, 'Shape') || shape.inputs[0] !== x || shape.attributes.size > 0) continue;
    if (g.soleConsumer(shape.outputs[0], outputs) !== back) continue;
    const affine = affineTail(g, back, outputs, perChannel);
    if (!affine) continue;
    fuseNormalization(g, x, affine, 'GroupNorm', [
      ['num_groups', { type: 'int', value: groups }],
      ['epsilon', { type: 'float', value: attributeFloat(norm, 'epsilon', 1e-5) }],
    ]);
    g.remove([grouped, norm, shape]);
    g.count('groupnorm-fused');
  }
}

/** MatMul(x, W) with a constant 2-D W, followed by Add of a constant 1-D bias, becomes Gemm(x, W, b). */
export function fuseMatMulAdd(g: OnnxGraph, outputs: string[]): void {
  for (const matmul of g.nodes.filter((n) => isOp(n, 'MatMul'))) {
    const weight = g.constantInput(matmul, 1);
    if (!weight || weight.dims.length !== 2) continue;
    const add = g.soleConsumer(matmul.outputs[0], outputs);
    const biasName = isOp(add, 'Add') ? otherInput(add, matmul.outputs[0]) : null;
    const bias = biasName !== null ? (g.constants.get(biasName) ?? null) : null;
    if (!add || !bias || bias.floats?.length !== weight.dims[1] || bias.dims.length > 2) continue;
    const gemm: OnnxNode = {
      name: matmul.name,
      opType: 'Gemm',
      domain: '',
      inputs: [matmul.inputs[0], matmul.inputs[1], biasName!],
      outputs: [add.outputs[0]],
      attributes: new Map(),
    };
    g.nodes[g.nodes.indexOf(add)] = gemm;
    g.remove([matmul]);
    g.count('matmul-add-fused');
  }
}

/** Pad(x) with zeros on height and width only, read only by an AveragePool without pads: the pool pads instead. */
export function foldPadIntoAveragePool(g: OnnxGraph, outputs: string[]): void {
  for (const pad of g.nodes.filter((n) => isOp(n, 'Pad'))) {
    const pool = g.soleConsumer(pad.outputs[0], outputs);
    if (!isOp(pool, 'AveragePool') || pool.inputs[0] !== pad.outputs[0]) continue;
    if (attributeString(pad, 'mode', 'constant') !== 'constant') continue;
    const pads = g.opset >= 11 ? (g.constantInput(pad, 1)?.ints ?? null) : attributeInts(pad, 'pads');
    const value = g.opset >= 11 ? (scalarOf(g.constantInput(pad, 2)) ?? 0) : attributeFloat(pad, 'value', 0);
    if (!pads || pads.length !== 8 || value !== 0 || (pad.inputs[3] ?? '') !== '') continue;
    const [n0, c0, top, left, n1, c1, bottom, right] = pads;
    if (n0 || c0 || n1 || c1) continue;
    const poolPads = attributeInts(pool, 'pads') ?? [0, 0, 0, 0];
    if (poolPads.some((p) => p !== 0) || attributeString(pool, 'auto_pad', 'NOTSET') !== 'NOTSET') continue;
    pool.inputs[0] = pad.inputs[0];
    pool.attributes.set('pads', { type: 'ints', value: [top, left, bottom, right] });
    // The padded zeros were real input to the pool, so they count in each average.
    pool.attributes.set('count_include_pad', { type: 'int', value: 1 });
    g.remove([pad]);
    g.count('pad-folded');
  }
}
