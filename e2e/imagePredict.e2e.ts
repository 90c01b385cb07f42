// Predicting on the user's own images, in Chromium against web mode: a shapes run (the image sample) trains, then
// two chosen PNGs are uploaded and each shows the image as the model saw it, its predicted class and probabilities;
// the run's page takes images too.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { ownStudio, snapshot } from './studio';

const studio = ownStudio(12, 'image-predict');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

const sample = (file: string) => fileURLToPath(new URL(`../resources/samples/shapes/${file}`, import.meta.url));

test('choose images on a finished image run and see predicted classes with probabilities', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'Use shapes', exact: true }).click();
  await expect(page.getByText('Ready to train')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('4');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Completed' })).toBeVisible({ timeout: 120_000 });

  const panel = page.getByRole('region', { name: 'Predict on your images' });
  await panel
    .getByLabel('Images to predict')
    .setInputFiles([sample('square/square-000.png'), sample('ring/ring-001.png')]);
  await expect(panel.getByText(/^By the (best|last) weights \(epoch \d\)\.$/)).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole('img', { name: 'square-000.png' })).toBeVisible();
  await expect(panel.getByRole('img', { name: 'ring-001.png' })).toBeVisible();
  await expect(panel.getByText(/^Predicted: (bar|cross|ring|square)$/)).toHaveCount(2);
  await expect(panel.getByText(/^(bar|cross|ring|square) \d+\.\d%$/)).toHaveCount(6); // the top three of each
  await panel.scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'image-predict-en');

  // The same panel on the run's own page (Experiments), where any finished image run can be tried.
  await page.getByRole('button', { name: /^This run's page/ }).click();
  const onPage = page
    .getByRole('article', { name: 'Run page' })
    .getByRole('region', { name: 'Predict on your images' });
  await onPage.getByLabel('Images to predict').setInputFiles([sample('bar/bar-003.png')]);
  await expect(onPage.getByRole('img', { name: 'bar-003.png' })).toBeVisible({ timeout: 60_000 });
  await expect(onPage.getByText(/^Predicted: (bar|cross|ring|square)$/)).toHaveCount(1);

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('region', { name: '用你的图片预测' })).toContainText('预测：');
  await page.getByRole('region', { name: '用你的图片预测' }).scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'image-predict-zh');
});
