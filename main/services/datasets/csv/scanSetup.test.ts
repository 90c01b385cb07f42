// The first read's setups: the import's follows its missing-cell policy and spools only the feature columns; the
// preview reads every column, keeps the first rows and lists ragged rows instead of stopping.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempFolder, type TempFolder } from '../testHelpers';
import { readLayout } from './layout';
import { MAX_CLASSES } from './options';
import { importScanSetup, previewScanSetup } from './scanSetup';

let temp: TempFolder;
let path: string;
beforeEach(() => {
  temp = tempFolder();
  path = temp.file('table.csv', 'x;y;fold;note;label\n1,5;2;train;a;yes\n');
});
afterEach(() => temp.remove());

describe('the first read of an import', () => {
  const choices = (missing: 'drop-row' | 'fill-mean') => ({
    // fold is the split column, note excluded.
    used: [true, true, false, false, true],
    labelIndex: 4,
    splitIndex: 2,
    missing,
    spoolPath: join(temp.dir, 'features.f32'),
  });

  it('reads the file as its layout found it and stops at a ragged row', () => {
    const setup = importScanSetup(path, readLayout(path, {}), choices('drop-row'));
    expect(setup).toMatchObject({
      path,
      delimiter: ';',
      hasHeader: true,
      decimalComma: true,
      names: ['x', 'y', 'fold', 'note', 'label'],
      splitIndex: 2,
      labelCap: MAX_CLASSES,
      ragged: 'throw',
    });
  });

  it('drops rows with a missing cell, or fills them and then needs every label', () => {
    const layout = readLayout(path, {});
    expect(importScanSetup(path, layout, choices('drop-row'))).toMatchObject({
      dropMissing: true,
      labelRequired: false,
    });
    expect(importScanSetup(path, layout, choices('fill-mean'))).toMatchObject({
      dropMissing: false,
      labelRequired: true,
    });
  });

  it('spools the feature columns only: not the label, the split column or excluded ones', () => {
    const setup = importScanSetup(path, readLayout(path, {}), choices('drop-row'));
    expect(setup.spool.columns).toEqual([0, 1]);
  });
});

describe('the first read of a preview', () => {
  it('profiles every column without a label, keeps the first rows and lists ragged rows', () => {
    const setup = previewScanSetup(path, readLayout(path, {}), { firstRows: 7, maxRows: 100 });
    expect(setup).toMatchObject({
      used: [true, true, true, true, true],
      labelIndex: null,
      dropMissing: false,
      ragged: 'collect',
      firstRows: 7,
      maxRows: 100,
    });
    expect(setup.spool).toBeUndefined();
  });
});
