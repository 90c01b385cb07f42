// Run pages and deep comparison in Chromium against web mode: a finished run's page, opened from Experiments after a
// reload, shows its curves, confusion matrix (by best or last weights), settings and graph; three runs compared with
// the legend hiding one from every chart and a log scale; in English and Chinese. Its own studio (see ownStudio).
import { expect, test, type Page } from '@playwright/test';
import { VERDICT_CODES, type VerdictCode } from '../engine/core/train/diagnosisCodes';
import { diagnosisWords } from '../renderer/src/training/diagnosisMessages';
import { ownStudio, snapshot } from './studio';

const studio = ownStudio(9, 'runpages');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());
test.describe.configure({ mode: 'serial' });

async function train(page: Page, name: string, epochs: number, learningRate: string): Promise<void> {
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill(String(epochs));
  await page.getByRole('textbox', { name: 'Learning rate' }).fill(learningRate);
  await page.getByLabel('Run name').fill(name);
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });
}

const series = async (page: Page, label: string) =>
  Number(await page.locator(`canvas[aria-label="${label}"]`).getAttribute('data-series'));

test('a finished run’s page, reopened after a reload, shows its curves, results, settings and graph', async ({
  page,
}, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  // What the page sends the studio (StudioApi calls over the WebSocket), to know when it has saved its place.
  const sent: string[] = [];
  page.on('websocket', (socket) => socket.on('framesent', (frame) => sent.push(String(frame.payload))));
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'Use spirals', exact: true }).click();
  await expect(page.getByText('Ready to train')).toBeVisible({ timeout: 60_000 });
  await train(page, 'first', 15, '0.01');

  await page.reload();
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'Open the page of first' }).click();
  const runPage = page.getByRole('article', { name: 'Run page' });
  await expect(runPage.getByRole('heading', { name: 'first' })).toBeVisible();
  await expect(runPage.getByTestId('run-weights')).toContainText(
    /Best weights: epoch \d+ · last weights: epoch 15|Last weights: epoch 15/,
  );
  // Curves: training and validation loss and accuracy, with the best and last epochs marked.
  await expect.poll(() => series(page, 'Loss curves')).toBeGreaterThanOrEqual(4);
  await expect.poll(() => series(page, 'Accuracy curves')).toBeGreaterThanOrEqual(3);
  const results = runPage.getByRole('region', { name: 'Results on the test split' });
  await expect(results.getByText('Confusion matrix')).toBeVisible({ timeout: 60_000 });
  await expect(results.getByTestId('results-weights')).toContainText(/epoch's weights \(epoch \d+\)/);
  await results.getByRole('button', { name: 'Last epoch' }).click();
  await expect(results.getByTestId('results-weights')).toHaveText("(by the last epoch's weights (epoch 15))");
  // Settings in words (their configuration paths are the rows' tooltips), choices as the training form names them.
  const settings = runPage.getByRole('region', { name: 'Settings' });
  await expect(settings.getByRole('row', { name: 'Optimizer Adam' })).toBeVisible();
  await expect(settings.getByRole('row', { name: 'Loss function Cross-entropy' })).toBeVisible();
  await expect(settings).not.toContainText('optimizer.type');
  await expect(runPage.getByRole('img', { name: 'The graph of first' })).toBeVisible();
  await expect(runPage.getByRole('region', { name: 'Diagnosis' })).toBeVisible();
  await snapshot(page, testInfo, 'run-page-en-results');
  // The view scrolls inside the page: show its top (header and curves) too.
  await runPage.getByRole('heading', { name: 'first' }).scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'run-page-en');
  await runPage.getByRole('img', { name: 'The graph of first' }).scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'run-page-en-graph');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const zhPage = page.getByRole('article', { name: '运行页面' });
  await expect(zhPage.getByTestId('run-weights')).toContainText('最后权重：第 15 轮');
  await expect(zhPage.getByRole('region', { name: '设置' })).toBeVisible();
  await zhPage.getByRole('heading', { name: 'first' }).scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'run-page-zh');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  // The page is part of where the user left off: a reload comes back to it.
  await expect.poll(() => sent.some((m) => m.includes('"savePlace"') && m.includes('"runPageId":"'))).toBe(true);
  await page.reload();
  await expect(page.getByRole('article', { name: 'Run page' }).getByRole('heading', { name: 'first' })).toBeVisible();
  const before = sent.length;
  await page.getByRole('button', { name: '← All runs' }).click();
  await expect(page.getByRole('button', { name: 'Open the page of first' })).toBeVisible();
  // Leaving the page is kept too, once the studio has saved its place (a moment after changes settle).
  await expect
    .poll(() => sent.slice(before).some((m) => m.includes('"savePlace"') && m.includes('"runPageId":null')))
    .toBe(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Open the page of first' })).toBeVisible();
});

