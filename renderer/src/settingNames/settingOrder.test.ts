// Settings side by side follow the training form's order: every setting the words table names has one place, and
// list elements, a layer's dropout and paths the list does not know stand beside their kin.
import { describe, expect, it } from 'vitest';
import { settingNameMessages, type SettingKey } from './messages';
import { compareSettings, SETTING_ORDER } from './settingOrder';

/** Entries of the words table that are not configuration paths: a switch's values, a layer's setting templates. */
const NOT_PATHS: ReadonlySet<SettingKey> = new Set<SettingKey>(['switchOn', 'switchOff', 'dropoutOf', 'unitsOf']);

describe('the order of settings', () => {
  it('places every configuration path the words table names, once', () => {
    const paths = (Object.keys(settingNameMessages.en) as SettingKey[]).filter((key) => !NOT_PATHS.has(key));
    expect([...SETTING_ORDER].sort()).toEqual(paths.sort());
    expect(new Set(SETTING_ORDER).size).toBe(SETTING_ORDER.length);
  });

  it('keeps each group together, the groups in the training form’s order', () => {
    const groups = SETTING_ORDER.map((path) => path.split('.')[0]).filter((g, i, all) => g !== all[i - 1]);
    expect(groups).toEqual([
      'dataset',
      'split',
      'splitSeed',
      'shuffle',
      'loss',
      'dropout',
      'optimizer',
      'schedule',
      'epochs',
      'batchSize',
      'l1',
      'l1IncludeBias',
      'l2',
      'clipping',
      'earlyStopping',
      'augmentation',
      'seed',
      'version',
    ]);
  });

  it('sorts paths as the training form groups them, not by their letters', () => {
    const shuffled = ['version', 'seed', 'augmentation.contrast', 'batchSize', 'optimizer.type', 'loss', 'dataset'];
    expect(shuffled.sort(compareSettings)).toEqual([
      'dataset',
      'loss',
      'optimizer.type',
      'batchSize',
      'augmentation.contrast',
      'seed',
      'version',
    ]);
  });

  it('puts list elements at their list, a layer’s dropout at the dropout rate, unknown paths after their group', () => {
    const paths = ['zeta', 'optimizer.future', 'schedule.type', 'dropout.d2', 'dropout.d1', 'optimizer.lr', 'loss'];
    expect(paths.sort(compareSettings)).toEqual([
      'loss',
      'dropout.d1',
      'dropout.d2',
      'optimizer.lr',
      'optimizer.future',
      'schedule.type',
      'zeta',
    ]);
    expect(['schedule.gamma', 'schedule.milestones[1]', 'schedule.milestones[0]'].sort(compareSettings)).toEqual([
      'schedule.milestones[0]',
      'schedule.milestones[1]',
      'schedule.gamma',
    ]);
  });
});
