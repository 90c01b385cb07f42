// Which language the command line speaks (English or Simplified Chinese), chosen from the environment, and how its
// word tables are filled: every table has both languages, which the compiler checks.
import { fillMessage } from '../../engine/core/spec/problemText';
import { UsageError } from './args';
import { HELP_WORDS } from './helpWords';

export const CLI_LOCALES = ['en', 'zh'] as const;
export type CliLocale = (typeof CLI_LOCALES)[number];

/** A table of words keyed by code, in each language; `{name}` marks a value filled in. */
export type Words<Code extends string> = Readonly<Record<CliLocale, Readonly<Record<Code, string>>>>;

/** A text in each language (a command's usage): built once per language from the same template (inEachLanguage). */
export type InEachLanguage = Readonly<Record<CliLocale, string>>;

export function inEachLanguage<Text = string>(text: (locale: CliLocale) => Text): Readonly<Record<CliLocale, Text>> {
  return { en: text('en'), zh: text('zh') };
}

export const LANGUAGE_USAGE = inEachLanguage(
  (locale) => `NETWRIGHT_LANG=en|zh netwright <command> …   ${HELP_WORDS[locale].languageUnset}`,
);

/**
 * NETWRIGHT_LANG (en or zh) wins; otherwise the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty (the
 * POSIX order): a value starting with "zh" (zh_CN.UTF-8, zh_TW, zh) gives Chinese, anything else English.
 */
export function cliLocale(env: Readonly<Record<string, string | undefined>> = process.env): CliLocale {
  const chosen = env.NETWRIGHT_LANG;
  if (chosen !== undefined && chosen !== '') {
    if ((CLI_LOCALES as readonly string[]).includes(chosen)) return chosen as CliLocale;
    throw new UsageError('unknown-language', { choices: CLI_LOCALES.join(' or '), value: chosen }, LANGUAGE_USAGE);
  }
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return posix !== undefined && posix.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The words for `code` in `locale`, with its {values} filled in. */
export function say<Code extends string>(
  words: Words<Code>,
  locale: CliLocale,
  code: Code,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fillMessage(words[locale][code], values);
}

/** `say` bound to one table and language: `t('epochOf', { epoch: 3, epochs: 10 })`. */
export function speaker<Code extends string>(
  words: Words<Code>,
  locale: CliLocale,
): (code: Code, values?: Readonly<Record<string, string | number>>) => string {
  return (code, values = {}) => say(words, locale, code, values);
}
