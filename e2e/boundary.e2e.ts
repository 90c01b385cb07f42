// The decision boundary in Chromium against web mode: a spirals run draws the boundary canvas in the Train view
// and redraws it as the network learns (the picture changes); the words are in English and Chinese, in the light
// and dark themes; the finished run's details show it from the checkpoint. It starts its own studio (see ownStudio) so its run never reaches the empty studio of new-user.
import { expect, test, type Locator } from '@playwright/test';
import { openOnSpirals, ownStudio, snapshot } from './studio';

const studio = ownStudio(4, 'boundary');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

/** Draws so far: the canvas counts them in data-updates. */
const updates = async (canvas: Locator) => Number((await canvas.getAttribute('data-updates')) ?? 0);
/**
 * What the canvas holds, as a PNG data URL: its bitmap read in the page, not a screenshot, which first waits for
 * the element to be visible and still on a page that redraws several times a second.
 */
const pixels = (canvas: Locator) =>
  canvas.evaluate((element) => (element as unknown as { toDataURL(): string }).toDataURL());

test('a spirals run draws its decision boundary live, in both languages and themes', async ({ page }, testInfo) => {
  await openOnSpirals(page, studio.url);
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('50000');
  await page.getByRole('button', { name: 'Start training' }).click();

  const section = page.getByRole('region', { name: 'Decision boundary' });
  const canvas = section.locator('canvas');
  await expect(canvas).toHaveAttribute('data-source', 'live', { timeout: 60_000 });
  await expect(canvas).toHaveAttribute('data-kind', 'classes');
  const before = await pixels(canvas);
  const drawn = await updates(canvas);
  // Several more updates, and the picture is not the one drawn first: the boundary moves as the network learns.
  await expect.poll(() => updates(canvas), { timeout: 60_000 }).toBeGreaterThan(drawn + 3);
  await expect.poll(() => pixels(canvas), { timeout: 60_000 }).not.toBe(before);
  await expect(section).toContainText('Each point of the plane is coloured by the class the network predicts there');
  await expect(section.getByText(/^Live: epoch \d+, step \d+$/)).toBeVisible();
  await expect(section.locator('.legend')).toContainText('training points');
  await snapshot(page, testInfo, 'boundary-en-light');

  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const chinese = page.getByRole('region', { name: '决策边界' });
  await expect(chinese).toContainText('平面上每个点按网络在该处预测的类别着色');
  await expect(chinese.getByText(/^实时：第 \d+ 轮，第 \d+ 步$/)).toBeVisible();
  await snapshot(page, testInfo, 'boundary-zh-dark');

  await page.getByRole('button', { name: '停止' }).click();
  await expect(chinese.locator('canvas')).toHaveAttribute('data-source', 'checkpoint', { timeout: 60_000 });
  await page.getByRole('combobox', { name: '主题' }).selectOption('light');
  // The run's best epoch's checkpoint (the lowest validation loss), and the map says so.
  await expect(chinese).toContainText(/来自最佳轮次（第 \d+ 轮）的检查点/);
  await snapshot(page, testInfo, 'boundary-zh-light');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(section).toContainText(/From the checkpoint of its best epoch, \d+/);
  await snapshot(page, testInfo, 'boundary-en-dark');

  // The finished run's details show it too, from the checkpoint.
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'Run 1', exact: true }).click();
  const details = page.getByRole('complementary', { name: 'Run details' });
  await expect(details.getByRole('region', { name: 'Decision boundary' }).locator('canvas')).toHaveAttribute(
    'data-source',
    'checkpoint',
    { timeout: 60_000 },
  );
  await snapshot(page, testInfo, 'boundary-run-details-en-dark');
});