test('three runs compared: every curve, a legend that hides a run from every chart, a log scale', async ({
  page,
}, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  // The studio reopens where the last test left it (the runs table), with the spirals data and graph.
  await page.goto(studio.url);
  await expect(page.getByRole('button', { name: 'Open the page of first' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(page.getByText('Ready to train')).toBeVisible({ timeout: 60_000 });
  await train(page, 'second', 12, '0.03');
  await train(page, 'third', 10, '0.003');

  await page.getByRole('tab', { name: 'Experiments' }).click();
  for (const name of ['first', 'second', 'third']) await page.getByLabel(`Select run ${name}`).check();
  await page.getByRole('button', { name: 'Compare (3)' }).click();
  const comparison = page.getByRole('region', { name: 'Comparison' });
  // Training and validation of three runs in each chart.
  await expect.poll(() => series(page, 'Compared loss')).toBe(6);
  await expect.poll(() => series(page, 'Compared accuracy')).toBe(6);
  const table = comparison.getByRole('table', { name: 'Best and last epochs of each run' });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByTestId('test-score').first()).toContainText(/\d+(\.\d+)?%.*weights, epoch \d+/);
  // Each run's first verdict, worded as its page's Diagnosis panel words it (its text on hover).
  const verdicts = table.locator('td.verdict');
  await expect(verdicts).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    const code = (await verdicts.nth(i).getAttribute('data-code')) as VerdictCode;
    expect(VERDICT_CODES).toContain(code);
    await expect(verdicts.nth(i)).toHaveText(diagnosisWords.en.verdicts[code].title);
  }

  const legend = comparison.getByRole('group', { name: 'Runs shown in the charts' });
  await legend.getByRole('button', { name: 'second in the charts' }).click();
  await expect(legend.getByRole('button', { name: 'second in the charts' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => series(page, 'Compared loss')).toBe(4);
  await expect.poll(() => series(page, 'Compared accuracy')).toBe(4);

  await comparison.getByRole('checkbox', { name: 'Log scale' }).check();
  await expect(page.locator('canvas[aria-label="Compared loss"]')).toHaveAttribute('data-scale', 'log');
  await comparison.getByRole('button', { name: 'Show weight histograms' }).click();
  await expect(comparison.getByRole('img', { name: /Weight histogram of .* in first/ }).first()).toBeVisible();
  await expect(comparison.getByRole('img', { name: /Weight histogram of .* in second/ })).toHaveCount(0);
  await snapshot(page, testInfo, 'compare-en');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('group', { name: '图表中显示的运行' })).toBeVisible();
  await expect(page.getByRole('table', { name: '各运行的最佳与最后一轮' })).toBeVisible();
  await snapshot(page, testInfo, 'compare-zh');
});

test('a training run’s page follows it live', async ({ page }, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(page.getByText('Ready to train')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('50000');
  await page.getByLabel('Run name').fill('long one');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();

  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'Open the page of long one' }).click();
  const runPage = page.getByRole('article', { name: 'Run page' });
  await expect(runPage).toContainText('Training: the page follows the run as it learns.');
  const lastEpoch = async () => {
    const text = (await runPage.getByTestId('run-weights').textContent()) ?? '';
    return Number(/last weights: epoch (\d+)/i.exec(text)?.[1] ?? 0);
  };
  await expect.poll(lastEpoch, { timeout: 60_000 }).toBeGreaterThan(0);
  const seen = await lastEpoch();
  // More epochs arrive while the page is open: it draws the studio's live copy of the run.
  await expect.poll(lastEpoch, { timeout: 60_000 }).toBeGreaterThan(seen + 2);
  await expect(runPage.locator('section[aria-label="Decision boundary"] canvas')).toHaveAttribute(
    'data-source',
    'live',
    { timeout: 60_000 },
  );
  await snapshot(page, testInfo, 'run-page-live-en');

  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('Stopped').first()).toBeVisible({ timeout: 60_000 });
});

test('a regression run’s page draws validation MAE and R² each on its own axis', async ({ page }, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  // Loaded where the last test left off (the Train view with its stopped run) before going elsewhere.
  await expect(page.getByRole('button', { name: "This run's page" })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Use noisy-curve', exact: true }).click();
  await page.getByRole('tab', { name: 'Model' }).click();
  await page.getByLabel('Template').selectOption('mlp');
  await expect(page.getByText('Ready to train')).toBeVisible({ timeout: 60_000 });
  await train(page, 'curve', 20, '0.01');

  // The Train view links to its run's page.
  await page.getByRole('button', { name: "This run's page" }).click();
  const runPage = page.getByRole('article', { name: 'Run page' });
  const chart = runPage.locator('canvas[aria-label="Validation MAE and R²"]');
  await expect(chart).toHaveAttribute('data-axes', '2');
  await expect(runPage.locator('canvas[aria-label="Loss curves"]')).toHaveAttribute('data-axes', '1');
  await expect(runPage.getByRole('region', { name: 'Results on the test split' })).toContainText(
    'Predicted against true',
    { timeout: 60_000 },
  );
  await runPage.getByRole('heading', { name: 'curve', exact: true }).scrollIntoViewIfNeeded();
  await expect(runPage.getByRole('heading', { name: 'curve', exact: true })).toBeVisible();
  await snapshot(page, testInfo, 'run-page-regression-en');
});
