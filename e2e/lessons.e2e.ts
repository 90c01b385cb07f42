// The Lessons view in Chromium against web mode: from the welcome screen to the lessons, then every lesson (1–10),
// checking what each shows; screenshots in English and Chinese, light and dark.
// It starts its own studio (own NETWRIGHT_HOME, port NETWRIGHT_E2E_PORT + 1) so the runs it trains never reach the
// empty studio that new-user.e2e.ts expects.
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { ownStudio, snapshot } from './studio';

test.describe.configure({ mode: 'serial' });

const studio = ownStudio(1, 'lessons');
const url = studio.url;

test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

async function openLesson(page: Page, title: string): Promise<void> {
  await page.getByRole('tab', { name: 'Lessons' }).click();
  const back = page.getByRole('button', { name: '← All lessons' });
  if (await back.isVisible()) await back.click();
  await page.getByRole('button', { name: `Open the lesson: ${title}` }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

/**
 * The open lesson in Chinese on the dark theme, reopened so its charts are drawn afresh in both, checked by `ready`
 * and photographed; then back to English and the light theme.
 */
async function chineseDarkSnapshot(
  page: Page,
  testInfo: TestInfo,
  title: string,
  ready: Locator,
  name: string,
): Promise<void> {
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('combobox', { name: '主题' }).selectOption('dark');
  await page.getByRole('button', { name: '← 全部课程' }).click();
  await page.getByRole('button', { name: `打开课程: ${title}` }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(ready).toBeVisible();
  await snapshot(page, testInfo, name);
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
}

/**
 * A lesson's run opened in the editor: the Train view shows that run (not the one shown before, a spirals run of
 * the underfitting lesson) and keeps reading it against its own regression data after another dataset is chosen.
 */
async function openedRunReadsItsOwnData(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open Without dropout in the editor' }).click();
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByText('dropout: plain', { exact: true })).toBeVisible();
  const regression = page.locator('canvas[aria-label="Validation MAE and R²"]');
  await expect(regression).toBeVisible();
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'spirals' });
  await expect(regression).toBeVisible();
  await expect(page.locator('canvas[aria-label="Accuracy curves"]')).toHaveCount(0);
}

test('the welcome screen leads to the lessons, one card each', async ({ page }, testInfo) => {
  await page.goto(url);
  await page.getByRole('button', { name: 'Open the lessons' }).click();
  await expect(page.getByRole('heading', { name: 'Lessons', level: 1 })).toBeVisible();
  for (const title of [
    'Underfitting and capacity',
    'Overfitting and dropout',
    'L1 against L2',
    'Batch norm',
    'Optimizers',
    'Learning-rate schedules',
    'Early stopping',
    'Vanishing gradients',
    'Convolution shapes',
    'Checkpoints',
  ]) {
    await expect(page.getByRole('button', { name: `Open the lesson: ${title}` })).toBeVisible();
  }
  await snapshot(page, testInfo, 'lessons-en-light');
});

