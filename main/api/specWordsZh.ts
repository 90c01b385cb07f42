// The Chinese of a model's problems and warnings (engine/core/spec/problemText.ts has the reasons, their values and
// the English) and of the layer kinds' names: one table for the studio's editor (renderer/src/editor) and the command
// line (a model spec given to --model), so both say the same.
import { isOpKind } from '../../engine/core/spec/catalogue';
import { nodeName } from '../../engine/core/spec/names';
import { ONNX_OP_PREFIX } from '../../engine/core/spec/params';
import type { ProblemReason } from '../../engine/core/spec/problemReasons';
import type { OpKind, SpecNode, WarningCode } from '../../engine/core/spec/types';

export const SPEC_PROBLEMS_ZH: Record<ProblemReason, string> = {
  'not-an-object': '模型必须是包含 version、nodes 和 edges 的对象，实际是 {value}。',
  'no-node-list': '模型没有节点列表（"nodes": [...]）。',
  'no-edge-list': '模型没有连接列表（"edges": [...]）。',
  'node-not-object': '第 {position} 个节点不是带文本 id 的层：每个节点都需要 "id"、"op" 和可选的 "params"。',
  'edge-not-object': '第 {position} 条连接不是包含 "from" 和 "to" 的对象。',
  'bad-version':
    '模型的版本是 {version}，但此 Netwright 读取版本 {expected}：请在编辑器中重新保存，或设置 "version": {expected}。',
  'duplicate-id': "两个层的 id 都是 '{id}'（{first} 和 {second}）：请为每个层设置不同的 id。",
  'bad-id': "{node} 的 id 为空，或包含字母、数字、'_' 和 '-' 以外的字符：请重命名。",
  'edge-from-missing': '{node} 有一条来自 {from} 的连接，但模型中没有这个层：请删除这条连接。',
  'edge-to-missing': '{node} 有一条连向 {to} 的连接，但模型中没有这个层：请删除这条连接。',
  'edge-both-missing': '第 {position} 条连接从 {from} 到 {to}，两者都不是模型中的层：请删除它。',
  'no-input': '模型没有输入层：请从面板添加一个，并把它连接到第一层。',
  'second-input': "{node} 是第二个输入层，但模型只能有一个（'{input}'）：请删除它，或把它的层连接到 '{input}'。",
  'input-takes-none': '{node} 是数据进入模型的地方，不接受输入连接：请删除来自 {sources} 的连接。',
  'no-input-connection': '{node} 没有输入：请把一个层连接到它。',
  'needs-two-inputs': '{node} 需要两个输入，但只有 {count} 个：请为它的两个输入各连接一个层。',
  'too-many-connections': '{node} 有 {count} 条输入连接（来自 {sources}），但只接受一条：请先用相加或拼接层合并它们。',
  'merge-too-many': '{node} 接受两个输入，但有 {count} 个（来自 {sources}）：请删除多余的连接，或分几步合并。',
  'port-single': '{node} 只有一个输入槽，但它的连接指定了 toPort {port}：请删除 toPort 或设为 0。',
  'port-partial': '{node} 只在两条连接中的一条上指定了 toPort：请在两条上都设置 toPort 0 和 1，或都不设置。',
  'port-pair': '{node} 的两条连接需要使用 toPort 0 和 1，但它们使用的是 {ports}。',
  cycle: '{node} 位于一个环路中（{loop}）：数据必须从输入单向流向输出，请删除其中一条连接。',
  unreachable: "{node} 没有连接到输入 '{input}'（它的输入来自 {feeders}）：请把这一支连接到网络中，或删除它。",
  'no-output': "输入 '{input}' 之后没有连接任何层：请把第一层连接到它。",
  'second-output': "{node} 没有输出连接，因此除 '{output}' 之外模型会有第二个输出：请把它继续连接下去，或删除它。",
  'unknown-op': "节点 '{nodeId}' 的层类型是 {op}，Netwright 不认识它：请用面板中的层替换它。",
  'params-not-object': '{node}：它的 params 必须是由命名设置组成的对象，实际是 {value}。',
  'unknown-param': "{node}：'{param}' 不是 {layer} 的设置（它的设置：{known}）；请删除它。",
  'param-not-int': "{node}：'{param}' 必须是整数{range}，实际是 {value}。",
  'param-not-number': "{node}：'{param}' 必须是数字{range}，实际是 {value}。",
  'param-not-bool': "{node}：'{param}' 必须是 true 或 false，实际是 {value}。",
  'trainable-not-bool': "{node}：'trainable' 必须是 true 或 false（false 表示冻结该层），实际是 {value}。",
  'param-not-choice': "{node}：'{param}' 必须是 {choices} 之一，实际是 {value}。",
  'param-not-ints': "{node}：'{param}' 必须是由 {lengths} 个整数组成的列表{range}，实际是 {value}。",
  'param-not-int-or-pair': "{node}：'{param}' 必须是整数或 [高, 宽]{range}，实际是 {value}。",
  'param-not-padding': "{node}：'{param}' 必须是整数、[高, 宽]{range}、'same' 或 'valid'，实际是 {value}。",
  'same-padding-stride':
    "{node}：'same' 填充只有在步幅为 1 时才保持图像尺寸，但步幅是 {stride}；请把步幅设为 1，或用数字给出填充。",
  'same-padding-even-kernel':
    "{node}：'same' 填充需要奇数的卷积核大小（每侧填充 (k-1)/2），但卷积核是 {kernel}；请使用奇数卷积核，或用数字给出填充。",
  'groups-filters': '{node}：{groups} 组需要能被 {groups} 整除的卷积核数，但它有 {filters} 个；请修改卷积核数或组数。',
  'dilation-stride':
    '{node}：空洞卷积（膨胀率 {dilation}）需要步幅为 1，但步幅是 {stride}；请把步幅设为 1（用池化层或另一个卷积下采样），或把膨胀率设为 1。',
  'pool-padding-too-large': '{node}：填充 {padding} 超过了 {window} 窗口的一半（最多 {most}）；请减少填充或增大窗口。',
  'needs-image':
    '{node} 需要 [通道, 高, 宽] 的图像，但得到的是 {shape}：请把输入形状设为 [通道, 高, 宽]，或对特征向量使用全连接层。',
  'needs-vector': '{node} 需要特征向量，但得到的是 {shape}：请在它之前添加展平层（或全局平均池化层）。',
  'softmax-needs-vector':
    '{node} 需要特征向量，但得到的是 {shape}：它作用于向量的特征，请在它之前添加展平层（或全局平均池化层）。',
  'batchnorm1d-needs-vector': '{node} 需要特征向量，但得到的是 {shape}：图像请使用批归一化 2D。',
  'batchnorm2d-needs-image': '{node} 需要 [通道, 高, 宽] 的图像，但得到的是 {shape}：特征向量请使用批归一化 1D。',
  'layernorm-needs-vector':
    '{node} 需要特征向量，但得到的是 {shape}：这里的层归一化作用于特征向量，请把它放在展平层或全连接层之后。',
  'groupnorm-needs-image':
    '{node} 需要 [通道, 高, 宽] 的图像，但得到的是 {shape}：组归一化对成组的通道做归一化，特征向量请使用层归一化。',
  'groupnorm-groups':
    '{node} 把 {shape} 的 {channels} 个通道分成 {groups} 组，但 {groups} 不能整除 {channels}：请用能整除的组数（1 表示所有通道一起归一化，{channels} 表示每个通道单独归一化）。',
  'groups-channels':
    '{node} 把输入 {shape} 分成 {groups} 组，但 {groups} 不能整除它的 {channels} 个通道：请用能整除的组数（普通卷积为 1，深度卷积为 {channels}）。',
  'window-too-large':
    '{node} 的窗口是 {window}，但它的输入 {shape} 只有 {size}：请使用更小的窗口、更多填充，或在它之前减少下采样。',
  'window-too-large-padded':
    '{node} 的窗口是 {window}，但它的输入 {shape} 只有 {size}（填充后 {padded}）：请使用更小的窗口、更多填充，或在它之前减少下采样。',
  'add-shapes-differ': "{node} 把来自 '{aFrom}' 的 {a} 与来自 '{bFrom}' 的 {b} 相加：两个输入的形状必须相同。",
  'concat-shapes-differ':
    "{node} 拼接来自 '{aFrom}' 的 {a} 和来自 '{bFrom}' 的 {b}：请拼接高和宽相同的两幅图像（通道数可以不同），或两个特征向量。",
  'onnx-unsupported-op': '{node} 是 ONNX 算子 {op}（opset {opset}），Netwright 没有对应的层：请用面板中的层替换它。',
  'onnx-unsupported-attribute':
    '{node}：ONNX {op} 的 {attribute} = {value}，但 Netwright 只支持 {supported}：请用面板中的层替换它。',
  'onnx-needs-constant':
    '{node}：ONNX {op} 的第 {input} 个输入在模型运行时才计算出来，但 Netwright 需要它是保存的权重：请替换这个节点。',
  'onnx-unexpected-constant':
    '{node}：ONNX {op} 的第 {input} 个输入是保存的常量，但 Netwright 的层在这里接收数据：请替换这个节点。',
  'onnx-constant-size':
    '{node}：ONNX {op} 的第 {input} 个输入是形状为 {shape} 的保存权重，但 Netwright 在这里需要 {expected} 个值：请替换这个节点。',
  'onnx-unsupported-rank':
    '{node}：ONNX {op} 收到形状为 {shape} 的张量，对应的 Netwright 层不接受这种形状：请替换这个节点。',
  'onnx-unknown-shape': '{node}：ONNX {op} 的输入来自 Netwright 无法运行的节点，因此形状未知：请先替换那个节点。',
  'onnx-too-many-inputs': '{node}：ONNX {op} 合并了 {count} 个输入，但 Netwright 的层一次合并两个：请分几步两两合并。',
};

