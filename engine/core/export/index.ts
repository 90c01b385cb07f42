// Exporters for trained models: ONNX (with a structure checker), self-describing safetensors weights and a
// runnable PyTorch training script. Pure TypeScript: each returns bytes or text and the caller writes the file.

export { exportOnnx, ONNX_IR_VERSION, ONNX_OPSET } from './onnx';
export type { OnnxExportInput } from './onnx';
export { checkOnnxStructure, decodeOnnx } from './onnxCheck';
export type {
  DecodedOnnx,
  DecodedNode,
  DecodedTensor,
  DecodedValueInfo,
  DecodedAttribute,
  OnnxStructureReport,
} from './onnxCheck';
export { exportSafetensors, WEIGHTS_FORMAT, WEIGHTS_METADATA } from './safetensorsExport';
export type { SafetensorsExportInput } from './safetensorsExport';
export { exportPytorchScript, csvColumnsFromFeatureNames, torchrunCommand } from './pytorch';
export { exportSplitFile, labelCheck, SPLIT_FORMAT } from './splitFile';
export type { SplitFile, SplitFileInput } from './splitFile';
export type { PytorchScriptInput, ScriptData, CsvFeatureColumn } from './pytorch';
export { checkedModel } from './modelTensors';
export type { ExportNormalization, TensorMap, ExpectedTensor } from './modelTensors';
export { exportReadme } from './readme';
export type { ReadmeInput } from './readme';
export { preprocessingMetadata, preprocessingSteps } from './preprocessing';
export type { InputSource, Preprocessing } from './preprocessing';
