// A refusal that quotes a reason (an example file's reason for being skipped, the system's reason a folder could not
// be read), with that reason in the user's language: main sends its code and values beside its English
// (main/api/quotedReasons.ts); without them the English stays.
import { exampleReasonOf, systemReasonOf } from '../../../main/api/quotedReasons';
import type { SkipReasonCode } from '../../../main/api/importNotes';
import type { SystemErrorCode } from '../../../main/api/systemErrors';

type Values = Record<string, string | number>;

/** How the reasons are worded in the user's language (the skip reasons' and the system errors' tables). */
export interface ReasonWords {
  skip: (code: SkipReasonCode, values: Values) => string;
  system: (code: SystemErrorCode, values: Values) => string;
}

/** `params` with `reason` worded by `words` when main sent it coded. */
export function withQuotedReason(params: Values, words: ReasonWords): Values {
  const example = exampleReasonOf(params);
  if (example) return { ...params, reason: words.skip(example.code, example.values) };
  const system = systemReasonOf(params);
  if (system) return { ...params, reason: words.system(system.code, system.values) };
  return params;
}
