// A new user's first session, in Chromium against web mode: a stranger without the token is refused; the empty
// studio welcomes the user (in English or Chinese, light or dark); then, build an MLP by dragging layers
// from the palette and connecting them, see a shape error on the node that causes it and fix it, import a CSV,
// train, watch the progress and curves, stop, train again with another optimizer, compare the two runs, and
// reopen the first run's graph. Screenshots of each step are kept with the test report.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { selectNode, snapshot, studioUrl } from './studio';

// One studio (one NETWRIGHT_HOME) for the whole file, used in order: it starts empty.
test.describe.configure({ mode: 'serial' });

/** Two classes that a line through (x1, x2) separates, plus a categorical column (one-hot encoded on import). */
function blobsCsv(): string {
  const rows = ['x1,x2,colour,label'];
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 400; i++) {
    const positive = i % 2 === 0;
    const x1 = (positive ? 1.2 : -1.2) + (random() - 0.5) * 1.6;
    const x2 = (positive ? 0.8 : -0.8) + (random() - 0.5) * 1.6;
    rows.push(`${x1.toFixed(3)},${x2.toFixed(3)},${random() < 0.5 ? 'red' : 'blue'},${positive ? 'yes' : 'no'}`);
  }
  return `${rows.join('\n')}\n`;
}

