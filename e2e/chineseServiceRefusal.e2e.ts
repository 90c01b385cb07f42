// A service's refusal in the Chinese studio, in Chromium against web mode: deleting a dataset a run still uses is
// refused, and the notice says so in Chinese, naming the dataset and the count of runs (the refusal's code and
// values, worded by the renderer's service table); in English it is the sentence the main process has always sent.
import { expect, test } from '@playwright/test';
import { openOnSpirals, ownStudio, snapshot } from './studio';

const studio = ownStudio(22, 'chinese-service-refusal');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

test('deleting a dataset a run uses is refused in Chinese, naming the dataset and the runs', async ({
  page,
}, testInfo) => {
  await openOnSpirals(page, studio.url);
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('2');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('tab', { name: '数据' }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: '删除数据集 spirals' }).click();
  const notices = page.locator('.notices');
  await expect(notices).toContainText("数据集 'spirals' 正被 1 个运行使用；请先删除这些运行");
  await expect(notices).not.toContainText('delete those runs first');
  await snapshot(page, testInfo, 'dataset-in-use-zh');

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete dataset spirals' }).click();
  await expect(notices).toContainText("dataset 'spirals' is used by 1 run; delete those runs first");
  await expect(page.getByRole('button', { name: 'Delete dataset spirals' })).toBeVisible();
});
