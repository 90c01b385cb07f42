// A refused import in the Chinese studio, in Chromium against web mode: a CSV table with a ragged row is refused in
// Chinese, naming the file and the row (the import error's code and values, worded by the renderer's table), and its
// preview lists that row in Chinese before the import.
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ownStudio, snapshot } from './studio';

const studio = ownStudio(19, 'chinese-import-errors');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

test('a CSV table with a ragged row is refused in Chinese, naming the file and the row', async ({ page }, testInfo) => {
  const csv = testInfo.outputPath('ragged.csv');
  writeFileSync(csv, 'x,y,label\n1,2,a\n3,4,b\n5,6\n7,8,a\n');
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'zh-CN')" });
  await page.goto(studio.url);
  await page.getByRole('button', { name: '导入 CSV 表格…' }).click(); // the empty studio's welcome
  await page.getByLabel('CSV 文件').setInputFiles(csv);
  await expect(page.getByLabel('标签列')).toHaveValue('label');
  // The preview lists the row before anything is imported, in Chinese too (it sent English sentences).
  await expect(page.getByRole('dialog').locator('ul.problems')).toHaveText('第 4 行：有 2 个字段，应为 3 个');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  const refusal = page.getByRole('dialog').getByRole('alert');
  await expect(refusal).toHaveText('ragged.csv 第 4 行：有 2 个字段，应为 3 个');
  await snapshot(page, testInfo, 'csv-ragged-row-zh');
});
