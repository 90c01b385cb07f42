// The words of a CSV preview's own problems (main/api/csvPreviewProblems.ts) in each language; rows' problems reuse
// the import's refusal words (importErrorMessages.ts) after their line. Worded by previewProblemText.ts.
import { CSV_PREVIEW_PROBLEMS } from '../../../main/api/csvPreviewProblems';
import type { Messages } from '../lib/i18n.svelte';

export const csvPreviewMessages: Messages<keyof typeof CSV_PREVIEW_PROBLEMS> = {
  en: { ...CSV_PREVIEW_PROBLEMS },
  'zh-CN': { 'more-ragged-rows': '……另有 {count} 行的字段数不对' },
};

/** A row's problem after its line (the file is named above the list). */
export const csvPreviewLineMessages: Messages<'onLine'> = {
  en: { onLine: 'line {line}: {problem}' },
  'zh-CN': { onLine: '第 {line} 行：{problem}' },
};
