// Predicting on images with an imported model, in Chromium against web mode: a PyTorch-written grayscale classifier
// (1×8×8 in, 3 classes) opened with Open model… has no dataset, yet its run page takes a chosen PNG and shows it
// as the model saw it with its predicted class (named by output index) and probabilities, in English and Chinese;
// so do the run's details beside the Experiments table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { ownStudio, snapshot } from './studio';

const studio = ownStudio(13, 'imgpredict');
const pictures = mkdtempSync(join(tmpdir(), 'netwright-e2e-imgpredict-'));
test.beforeAll(() => studio.start());
test.afterAll(() => {
  studio.stop();
  rmSync(pictures, { recursive: true, force: true });
});

const fixture = (name: string) => fileURLToPath(new URL(`../engine/test/onnx/fixtures/${name}`, import.meta.url));

test('an imported image classifier’s run page predicts on a chosen PNG', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A 12×10 picture: the model's 8×8 input is reached by resizing.
  const picture = join(pictures, 'blob.png');
  await sharp({ create: { width: 12, height: 10, channels: 3, background: { r: 180, g: 90, b: 40 } } })
    .png()
    .toFile(picture);

  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await expect(page.getByRole('button', { name: 'Open model…' })).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('open-model-input').setInputFiles(fixture('gray_conv.op17.fold.onnx'));
  await expect(page.getByText(/Imported gray_conv\.op17\.fold\.onnx/)).toBeVisible({ timeout: 60_000 });

  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'Open the page of gray_conv.op17.fold' }).click();
  const panel = page.getByRole('article', { name: 'Run page' }).getByRole('region', { name: 'Predict on your images' });
  await expect(panel).toContainText('each is resized to 8×8 pixels, read as grayscale values from 0 to 1');
  await panel.getByLabel('Images to predict').setInputFiles([picture]);
  await expect(panel.getByText('By the weights imported from the model file.')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole('img', { name: 'blob.png' })).toBeVisible();
  await expect(panel.getByText(/^Predicted: [012]$/)).toHaveCount(1);
  await expect(panel.getByText(/^[012] \d+\.\d%$/)).toHaveCount(3);
  await panel.scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'imported-image-predict-en');

  // The run's details beside the Experiments table take images too.
  await page.getByRole('button', { name: '← All runs' }).click();
  await page.getByRole('button', { name: 'gray_conv.op17.fold', exact: true }).click();
  const inDetails = page
    .getByRole('complementary', { name: 'Run details' })
    .getByRole('region', { name: 'Predict on your images' });
  await inDetails.getByLabel('Images to predict').setInputFiles([picture]);
  await expect(inDetails.getByText(/^Predicted: [012]$/)).toHaveCount(1, { timeout: 60_000 });

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const zh = page.getByRole('region', { name: '用你的图片预测' }).first();
  await expect(zh).toContainText('使用从模型文件导入的权重。');
  await expect(zh).toContainText('预测：');
  await snapshot(page, testInfo, 'imported-image-predict-zh');
  expect(errors).toEqual([]);
});
