// The model editor in Chinese, in Chromium against web mode: layer kinds read as Chinese courses write them in the
// palette, on the nodes and in the Inspector, and the canvas's accessible names (nodes, edges, controls, minimap) are
// Chinese too; switching back to English renames them in English.
import { expect, test } from '@playwright/test';
import { ownStudio, snapshot } from './studio';

const studio = ownStudio(17, 'zh-editor');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

test('the editor names layers and connections in Chinese', async ({ page }, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'zh-CN')" });
  await page.goto(studio.url);
  await expect(page.getByRole('heading', { name: '欢迎使用 Netwright' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: '残差块' }).click();
  await expect(page.getByTestId('graph-name')).toHaveText('残差块');

  // The residual block: a batch norm stem, two branches added, global average pooling before the classifier.
  const palette = page.getByRole('navigation', { name: '网络层' });
  await expect(palette.getByRole('button', { name: '添加 全局平均池化', exact: true })).toHaveText('全局平均池化');
  await expect(palette.getByRole('button', { name: '添加 批归一化 2D', exact: true })).toBeVisible();
  const pool = page.getByLabel('全局平均池化 pool', { exact: true });
  await expect(pool).toBeVisible();
  await expect(pool.locator('.kind')).toHaveText('全局平均池化');
  await expect(page.getByLabel('批归一化 2D stem_bn', { exact: true })).toBeVisible();
  await expect(page.getByLabel('相加 add', { exact: true })).toBeVisible();
  await expect(page.locator('.svelte-flow__edge[aria-label="从 pool 到 fc 的连接"]')).toHaveCount(1);
  await expect(page.locator('.svelte-flow__edge[aria-label^="Edge from"]')).toHaveCount(0);
  await expect(page.locator('.svelte-flow__edge[aria-label="从 pool 到 fc 的连接"]')).toHaveAttribute(
    'aria-roledescription',
    '连接',
  );
  await expect(pool).toHaveAttribute('aria-roledescription', '层');
  await expect(page.getByRole('button', { name: '放大' })).toBeVisible();
  await expect(page.locator('.svelte-flow__minimap title')).toHaveText('缩略图');

  await pool.click();
  await expect(page.getByRole('complementary', { name: '层设置' }).locator('.title strong')).toHaveText('全局平均池化');
  await snapshot(page, testInfo, 'editor-zh');
  // Moving the selected layer with an arrow key is announced in Chinese, direction included.
  await pool.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.a11y-live-msg')).toContainText('已将所选层向下移动');

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByLabel('Global Avg Pool pool', { exact: true })).toBeVisible();
  await expect(page.locator('.svelte-flow__edge[aria-label="Edge from pool to fc"]')).toHaveCount(1);
});

test('a template that does not fit the dataset says why in Chinese', async ({ page }) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'zh-CN')" });
  await page.goto(studio.url);
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByRole('button', { name: '使用 spirals' }).click();
  // The sample is the selected dataset before the template is picked (the import takes a moment on a busy machine).
  await expect(page.getByRole('row', { name: /spirals/ }).getByRole('radio')).toBeChecked();
  await page.getByRole('tab', { name: '模型' }).click();
  // spirals' samples are two numbers; the residual block takes images, so it opens at its own size, saying why.
  await page.getByRole('combobox', { name: '模板', exact: true }).selectOption('residual');
  await expect(page.getByRole('status').filter({ hasText: '已按默认大小打开' })).toHaveText(
    /因为它不适合所选数据集：它的输入是图像（通道 × 高 × 宽），而数据集的样本形状是 \[2\]。/,
  );
  await expect(page.getByRole('status').filter({ hasText: 'needs an input shape' })).toHaveCount(0);
});
