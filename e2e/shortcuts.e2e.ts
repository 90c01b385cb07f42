// The keyboard shortcuts list in Chromium: F1 and ? open it, it lists the command table's keys, Escape and Close
// shut it. It changes nothing in the studio, so it can share the studio other files start from.
import { expect, test } from '@playwright/test';
import { studioUrl } from './studio';

test('F1 opens the shortcuts list from the command table, Escape closes it, ? and Close too', async ({ page }) => {
  await page.goto(studioUrl());
  // Whatever other files left in the studio: wait until it has loaded (the welcome page or a view).
  await expect(page.getByRole('tab', { name: 'Model' })).toBeVisible();
  await expect(page.getByText('Loading…')).toBeHidden();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  await page.keyboard.press('F1');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: 'Shift+Ctrl+Z / Ctrl+Y Redo' })).toBeVisible();
  await expect(dialog.getByRole('row', { name: 'Delete / Backspace Delete the selection' })).toBeVisible();
  await expect(dialog.getByRole('row')).toHaveCount(10);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Shift+Slash'); // '?' on a US layout
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
