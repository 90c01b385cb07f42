// ONNX import: a model file to a Netwright graph and its weights (importOnnx), with the converter table.
export { importOnnx, type OnnxImport, type OnnxImportReport, type UnsupportedNode } from './importOnnx';
export { OnnxImportError, ONNX_IMPORT_ERRORS, type OnnxImportErrorCode } from './errors';
export { CONVERTERS, NEWEST_OPSET } from './registry';
