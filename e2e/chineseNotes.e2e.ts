// An import's and an export's notes in the Chinese studio, in Chromium against web mode: main sends codes with
// values and the renderer words them from its tables, so no English sentence from main shows. A run of the spirals
// sample is trained in English, then exported in Chinese; a small CSV table and an image folder with a file that is
// no image are imported in Chinese.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type TestInfo } from '@playwright/test';
import sharp from 'sharp';
import { openOnSpirals, ownStudio } from './studio';

const studio = ownStudio(20, 'notes');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());
test.describe.configure({ mode: 'serial' });

/** The dialog alone, attached to the report (test-results/e2e). */
async function dialogShot(dialog: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await dialog.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test("an export's notes are Chinese in the Chinese studio", async ({ page }, testInfo) => {
  await openOnSpirals(page, studio.url);
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('2');
  await page.getByLabel('Run name').fill('spirals');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('tab', { name: '实验' }).click();
  await page.getByRole('button', { name: 'spirals', exact: true }).click();
  await page.getByRole('button', { name: '导出…' }).click();
  const dialog = page.getByRole('dialog', { name: '导出 spirals' });
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  const notes = dialog.getByRole('status').locator('.notes li');
  await expect(notes.first()).toHaveText(/^权重来自第 \d+ 轮的最佳检查点$/);
  await expect(notes.nth(1)).toHaveText('输入标准化已并入模型：模型直接接受原始值');
  await expect(dialog.getByRole('status')).not.toContainText(/weights from|standardization/);
  await dialogShot(dialog, testInfo, 'export-notes-zh');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
});

test("a CSV import's notes are Chinese in the Chinese studio", async ({ page }, testInfo) => {
  const csv = testInfo.outputPath('gaps.csv');
  const rows = Array.from(
    { length: 30 },
    (_, i) => `${i % 7 === 3 ? '' : i % 9},${(i % 5) * 0.5},${i % 3 ? 'a' : 'b'}`,
  );
  writeFileSync(csv, `x,y,kind\n${rows.join('\n')}\n`);
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'zh-CN')" });
  await page.goto(studio.url);
  // The studio holds the first test's run, so it opens on its views rather than the welcome.
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByRole('button', { name: '导入 CSV', exact: true }).click();
  await page.getByLabel('CSV 文件').setInputFiles(csv);
  await expect(page.getByLabel('标签列')).toHaveValue('kind');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
  await expect(dialog.getByText('数据集 gaps 已导入并选中。')).toBeVisible();
  const notes = dialog.locator('.notes li');
  await expect(notes).toHaveText([
    "已读取 30 行（以 ',' 分隔，有表头）",
    '已删除含缺失值的 4 行',
    '编码后共 2 个特征；分类，共 2 个类别',
  ]);
  await expect(dialog.locator('.notes')).not.toContainText(/rows read|features after encoding|missing/);
  await dialogShot(dialog, testInfo, 'csv-import-notes-zh');
});

/** An 8×8 grayscale PNG of one shade. */
function square(shade: number): Promise<Buffer> {
  const pixels = new Uint8Array(64).fill(shade);
  return sharp(pixels, { raw: { width: 8, height: 8, channels: 1 } })
    .toColourspace('b-w')
    .png()
    .toBuffer();
}

test("an image import's notes and skipped files are Chinese in the Chinese studio", async ({ page }, testInfo) => {
  const folder = testInfo.outputPath('tones');
  for (const [name, shade] of [
    ['dark', 20],
    ['light', 230],
  ] as const) {
    mkdirSync(join(folder, name), { recursive: true });
    for (let i = 0; i < 3; i++) writeFileSync(join(folder, name, `${i}.png`), await square(shade + i));
  }
  writeFileSync(join(folder, 'dark', 'readme.txt'), 'dark squares');
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'zh-CN')" });
  await page.goto(studio.url);
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByRole('button', { name: '导入图像文件夹' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('图像文件夹').setInputFiles(folder);
  await expect(dialog.getByRole('spinbutton', { name: '高度' })).toHaveValue('8');
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
  await expect(dialog.locator('.notes li')).toHaveText(['6 张图片，2 个类别，已缩放为 8×8 灰度图']);
  await expect(dialog.locator('.skipped li')).toHaveText([/^dark.readme\.txt：不是 PNG、JPEG、WebP、BMP 或 GIF 图片$/]);
  await dialogShot(dialog, testInfo, 'image-import-notes-zh');
});
