// How a failed command reports: one line `netwright: <message>` and exit code 1, or for a usage mistake the
// message, the command's usage and exit code 2, in the user's language (errorWords.ts, usageWords.ts). Importers and exporters may put line breaks
// in their messages.
import { UsageError } from './args';
import { codedErrorText } from './errorWords';
import { HELP_WORDS } from './helpWords';
import { say, type CliLocale, type InEachLanguage } from './locale';
import { USAGE_MISTAKE_WORDS } from './usageWords';

export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** A message on one line. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** What to print on stderr for `error` in `locale`, and the exit code. */
export function errorReport(
  error: unknown,
  commandUsage: InEachLanguage,
  locale: CliLocale,
): { text: string; code: number } {
  if (error instanceof UsageError) {
    const mistake = oneLine(say(USAGE_MISTAKE_WORDS, locale, error.code, { ...error.values, ...error.worded[locale] }));
    const usage = say(HELP_WORDS, locale, 'usageOf', { usage: (error.usage ?? commandUsage)[locale] });
    return { text: `netwright: ${mistake}\n${usage}\n`, code: EXIT_USAGE };
  }
  // English is each error's own message, as it always was; another language words the errors it has codes for.
  const english = error instanceof Error ? error.message : String(error);
  const message = oneLine(locale === 'en' ? english : (codedErrorText(error, locale) ?? english));
  return { text: `netwright: ${message}\n`, code: EXIT_ERROR };
}
