// An image folder that fixes its own split (train/ and test/, each with one sub-folder per class), uploaded in
// Chromium against web mode: before the import the dialog already names the classes (from train/, not "train" and
// "test"), proposes the images' own 8×8 grayscale, and says which split the folders fix instead of offering split
// sliders; the imported dataset keeps exactly that split. Then the note in Chinese.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { ownStudio, snapshot } from './studio';

const studio = ownStudio(14, 'image-split-folders');
let folder = '';

/** An 8×8 one-channel PNG: a bright bar whose row depends on the class, so the images differ. */
async function bar(row: number, shade: number): Promise<Buffer> {
  const pixels = Uint8Array.from({ length: 64 }, (_, i) => (Math.floor(i / 8) === row ? 255 : shade));
  return sharp(pixels, { raw: { width: 8, height: 8, channels: 1 } })
    .toColourspace('b-w')
    .png()
    .toBuffer();
}

test.beforeAll(async () => {
  folder = join(mkdtempSync(join(tmpdir(), 'netwright-e2e-split-images-')), 'bars');
  for (const [part, count] of [
    ['train', 6],
    ['test', 2],
  ] as const) {
    for (const [k, label] of ['top', 'bottom'].entries()) {
      mkdirSync(join(folder, part, label), { recursive: true });
      for (let i = 0; i < count; i++)
        writeFileSync(join(folder, part, label, `${i}.png`), await bar(k === 0 ? 1 : 6, i * 9));
    }
  }
  await studio.start();
});
test.afterAll(async () => {
  await studio.stop();
  rmSync(join(folder, '..'), { recursive: true, force: true });
});

test('an image folder with train/ and test/ shows its classes, size and fixed split before the import', async ({
  page,
}, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'Import an image folder…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Image folder').setInputFiles(folder);
  await expect(dialog.getByTestId('images-detected')).toHaveText(
    '2 classes; the images are 8×8 grayscale, so they import at that size.',
  );
  const note = dialog.getByTestId('fixed-split');
  await expect(note).toContainText(
    'with its folders train/, test/: 12 training, 0 validation and 4 test images, kept as they are',
  );
  await expect(note).toContainText('It has no validation folder');
  await expect(dialog.getByRole('slider')).toHaveCount(0);
  await expect(dialog.getByRole('spinbutton', { name: 'Height' })).toHaveValue('8');
  await expect(dialog.getByRole('checkbox', { name: 'Grayscale' })).toBeChecked();
  await snapshot(page, testInfo, 'image-split-folders-en');

  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByText('Images per class')).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('12 / 0 / 4')).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByRole('button', { name: '导入图像文件夹' }).click();
  await page.getByRole('dialog').getByLabel('图像文件夹').setInputFiles(folder);
  await expect(page.getByRole('dialog').getByTestId('fixed-split')).toContainText(
    '训练 12 张、验证 0 张、测试 4 张图像',
  );
  await snapshot(page, testInfo, 'image-split-folders-zh');
});
