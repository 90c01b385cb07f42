// Image augmentation in Chromium against web mode: on the shapes sample, turning on flips and a shift shows a grid
// of training images as the first epochs will see them (changed when the settings change), and a short run trains
// with them. It starts its own studio (see ownStudio) so its run never reaches the empty studio of new-user.e2e.ts.
import { expect, test } from '@playwright/test';
import { ownStudio, snapshot } from './studio';

const studio = ownStudio(7, 'augment');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

test('flips and a shift for the shapes sample: the preview grid, then a few epochs', async ({ page }, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'Use shapes', exact: true }).click();
  await expect(page.getByText('Ready to train')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Train' }).click();

  const settings = page.getByRole('group', { name: 'Augmentation' });
  await expect(settings).toBeVisible();
  const preview = page.getByTestId('augment-preview');
  const augmented = preview.getByTestId('augmented');
  await expect(augmented).toHaveCount(16); // 4 images x 4 epochs
  // Off: every epoch shows the original.
  const original = await preview.getByRole('img').first().getAttribute('src');
  expect(await augmented.first().getAttribute('src')).toBe(original);

  await settings.getByRole('textbox', { name: 'Horizontal flip (probability)' }).fill('0.5');
  await settings.getByRole('textbox', { name: 'Shift (pixels)' }).fill('2');
  // The grid redraws with the new settings: some epoch of some image now differs from its original.
  await expect
    .poll(async () => {
      const rows = await preview.locator('tbody tr').all();
      let changed = 0;
      for (const row of rows) {
        const images = await row.getByRole('img').evaluateAll((all) => all.map((i) => i.getAttribute('src')));
        changed += images.slice(1).filter((src) => src !== images[0]).length;
      }
      return changed;
    })
    .toBeGreaterThan(4);
  await preview.scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'augment-preview');

  await page.getByRole('textbox', { name: 'Epochs' }).fill('3');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 180_000 });
  await snapshot(page, testInfo, 'augment-trained');
});
