// A sweep with seeds in Chromium against web mode: "Repeat with 2 seeds" on the Train view queues a group, which
// opens in Experiments and shows, once both runs are done, its validation curves as the mean with a ± 1 std band and
// the table of mean ± std; a grid of two learning rates and two batch sizes shows a row per combination, parallel
// coordinates of both settings against the final accuracy, and the rate against it on a log axis; then both in
// Chinese. The Sweep dialog refuses a value that is not a number.
// It starts its own studio (see ownStudio) so its runs never reach the empty studio of new-user.e2e.ts.
import { expect, test } from '@playwright/test';
import { openOnSpirals, ownStudio, snapshot } from './studio';

const studio = ownStudio(8, 'sweep');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

test('a sweep with seeds: the group with its band and table, in English and in Chinese', async ({ page }, testInfo) => {
  await openOnSpirals(page, studio.url);
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('12');

  // The Sweep dialog names the setting with a mistake and will not start.
  await page.getByRole('button', { name: 'Sweep…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sweep settings' });
  await dialog.getByRole('textbox', { name: `Learning rate: Values` }).fill('0.1, fast');
  await expect(dialog.getByRole('alert')).toHaveText(`Learning rate: “fast” is not a number.`);
  await expect(dialog.getByRole('button', { name: 'Start sweep' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('spinbutton', { name: 'Seeds' }).fill('2');
  await snapshot(page, testInfo, 'sweep-train-en');
  await page.getByRole('button', { name: 'Repeat with 2 seeds' }).click();

  const view = page.locator('section.group-view');
  await expect(view.getByRole('heading', { level: 2 })).toHaveText('Seeds 1', { timeout: 30_000 });
  await expect(view.getByText('2 of 2 runs done')).toBeVisible({ timeout: 120_000 });
  await expect(
    view.getByText('Lines: the mean across seeds. Shaded band: ± 1 standard deviation across seeds.'),
  ).toBeVisible();
  await expect(view.locator('canvas[aria-label="Validation loss"]')).toBeVisible();
  await expect(view.locator('canvas[aria-label="Validation accuracy"]')).toBeVisible();
  const row = view.locator('table.combinations tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(1)).toHaveText('2/2');
  // Two seeds: mean ± std of the best validation loss and of the final accuracy.
  await expect(row.locator('td').nth(2)).toHaveText(/^\d\.\d{4} ± \d\.\d{4}$/);
  await expect(row.locator('td').nth(3)).toHaveText(/^\d+\.\d% ± \d+\.\d%$/);
  await expect(page.getByRole('region', { name: 'Groups' })).toContainText('Completed');
  // The group's runs are in the table of runs too, named for their seeds.
  await expect(page.getByText('Seeds 1 · seed 42')).toBeVisible();
  await expect(page.getByText('Seeds 1 · seed 43')).toBeVisible();
  await snapshot(page, testInfo, 'sweep-group-en');

  // A grid of two learning rates and two batch sizes, one seed each: a row per combination, every swept setting
  // against the final accuracy (parallel coordinates: an axis each, a line per run) and the rate alone (log axis).
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('button', { name: 'Sweep…' }).click();
  await dialog.getByRole('textbox', { name: 'Learning rate: Values' }).fill('0.03, 0.003');
  await dialog.getByRole('checkbox', { name: 'Batch size' }).check();
  await dialog.getByRole('textbox', { name: 'Batch size: Values' }).fill('16, 64');
  await dialog.getByRole('spinbutton', { name: 'Seeds per combination' }).fill('1');
  await expect(dialog.getByText('4 runs')).toBeVisible();
  await snapshot(page, testInfo, 'sweep-dialog-en');
  await dialog.getByRole('button', { name: 'Start sweep' }).click();
  await expect(view.getByRole('heading', { level: 2 })).toHaveText('Sweep 2', { timeout: 30_000 });
  await expect(view.getByText('4 of 4 runs done')).toBeVisible({ timeout: 180_000 });
  const rows = view.locator('table.combinations tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0).locator('td').nth(0)).toHaveText('0.03');
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('16');
  await expect(rows.nth(3).locator('td').nth(0)).toHaveText('0.003');
  await expect(rows.nth(3).locator('td').nth(1)).toHaveText('64');
  const parallel = view.getByRole('img', { name: 'All swept settings against Validation accuracy (final)' });
  await expect(parallel.locator('text.axis-title')).toHaveText(['Learning rate', 'Batch size', 'Validation accuracy']);
  await expect(parallel.locator('path.line')).toHaveCount(4);
  await parallel.locator('path.line').last().dispatchEvent('pointerenter');
  await expect(parallel.locator('path.line.raised')).toHaveCount(1);
  await expect(
    view.getByRole('heading', { name: 'Learning rate against Validation accuracy (final) (log scale)' }),
  ).toBeVisible();
  // The scatter's setting is the one shown (it was blank until chosen), and another can be picked.
  const setting = view.getByRole('combobox', { name: 'Setting' });
  await expect(setting).toHaveValue('lr');
  await setting.selectOption({ label: 'Batch size' });
  await expect(view.getByRole('heading', { name: 'Batch size against Validation accuracy (final)' })).toBeVisible();
  await setting.selectOption({ label: 'Learning rate' });
  await snapshot(page, testInfo, 'sweep-grid-en');

  // A long group: the Train view says how far it has got and leads back to it; cancelling it stops its runs.
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('5000');
  await page.getByRole('spinbutton', { name: 'Seeds' }).fill('2');
  await page.getByRole('button', { name: 'Repeat with 2 seeds' }).click();
  await expect(view.getByRole('heading', { level: 2 })).toHaveText('Seeds 3', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Group “Seeds 3” is training: 0 of 2 runs done.' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'See its curves' }).click();
  await expect(view.getByRole('heading', { level: 2 })).toHaveText('Seeds 3');
  const groups = page.getByRole('region', { name: 'Groups' });
  await groups.getByRole('button', { name: 'Cancel group' }).click();
  await expect(groups.getByRole('row').filter({ hasText: 'Seeds 3' })).toContainText('Cancelled', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByText(/is training: \d of \d runs done/)).toHaveCount(0);
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await groups.getByRole('button', { name: 'Sweep 2' }).click();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(view.getByRole('heading', { name: '学习率 与验证准确率（最终） (对数刻度)' })).toBeVisible();
  await expect(view.locator('canvas[aria-label="验证损失"]')).toBeVisible();
  await expect(view.getByRole('img', { name: '所有扫描设置与验证准确率（最终）' })).toBeVisible();
  await snapshot(page, testInfo, 'sweep-grid-zh');
  await page.getByRole('region', { name: '运行组' }).getByRole('button', { name: 'Seeds 1' }).click();
  await expect(view.getByText('线条：各种子的平均值。阴影带：各种子之间的 ± 1 个标准差。')).toBeVisible();
  await expect(view.getByText('用种子重复：没有设置变化，因此阴影带和表格只显示种子带来的差异。')).toBeVisible();
  await expect(view.locator('table.combinations th').nth(2)).toHaveText('最佳验证损失');
  await expect(view.getByText('已完成 2 / 2 个运行')).toBeVisible();
  await snapshot(page, testInfo, 'sweep-group-zh');
});
