// The Simplified Chinese of why an ONNX file cannot be imported (engine/core/import/onnx/errors.ts has the codes,
// their values and the English): one table for the command line (main/cli/errorWords.ts) and, like
// importNotesZh.ts, for the studio (renderer/src/editor/modelImportMessages.ts words them from here).
import type { OnnxImportErrorCode } from '../../engine/core/import/onnx/errors';

export const ONNX_IMPORT_ERRORS_ZH: Record<OnnxImportErrorCode, string> = {
  'not-onnx': "'{file}' 不是 ONNX 模型（{detail}）：请选择由 ONNX 导出工具写出的 .onnx 文件。",
  'external-data':
    "'{file}' 把张量 '{tensor}' 保存在外部数据文件中；请把权重保存在模型文件内（onnx.save(model, path, save_as_external_data=False)）。",
  'tensor-size': "'{file}'：张量 '{tensor}' 声明的维度是 {dims}，但包含 {count} 个值。",
  'no-input': "'{file}' 除权重外没有图输入，模型无从接收数据。",
  'several-inputs': "'{file}' 有 {count} 个输入（{names}）；Netwright 模型只有一个输入：请以单一输入导出模型。",
  'input-rank': "'{file}'：输入 '{input}' 的形状是 {shape}；Netwright 接受 [batch, 特征] 或 [batch, 通道, 高, 宽]。",
  'input-dims': "'{file}'：输入 '{input}' 的形状是 {shape}，batch 之后的尺寸不是固定数字；请以固定的样本形状导出。",
  'input-type': "'{file}'：输入 '{input}' 不是 float32（元素类型 {type}）。",
  'no-output': "'{file}' 没有图输出。",
  'output-not-computed': "'{file}'：没有节点计算输出 '{output}'。",
};
