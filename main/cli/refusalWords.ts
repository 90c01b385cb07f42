// Why training was refused before a run was created, in Simplified Chinese: a setting out of range or unsuited to the
// data, a model whose every layer with parameters is frozen, a model too large for this machine's memory, a graph
// that does not fit the dataset, another run still training (main/services/engine/refusals.ts), a weights file that
// does not fit the graph (engine/core/io/weightsMatch.ts, 'weights-<code>'). English is each refusal's own message,
// which the services build from the same values, so only the Chinese is a table here.
import type { WeightsErrorCode } from '../../engine/core/io/weightsMatch';
import { fillMessage } from '../../engine/core/spec/problemText';

export type RefusalCode =
  | 'setting-out-of-range'
  | 'setting-not-a-choice'
  | 'split-sum'
  | 'augmentation-needs-images'
  | 'loss-needs-classes'
  | 'loss-needs-targets'
  | 'binary-needs-two-classes'
  | 'accuracy-needs-classes'
  | 'early-stopping-no-validation'
  | 'all-frozen'
  | 'model-too-large'
  | 'input-mismatch'
  | 'output-mismatch'
  | 'busy'
  | 'change-empty'
  | 'change-no-dropout-layer'
  | 'change-no-early-stopping'
  | `weights-${WeightsErrorCode}`;

export const REFUSALS_ZH: Readonly<Record<RefusalCode, string>> = {
  // {max} is ∞ when the setting has no upper bound.
  'setting-out-of-range': '设置 {setting} 的值为 {value}：必须在 {min} 到 {max} 之间',
  'setting-not-a-choice': '设置 {setting} 的值为 {value}：必须是以下之一：{choices}',
  'split-sum': '划分比例之和为 {sum}：训练、验证和测试的比例之和必须为 1',
  'augmentation-needs-images': '数据增强只作用于图片，而这个数据集的每行是 {shape} 个值，不是图片：请关闭数据增强',
  // A loss or early stopping that does not suit the dataset; {loss} is the loss's code (cross_entropy, mse…).
  'loss-needs-classes': "{loss} 比较的是类别标签，而 '{dataset}' 是回归数据集（预测数值）：请使用 mse（均方误差）",
  'loss-needs-targets': "均方误差用于预测数值，而 '{dataset}' 的标签是类别：请使用 cross_entropy（交叉熵）",
  'binary-needs-two-classes':
    "二元交叉熵只用于两个类别，而 '{dataset}' 有 {classes} 个：请使用 cross_entropy（交叉熵）",
  'accuracy-needs-classes': "按验证准确率早停需要类别标签，而 '{dataset}' 是回归数据集：请改为监视验证损失",
  'early-stopping-no-validation':
    "早停监视的是验证集，而 '{dataset}' 没有验证集：请重新导入并留出验证集比例，或关闭早停",
  'all-frozen': '模型中全部 {layers} 个带参数的层都已冻结，训练不会改变任何参数：请至少让一层可训练',
  'model-too-large':
    "训练这个模型约需 {estimate} 内存，超过了这台计算机可提供的 {available}（仅层 '{nodeId}' 就需要 {node}）：请缩小模型或减小批大小",
  'input-mismatch':
    "输入层 '{nodeId}' 接收形状为 {model} 的样本，而 '{dataset}' 的样本是 {data}：请让输入的形状与数据集一致",
  'output-mismatch': "最后一层 '{nodeId}' 有 {units} 个输出，而 '{dataset}' 需要 {needed} 个：请修改它的单元数",
  busy: '运行 {runId} 仍在训练：请先停止它或等它结束',
  // Settings changed when a run continues (continue --lr, --dropout…).
  'change-empty': '没有要修改的设置：请给出学习率、L1、L2、丢弃率或耐心值',
  'change-no-dropout-layer': "'{nodeId}' 不是这个模型的 Dropout 层",
  'change-no-early-stopping': '这个运行没有使用早停，因此没有可修改的耐心值',
  'weights-shape-mismatch': "张量 '{tensor}' 的形状是 {fileShape}，但层 '{node}' 需要形状为 {modelShape} 的 '{target}'",
  'weights-not-float': "张量 '{tensor}' 存放的是 {dtype} 值；'{node}' 的权重需要浮点数（F32 或 F64）",
  'weights-no-checkpoint': "运行 '{run}' 还没有可作为起点的检查点：请先至少训练一轮",
  'weights-nothing-matched': '文件中的 {tensors} 个张量没有一个合适：它们的名称和形状与任何层的权重都不对应',
};

/** A refusal in Chinese: `code`'s words with its values; one dropout rate for a model without any names no layer. */
export function refusalZh(code: RefusalCode, params: Readonly<Record<string, string | number>>): string {
  if (code === 'change-no-dropout-layer' && !params.nodeId) return '这个模型没有 Dropout 层';
  return fillMessage(REFUSALS_ZH[code], params);
}
