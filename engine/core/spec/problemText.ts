// The English wording of analyze()'s problem reasons, for errors the engine and exporters throw and for the CLI.
// The editor words the same reasons from its own message tables (English from this table, Chinese beside it).

import type { Problem, SpecWarning, WarningCode } from './types';
import type { ProblemArgs, ProblemReason } from './problemReasons';

/** One sentence per reason, naming what to change; `{name}` is filled from the problem's args. */
export const PROBLEM_ENGLISH: Readonly<Record<ProblemReason, string>> = {
  'not-an-object': 'A model must be an object with version, nodes and edges, got {value}.',
  'no-node-list': 'The model has no list of nodes ("nodes": [...]).',
  'no-edge-list': 'The model has no list of connections ("edges": [...]).',
  'node-not-object':
    'Node #{position} is not a layer with a text id: every node needs "id", "op" and optional "params".',
  'edge-not-object': 'Connection #{position} is not an object with "from" and "to".',
  'bad-version':
    'The model has version {version}, but this Netwright reads version {expected}: save it again from the editor or set "version": {expected}.',
  'duplicate-id': "Two layers have the id '{id}' ({first} and {second}): give each layer its own id.",
  'bad-id': "{node} has an id that is empty or uses characters other than letters, digits, '_' and '-': rename it.",
  'edge-from-missing':
    '{node} has a connection from {from}, which is not a layer in this model: delete that connection.',
  'edge-to-missing': '{node} has a connection to {to}, which is not a layer in this model: delete that connection.',
  'edge-both-missing':
    'Connection #{position} goes from {from} to {to}, and neither is a layer in this model: delete it.',
  'no-input': 'The model has no Input layer: add one from the palette and connect it to the first layer.',
  'second-input':
    "{node} is a second Input layer, but a model has exactly one ('{input}'): delete it or connect its layers to '{input}'.",
  'input-takes-none':
    '{node} is where data enters the model, so it takes no incoming connections: remove the connection(s) from {sources}.',
  'no-input-connection': '{node} has no input: connect a layer into it.',
  'needs-two-inputs': '{node} needs two inputs but has {count}: connect a layer into each of its two inputs.',
  'too-many-connections':
    '{node} has {count} incoming connections (from {sources}) but takes one: merge them with an Add or Concat layer first.',
  'merge-too-many':
    '{node} takes two inputs but has {count} (from {sources}): remove the extra connections, or merge in several steps.',
  'port-single': '{node} has one input slot, but its connection names toPort {port}: remove toPort or set it to 0.',
  'port-partial': '{node} names toPort on only one of its two connections: set toPort 0 and 1 on both, or on neither.',
  'port-pair': '{node} needs its two connections on toPort 0 and 1, but they use {ports}.',
  cycle:
    '{node} is part of a loop ({loop}): data must flow one way from the input to the output, so remove one of these connections.',
  unreachable:
    "{node} is not connected to the input '{input}' (it is fed by {feeders}): connect its branch to the network or delete it.",
  'no-output': "Nothing is connected after the input '{input}': connect the first layer to it.",
  'second-output':
    "{node} has no outgoing connection, so the model would have a second output besides '{output}': connect it onward or delete it.",
  'unknown-op':
    "Node '{nodeId}' has the layer type {op}, which Netwright does not know: replace it with a layer from the palette.",
  'params-not-object': '{node}: its params must be an object of named settings, got {value}.',
  'unknown-param': "{node}: '{param}' is not a setting of {layer} (its settings: {known}); remove it.",
  'param-not-int': "{node}: '{param}' must be a whole number{range}, got {value}.",
  'param-not-number': "{node}: '{param}' must be a number{range}, got {value}.",
  'param-not-bool': "{node}: '{param}' must be true or false, got {value}.",
  'trainable-not-bool': "{node}: 'trainable' must be true or false (false freezes the layer), got {value}.",
  'param-not-choice': "{node}: '{param}' must be one of {choices}, got {value}.",
  'param-not-ints': "{node}: '{param}' must be a list of {lengths} whole numbers{range}, got {value}.",
  'param-not-int-or-pair': "{node}: '{param}' must be a whole number or [height, width]{range}, got {value}.",
  'param-not-padding':
    "{node}: '{param}' must be a whole number or [height, width]{range}, 'same' or 'valid', got {value}.",
  'same-padding-stride':
    "{node}: 'same' padding keeps the image size only with stride 1, but the stride is {stride}; set stride 1 or give the padding as a number.",
  'same-padding-even-kernel':
    "{node}: 'same' padding needs an odd kernel size (it pads (k-1)/2 on each side), but the kernel is {kernel}; use an odd kernel or give the padding as a number.",
  'pool-padding-too-large':
    '{node}: padding {padding} is more than half the {window} window (at most {most}); reduce the padding or enlarge the window.',
  'groups-filters':
    '{node}: {groups} groups need a number of filters that {groups} divides, but it has {filters}; change the filters or the groups.',
  'dilation-stride':
    '{node}: a dilated convolution (dilation {dilation}) needs stride 1, but the stride is {stride}; set the stride to 1 (downsample with a pooling layer or another convolution) or the dilation to 1.',
  'needs-image':
    '{node} needs a [channels, height, width] image but gets {shape}: set the input shape to [channels, height, width], or use Dense layers for feature vectors.',
  'needs-vector': '{node} needs a feature vector but gets {shape}: add a Flatten (or Global Avg Pool) before it.',
  'softmax-needs-vector':
    '{node} needs a feature vector but gets {shape}: it works over the features of a vector, so add a Flatten (or Global Avg Pool) before it.',
  'batchnorm1d-needs-vector': '{node} needs a feature vector but gets {shape}: use BatchNorm2D for images.',
  'batchnorm2d-needs-image':
    '{node} needs a [channels, height, width] image but gets {shape}: use BatchNorm1D for feature vectors.',
  'layernorm-needs-vector':
    '{node} needs a feature vector but gets {shape}: LayerNorm here takes a feature vector, so put it after a Flatten or a Dense.',
  'groupnorm-needs-image':
    '{node} needs a [channels, height, width] image but gets {shape}: GroupNorm normalizes groups of channels; use LayerNorm for feature vectors.',
  'groupnorm-groups':
    '{node} splits the {channels} channels of {shape} into {groups} groups, but {groups} does not divide {channels}: use a number of groups that does (1 normalizes all channels together, {channels} each on its own).',
  'groups-channels':
    '{node} splits its input {shape} into {groups} groups, but {groups} does not divide its {channels} channels: use a number of groups that does (1 for an ordinary convolution, {channels} for a depthwise one).',
  'window-too-large':
    '{node} has a {window} window but its input {shape} is only {size}: use a smaller window, more padding, or less downsampling before it.',
  'window-too-large-padded':
    '{node} has a {window} window but its input {shape} is only {size} ({padded} with padding): use a smaller window, more padding, or less downsampling before it.',
  'add-shapes-differ': "{node} adds {a} from '{aFrom}' to {b} from '{bFrom}': both inputs must have the same shape.",
  'concat-shapes-differ':
    "{node} joins {a} from '{aFrom}' and {b} from '{bFrom}': join two images of the same height and width (channels may differ) or two feature vectors.",
  'onnx-unsupported-op':
    '{node} is the ONNX operator {op} (opset {opset}), which Netwright has no layer for: replace it with a layer from the palette.',
  'onnx-unsupported-attribute':
    '{node}: the ONNX {op} has {attribute} = {value}, but Netwright supports {supported}: replace it with a layer from the palette.',
  'onnx-needs-constant':
    '{node}: input {input} of the ONNX {op} is computed while the model runs, but Netwright needs it to be a stored weight: replace the node.',
  'onnx-unexpected-constant':
    '{node}: input {input} of the ONNX {op} is a stored constant, but Netwright layers take data there: replace the node.',
  'onnx-constant-size':
    '{node}: input {input} of the ONNX {op} is a stored weight of shape {shape}, but Netwright needs {expected} values there: replace the node.',
  'onnx-unsupported-rank':
    '{node}: the ONNX {op} gets a tensor of shape {shape}, which the matching Netwright layer does not take: replace the node.',
  'onnx-unknown-shape':
    '{node}: the ONNX {op} gets its input from a node Netwright cannot run, so its shape is unknown: replace that node first.',
  'onnx-too-many-inputs':
    '{node}: the ONNX {op} joins {count} inputs, but Netwright layers join two: join them in steps of two.',
};

