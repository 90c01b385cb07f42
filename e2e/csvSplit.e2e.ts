// The CSV import dialog with a split column, in Chromium against web mode: a column named `split` is offered as the
// split column (and not as the label), the share sliders give way to a hint, and the rows go where it says.
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ownStudio, snapshot } from './studio';

const studio = ownStudio(3, 'csv-split');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

/** 20 rows: x, y, then the split column last (where a label would usually be), then nothing after it. */
function foldsCsv(): string {
  const splits = ['train', 'train', 'train', 'val', 'test'];
  const rows = Array.from({ length: 20 }, (_, i) => `${i},${i % 2 ? 'odd' : 'even'},${splits[i % 5]}`);
  return `x,parity,split\n${rows.join('\n')}\n`;
}

test("a column named split is offered as the split column and decides each row's split", async ({ page }, testInfo) => {
  const csv = testInfo.outputPath('folds.csv');
  writeFileSync(csv, foldsCsv());
  test.setTimeout(90_000);
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'Import a CSV table…' }).click(); // the empty studio's welcome
  await page.getByLabel('CSV file').setInputFiles(csv);
  await expect(page.getByLabel('Split column')).toHaveValue('split');
  await expect(page.getByLabel('Label column')).toHaveValue('parity'); // the last column, but not the split column
  await expect(page.getByText('Each row goes to the split its cell names')).toBeVisible();
  await expect(page.getByLabel('Train share')).toHaveCount(0);
  await snapshot(page, testInfo, 'csv-split-column');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    page.getByRole('dialog').getByText("split from column 'split': 12 train, 4 validation, 4 test"),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  // Choosing no split column brings the sliders back.
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.getByLabel('CSV file').setInputFiles(csv);
  await page.getByLabel('Split column').selectOption('');
  await expect(page.getByLabel('Train share')).toBeVisible();
});
