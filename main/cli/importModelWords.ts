// The words of `netwright import MODEL.onnx`: what the file became, the layer table, what the import's passes did
// (engine/core/import/onnx/rewrites.ts), the nodes to replace and the graph and run made, in English and Chinese.
import type { RewriteCode } from '../../engine/core/import/onnx/rewrites';
import type { Words } from './locale';

type ImportModelWord =
  | 'imported'
  | 'layerHeader'
  | 'shapeHeader'
  | 'paramsHeader'
  | 'fieldHeader'
  | 'frozen'
  | 'totalParams'
  | 'trainableParams'
  | 'frozenParams'
  | 'activations'
  | 'rewrite'
  | 'outputsLeftOut'
  | 'cannotRun'
  | 'graph'
  | 'run'
  | 'noRun'
  | `rewrite_${RewriteCode}`;

export const IMPORT_MODEL_WORDS: Words<ImportModelWord> = {
  en: {
    imported: 'Imported {file} ({producer}, opset {opset}): {nodes} ONNX nodes became {layers} layers.',
    layerHeader: 'Layer (id)',
    shapeHeader: 'Output shape',
    paramsHeader: 'Params',
    fieldHeader: 'Receptive field',
    frozen: ' [frozen]',
    totalParams: 'Total params: {params}',
    trainableParams: 'Trainable params: {params}',
    frozenParams: 'Frozen params: {params}',
    activations: 'Activations per sample: {values}',
    rewrite: '  {what}: {count}',
    outputsLeftOut: '  Outputs left out (the graph keeps the first): {outputs}',
    cannotRun: '{count} node(s) Netwright cannot run; replace them in the editor before training or exporting:',
    graph: "Graph '{name}' ({id}).",
    run: "Run '{name}' ({id}) holds the weights: netwright predict {id} FILE.csv, netwright export {id}.",
    noRun:
      'No run was made: the weights are kept only for a model that can run as it is. Replace the marked nodes, then train.',
    'rewrite_shape-folded': 'shape computation (Shape, Gather, Unsqueeze, Concat …) folded into Reshape',
    'rewrite_constant-folded': 'Unsqueeze of a stored weight folded into the weight',
    'rewrite_input-standardization': 'input standardization (Sub, Div) kept as the run’s normalization',
    'rewrite_output-scaling': 'output scaling (Mul, Add) kept as the run’s target standardization',
    'rewrite_dropout-removed': 'Dropout removed',
    'rewrite_identity-removed': 'Identity removed',
    'rewrite_gelu-erf-fused': 'GELU (Erf) fused',
    'rewrite_gelu-tanh-fused': 'GELU (tanh form) fused',
    'rewrite_silu-fused': 'SiLU (x times Sigmoid of x) fused',
    'rewrite_log-softmax-dropped':
      'LogSoftmax at the output dropped (the outputs are scores; their softmax gives the same probabilities)',
    'rewrite_hardswish-fused': 'Hardswish (x times HardSigmoid of x) fused',
    'rewrite_mish-fused': 'Mish (x times Tanh of Softplus of x) fused',
    'rewrite_layernorm-fused':
      'LayerNorm (ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div, then its Mul and Add where present) fused into LayerNormalization',
    'rewrite_groupnorm-fused':
      'GroupNorm (Reshape, InstanceNormalization, Reshape back, then its Mul and Add where present) fused into a GroupNorm layer',
    'rewrite_matmul-add-fused': 'MatMul + Add fused into a dense layer',
    'rewrite_pad-folded': 'Pad folded into AveragePool',
    'rewrite_concat-split': 'Concat of more than two tensors split into Concats of two',
  },
  zh: {
    imported: '已导入 {file}（{producer}，opset {opset}）：{nodes} 个 ONNX 节点变为 {layers} 层。',
    layerHeader: '层（id）',
    shapeHeader: '输出形状',
    paramsHeader: '参数',
    fieldHeader: '感受野',
    frozen: ' [已冻结]',
    totalParams: '参数总数：{params}',
    trainableParams: '可训练参数：{params}',
    frozenParams: '冻结参数：{params}',
    activations: '每个样本的激活值：{values}',
    rewrite: '  {what}：{count}',
    outputsLeftOut: '  略去的输出（图只保留第一个）：{outputs}',
    cannotRun: '{count} 个节点 Netwright 无法运行；训练或导出之前请在编辑器中替换它们：',
    graph: "图 '{name}'（{id}）。",
    run: "运行 '{name}'（{id}）保存了这些权重：netwright predict {id} FILE.csv，netwright export {id}。",
    noRun: '没有创建运行：只有能原样运行的模型才会保留权重。请替换标出的节点，然后训练。',
    'rewrite_shape-folded': '形状计算（Shape、Gather、Unsqueeze、Concat …）并入 Reshape',
    'rewrite_constant-folded': '对已存权重的 Unsqueeze 已并入该权重',
    'rewrite_input-standardization': '输入标准化（Sub、Div）作为运行的标准化保留',
    'rewrite_output-scaling': '输出缩放（Mul、Add）作为运行的目标标准化保留',
    'rewrite_dropout-removed': '已移除 Dropout',
    'rewrite_identity-removed': '已移除 Identity',
    'rewrite_gelu-erf-fused': '已融合 GELU（Erf）',
    'rewrite_gelu-tanh-fused': '已融合 GELU（tanh 形式）',
    'rewrite_silu-fused': '已融合 SiLU（x 乘以 x 的 Sigmoid）',
    'rewrite_log-softmax-dropped': '已去掉输出处的 LogSoftmax（输出为分数，对它们做 softmax 得到的概率相同）',
    'rewrite_hardswish-fused': '已融合 Hardswish（x 乘以 x 的 HardSigmoid）',
    'rewrite_mish-fused': '已融合 Mish（x 乘以 x 的 Softplus 的 Tanh）',
    'rewrite_layernorm-fused':
      '已将层归一化（ReduceMean、Sub、Pow、ReduceMean、Add、Sqrt、Div，以及存在时其后的 Mul、Add）融合为 LayerNormalization',
    'rewrite_groupnorm-fused':
      '已将组归一化（Reshape、InstanceNormalization、Reshape 还原，以及存在时其后的 Mul、Add）融合为一个组归一化层',
    'rewrite_matmul-add-fused': 'MatMul + Add 已融合为全连接层',
    'rewrite_pad-folded': 'Pad 已并入 AveragePool',
    'rewrite_concat-split': '多于两个输入的 Concat 已拆成多个两两拼接的 Concat',
  },
};