export const SPEC_WARNINGS_ZH: Record<WarningCode, string> = {
  'softmax-before-loss':
    '{node} 是最后一层，但交叉熵损失已经对分数做了 softmax：请删除它，让损失看到原始分数（logits）；预测结果仍会以概率给出。',
  'sigmoid-before-loss':
    '{node} 是最后一层，但二元交叉熵损失已经做了 sigmoid：请删除它，让损失看到原始分数（logits）。',
  'dropout-at-output': '{node} 是最后一层，训练时它会随机把预测置零：请把它移到最后一个全连接层之前。',
  'scores-bounded':
    '{node} 是最后一层，所以每个分数都落在 {low} 到 {high} 之间：两个类别的分数最多只能相差这个范围的宽度，这限制了预测能有多确定，也限制了损失能降多低。请删除它，让损失看到可以取任意值的原始分数（logits）。',
  'scores-floored':
    '{node} 是最后一层，所以分数不会低于 {low}，而在 {low} 附近它的斜率很小或为零：被压到那里的分数就不再变化，即使有样本需要它重新升高。请删除它，让损失看到可以取任意值的原始分数（logits）。',
  'predictions-bounded':
    '{node} 是最后一层，所以每个预测都落在 {low} 到 {high} 之间：超出这个范围的目标值无法达到（导入时标准化过的标签以 0 为中心）。除非模型学习的每个目标值都在这个范围内，否则请删除它。',
  'predictions-floored':
    '{node} 是最后一层，所以预测不会低于 {low}：更小的目标值无法达到（导入时标准化过的标签以 0 为中心，约一半在 0 以下）。除非模型学习的每个目标值都大于 {low}，否则请删除它。',
  'flatten-no-op': '{node} 收到的是特征向量，本来就是平的：它不起作用，可以删除。',
};

