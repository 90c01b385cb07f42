// The name a learner knows for a training setting, from one table (./messages.ts) for both ways settings are named:
// by configuration path (refusals, pause changes: "optimizer.lr") and by sweep key (groups: "lr", "units@fc1.units").
// Pure: the caller passes the table of the current language, so this runs without the app's runes.
import { parseSettingKey, type SweepSetting } from '../../../engine/core/train/sweep';
import type { SettingKey } from './messages';

type SettingWords = Record<SettingKey, string>;

/** Entries that word one layer's setting ({node}): reached through a path or key naming the layer, never directly. */
const LAYER_ENTRIES: ReadonlySet<string> = new Set<SettingKey>(['dropoutOf', 'unitsOf']);

const ofNode = (template: string, nodeId: string) => template.replace('{node}', nodeId);

/** A sweep setting's words: the entry of the configuration path it sets, or its layer's entry. */
export function sweepSettingName(setting: SweepSetting, words: SettingWords): string {
  switch (setting.kind) {
    case 'lr':
      return words['optimizer.lr'];
    case 'batchSize':
      return words.batchSize;
    case 'optimizer':
      return words['optimizer.type'];
    case 'l1':
      return words.l1;
    case 'l2':
      return words.l2;
    case 'epochs':
      return words.epochs;
    case 'dropout':
      return setting.nodeId ? ofNode(words.dropoutOf, setting.nodeId) : words.dropout;
    case 'units':
      return ofNode(words.unitsOf, setting.nodeId);
    default:
      throw new Error(`unknown sweep setting ${JSON.stringify(setting satisfies never)}`);
  }
}

/**
 * The words for `name`, a configuration path or a sweep key: "schedule.milestones[1]" is the milestones,
 * "dropout.d1" and "dropout@d1" the dropout rate of layer d1, "lr" the learning rate; a name neither knows is
 * shown as it is.
 */
export function settingName(name: string, words: SettingWords): string {
  const dropout = /^dropout\.(.+)$/.exec(name);
  if (dropout) return ofNode(words.dropoutOf, dropout[1]);
  const path = name.replace(/\[\d+\]$/, '');
  if (Object.hasOwn(words, path) && !LAYER_ENTRIES.has(path)) return words[path as SettingKey];
  const sweep = parseSettingKey(name);
  return sweep ? sweepSettingName(sweep, words) : name;
}

/** The words as a label or at the start of a sentence: a first Latin letter in capitals ("Learning rate"). */
export function settingLabel(setting: string | SweepSetting, words: SettingWords): string {
  const text = typeof setting === 'string' ? settingName(setting, words) : sweepSettingName(setting, words);
  return text.charAt(0).toLocaleUpperCase('en') + text.slice(1);
}

/** A refusal's values with its `setting` (a path or a sweep key) replaced by the setting's words. */
export function withSettingName(
  params: Record<string, string | number>,
  words: SettingWords,
): Record<string, string | number> {
  return typeof params.setting === 'string' && params.setting !== ''
    ? { ...params, setting: settingName(params.setting, words) }
    : params;
}
