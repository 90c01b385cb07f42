// A refusal's values in the user's language: a quoted reason (an example file's reason for being skipped, the
// system's reason a folder could not be read) main sends as a code with values beside its English
// (main/api/quotedReasons.ts; without them the English stays), and the count of more names after a list
// (main/api/nameLists.ts).
import { withMoreNames } from '../../../main/api/nameLists';
import { exampleReasonOf, systemReasonOf } from '../../../main/api/quotedReasons';
import type { SkipReasonCode } from '../../../main/api/importNotes';
import type { SystemErrorCode } from '../../../main/api/systemErrors';

type Values = Record<string, string | number>;

/** How the reasons are worded in the user's language (the skip reasons' and the system errors' tables). */
export interface ReasonWords {
  skip: (code: SkipReasonCode, values: Values) => string;
  system: (code: SystemErrorCode, values: Values) => string;
}

/** The words a refusal's values need in the user's language. */
export interface ValueWords extends ReasonWords {
  /** " and 3 more" after a list of names. */
  more: (count: number) => string;
}

/** `params` as the user's language fills a refusal's sentence with them: the reason worded, lists' tails added. */
export function wordedValues(params: Values, words: ValueWords): Values {
  return withMoreNames(withQuotedReason(params, words), words.more);
}

/** `params` with `reason` worded by `words` when main sent it coded. */
export function withQuotedReason(params: Values, words: ReasonWords): Values {
  const example = exampleReasonOf(params);
  if (example) return { ...params, reason: words.skip(example.code, example.values) };
  const system = systemReasonOf(params);
  if (system) return { ...params, reason: words.system(system.code, system.values) };
  return params;
}
