// Why an ONNX file cannot be imported at all, as codes with arguments (the interfaces word them; English here for
// the CLI and thrown messages). A file that imports but has nodes Netwright cannot run is not an error: those nodes
// stay in the graph with a problem reason (spec/problemReasons.ts, 'onnx-…').

import { CodedError } from '../../errors/coded';
import { fillMessage } from '../../spec/problemText';

export const ONNX_IMPORT_ERRORS = {
  'not-onnx': "'{file}' is not an ONNX model ({detail}): pick a .onnx file written by an ONNX exporter.",
  'external-data':
    "'{file}' keeps the tensor '{tensor}' in an external data file; save the model with its weights inside (onnx.save(model, path, save_as_external_data=False)).",
  'tensor-size': "'{file}': the tensor '{tensor}' declares dims {dims} but holds {count} values.",
  'no-input': "'{file}' has no graph input besides its weights, so there is nothing to feed the model.",
  'several-inputs':
    "'{file}' has {count} inputs ({names}); Netwright models take one input: export the model with a single input.",
  'input-rank':
    "'{file}': the input '{input}' has shape {shape}; Netwright takes [batch, features] or [batch, channels, height, width].",
  'input-dims':
    "'{file}': the input '{input}' has shape {shape}, whose sizes after the batch are not fixed numbers; export with a fixed sample shape.",
  'input-type': "'{file}': the input '{input}' is not float32 (element type {type}).",
  'no-output': "'{file}' has no graph output.",
  'output-not-computed': "'{file}': no node computes the output '{output}'.",
} as const;

export type OnnxImportErrorCode = keyof typeof ONNX_IMPORT_ERRORS;

export class OnnxImportError extends CodedError<OnnxImportErrorCode, Record<string, string | number>> {
  constructor(code: OnnxImportErrorCode, params: Readonly<Record<string, string | number>>) {
    super(code, params, fillMessage(ONNX_IMPORT_ERRORS[code], params));
  }

  override get tableCode(): string {
    return `onnx-${this.code}`;
  }
}
