// Why a run failed, in the CLI's language: a run failure's code from main/api's tables, another coded error (a
// checkpoint that could not be written, a refusal before the run started) as the CLI words that error anywhere, and a
// run failed before failure codes were kept by the English it stored.
import { CodedError } from '../../engine/core/errors/coded';
import type { RunFailure } from '../../engine/core/train/runFailure';
import { runFailureText } from '../api/runFailures';
import { codedErrorText, runFailureTable } from './errorWords';
import type { CliLocale } from './locale';

export function failureText(failure: RunFailure | null, error: string | null, locale: CliLocale): string | null {
  if (!failure) return error;
  const own = runFailureText(failure, runFailureTable(locale));
  if (own !== null) return own;
  const english = error ?? failure.code;
  if (locale === 'en') return english;
  return codedErrorText(new CodedError(failure.code, failure.params, english), locale) ?? english;
}