// Layer names as Chinese courses and textbooks write them (批归一化, 全局平均池化); Dropout and the activations keep
// their English names there, as the lessons do. The kinds themselves (dense, conv2d…) never change.
export const LAYER_NAMES_ZH: Record<OpKind, string> = {
  input: '输入',
  dense: '全连接',
  conv2d: '二维卷积',
  maxpool2d: '最大池化',
  avgpool2d: '平均池化',
  globalavgpool2d: '全局平均池化',
  flatten: '展平',
  dropout: 'Dropout',
  batchnorm1d: '批归一化 1D',
  batchnorm2d: '批归一化 2D',
  layernorm: '层归一化',
  groupnorm: '组归一化',
  relu: 'ReLU',
  leakyrelu: 'LeakyReLU',
  prelu: 'PReLU',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  softmax: 'Softmax',
  gelu: 'GELU',
  elu: 'ELU',
  silu: 'SiLU',
  hardswish: 'Hardswish',
  relu6: 'ReLU6',
  softplus: 'Softplus',
  mish: 'Mish',
  identity: '恒等',
  add: '相加',
  concat: '拼接',
};

/** A node's layer kind in Chinese ("全连接"), and an imported ONNX operator Netwright cannot run as "ONNX <op>". */
export function layerNameZh(op: string): string {
  if (isOpKind(op)) return LAYER_NAMES_ZH[op];
  return op.startsWith(ONNX_OP_PREFIX) ? `ONNX ${op.slice(ONNX_OP_PREFIX.length)}` : op;
}

/** A problem's or warning's values with its own node (`node`, named in English by analysis) named in Chinese. */
export function withNodeNameZh<Args extends Record<string, string | number>>(args: Args, node?: SpecNode): Args {
  return node && typeof args.node === 'string' ? { ...args, node: nodeName(node, layerNameZh) } : args;
}