/** Fills `{name}` in a message from the args (an unknown name stays as written). */
export function fillMessage(text: string, args: ProblemArgs): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** A problem in English: "Dense 'fc1' needs a feature vector but gets [16, 5, 5]: ...". */
export function problemText(problem: Problem): string {
  return fillMessage(PROBLEM_ENGLISH[problem.reason], problem.args);
}

/** One sentence per warning code (advice.ts): the model trains, but probably not as intended. */
export const WARNING_ENGLISH: Readonly<Record<WarningCode, string>> = {
  'softmax-before-loss':
    '{node} is the last layer, but the cross-entropy loss already applies softmax to the scores: remove it so the loss sees raw scores (logits); predictions still come out as probabilities.',
  'sigmoid-before-loss':
    '{node} is the last layer, but the binary cross-entropy loss already applies sigmoid: remove it so the loss sees raw scores (logits).',
  'dropout-at-output':
    '{node} is the last layer, so during training it zeroes predictions at random: move it before the last Dense layer.',
  'scores-bounded':
    "{node} is the last layer, so every score lies between {low} and {high}: two classes' scores can differ by at most that range's width, which caps how sure a prediction can be and how low the loss can go. Remove it so the loss sees raw scores (logits), which can be any number.",
  'scores-floored':
    '{node} is the last layer, so no score can go below {low}, and near {low} its slope is small or zero: a score pushed down there stops moving, even for samples that need it higher again. Remove it so the loss sees raw scores (logits), which can be any number.',
  'predictions-bounded':
    '{node} is the last layer, so every prediction lies between {low} and {high}: a target outside that range cannot be reached (a label standardized at import is centered on 0). Remove it, unless every target the model learns is in that range.',
  'predictions-floored':
    '{node} is the last layer, so no prediction can go below {low}: smaller targets cannot be reached (a label standardized at import is centered on 0, about half of it below). Remove it, unless every target the model learns is above {low}.',
  'flatten-no-op': '{node} gets a feature vector, which is already flat: it changes nothing and can be removed.',
};

/** A warning in English. */
export function warningText(warning: SpecWarning): string {
  return fillMessage(WARNING_ENGLISH[warning.code], warning.args);
}
