// A refusal that quotes an example file, with that file's reason in the user's language: main sends the reason's
// code and values beside its English (main/api/exampleReason.ts); without them the English stays.
import { exampleReasonOf } from '../../../main/api/exampleReason';
import type { SkipReasonCode } from '../../../main/api/importNotes';

/** `params` with `reason` worded by `wordReason` (the skip reasons' table in the user's language) when it is coded. */
export function withExampleReason(
  params: Record<string, string | number>,
  wordReason: (code: SkipReasonCode, values: Record<string, string | number>) => string,
): Record<string, string | number> {
  const why = exampleReasonOf(params);
  return why ? { ...params, reason: wordReason(why.code, why.values) } : params;
}
