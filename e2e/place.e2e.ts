// Keeping the user's place, in Chromium against web mode: a reload reopens the graph with its last edit, the dataset,
// the training settings, the selected run and the view; the Graphs list renames, duplicates, opens and deletes
// graphs; an imported CSV of another width is matched on its own, and a graph that does not fit the chosen data
// keeps Start off with the reason until the one-click fix; long node errors never make nodes overlap; the Inspector
// shows where a layer sits in the image (its receptive field).
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openOnSpirals, ownStudio, selectNode, snapshot } from './studio';

const studio = ownStudio(10, 'place');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());
test.describe.configure({ mode: 'serial' });

/** 60 rows of 5 numeric features and one of three classes (the class is where the first two features point). */
function wideCsv(): string {
  const rows = Array.from({ length: 60 }, (_, i) => {
    const x = Math.sin(i * 1.7) * 3;
    const y = Math.cos(i * 2.3) * 3;
    const label = x > 1 ? 'a' : y > 0 ? 'b' : 'c';
    return [x, y, i % 7, (i * 13) % 5, i / 10, label].map((v) => (typeof v === 'number' ? v.toFixed(3) : v)).join(',');
  });
  return `f1,f2,f3,f4,f5,label\n${rows.join('\n')}\n`;
}

/**
 * Autosave done. The place is stored a moment after the last change (studio.svelte.ts's PLACE_DELAY_MS), or at once
 * when the page goes away: a reload right after the change keeps it (not waited for here, so that is what is tested).
 */
async function settled(page: Page): Promise<void> {
  await expect(page.getByText('Saving…')).toHaveCount(0);
}

test('a reload keeps the graph and its last edit, the dataset, settings, the selected run and the view', async ({
  page,
}, testInfo) => {
  await openOnSpirals(page, studio.url);
  await page.getByRole('button', { name: 'Add Dropout', exact: true }).dblclick();
  await expect(page.getByLabel(/^Dropout dropout/)).toBeVisible();

  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('6');
  await page.getByRole('textbox', { name: 'Learning rate' }).fill('0.02');
  await page.getByLabel('Run name').fill('kept run');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText('Epoch 6/6')).toBeVisible();
  await settled(page);

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('kept run')).toBeVisible();
  await expect(page.getByText('No run yet')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Epochs' })).toHaveValue('6');
  await expect(page.getByRole('textbox', { name: 'Learning rate' })).toHaveValue('0.02');
  await expect(page.getByLabel('Dataset')).toHaveValue(/.+/);
  await expect(page.getByLabel('Dataset').locator('option:checked')).toHaveText(/spirals/);
  await expect(page.getByRole('heading', { name: 'Results on the test split' })).toBeVisible();
  await snapshot(page, testInfo, 'place-train-after-reload-en');

  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(page.getByLabel(/^Dropout dropout/)).toBeVisible();
  await settled(page);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Model' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel(/^Dropout dropout/)).toBeVisible();
});

test('the Graphs list renames, duplicates, opens and deletes graphs and names the runs that used them', async ({
  page,
}, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('tab', { name: 'Model' }).click();
  await page.getByRole('button', { name: 'Graphs…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Saved graphs' });
  const rows = dialog.getByTestId('graph-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('kept run');
  await expect(rows.first()).toContainText('open');

  await rows.first().getByRole('button', { name: 'Rename' }).click();
  await dialog.getByLabel('Name').fill('spiral net');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(rows.first()).toContainText('spiral net');
  await expect(page.getByTestId('graph-name')).toHaveText('spiral net');

  await rows.first().getByRole('button', { name: 'Duplicate' }).click();
  await expect(rows).toHaveCount(2);
  const copy = rows.filter({ hasText: 'spiral net (copy)' });
  await expect(copy).toContainText('none'); // no run trained the copy
  await expect(copy).toContainText(/\b1 version(?!s)/); // not "1 versions"
  await snapshot(page, testInfo, 'place-graphs-en');

  await copy.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('graph-name')).toHaveText('spiral net (copy)');
  await expect(page.getByLabel(/^Dropout dropout/)).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('button', { name: '图列表…' }).click();
  await expect(page.getByRole('dialog', { name: '已保存的图' }).getByTestId('graph-row')).toHaveCount(2);
  await snapshot(page, testInfo, 'place-graphs-zh');
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  await page.getByRole('button', { name: 'Graphs…' }).click();
  await rows.filter({ hasText: 'spiral net (copy)' }).getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Delete spiral net (copy)');
  await dialog.getByRole('row').getByRole('button', { name: 'Delete' }).last().click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('spiral net');
  await expect(rows.first()).toContainText('kept run');
  await expect(rows.first()).toContainText('open'); // the open graph was deleted: the one modified last took its place
  await expect(page.getByTestId('graph-name')).toHaveText('spiral net');
});

