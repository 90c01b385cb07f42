// The Simplified Chinese of what an export says beside its files (main/api/exportNotes.ts has the codes, their values
// and the English): one table for the studio (renderer/src/experiments/exportNoteMessages.ts) and the command line.
import type { ExportNoteCode } from './exportNotes';

export const EXPORT_NOTES_ZH: Record<ExportNoteCode, string> = {
  'weights-best': '权重来自第 {epoch} 轮的最佳检查点',
  'weights-last': '权重来自第 {epoch} 轮的最后一个检查点',
  'weights-manual': '权重来自第 {epoch} 轮手动保存的检查点',
  'dropout-left-out': '未包含 Dropout：ONNX 保存的是模型的推理形式',
  'inputs-standardized': '模型接受标准化后的输入；统计量保存在它的元数据中',
  'standardization-folded': '输入标准化已并入模型：模型直接接受原始值',
  'outputs-standardized':
    '模型输出的是标准化后的值：将每个输出乘以对应目标的标准差再加上其均值（见元数据和 README），即得标签的原始单位',
  'label-standardization-folded': '目标标准化已并入模型：模型的输出即为标签的原始单位',
  'script-split': '它在本次运行所用的数据行（{splitFile}）上训练和测试；--random-split 会重新抽取',
  'run-script': '运行方式：{command}',
  'run-torchrun': '或用 2 个进程运行：{command}',
};
