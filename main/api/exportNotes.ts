// What an export says beside its files (which weights, what the ONNX model leaves out, how to run the script), as
// codes with values: English here for the CLI; the renderer words the same codes from its own table
// (renderer/src/experiments/exportNoteMessages.ts). Values are data: an epoch, file names, commands.
import type { CodedNote } from './notes';

export const EXPORT_NOTES = {
  'weights-best': 'weights from the best checkpoint of epoch {epoch}',
  'weights-last': 'weights from the last checkpoint of epoch {epoch}',
  'weights-manual': 'weights from the checkpoint saved by hand at epoch {epoch}',
  'dropout-left-out': 'dropout is left out: ONNX holds the model in its inference form',
  'inputs-standardized': 'the model takes standardized inputs; the statistics are in its metadata',
  'standardization-folded': 'the input standardization is folded in: the model takes raw values',
  'outputs-standardized':
    "the model gives standardized outputs: multiply each by its target's std and add its mean (in its metadata and README) for the label's units",
  'label-standardization-folded':
    "the target standardization is folded in: the model's outputs are in the label's units",
  'script-split': "it trains and tests on this run's rows ({splitFile}); --random-split draws new ones",
  'run-script': 'run it with: {command}',
  'run-torchrun': 'or in 2 processes: {command}',
} as const;

export type ExportNote = CodedNote<typeof EXPORT_NOTES>;
export type ExportNoteCode = keyof typeof EXPORT_NOTES;
