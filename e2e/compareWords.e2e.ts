// The compare view's graph changes in words, in Chromium against web mode: two runs whose graphs differ (Dense units
// 64 and 128, a Dropout added) read with the layers' names and the Inspector's labels in English and Chinese; then
// the export and CSV import dialogs (their shared form styles and progress plumbing) export and import as before.
// Its own studio (see ownStudio). NETWRIGHT_DIALOG_SHOTS=<folder> also keeps the two dialogs' pictures there, to
// compare them before and after a style change.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { openOnSpirals, ownStudio, selectNode, snapshot } from './studio';

const studio = ownStudio(18, 'compare-words');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());
test.describe.configure({ mode: 'serial' });

async function train(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('3');
  await page.getByLabel('Run name').fill(name);
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });
}

/** The dialog alone, as an attachment and (with NETWRIGHT_DIALOG_SHOTS) in that folder. */
async function dialogShot(dialog: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await dialog.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  const keep = process.env.NETWRIGHT_DIALOG_SHOTS;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    copyFileSync(path, join(keep, `${name}.png`));
  }
}

test('two runs compared: their graph changes name layers and settings as the editor does', async ({
  page,
}, testInfo) => {
  await openOnSpirals(page, studio.url);
  await expect(page.getByLabel('Dense fc1')).toContainText('Units 64');
  await train(page, 'units 64');

  await page.getByRole('tab', { name: 'Model' }).click();
  await selectNode(page, 'Dense fc1');
  await page.getByRole('spinbutton', { name: 'Units' }).fill('128');
  await page.getByRole('spinbutton', { name: 'Units' }).press('Enter');
  await expect(page.getByLabel('Dense fc1')).toContainText('Units 128');
  // After the output layer, so the graph still trains (dropout passes values through in evaluation).
  await selectNode(page, 'Dense fc3');
  await page.getByRole('button', { name: 'Add Dropout', exact: true }).dblclick();
  await expect(page.getByLabel(/^Dropout dropout1/)).toBeVisible();
  await train(page, 'units 128 dropout');

  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByLabel('Select run units 64').check();
  await page.getByLabel('Select run units 128 dropout').check();
  await page.getByRole('button', { name: 'Compare (2)' }).click();
  const comparison = page.getByRole('region', { name: 'Comparison' });
  const changes = comparison.locator('.changes li');
  await expect(changes.filter({ hasText: 'fc1' })).toHaveText(/^~ fc1: Units 64 → 128/);
  await expect(changes.filter({ hasText: 'dropout1' })).toHaveText([
    '+ dropout1 (Dropout) added',
    '+ connection fc3 → dropout1',
  ]);
  await comparison.getByRole('heading', { name: 'Graph changes' }).scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'compare-graph-changes-en');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const zh = page.getByRole('region', { name: '比较' });
  await expect(zh.locator('.changes li').filter({ hasText: 'fc1' })).toHaveText(/^~ fc1：单元数 64 → 128/);
  await expect(zh.locator('.changes li').filter({ hasText: 'dropout1' })).toHaveText([
    '+ 新增 dropout1（Dropout）',
    '+ 连接 fc3 → dropout1',
  ]);
  await zh.getByRole('heading', { name: '图的变化' }).scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'compare-graph-changes-zh');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
});

test('the export dialog exports a run to ONNX and links the file', async ({ page }, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'units 64', exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export units 64' });
  await expect(dialog.getByLabel('Normalization')).toBeVisible();
  await dialogShot(dialog, testInfo, 'export-dialog');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Exported:');
  await expect(dialog.getByRole('link', { name: /\.onnx$/ })).toBeVisible();
  await dialogShot(dialog, testInfo, 'export-dialog-done');
});

test('the CSV import dialog previews, imports with progress and names the new dataset', async ({ page }, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  const csv = testInfo.outputPath('rings.csv');
  const rows = Array.from({ length: 40 }, (_, i) => `${(i % 8) - 4},${(i % 5) * 0.5},${i % 3 ? 'a' : 'b'}`);
  writeFileSync(csv, `x,y,kind\n${rows.join('\n')}\n`);
  await page.goto(studio.url);
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.getByLabel('CSV file').setInputFiles(csv);
  await expect(page.getByLabel('Label column')).toHaveValue('kind');
  const dialog = page.getByRole('dialog');
  await dialogShot(dialog, testInfo, 'csv-import-dialog');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByText('Dataset rings imported and selected.')).toBeVisible();
  await dialogShot(dialog, testInfo, 'csv-import-dialog-done');
  await dialog.getByRole('button', { name: 'Done' }).click();
});
