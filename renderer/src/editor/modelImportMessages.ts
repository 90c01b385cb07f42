// Open model…'s words: the button, the notice saying what was imported, and why a file could not be (the engine's
// ONNX import error codes, engine/core/import/onnx/errors.ts: English from its table, Chinese written here).
import { ONNX_IMPORT_ERRORS, type OnnxImportErrorCode } from '../../../engine/core/import/onnx/errors';
import type { Messages } from '../lib/i18n.svelte';

const zhErrors: Record<OnnxImportErrorCode, string> = {
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

export const onnxImportErrorMessages: Messages<OnnxImportErrorCode> = {
  en: { ...ONNX_IMPORT_ERRORS },
  'zh-CN': zhErrors,
};

export const modelImportMessages: Messages<
  'openModel' | 'openModelHelp' | 'modelImported' | 'modelImportedUnsupported'
> = {
  en: {
    openModel: 'Open model…',
    openModelHelp: 'Open an ONNX model as a graph with its weights',
    modelImported: "Imported {file}: {layers} layers, {params} parameters. Its weights are the run '{name}'.",
    modelImportedUnsupported:
      'Imported {file}: {layers} layers. {count} node(s) Netwright cannot run are marked on the canvas: replace them before training. The weights were not kept, since the model cannot run as it is.',
  },
  'zh-CN': {
    openModel: '打开模型…',
    openModelHelp: '把 ONNX 模型连同权重作为网络打开',
    modelImported: "已导入 {file}：{layers} 层，{params} 个参数。它的权重保存在运行 '{name}' 中。",
    modelImportedUnsupported:
      '已导入 {file}：{layers} 层。画布上标出了 {count} 个 Netwright 无法运行的节点：请在训练前替换它们。由于模型目前无法运行，权重没有保留。',
  },
};
