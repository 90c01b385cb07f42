// Why a run failed, in the studio's language: a run failure's code from its table (state/messages.ts), another
// table's code (a checkpoint that could not be written, a refusal before the run started) as errorText words that
// error everywhere, and a run failed before failure codes were kept by the English it stored.
import { runFailureText } from '../../../main/api/runFailures';
import type { RunFailure } from '../../../main/api/types';
import { language } from '../lib/i18n.svelte';
import { StudioError } from '../lib/host';
import { errorText } from './errorText';
import { runFailureMessages } from './messages';

export function failureText(failure: RunFailure | null, error: string | null): string | null {
  if (!failure) return error;
  return (
    runFailureText(failure, runFailureMessages[language.locale]) ??
    errorText(new StudioError({ message: error ?? failure.code, code: failure.code, params: failure.params }))
  );
}