async function handleCenter(page: Page, nodeId: string, handle: 'in' | 'out') {
  const box = await page
    .locator(`.svelte-flow__handle[data-nodeid="${nodeId}"][data-handleid="${handle}"]`)
    .boundingBox();
  if (!box) throw new Error(`no ${handle} handle on ${nodeId}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Both handles' centres once the canvas has stopped moving (two readings 150 ms apart agree): a drop or a new graph
 * may still be fitting the view, and a drag measured before it ends starts beside the handle (seen once in CI: the
 * press selected the node, and no edge was made).
 */
async function settledHandles(page: Page, from: string, to: string) {
  let last = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    const pair = { a: await handleCenter(page, from, 'out'), b: await handleCenter(page, to, 'in') };
    const key = JSON.stringify(pair);
    if (key === last) return pair;
    last = key;
    await page.waitForTimeout(150);
  }
  throw new Error(`the canvas did not stop moving around ${from} and ${to}`);
}

/** Drags from one node's output handle to another's input handle, as a person connects two layers. */
async function connect(page: Page, from: string, to: string): Promise<void> {
  const { a, b } = await settledHandles(page, from, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 20, a.y + 30, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 10 });
  await page.mouse.up();
}

/** Drags a layer from the palette onto the canvas at a point of the pane. */
async function dropLayer(page: Page, layer: string, x: number, y: number): Promise<void> {
  await page
    .getByRole('button', { name: `Add ${layer}`, exact: true })
    .dragTo(page.locator('.svelte-flow__pane'), { targetPosition: { x, y } });
}

test('web mode refuses a request without the token', async ({ request }) => {
  const response = await request.get('/');
  expect(response.status()).toBe(401);
  expect(await response.text()).toContain('token');
  expect((await request.get('/?token=not-the-token')).status()).toBe(401);
});

test('an empty studio welcomes a new user with samples and templates', async ({ page }, testInfo) => {
  await page.goto(studioUrl());
  await expect(page.getByRole('heading', { name: 'Welcome to Netwright' })).toBeVisible();
  for (const sample of ['spirals', 'two-moons', 'noisy-curve', 'shapes']) {
    await expect(page.getByRole('button', { name: `Use ${sample}`, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'LeNet-5' })).toBeVisible();
  await expect(page.getByText('web mode')).toBeVisible();
  await snapshot(page, testInfo, 'welcome');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '欢迎使用 Netwright' })).toBeVisible();
  await page.getByRole('combobox', { name: '主题' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snapshot(page, testInfo, 'welcome-zh-dark');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
});

test('a new user builds an MLP, trains it twice, compares the runs and reopens the first graph', async ({
  page,
}, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studioUrl());
  await expect(page.getByRole('heading', { name: 'Welcome to Netwright' })).toBeVisible();

  // --- build an MLP by hand --------------------------------------------------------------------------------
  await page.getByRole('button', { name: 'Empty graph' }).click();
  await expect(page.getByLabel('Input input')).toBeVisible();
  // Dropped in a column left of the Input node (which sits in the middle of the canvas), clear of each other.
  await dropLayer(page, 'Dense', 110, 60);
  await expect(page.getByLabel('Dense dense1')).toBeVisible();
  await connect(page, 'input', 'dense1');
  await expect(page.locator('.svelte-flow__edge')).toHaveCount(1);
  await dropLayer(page, 'ReLU', 110, 260);
  await connect(page, 'dense1', 'relu1');
  await dropLayer(page, 'Dense', 110, 460);
  await connect(page, 'relu1', 'dense2');
  await expect(page.locator('.svelte-flow__edge')).toHaveCount(3);
  await page.getByRole('button', { name: 'Tidy layout' }).click();
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await snapshot(page, testInfo, '1-mlp-built');

  // --- a shape error appears on the node that causes it, and goes when fixed --------------------------------------
  await dropLayer(page, 'Conv2D', 40, 40);
  await connect(page, 'input', 'conv1');
  await page.getByRole('button', { name: 'Tidy layout' }).click();
  const conv = page.getByLabel('Conv2D conv1');
  await expect(conv).toContainText('needs a [channels, height, width] image');
  await expect(page.getByText('2 errors', { exact: true })).toBeVisible(); // the shape, and a second output
  await snapshot(page, testInfo, '2-shape-error');
  await conv.click();
  await page.keyboard.press('Delete');
  await expect(conv).toHaveCount(0);
  await expect(page.getByText('Ready to train')).toBeVisible();

  // --- a layer added after a middle one goes into the chain; deleted, the chain closes again ---------------------
  await selectNode(page, 'Dense dense1');
  await page.getByRole('button', { name: 'Add Dropout', exact: true }).dblclick();
  const dropout = page.getByLabel(/^Dropout dropout1/);
  await expect(dropout).toBeVisible();
  await expect(page.locator('.svelte-flow__edge')).toHaveCount(4); // dense1 → dropout1 → relu1 instead of dense1 → relu1
  await expect(page.getByText('Ready to train')).toBeVisible();
  await snapshot(page, testInfo, '3-inserted');
  await page.keyboard.press('Delete');
  await expect(dropout).toHaveCount(0);
  await expect(page.locator('.svelte-flow__edge')).toHaveCount(3);
  await expect(page.getByText('Ready to train')).toBeVisible();

  // --- import a CSV ------------------------------------------------------------------------------------------------
  const csv = testInfo.outputPath('blobs.csv');
  writeFileSync(csv, blobsCsv());
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.getByLabel('CSV file').setInputFiles(csv);
  await expect(page.getByLabel('Label column')).toBeVisible();
  await page.getByLabel('Label column').selectOption('label');
  await snapshot(page, testInfo, '3-csv-preview');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('dialog').getByText('Dataset blobs imported and selected.')).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  // --- size the network to the data ----------------------------------------------------------------------------------
  await page.getByRole('tab', { name: 'Model' }).click();
  await page.getByRole('button', { name: 'Match dataset' }).click();
  await expect(page.getByLabel('Input input')).toContainText('[4]'); // x1, x2 and colour one-hot
  await expect(page.getByText(/parameters/).first()).toBeVisible();

  // --- train, watch, stop ----------------------------------------------------------------------------------------------
  await page.getByRole('tab', { name: 'Train' }).click();
  // Far more epochs than the test waits for: the engine finishes thousands of epochs of this small model in seconds,
  // and the run must still be going when Stop is pressed.
  await page.getByRole('textbox', { name: 'Epochs' }).fill('50000');
  await page.getByLabel('Run name').fill('adam long');
  await page.getByRole('button', { name: 'Start training' }).click();
  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  await expect(progress).toBeVisible();
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await expect(page.locator('canvas[aria-label="Loss curves"]')).toBeVisible();
  await snapshot(page, testInfo, '4-training');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('Stopped').first()).toBeVisible({ timeout: 60_000 });

  // --- a second run with another optimizer -------------------------------------------------------------------------
  await page.getByLabel('Optimizer').selectOption('momentum');
  await page.getByRole('textbox', { name: 'Learning rate' }).fill('0.05');
  await page.getByRole('textbox', { name: 'Epochs' }).fill('25');
  await page.getByLabel('Run name').fill('sgd momentum');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });
  await expect(page.getByLabel('Diagnosis')).toBeVisible();
  await snapshot(page, testInfo, '5-second-run');

  // --- compare the two runs ---------------------------------------------------------------------------------------------
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByLabel('Select run adam long').check();
  await page.getByLabel('Select run sgd momentum').check();
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('canvas[aria-label="Compared loss"]')).toBeVisible();
  await expect(page.getByText('momentum').first()).toBeVisible();
  await snapshot(page, testInfo, '6-compare');

  // --- reopen the first run's graph ---------------------------------------------------------------------------------------
  await page.getByRole('button', { name: 'adam long', exact: true }).click();
  await page.getByRole('button', { name: 'Open graph' }).click();
  await expect(page.getByLabel('Dense dense1')).toBeVisible();
  await expect(page.getByLabel('Dense dense2')).toBeVisible();
  await expect(page.getByLabel('Conv2D conv1')).toHaveCount(0);
  await snapshot(page, testInfo, '7-reopened-graph');

  // --- delete a run while its details are open: the list and the panel let go of it, no error -------------------------
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'sgd momentum', exact: true }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('Run sgd momentum deleted.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'sgd momentum', exact: true })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
