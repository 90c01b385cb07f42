// The Simplified Chinese of why a checkpoint does not load (engine/core/io/checkpointProblems.ts has the codes, their
// values and the English): one table for the studio (renderer/src/experiments/messages.ts) and the command line
// (main/cli/errorWords.ts).
import type { CheckpointProblemCode } from '../../engine/core/io/checkpointProblems';

export const CHECKPOINT_PROBLEMS_ZH: Record<CheckpointProblemCode, string> = {
  'checkpoint-unreadable': '{file} 不是可读取的检查点：{reason}',
  'checkpoint-not-netwright': '{file} 不是 Netwright 检查点（格式为“{found}”）。',
  'checkpoint-field-missing': '{file}：检查点缺少元数据字段“{field}”。',
  'checkpoint-field-invalid': '{file}：检查点的元数据字段“{field}”不是{expected}。',
  'checkpoint-tensor-dtype': '{file}：张量“{tensor}”的类型是 {dtype}，但权重必须是 F32（float32）。',
  'checkpoint-tensor-missing': '{file}：缺少张量“{tensor}”{expected}。',
  'checkpoint-tensor-unexpected': '{file}：张量“{tensor}”不属于该检查点的模型。',
  'checkpoint-tensor-shape': '{file}：张量“{tensor}”的形状是 {shape}，模型需要 {expected}。',
  'checkpoint-tensor-not-finite': '{file}：张量“{tensor}”在第 {index} 个元素处为 {value}，这些权重无法使用。',
};
