// A refused image folder in the Chinese studio, in Chromium against web mode: every image is unreadable (an
// RLE8-compressed BMP, which our decoder does not read, and a truncated PNG), and the refusal quotes the first one
// with its reason in Chinese (main sends the reason's code and values; the renderer words them), no English clause.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { IMAGEMAGICK_BMPS } from '../main/services/datasets/images/bmpFixtures';
import { ownStudio, snapshot } from './studio';

const studio = ownStudio(21, 'chinese-image-refusal');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

test('an image folder with no readable image is refused in Chinese, naming the example file and why', async ({
  page,
}, testInfo) => {
  const folder = testInfo.outputPath('broken');
  mkdirSync(join(folder, 'cats'), { recursive: true });
  mkdirSync(join(folder, 'dogs'), { recursive: true });
  writeFileSync(join(folder, 'cats', 'a.bmp'), Buffer.from(IMAGEMAGICK_BMPS.rle8, 'base64'));
  const png = await sharp(new Uint8Array(64).fill(90), { raw: { width: 8, height: 8, channels: 1 } })
    .png()
    .toBuffer();
  writeFileSync(join(folder, 'dogs', 'b.png'), png.subarray(0, png.length - 30));

  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'zh-CN')" });
  await page.goto(studio.url);
  await page.getByRole('button', { name: '导入图像文件夹…' }).click(); // the empty studio's welcome
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('图像文件夹').setInputFiles(folder);
  await dialog.getByRole('spinbutton', { name: '高度' }).fill('8');
  await dialog.getByRole('spinbutton', { name: '宽度' }).fill('8');
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
  const refusal = dialog.getByRole('alert');
  // The folder as the user picked it, not the server's path to the upload (web mode).
  await expect(refusal).toHaveText(
    /^broken：类别文件夹中的 2 个文件都不是可读取的 PNG、JPEG、WebP、BMP 或 GIF 图片（例如 cats.a\.bmp：无法读取的 BMP 文件（不支持 RLE8 压缩的文件（请另存为未压缩格式）））$/,
  );
  // Past the folder's own name, only the example's name, the formats and the compression's name are in Latin letters.
  const text = (await refusal.textContent())!;
  const sentence = text.slice(text.indexOf('broken：') + 'broken'.length);
  expect(sentence.replace(/cats.a\.bmp|PNG|JPEG|WebP|BMP|GIF|RLE8/g, '')).not.toMatch(/[A-Za-z]/);
  await snapshot(page, testInfo, 'image-folder-refused-zh');
});
