// The model's problems in the user's language: one message per reason analyze() gives (engine/core/spec/problemReasons.ts),
// filled from its arguments. English is the engine's own table; Chinese is main/api/specWordsZh.ts (the CLI's too).
import { PROBLEM_ENGLISH, WARNING_ENGLISH } from '../../../engine/core/spec/problemText';
import type { WarningCode } from '../../../engine/core/spec/types';
import type { ProblemReason } from '../../../engine/core/spec/problemReasons';
import { SPEC_PROBLEMS_ZH, SPEC_WARNINGS_ZH } from '../../../main/api/specWordsZh';
import type { Messages } from '../lib/i18n.svelte';

export const problemMessages: Messages<ProblemReason> = {
  en: { ...PROBLEM_ENGLISH },
  'zh-CN': { ...SPEC_PROBLEMS_ZH },
};

/** The model's warnings (engine/core/spec/advice.ts) in the user's language. */
export const warningMessages: Messages<WarningCode> = { en: { ...WARNING_ENGLISH }, 'zh-CN': { ...SPEC_WARNINGS_ZH } };