test('an imported CSV of another width is matched on its own; a graph that does not fit keeps Start off until the fix', async ({
  page,
}, testInfo) => {
  const csv = testInfo.outputPath('wide.csv');
  writeFileSync(csv, wideCsv());
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('tab', { name: 'Model' }).click();
  await page.getByRole('button', { name: 'Graphs…' }).click();
  await page
    .getByRole('dialog', { name: 'Saved graphs' })
    .getByTestId('graph-row')
    .filter({ hasText: 'spiral net' })
    .getByRole('button', { name: 'Open' })
    .click();
  await expect(page.getByLabel('Input input')).toContainText('[2]');

  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.getByLabel('CSV file').setInputFiles(csv);
  await page.getByLabel('Label column').selectOption('label');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('The network was sized to wide: Input [5], 3 outputs.')).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(page.getByLabel('Input input')).toContainText('[5]');
  await expect(page.getByText('Ready to train')).toBeVisible();

  // Back to the spirals data: the graph now takes 5 features, spirals has 2.
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Dataset').selectOption({ label: 'spirals' });
  const start = page.getByRole('button', { name: 'Start training' });
  await expect(start).toBeDisabled();
  const reason = page.getByTestId('start-blocked');
  await expect(reason).toContainText('The Input takes samples of shape 5, but the samples of spirals have shape 2.');
  await snapshot(page, testInfo, 'place-start-blocked-en');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(reason).toContainText('输入层接收形状为 5 的样本');
  await snapshot(page, testInfo, 'place-start-blocked-zh');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(page.getByTestId('misfit')).toBeVisible();
  await expect(page.getByText('Ready to train')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Train' }).click();

  await reason.getByRole('button', { name: 'Match dataset' }).click();
  await expect(reason).toHaveCount(0);
  await expect(start).toBeEnabled();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('4');
  await page.getByLabel('Run name').fill('after the fix');
  await start.click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });
  // Two runs only: the disabled Start never made a failed one.
  expect(await runNames(page)).toEqual(['after the fix', 'kept run']);
});

test('a long node error stays on one line, so nodes never overlap their neighbours', async ({ page }, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('tab', { name: 'Model' }).click();
  await page.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'LeNet-5' });
  await page.getByRole('button', { name: 'Match dataset' }).first().click(); // spirals' 2 features into a CNN
  await expect(page.getByLabel('Conv2D conv1')).toContainText("Conv2D 'conv1' needs a");
  const boxes = await page.locator('.svelte-flow__node').evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { id: n.getAttribute('data-id'), top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    }),
  );
  const overlaps = boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
      .map((b) => `${a.id} overlaps ${b.id}`),
  );
  expect(overlaps).toEqual([]);
  // The whole message is one hover away (and in the Inspector).
  const problem = page.getByTestId('node-problem').first();
  expect((await problem.getAttribute('title'))?.length ?? 0).toBeGreaterThan(40);
  await snapshot(page, testInfo, 'place-node-errors-en');

  // The Train view says so beside a disabled Start, in the user's language, and leads to the node.
  await page.getByRole('tab', { name: 'Train' }).click();
  const blocked = page.getByTestId('start-blocked');
  await expect(blocked).toContainText("The graph cannot train yet: Conv2D 'conv1' needs a");
  await expect(page.getByRole('button', { name: 'Start training' })).toBeDisabled();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(blocked).toContainText('这个图还不能训练：');
  await expect(blocked).not.toContainText('needs a');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await blocked.getByRole('button', { name: 'Show in the editor' }).click();
  await expect(page.getByRole('tab', { name: 'Model' })).toHaveAttribute('aria-selected', 'true');
});

test('the Inspector gives an image layer its receptive field, wider with a dilation', async ({ page }, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('tab', { name: 'Model' }).click();
  await openTemplate(page, 'Atrous pyramid CNN');
  const inspector = page.getByRole('complementary', { name: 'Layer settings' });
  // 3x3 stem, 2x2 pool, 3x3 conv: 8 input pixels, positions 2 apart; a 3x3 dilated by 4 spans 9 of them.
  await selectNode(page, 'Conv2D aspp_1x1');
  const field = inspector.locator('dt', { hasText: 'Receptive field' });
  await expect(field).toBeVisible();
  await expect(inspector.getByText('8 × 8 input pixels', { exact: true })).toBeVisible();
  await selectNode(page, 'Conv2D aspp_rate4');
  await expect(inspector.getByText('24 × 24 input pixels', { exact: true })).toBeVisible();
  await expect(inspector).toContainText('a dilation widens the span with the same weights');
  await snapshot(page, testInfo, 'receptive-field');
  await selectNode(page, 'Dense fc');
  await expect(inspector).toContainText('Output shape');
  await expect(field).toHaveCount(0);
  // The summary table has the column for every image layer.
  await page.getByRole('button', { name: 'Summary' }).click();
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary.getByRole('columnheader', { name: 'Receptive field' })).toBeVisible();
  await expect(summary.getByRole('row', { name: /\(aspp_rate2\) .* 16 × 16$/ })).toBeVisible();
});

test('a template opened after another starts its own history: undo never brings the other one back', async ({
  page,
}) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('tab', { name: 'Model' }).click();
  await openTemplate(page, 'LeNet-5');
  await expect(page.getByLabel('Conv2D conv2')).toBeVisible();
  await openTemplate(page, 'Multilayer perceptron');
  // Undo used to put LeNet back under the new document's name, and the autosave wrote it into that document.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Conv2D conv2')).toHaveCount(0);
});

/** Opens a template: from the welcome page's gallery in a studio with no graph yet, else from the editor's picker. */
async function openTemplate(page: Page, label: string): Promise<void> {
  const gallery = page.getByRole('button', { name: label });
  const picker = page.getByRole('combobox', { name: 'Template' });
  await expect(gallery.or(picker)).toBeVisible();
  if (await gallery.isVisible()) await gallery.click();
  else await picker.selectOption({ label });
}

/** The names of the runs the Experiments view lists. */
async function runNames(page: Page): Promise<string[]> {
  await page.getByRole('tab', { name: 'Experiments' }).click();
  const names = page.locator('table.runs tbody tr td.name');
  await expect(names.first()).toBeVisible();
  const list = await names.allInnerTexts();
  await page.getByRole('tab', { name: 'Train' }).click();
  return list.map((n) => n.replace('↗', '').trim()).sort();
}
