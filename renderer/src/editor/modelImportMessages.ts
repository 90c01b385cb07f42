// Open model…'s words: the button, the notice saying what was imported, and why a file could not be (the engine's
// ONNX import error codes, engine/core/import/onnx/errors.ts: English from its table, Chinese from
// main/api/onnxImportErrorsZh.ts, which the command line words them with too).
import { ONNX_IMPORT_ERRORS, type OnnxImportErrorCode } from '../../../engine/core/import/onnx/errors';
import { ONNX_IMPORT_ERRORS_ZH } from '../../../main/api/onnxImportErrorsZh';
import type { Messages } from '../lib/i18n.svelte';

export const onnxImportErrorMessages: Messages<OnnxImportErrorCode> = {
  en: { ...ONNX_IMPORT_ERRORS },
  'zh-CN': ONNX_IMPORT_ERRORS_ZH,
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