test("L1 against L2: both runs train and the histograms show L1's sparsity", async ({ page }, testInfo) => {
  await page.goto(url);
  await openLesson(page, 'L1 against L2');
  await expect(page.getByText('The runs are not trained yet')).toBeVisible();
  await page.getByRole('button', { name: 'Train the runs' }).click();
  const claim = page.getByTestId('sparsity');
  await expect(claim).toBeVisible({ timeout: 120_000 });
  // "L1 leaves N× the share …": N is the ratio of near-zero shares, several times at least
  const ratio = Number(/(\d+)×/.exec(await claim.innerText())?.[1]);
  expect(ratio).toBeGreaterThan(5);
  for (const run of ['l1', 'l2']) {
    await expect(page.locator(`[data-run="${run}"] [role="img"]`).first()).toBeVisible();
  }
  const l1Share = Number(/([\d.]+)%/.exec(await page.locator('[data-run="l1"] .share').innerText())?.[1]);
  expect(l1Share).toBeGreaterThan(30);
  await expect(page.getByRole('button', { name: 'Open L1 (λ = 0.001) in the editor' })).toBeVisible();
  await snapshot(page, testInfo, 'lesson-l1-l2-en-light');

  // Reopened later, the lesson finds its runs again instead of training anew.
  await page.reload();
  await openLesson(page, 'L1 against L2');
  await expect(page.getByTestId('sparsity')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train them again' })).toBeVisible();

  await chineseDarkSnapshot(
    page,
    testInfo,
    'L1 与 L2',
    page.getByText('L1 留下的接近零的权重比例'),
    'lesson-l1-l2-zh-dark',
  );
});

test('Underfitting and capacity: straight borders cannot follow the spirals, and the diagnosis says so', async ({
  page,
}, testInfo) => {
  await page.goto(url);
  await openLesson(page, 'Underfitting and capacity');
  await page.getByRole('button', { name: 'Train the runs' }).click();
  const claim = page.getByTestId('underfitting');
  await expect(claim).toBeVisible({ timeout: 120_000 });
  await expect(claim).toHaveText(
    /Without a hidden layer the network reached \d+% training accuracy: its training loss \(\d\.\d+\) has been flat since epoch \d+, with the validation loss \(\d\.\d+\) right beside it\. It underfits\./,
  );
  // Each network's regions are drawn from its checkpoint, and under each is the Train view's own verdict.
  for (const run of ['linear', 'hidden-8', 'hidden-64x2']) {
    await expect(page.locator(`[data-run="${run}"] canvas[data-kind="classes"]`)).toHaveAttribute('data-updates', /\d/);
  }
  await expect(page.locator('[data-run="linear"] .verdict')).toHaveAttribute('data-code', 'underfitting');
  await expect(page.locator('[data-run="linear"] .verdict')).toContainText('Diagnosis: Underfitting');
  for (const run of ['hidden-8', 'hidden-64x2']) {
    await expect(page.locator(`[data-run="${run}"] .verdict`)).not.toHaveAttribute('data-code', /underfitting|slowly/);
  }
  await snapshot(page, testInfo, 'lesson-underfitting-en-light');
  await chineseDarkSnapshot(
    page,
    testInfo,
    '欠拟合与模型容量',
    page.getByText('它欠拟合。'),
    'lesson-underfitting-zh-dark',
  );
});

test("Optimizers: paths from the engine's update rules, a draggable start, and curves on spirals", async ({
  page,
}, testInfo) => {
  await page.goto(url);
  await openLesson(page, 'Optimizers');
  const map = page.getByTestId('paths-map');
  await expect(map).toBeVisible();
  const legend = page.getByTestId('path-legend');
  // Rosenbrock from (-1.2, 1) after 300 steps: momentum gets much closer to (1, 1) than plain SGD.
  const distance = async (id: string) =>
    Number(/: ([\d.]+) from the minimum/.exec(await legend.locator(`[data-optimizer="${id}"]`).innerText())?.[1]);
  await expect(legend.locator('[data-optimizer="sgd"]')).toContainText('after 300 steps');
  expect(await distance('momentum')).toBeLessThan((await distance('sgd')) / 4);
  expect(await distance('adam')).toBeLessThan(await distance('sgd'));

  // Clicking on the map moves the start point; a too-large learning rate diverges and says so.
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.25);
  await expect(page.getByText('Start (-1, 2)')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Learning rate of SGD' }).fill('0.05');
  await expect(legend.locator('[data-optimizer="sgd"]')).toContainText('diverged');
  await page.getByRole('combobox', { name: 'Surface' }).selectOption('bowl');
  await expect(page.getByText('Start (-3.5, 1.2)')).toBeVisible();

  await page.getByRole('button', { name: 'Train the runs' }).click();
  await expect(page.locator('canvas[aria-label="Training loss per epoch on spirals"]')).toBeVisible({
    timeout: 150_000,
  });
  await expect(page.getByText('Trained 6 runs on the sample spirals.')).toBeVisible();
  await page.locator('canvas[aria-label="Training loss per epoch on spirals"]').scrollIntoViewIfNeeded();
  await expect(map).toHaveAttribute('data-drawn', 'all'); // the step-by-step drawing has reached the last step
  await snapshot(page, testInfo, 'lesson-optimizers-en-light');
  await chineseDarkSnapshot(
    page,
    testInfo,
    '优化器',
    page.locator('canvas[aria-label="在 spirals 上每轮的训练损失"]'),
    'lesson-optimizers-zh-dark',
  );
});

test('the other lessons train their runs and show their point', async ({ page }, testInfo) => {
  await page.goto(url);
  const lessons: Array<[string, string, RegExp]> = [
    ['Overfitting and dropout', 'overfitting', /Without dropout the validation loss ended at \d+\.\d× its best/],
    ['Vanishing gradients', 'gradient-ratio', /The first layer gets \d[\d,.]*× less gradient with sigmoid/],
    ['Batch norm', '', /./],
    ['Learning-rate schedules', '', /./],
    [
      'Early stopping',
      'early-stop',
      /ended the run after epoch \d+, 30 epochs without improvement, and restored the weights of epoch \d+/,
    ],
    ['Checkpoints', 'checkpoint-difference', /validation curves: 0\. They are identical, value for value/],
  ];
  for (const [title, testId, claim] of lessons) {
    await openLesson(page, title);
    await page.getByRole('button', { name: 'Train the runs' }).click();
    await expect(page.getByRole('button', { name: 'Train them again' })).toBeVisible({ timeout: 120_000 });
    if (testId) await expect(page.getByTestId(testId)).toHaveText(claim);
    await expect(page.locator('section.lesson canvas').first()).toBeVisible();
    await snapshot(page, testInfo, `lesson-${title.toLowerCase().replace(/\W+/g, '-')}-en-light`);
    if (title === 'Overfitting and dropout') await openedRunReadsItsOwnData(page);
    if (title === 'Early stopping') {
      // Opened in the editor, the early-stopped run says how it ended, not just "Completed" at epoch 80 of 500.
      await page.getByRole('button', { name: 'Open Early stopping in the editor' }).click();
      await page.getByRole('tab', { name: 'Train' }).click();
      await expect(page.locator('.stats [role="status"]')).toHaveText(
        /^Completed: early stopping ended it after epoch \d+$/,
      );
    }
  }
  await chineseDarkSnapshot(
    page,
    testInfo,
    '检查点',
    page.getByTestId('checkpoint-difference'),
    'lesson-checkpoints-zh-dark',
  );
});

test('Convolution shapes: the calculator follows W, F, P and S', async ({ page }, testInfo) => {
  await page.goto(url);
  await openLesson(page, 'Convolution shapes');
  await expect(page.getByTestId('output-shape')).toContainText('1×7×7 → 4×4×4');
  // A stride of 0 is computed as 1, and the page says so instead of changing the number silently.
  await page.getByRole('spinbutton', { name: 'Stride S' }).fill('0');
  await expect(page.getByTestId('output-shape')).toContainText('→ 4×7×7');
  await expect(page.locator('[data-field="stride"]')).toHaveText(
    'Stride S takes whole numbers from 1 to 8: computed with 1.',
  );
  await page.getByRole('spinbutton', { name: 'Stride S' }).fill('1');
  await expect(page.getByTestId('output-shape')).toContainText('→ 4×7×7');
  await expect(page.locator('[data-field="stride"]')).toHaveCount(0);
  await page.getByRole('spinbutton', { name: 'Filters' }).fill('1');
  await expect(page.getByTestId('weight-count')).toContainText('1 filter of 1×3×3 weights, plus 1 bias = 10');
  // Its weights, and a depthwise convolution's: one group per channel, 32 × 3 × 3 + 32 against 32 × 32 × 3 × 3 + 32.
  await page.getByRole('spinbutton', { name: 'Input channels' }).fill('32');
  await page.getByRole('spinbutton', { name: 'Filters' }).fill('32');
  await expect(page.getByTestId('weight-count')).toContainText('32 filters of 32×3×3 weights, plus 32 biases = 9,248');
  await page.getByRole('spinbutton', { name: 'Groups' }).fill('32');
  await expect(page.getByTestId('weight-count')).toContainText('32 filters of 1×3×3 weights, plus 32 biases = 320');
  await expect(page.getByTestId('group-saving')).toContainText('depthwise convolution');
  await expect(page.getByTestId('group-saving')).toContainText('28.9× fewer parameters than one group (9,248)');
  await page.getByRole('spinbutton', { name: 'Groups' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Input channels' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Filters' }).fill('4');
  // Dilation 2 spreads the 3×3 kernel over 5×5: N = (7 − 5 + 2·1) / 1 + 1 = 5, the same 4 × 9 + 4 weights.
  await page.getByRole('spinbutton', { name: 'Dilation D' }).fill('2');
  await expect(page.getByTestId('output-shape')).toContainText('1×7×7 → 4×5×5');
  await expect(page.getByTestId('formula')).toContainText('N = (7 − 5 + 2·1) / 1 + 1 = 5');
  await expect(page.getByTestId('dilation-span')).toContainText('the window spans D·(F − 1) + 1 = 5 pixels');
  await expect(page.getByTestId('weight-count')).toContainText('= 40');
  await snapshot(page, testInfo, 'lesson-conv-shapes-dilated-en');
  await page.getByRole('spinbutton', { name: 'Dilation D' }).fill('1');
  await page.getByRole('combobox', { name: 'Layer' }).selectOption('maxpool2d');
  await page.getByRole('spinbutton', { name: 'Padding P' }).fill('0');
  await expect(page.getByTestId('output-shape')).toContainText('1×7×7 → 1×5×5');
  await snapshot(page, testInfo, 'lesson-conv-shapes-en-light');
});
