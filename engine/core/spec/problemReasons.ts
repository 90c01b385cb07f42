// What exactly is wrong with a model, as codes with parameters: analyze() reports a reason and its arguments, and
// each user interface words them (the renderer's editor messages in English and Chinese, the CLI in English).

/** Why an imported ONNX node stays an 'onnx:<OpType>' node; the importer stores the reason in the node's params. */
export const ONNX_PROBLEM_REASONS = [
  'onnx-unsupported-op', // node, op, domain, opset
  'onnx-unsupported-attribute', // node, op, attribute, value, supported
  'onnx-needs-constant', // node, op, input (1-based): a weight computed at run time
  'onnx-unexpected-constant', // node, op, input (1-based): a constant where the data should flow
  'onnx-constant-size', // node, op, input (1-based), shape, expected: a stored weight of the wrong size
  'onnx-unsupported-rank', // node, op, shape
  'onnx-unknown-shape', // node, op: its input comes from a node Netwright cannot run
  'onnx-too-many-inputs', // node, op, count
] as const;

export type OnnxProblemReason = (typeof ONNX_PROBLEM_REASONS)[number];

/**
 * Every reason analyze() can give, with the arguments its wording may use. Shapes are written "[16, 5, 5]",
 * `node` is the layer as named in messages ("Dense 'fc1'"), ids are bare.
 */
export const PROBLEM_REASONS = [
  // the document
  'not-an-object', // value
  'no-node-list',
  'no-edge-list',
  'node-not-object', // position (1-based)
  'edge-not-object', // position
  'bad-version', // version, expected
  // ids and connections
  'duplicate-id', // id, first, second
  'bad-id', // node
  'edge-from-missing', // node, from
  'edge-to-missing', // node, to
  'edge-both-missing', // position, from, to
  'no-input',
  'second-input', // node, input
  'input-takes-none', // node, count, sources
  'no-input-connection', // node
  'needs-two-inputs', // node, count
  'too-many-connections', // node, count, sources
  'merge-too-many', // node, count, sources
  'port-single', // node, port
  'port-partial', // node
  'port-pair', // node, ports
  'cycle', // node, loop
  'unreachable', // node, input, feeders
  'no-output', // input
  'second-output', // node, output
  // layer kinds and settings
  'unknown-op', // nodeId, op
  'params-not-object', // node, value
  'unknown-param', // node, param, layer, known ('' when the layer has no settings)
  'param-not-int', // node, param, range, value   (range: '' or " (1 ≤ units)")
  'param-not-number', // node, param, range, value
  'param-not-bool', // node, param, value
  'trainable-not-bool', // node, value
  'param-not-choice', // node, param, choices, value
  'param-not-ints', // node, param, lengths, range, value
  'param-not-int-or-pair', // node, param, range, value
  'param-not-padding', // node, param, range, value
  'same-padding-stride', // node, stride
  'same-padding-even-kernel', // node, kernel
  'pool-padding-too-large', // node, padding, window, most
  'groups-filters', // node, filters, groups
  'dilation-stride', // node, dilation, stride
  // shapes
  'needs-image', // node, shape
  'needs-vector', // node, shape
  'softmax-needs-vector', // node, shape
  'batchnorm1d-needs-vector', // node, shape
  'batchnorm2d-needs-image', // node, shape
  'layernorm-needs-vector', // node, shape
  'groupnorm-needs-image', // node, shape
  'groupnorm-groups', // node, channels, groups, shape
  'window-too-large', // node, window, shape, size
  'window-too-large-padded', // node, window, shape, size, padded
  'groups-channels', // node, channels, groups, shape
  'add-shapes-differ', // node, a, b, aFrom, bFrom
  'concat-shapes-differ', // node, a, b, aFrom, bFrom
  // nodes of an imported ONNX model that Netwright cannot run (op 'onnx:<OpType>'); `op` is the ONNX operator
  ...ONNX_PROBLEM_REASONS,
] as const;

export type ProblemReason = (typeof PROBLEM_REASONS)[number];

/** A reason's arguments, filled into its message (`{node}`, `{shape}` ...). */
export type ProblemArgs = Readonly<Record<string, string | number>>;
