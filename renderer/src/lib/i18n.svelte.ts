// English and Simplified Chinese. Each feature keeps its own messages (a `messages.ts` beside its components)
// and gets a `t` for them from `translator`; the language follows the system until the user picks one.
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** A feature's messages: English is the reference; Chinese must have every key (a unit test checks). */
export interface Messages<K extends string = string> {
  en: Record<K, string>;
  'zh-CN': Record<K, string>;
}

const STORAGE_KEY = 'netwright.locale';

function systemLocale(): Locale {
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : null;
  } catch {
    return null;
  }
}

export const language = $state({ locale: storedLocale() ?? systemLocale() });

export function setLocale(locale: Locale): void {
  language.locale = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* private mode: the choice lasts this session */
  }
  document.documentElement.lang = locale;
}

/** `t('key', { n: 3 })` fills {n} in the current language's message (falling back to English). */
export function translator<K extends string>(messages: Messages<K>) {
  return (key: K, params: Record<string, string | number> = {}): string => {
    const text = messages[language.locale][key] ?? messages.en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
  };
}
