// The name a learner knows for a setting a refusal names by its path (the words are in ./messages.ts). Pure: the
// caller passes the table of the current language, so this runs without the app's runes.
import type { SettingKey } from './messages';

type SettingWords = Record<SettingKey, string>;

/**
 * The words for `path` from `words`: "schedule.milestones[1]" is the milestones, "dropout.d1" the dropout rate of
 * layer d1; a path the table does not know is shown as it is.
 */
export function settingName(path: string, words: SettingWords): string {
  const dropout = /^dropout\.(.+)$/.exec(path);
  if (dropout) return words.dropoutOf.replace('{node}', dropout[1]);
  const key = path.replace(/\[\d+\]$/, '');
  return Object.hasOwn(words, key) ? words[key as SettingKey] : path;
}

/** A refusal's values with its `setting` path replaced by the setting's words (other values as they are). */
export function withSettingName(
  params: Record<string, string | number>,
  words: SettingWords,
): Record<string, string | number> {
  return typeof params.setting === 'string' && params.setting !== ''
    ? { ...params, setting: settingName(params.setting, words) }
    : params;
}
