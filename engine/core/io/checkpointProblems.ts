// What can be wrong with a checkpoint file, as a code with parameters (the file, and the tensor or metadata field
// at fault), so the CLI and the renderer can word it in the user's language; `message` is the English wording.
import { CodedError } from '../errors/coded';

export type CheckpointProblemCode =
  | 'checkpoint-unreadable' // not a safetensors file at all: { reason }
  | 'checkpoint-not-netwright' // a safetensors file whose metadata 'format' is not ours: { found }
  | 'checkpoint-field-missing' // a metadata field is absent: { field }
  | 'checkpoint-field-invalid' // a metadata field does not hold what it should: { field, expected }
  | 'checkpoint-tensor-dtype' // a tensor is not float32: { tensor, dtype }
  | 'checkpoint-tensor-missing' // the model needs a tensor the file lacks: { tensor, expected }
  | 'checkpoint-tensor-unexpected' // a tensor the model does not have: { tensor }
  | 'checkpoint-tensor-shape' // a tensor's shape differs from the spec's: { tensor, shape, expected }
  | 'checkpoint-tensor-not-finite'; // a NaN or infinity: { tensor, index, value }

export interface CheckpointProblemParams {
  /** The checkpoint file as the caller named it. */
  file: string;
  tensor?: string;
  field?: string;
  dtype?: string;
  /** Shapes as text, e.g. "[8, 2]". */
  shape?: string;
  expected?: string;
  index?: number;
  value?: string;
  reason?: string;
  found?: string;
}

/** English wording of each code; the renderer's and CLI's tables hold the same keys in every language. */
const ENGLISH: Record<CheckpointProblemCode, (p: CheckpointProblemParams) => string> = {
  'checkpoint-unreadable': (p) => `${p.file} is not a readable checkpoint: ${p.reason}`,
  'checkpoint-not-netwright': (p) => `${p.file} is not a Netwright checkpoint (format '${p.found}')`,
  'checkpoint-field-missing': (p) => `${p.file}: the checkpoint's metadata field '${p.field}' is missing`,
  'checkpoint-field-invalid': (p) => `${p.file}: the checkpoint's metadata field '${p.field}' is not ${p.expected}`,
  'checkpoint-tensor-dtype': (p) => `${p.file}: tensor '${p.tensor}' is ${p.dtype}, but weights must be F32 (float32)`,
  'checkpoint-tensor-missing': (p) => `${p.file}: tensor '${p.tensor}' ${p.expected} is missing`,
  'checkpoint-tensor-unexpected': (p) => `${p.file}: tensor '${p.tensor}' does not belong to the checkpoint's model`,
  'checkpoint-tensor-shape': (p) =>
    `${p.file}: tensor '${p.tensor}' has shape ${p.shape}, the model needs ${p.expected}`,
  'checkpoint-tensor-not-finite': (p) =>
    `${p.file}: tensor '${p.tensor}' holds ${p.value} at element ${p.index}; the weights are not usable`,
};

export const CHECKPOINT_PROBLEM_CODES = Object.keys(ENGLISH) as CheckpointProblemCode[];

export class CheckpointError extends CodedError<CheckpointProblemCode, CheckpointProblemParams> {
  constructor(code: CheckpointProblemCode, params: CheckpointProblemParams) {
    super(code, params, ENGLISH[code](params));
  }
}

/** A shape as the messages print it. */
export const shapeText = (shape: readonly number[]): string => `[${shape.join(', ')}]`;
