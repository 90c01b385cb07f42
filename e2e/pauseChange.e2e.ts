// Settings changed at a pause, in Chromium against web mode: a spirals run is paused, its learning rate changed in
// the Train view, and resumed; the curves mark the change and list it, in English and Chinese.
import { expect, test } from '@playwright/test';
import { openOnSpirals, ownStudio, snapshot } from './studio';

const studio = ownStudio(11, 'pause-change');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

test('pause, change the learning rate, resume: the curves mark the change', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await openOnSpirals(page, studio.url);
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('50000');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Running' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();

  const form = page.getByRole('region', { name: 'Change settings while paused' });
  await expect(form).toBeVisible();
  // Out of range: refused with the allowed range, nothing recorded.
  await form.getByRole('textbox', { name: 'Learning rate' }).fill('20');
  await form.getByRole('button', { name: 'Apply changes' }).click();
  await expect(page.getByText('Not changed: learning rate is 20; it must be between 0 and 10.')).toBeVisible();
  await form.getByRole('textbox', { name: 'Learning rate' }).fill('0.002');
  await form.getByRole('button', { name: 'Apply changes' }).click();
  await expect(page.getByText(/1 setting\(s\) changed at epoch \d+\./)).toBeVisible();
  const changes = page.getByLabel('Settings changed', { exact: true });
  await expect(changes).toContainText(/epoch \d+ · lr 0\.01 → 0\.002/);
  await expect(form.getByRole('textbox', { name: 'Learning rate' })).toHaveAttribute('placeholder', '0.002');

  const epochNow = async () =>
    Number(/Epoch (\d+)\//.exec((await page.getByText(/^Epoch \d+\/50000$/).textContent())!)![1]);
  const pausedAt = await epochNow();
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Running' })).toBeVisible();
  await expect(form).toHaveCount(0);
  // Some epochs at the new rate, so the picture shows the curves going on past the marker.
  await expect.poll(epochNow, { timeout: 60_000 }).toBeGreaterThan(pausedAt + 20);
  await snapshot(page, testInfo, 'pause-change-en');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByLabel('已修改的设置', { exact: true })).toContainText(/轮次 \d+ · 学习率 0\.01 → 0\.002/);
  await page.getByRole('button', { name: '暂停', exact: true }).click();
  await expect(page.getByRole('region', { name: '暂停时修改设置' })).toBeVisible();
  await snapshot(page, testInfo, 'pause-change-zh');
  await page.getByRole('button', { name: '停止' }).click();
});
