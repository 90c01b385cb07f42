// A swept setting's name in the user's language (the layer's own label for a layer size).
import { parseSettingKey, type SweepSetting } from '../../../engine/core/train/sweep';
import type { GroupMessageKey } from './messages';

type Words = (key: GroupMessageKey, values?: Record<string, string | number>) => string;

export function settingName(setting: SweepSetting, t: Words): string {
  switch (setting.kind) {
    case 'lr':
      return t('setting_lr');
    case 'batchSize':
      return t('setting_batch');
    case 'optimizer':
      return t('setting_optimizer');
    case 'l1':
      return t('setting_l1');
    case 'l2':
      return t('setting_l2');
    case 'epochs':
      return t('setting_epochs');
    case 'dropout':
      return setting.nodeId ? `${t('setting_dropout')} (${setting.nodeId})` : t('setting_dropout');
    case 'units':
      return t('setting_units', { node: setting.nodeId });
    default:
      throw new Error(`unknown sweep setting ${JSON.stringify(setting satisfies never)}`);
  }
}

/** The name of a setting stored by its key (lr, batch, units@fc1.units …); the key itself if it is not one. */
export function settingNameOfKey(key: string, t: Words): string {
  const setting = parseSettingKey(key);
  return setting ? settingName(setting, t) : key;
}
