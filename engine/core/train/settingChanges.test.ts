// The checks on a settings change at a pause: codes with the setting named, as configCheck.ts gives for a new run.
import { describe, expect, it } from 'vitest';
import { chain, config } from '../../test/models';
import { checkSettingsChange, isSettingChangeList } from './settingChanges';

const spec = chain([
  { id: 'input', op: 'input', params: { shape: [2] } },
  { id: 'fc', op: 'dense', params: { units: 4 } },
  { id: 'drop', op: 'dropout', params: { p: 0.3 } },
  { id: 'out', op: 'dense', params: { units: 2 } },
]);
const early = config({ earlyStopping: { metric: 'val_loss', patience: 5 } });

describe('checkSettingsChange', () => {
  it('accepts settings in range', () => {
    expect(checkSettingsChange(spec, early, { learningRate: 0.1, l1: 0, l2: 1e-3, dropout: 0.5, patience: 2 })).toEqual(
      [],
    );
  });

  it('names each setting out of range with its allowed range', () => {
    const problems = checkSettingsChange(spec, early, { learningRate: 0, l2: -1, dropout: { drop: 1 }, patience: 1.5 });
    expect(problems.map((p) => [p.code, p.setting])).toEqual([
      ['setting-out-of-range', 'optimizer.lr'],
      ['setting-out-of-range', 'l2'],
      ['setting-out-of-range', 'earlyStopping.patience'],
      ['setting-out-of-range', 'dropout.drop'],
    ]);
  });

  it('refuses an empty change, a node that is not a dropout layer, and patience without early stopping', () => {
    expect(checkSettingsChange(spec, early, {})).toEqual([{ code: 'change-empty', setting: '' }]);
    expect(checkSettingsChange(spec, early, { dropout: { fc: 0.1 } })).toEqual([
      { code: 'change-no-dropout-layer', setting: 'dropout.fc', nodeId: 'fc' },
    ]);
    expect(checkSettingsChange(spec, config(), { patience: 3 })).toEqual([
      { code: 'change-no-early-stopping', setting: 'earlyStopping.patience' },
    ]);
  });

  it('reads back only well-formed change lists', () => {
    expect(isSettingChangeList([{ epoch: 1, step: 3, setting: 'l1', from: 0, to: 1 }])).toBe(true);
    expect(isSettingChangeList([{ epoch: 0, step: 3, setting: 'l1', from: 0, to: 1 }])).toBe(false);
    expect(isSettingChangeList([{ epoch: 1, step: 3, setting: 'momentum', from: 0, to: 1 }])).toBe(false);
  });
});
