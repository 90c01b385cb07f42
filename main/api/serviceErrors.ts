// What the studio's services refuse (a run still training, a dataset runs still use, an export with no checkpoint,
// a sample outside the dataset, an upload that is gone…), as codes with values: English here for the CLI and thrown
// messages, Chinese in serviceErrorsZh.ts; the studio (renderer/src/state/serviceErrorText.ts) and the command
// line (main/cli/errorWords.ts) word them from both. On the wire the code is 'service-<code>'.

export const SERVICE_ERRORS = {
  // Runs and their states ({status} and {next} are run statuses: queued, running, paused, completed…).
  'run-training-delete': 'this run is training: stop it before deleting it',
  'run-not-queued': "run '{run}' is {status}, not queued",
  'run-cannot-continue': "run '{run}' is {status}: only stopped, failed or interrupted runs continue",
  'run-not-training': 'run {runId} is not training',
  'run-status-change': "run '{run}' is {status} and cannot become {next}",
  'run-no-dataset': "run '{run}' has no dataset recorded",
  'run-no-checkpoint': "run '{run}' has no checkpoint yet: it needs at least one finished epoch",
  'run-graph-ends': "run '{run}': its graph has no input or no output",
  'start-from-both': 'start from a run or from a weights file, not both',
  // Names and records ({what} is run, dataset, graph, group or project).
  'empty-name': 'a {what} name must not be empty',
  'dataset-used-by-run': "dataset '{dataset}' is used by {count} run; delete those runs first",
  'dataset-used-by-runs': "dataset '{dataset}' is used by {count} runs; delete those runs first",
  'group-parallel': 'a group trains 1 or more runs at once, not {parallel}',
  'group-empty': 'a group needs at least one run',
  // Exports.
  'export-no-checkpoint': "run '{run}' has no checkpoint yet: train at least one epoch before exporting",
  'export-no-dataset': "run '{run}' has no dataset recorded, so a training script has nothing to read",
  'export-not-reimportable':
    "dataset '{dataset}' was not imported from a CSV file or an image folder, so a training script cannot read it again; export ONNX or safetensors instead",
  'export-softmax-regression':
    "run '{run}' predicts numbers (regression): a softmax or sigmoid of them is no probability, so --softmax applies to classification runs only",
  'export-unknown-format': "unknown export format '{format}': choose {formats}",
  // Files a service reads ({reason} is the system's code, such as ENOENT, or its message).
  'model-unreadable': "cannot read '{file}': {reason}",
  'weights-unreadable': 'cannot read the weights file {file}: {reason}',
  'dataset-file-short': '{file} ends before row {row}',
  'dataset-file-size': "{file} holds {bytes} bytes, the dataset's manifest implies {expected}",
  'store-damaged': '{file} is not a Netwright database, or it is damaged: {reason}',
  'store-update-failed': '{file}: updating the database to schema {version} ({step}) failed: {reason}',
  'store-newer':
    '{file} was written by a newer version of Netwright (database schema {found}; this version knows up to {known}). Update Netwright to open it; it was left unchanged.',
  // Files given to the studio: a path to the desktop studio, an upload to web mode.
  'upload-not-path': "'{file}' was uploaded, but this studio reads files by path",
  'upload-unknown': "'{file}' is not an upload of this studio",
  'upload-gone': "the upload '{file}' is gone: choose the file again",
  'web-uploads-only': 'in web mode the studio reads only files uploaded from this page',
  // Sample datasets.
  'no-sample': "no sample dataset '{sample}': choose one of {samples}",
  'sample-missing': "the sample '{sample}' is missing from {folder}: reinstall the studio",
  // Views of what a run learned and of augmentation ({shape} is a shape as text: [16, 5, 5]).
  'sample-outside-dataset': "sample {sample} is outside dataset '{dataset}' (0..{last})",
  'feature-maps-shape': "layer '{nodeId}' outputs {shape}: feature maps need a [channels, height, width] output",
  'boundary-resolution': "the boundary's resolution must be a whole number from {min} to {max}, got {resolution}",
  'boundary-features':
    "dataset '{dataset}' has features {shape}: a decision boundary needs 2 features with classes, a fitted curve 1 feature with 1 target",
  'preview-not-images': "dataset '{dataset}' is a table (rows of {shape} values): augmentation is for image datasets",
  'preview-size': 'a preview shows 1..{samples} images over 1..{epochs} epochs',
  'preview-setting': 'augmentation: {setting} is {value}, out of range',
  // A record asked for that does not exist (store/context.ts NotFoundError, code 'not-found', {what} and {id}).
  'not-found': '{what} {id} does not exist (it may have been deleted)',
} as const;

export type ServiceErrorCode = keyof typeof SERVICE_ERRORS;

/** The prefix of a service error's code on the wire and in the CLI ('service-upload-gone'). */
export const SERVICE_ERROR_PREFIX = 'service-';

/** The service-table code a coded error's table code names: 'service-<code>', or a missing record ('not-found'). */
export function serviceErrorCode(tableCode: string): ServiceErrorCode | null {
  if (tableCode === 'not-found') return 'not-found';
  const own = tableCode.startsWith(SERVICE_ERROR_PREFIX) ? tableCode.slice(SERVICE_ERROR_PREFIX.length) : '';
  return own !== 'not-found' && Object.hasOwn(SERVICE_ERRORS, own) ? (own as ServiceErrorCode) : null;
}

/** A language's words for the values the sentences carry as codes; English (null) shows them as they are. */
export interface ServiceValueWords {
  /** Run statuses ({status}, {next}). */
  statuses: Readonly<Record<string, string>>;
  /** Kinds of record ({what}). */
  records: Readonly<Record<string, string>>;
}

/**
 * The values `code`'s sentence is filled with: each coded value worded by `words` (unknown ones kept as they are),
 * and a missing record's id quoted the way its English message quotes it.
 */
export function serviceErrorValues(
  code: ServiceErrorCode,
  params: Readonly<Record<string, string | number>>,
  words: ServiceValueWords | null,
): Record<string, string | number> {
  const values: Record<string, string | number> = { ...params };
  if (code === 'not-found' && params.id !== undefined) values.id = JSON.stringify(params.id);
  if (!words) return values;
  const word = (table: Readonly<Record<string, string>>, value: string | number | undefined) =>
    typeof value === 'string' && Object.hasOwn(table, value) ? table[value] : value;
  for (const key of ['status', 'next'] as const)
    if (values[key] !== undefined) values[key] = word(words.statuses, values[key])!;
  if (values.what !== undefined) values.what = word(words.records, values.what)!;
  return values;
}
