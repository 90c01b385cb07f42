// Why a run failed (engine/core/train/runFailure.ts has the codes and their values), in English: the run's stored
// error text, the CLI in English and the studio in English; runFailuresZh.ts has the Chinese. On the wire and in the
// store the code is 'failure-<code>'. A run ended by another coded error (a checkpoint that could not be written, a
// refusal before it started) is worded by that error's own table instead.
import { fillMessage } from '../../engine/core/spec/problemText';
import { runFailureCode, type RunFailure, type RunFailureCode } from '../../engine/core/train/runFailure';

export const RUN_FAILURES: Record<RunFailureCode, string> = {
  'diverged-gradients':
    'The loss became NaN or infinite at epoch {epoch}, step {step} (learning rate {learningRate}, {optimizer}), so training stopped. Likely cause: exploding gradients (the last gradient norm was {gradNorm}).',
  'diverged-rate':
    'The loss became NaN or infinite at epoch {epoch}, step {step} (learning rate {learningRate}, {optimizer}), so training stopped. Likely cause: a learning rate too high for {optimizer}, where up to {usualRate} is usual.',
  'diverged-gradients-rate':
    'The loss became NaN or infinite at epoch {epoch}, step {step} (learning rate {learningRate}, {optimizer}), so training stopped. Likely cause: exploding gradients (the last gradient norm was {gradNorm}) after steps too large: a learning rate too high for {optimizer}, where up to {usualRate} is usual.',
  'diverged-data':
    'The loss became NaN or infinite at epoch {epoch}, step {step} (learning rate {learningRate}, {optimizer}), so training stopped. The learning rate and the gradients looked ordinary: look for NaN, infinite or very large values in the data, or an unstable layer.',
  'diverged-unclear':
    'The loss became NaN or infinite at epoch {epoch}, step {step} (learning rate {learningRate}, {optimizer}), so training stopped. The learning rate is in the usual range for {optimizer}: steps that grew too large anyway (exploding gradients, which gradient clipping would measure and cap), or NaN, infinite or very large values in the data.',
  'engine-killed': 'the engine process was killed ({signal})',
  'engine-crashed': 'the engine process crashed (exit code {exitCode})',
  'engine-exited': 'the engine process exited before the run ended',
  'studio-closed': 'the studio closed before the run finished stopping',
  'interrupted-queued': 'Netwright closed while this run was queued; continue it from its last checkpoint.',
  'interrupted-running': 'Netwright closed while this run was running; continue it from its last checkpoint.',
  'interrupted-paused': 'Netwright closed while this run was paused; continue it from its last checkpoint.',
  'dataset-missing-file': 'The dataset file {file} is missing: import the data again.',
  'dataset-file-size':
    'The dataset file {file} holds {bytes} bytes where its manifest implies {expected}: it was cut short or changed; import the data again.',
  'dataset-file-cut':
    'The dataset file {file} ended after {read} of its {bytes} bytes while being read: import the data again.',
  'dataset-bad-label':
    'The dataset file {file} gives row {row} the class {label}, outside 0..{last}: import the data again.',
  'dataset-bad-split-row':
    'The dataset file {file} names row {row}, but the dataset has {count} rows: import the data again.',
  'dataset-no-manifest': '{folder} is not a dataset folder: its {manifest} is missing.',
  'disk-full': 'There is no space left on the disk for {file}: free some space, then continue the run.',
  'no-permission':
    'Netwright is not allowed to use {file} (permission denied): give it access to its data folder, then continue the run.',
  'read-only-disk':
    '{file} is on a disk that can only be read: move the data folder to a writable disk, then continue the run.',
  'system-error':
    'The system could not write or read {file} ({errno}): check the disk and the folder, then continue the run.',
  'out-of-memory': 'The engine ran out of memory: a smaller batch size or a smaller network needs less.',
  'engine-error': 'The engine stopped on an error it did not expect: {message}',
  'no-reason': 'the run failed (no reason was given)',
};

/** Optimizers by their names, the same in every language ({optimizer} holds the config's type). */
const OPTIMIZER_NAMES: Readonly<Record<string, string>> = {
  sgd: 'SGD',
  adagrad: 'AdaGrad',
  rmsprop: 'RMSProp',
  adam: 'Adam',
  adamw: 'AdamW',
};

/** The sentence of run failure `code` from `table` (English: RUN_FAILURES), filled with `params`. */
export function runFailureSentence(
  code: RunFailureCode,
  params: Readonly<Record<string, string | number>>,
  table: Readonly<Record<RunFailureCode, string>>,
): string {
  const { optimizer } = params;
  const values =
    typeof optimizer === 'string' && Object.hasOwn(OPTIMIZER_NAMES, optimizer)
      ? { ...params, optimizer: OPTIMIZER_NAMES[optimizer] }
      : params;
  return fillMessage(table[code], values);
}

/** A run failure's sentence from `table`, or null when its code is not a run failure's (another table's). */
export function runFailureText(failure: RunFailure, table: Readonly<Record<RunFailureCode, string>>): string | null {
  const code = runFailureCode(failure.code);
  return code ? runFailureSentence(code, failure.params, table) : null;
}
