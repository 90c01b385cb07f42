// A failed call's words: refusals to start a run or a group of runs, checkpoint and import problems, and what the
// services refuse come as a code with values (main/api/dispatch.ts errorPayload) and are worded from the feature's
// message table; any other error keeps its own message.
import { CHECKPOINT_PROBLEM_CODES, type CheckpointProblemCode } from '../../../engine/core/io/checkpointProblems';
import { StudioError } from '../lib/host';
import { refusalKey, type RefusalKey } from '../training/refusals';
import { ONNX_IMPORT_ERRORS, type OnnxImportErrorCode } from '../../../engine/core/import/onnx/errors';
import type { GroupMessageKey } from '../groups/messages';
import { sweepRefusalKey } from '../groups/refusals';
import { IMAGE_PREDICTION_PROBLEMS, type ImagePredictionProblem } from '../../../main/api/imagePredictionProblems';
import { IMAGE_IMPORT_PROBLEMS, type ImageImportProblem } from '../../../main/api/imageImportProblems';
import { CSV_IMPORT_PROBLEMS, type CsvImportProblem } from '../../../main/api/csvImportProblems';
import { serviceErrorCode, type ServiceErrorCode } from '../../../main/api/serviceErrors';
import { runFailureCode, type RunFailureCode } from '../../../engine/core/train/runFailure';

export type ErrorWording =
  | { table: 'train'; key: RefusalKey; params: Record<string, string | number> }
  | { table: 'checkpoint'; key: CheckpointProblemCode; params: Record<string, string | number> }
  | { table: 'onnx'; key: OnnxImportErrorCode; params: Record<string, string | number> }
  | { table: 'group'; key: GroupMessageKey; params: Record<string, string | number> }
  | { table: 'imagePrediction'; key: ImagePredictionProblem; params: Record<string, string | number> }
  | { table: 'imageImport'; key: ImageImportProblem; params: Record<string, string | number> }
  | { table: 'csvImport'; key: CsvImportProblem; params: Record<string, string | number> }
  | { table: 'service'; key: ServiceErrorCode; params: Record<string, string | number> }
  | { table: 'failure'; key: RunFailureCode; params: Record<string, string | number> }
  | { table: null; text: string };

/** Which table words `error`, and with what (pure: the caller translates, so this runs without the app's runes). */
export function errorWording(error: unknown): ErrorWording {
  if (error instanceof StudioError && error.params) {
    const refusal = refusalKey(error.code, error.params);
    if (refusal) return { table: 'train', key: refusal, params: error.params };
    const sweep = sweepRefusalKey(error.code);
    if (sweep) return { table: 'group', key: sweep, params: error.params };
    if ((CHECKPOINT_PROBLEM_CODES as readonly string[]).includes(error.code))
      return { table: 'checkpoint', key: error.code as CheckpointProblemCode, params: error.params };
    const { code, params } = error;
    // An ONNX file that cannot be imported: 'onnx-<code>' (main/api/dispatch.ts).
    const onnx = keyIn(code, 'onnx-', ONNX_IMPORT_ERRORS);
    if (onnx) return { table: 'onnx', key: onnx, params };
    // Images a run cannot predict on: 'predict-<code>' (main/api/imagePredictionProblems.ts).
    const predict = keyIn(code, 'predict-', IMAGE_PREDICTION_PROBLEMS);
    if (predict) return { table: 'imagePrediction', key: predict, params };
    // An image folder that cannot become a dataset: 'images-<code>' (main/api/imageImportProblems.ts).
    const images = keyIn(code, 'images-', IMAGE_IMPORT_PROBLEMS);
    if (images) return { table: 'imageImport', key: images, params };
    // A CSV table that cannot be imported: 'csv-<code>', its file and line among the values (csvImportProblems.ts).
    const csv = keyIn(code, 'csv-', CSV_IMPORT_PROBLEMS);
    if (csv) return { table: 'csvImport', key: csv, params };
    // What a service refuses: 'service-<code>', or a record that does not exist, 'not-found' (serviceErrors.ts).
    const service = serviceErrorCode(code);
    if (service) return { table: 'service', key: service, params };
    // Why a run could not start or failed: 'failure-<code>' (engine/core/train/runFailure.ts).
    const failure = runFailureCode(code);
    if (failure) return { table: 'failure', key: failure, params };
  }
  return { table: null, text: error instanceof Error ? error.message : String(error) };
}

/** `code` without its feature's `prefix`, when that is one of `table`'s codes ('csv-ragged-row' → 'ragged-row'). */
function keyIn<Key extends string>(code: string, prefix: string, table: Readonly<Record<Key, string>>): Key | null {
  const key = code.startsWith(prefix) ? code.slice(prefix.length) : null;
  return key !== null && Object.hasOwn(table, key) ? (key as Key) : null;
}
