// Freezing and fine-tuning in Chromium against web mode: a layer frozen in the Inspector shows a lock on the canvas
// and the frozen count in the status bar, the run trains with it frozen, and "Train from this run's weights" starts
// a second run from the first one's weights, which its details then name. Its own studio (see ownStudio).
import { expect, test } from '@playwright/test';
import { ownStudio, snapshot } from './studio';

const studio = ownStudio(6, 'finetune');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

test('freeze a layer, train, and train again from the run’s weights', async ({ page }, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'Use spirals', exact: true }).click();
  await expect(page.getByText('Ready to train')).toBeVisible({ timeout: 60_000 });

  await page.getByRole('tab', { name: 'Model' }).click();
  await page.getByLabel('Dense fc1', { exact: true }).click();
  const inspector = page.getByRole('complementary', { name: 'Layer settings' });
  const trainable = inspector.getByRole('switch', { name: 'Trainable' });
  await expect(trainable).toBeChecked();
  await trainable.uncheck();
  // fc1: 2 inputs x 64 units + 64 biases.
  await expect(page.getByLabel('Dense fc1', { exact: true }).getByRole('img', { name: /Frozen layer/ })).toBeVisible();
  await expect(page.locator('footer.status')).toContainText('192 frozen');
  await snapshot(page, testInfo, 'frozen-layer');

  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('3');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });

  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'Run 1', exact: true }).click();
  const details = page.getByRole('complementary', { name: 'Run details' });
  await details.getByRole('button', { name: "Train from this run's weights" }).click();
  await expect(page.getByText("Training from Run 1's weights on spirals.")).toBeVisible();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });

  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'Run 2', exact: true }).click();
  await expect(details).toContainText("Started from run Run 1's weights: 6 loaded");
  await snapshot(page, testInfo, 'fine-tuned-run');
});
