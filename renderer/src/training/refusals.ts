// A run the studio refused to start (settings out of range or unsuited to the data, every layer frozen, a model too
// large for memory, a graph that does not fit the dataset, another run training) is worded from the refusal's code
// and parameters by trainMessages; other errors keep their own message.
const REFUSALS = [
  'setting-out-of-range',
  'setting-not-a-choice',
  'split-sum',
  'augmentation-needs-images',
  // A loss or early stopping that does not suit the dataset (engine/core/train/dataFit.ts's checkSettingsFit).
  'loss-needs-classes',
  'loss-needs-targets',
  'binary-needs-two-classes',
  'accuracy-needs-classes',
  'early-stopping-no-validation',
  'all-frozen',
  'model-too-large',
  'input-mismatch',
  'output-mismatch',
  'busy',
  // A weights file that does not fit the graph (engine/core/io/weightsMatch.ts's WeightsError codes).
  'weights-shape-mismatch',
  'weights-not-float',
  'weights-nothing-matched',
  'weights-no-checkpoint',
] as const;

export type RefusalKey = `refused_${(typeof REFUSALS)[number]}`;

/** The trainMessages key for a refusal `code` (null when `code` is not one, or came without its values). */
export function refusalKey(code: string, params: Record<string, string | number> | undefined): RefusalKey | null {
  return (REFUSALS as readonly string[]).includes(code) && params ? (`refused_${code}` as RefusalKey) : null;
}
