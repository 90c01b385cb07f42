// Open model… in Chromium against web mode: a PyTorch-written ONNX file uploaded from the welcome page opens as a
// graph of the right size with a notice of what was imported; a file with an operator Netwright has no layer for
// opens with that node marked on the canvas, in English and Chinese. It starts its own studio (see ownStudio).
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { ownStudio, selectNode, snapshot } from './studio';

const studio = ownStudio(5, 'onnx');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

const fixture = (name: string) => fileURLToPath(new URL(`../engine/test/onnx/fixtures/${name}`, import.meta.url));

test('opens an ONNX model as a graph, and marks the node it cannot run', async ({ page }, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await expect(page.getByRole('button', { name: 'Open model…' })).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('open-model-input').setInputFiles(fixture('conv_bn_relu_maxpool.op17.fold.onnx'));

  await expect(page.getByText('Imported conv_bn_relu_maxpool.op17.fold.onnx: 6 layers, 187 parameters.')).toBeVisible({
    timeout: 60_000,
  });
  const nodes = page.locator('.svelte-flow__node');
  await expect(nodes).toHaveCount(6);
  for (const kind of ['Input', 'Conv2D', 'ReLU', 'MaxPool2D', 'Flatten', 'Dense'])
    await expect(nodes.filter({ hasText: kind }).first()).toBeVisible();
  await expect(page.locator('.svelte-flow__node [role="alert"]')).toHaveCount(0);
  await snapshot(page, testInfo, 'onnx-import-en');

  // Now from the editor's toolbar: a model with SELU, which Netwright has no layer for.
  await page.getByTestId('open-model-input').setInputFiles(fixture('unsupported_selu.op17.fold.onnx'));
  await expect(page.getByText(/Imported unsupported_selu\.op17\.fold\.onnx: 4 layers\. 1 node\(s\)/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(nodes).toHaveCount(4);
  const marked = nodes.filter({ hasText: 'ONNX Selu' });
  await expect(marked).toHaveCount(1);
  await expect(marked.getByRole('alert')).toContainText(
    'is the ONNX operator Selu (opset 17), which Netwright has no layer for',
  );
  await snapshot(page, testInfo, 'onnx-unsupported-en');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(marked.getByRole('alert')).toContainText('是 ONNX 算子 Selu（opset 17），Netwright 没有对应的层');
  await expect(page.getByRole('button', { name: '打开模型…' })).toBeVisible();
  await snapshot(page, testInfo, 'onnx-unsupported-zh');
});

test('fine-tunes an imported model: its weights start the next run, with a layer frozen', async ({
  page,
}, testInfo) => {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await expect(page.getByRole('button', { name: 'Open model…' })).toBeVisible({ timeout: 60_000 });
  // A PyTorch classifier of two features (Linear(2, 32), ReLU, Linear(32, 2)), as a user brings one to fine-tune.
  await page.getByTestId('open-model-input').setInputFiles(fixture('two_feature_classifier.op17.fold.onnx'));
  await expect(
    page.getByText(/Imported two_feature_classifier\.op17\.fold\.onnx: 4 layers, 162 parameters/),
  ).toBeVisible({
    timeout: 60_000,
  });
  const starting = page.getByRole('region', { name: 'Starting weights' });
  await expect(starting).toContainText('Runs of this graph start from the weights of the imported model');

  // Keep the hidden layer as it came (2 x 32 weights + 32 biases), train the output layer on two-moons.
  await selectNode(page, 'Dense hidden');
  await page
    .getByRole('complementary', { name: 'Layer settings' })
    .getByRole('switch', { name: 'Trainable' })
    .uncheck();
  await expect(page.locator('footer.status')).toContainText('96 frozen');
  await snapshot(page, testInfo, 'onnx-fine-tune-frozen');

  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Use two-moons', exact: true }).click();
  await expect(page.getByText('two-moons is ready and selected.')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('3');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });

  // The run records where it started: every tensor of the imported model loaded by name, none re-initialized.
  await page.getByRole('tab', { name: 'Experiments' }).click();
  const details = page.getByRole('complementary', { name: 'Run details' });
  // The imported models' own runs (kind 'imported', no epochs) are named after their files, and the table shows no
  // training settings for them.
  await expect(
    page.locator('tbody tr', { hasText: 'two_feature_classifier' }).first().locator('td.settings'),
  ).toHaveText('imported: not trained here');
  await page.getByRole('button', { name: /^Run \d+$/ }).click();
  await expect(details).toContainText(
    /Started from run two_feature_classifier[^']*'s weights:\s+4 loaded, 0 renamed, 0 re-initialized/,
  );
  await snapshot(page, testInfo, 'onnx-fine-tuned-run');
  // A fine-tune tried again starts from the imported weights too (its frozen layer must not hold random ones), and
  // the Train view says so beside Start until they are dropped.
  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(starting).toBeVisible();
  await page.getByRole('tab', { name: 'Train' }).click();
  const startsFrom = page.getByTestId('starts-from');
  await expect(startsFrom).toContainText(/Runs start from the weights of two_feature_classifier/);
  await startsFrom.getByRole('button', { name: 'Start from seeded weights instead' }).click();
  await expect(startsFrom).toHaveCount(0);
  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(starting).toHaveCount(0);

  // Imported again, then another graph opened: that one trains from its own weights, not the model's.
  await page.getByTestId('open-model-input').setInputFiles(fixture('two_feature_classifier.op17.fold.onnx'));
  await expect(starting).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(starting).toHaveCount(0);
});

test("an imported run's page says it was not trained here, without curves, and nothing on it fails", async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  // The studio reopens where the test before left it (keeping the user's place): go to the editor's toolbar.
  await page.getByRole('tab', { name: 'Model' }).click({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Open model…' })).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('open-model-input').setInputFiles(fixture('mlp_gemm.op13.fold.onnx'));
  await expect(page.getByText(/Imported mlp_gemm\.op13\.fold\.onnx/)).toBeVisible({ timeout: 60_000 });

  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'Open the page of mlp_gemm.op13.fold' }).click();
  const runPage = page.getByRole('article', { name: 'Run page' });
  await expect(runPage.getByRole('heading', { name: 'mlp_gemm.op13.fold' })).toBeVisible();
  await expect(runPage.getByTestId('run-weights')).toHaveText(
    'Imported from a model file, not trained here: its weights are the file’s, so there are no curves yet.',
  );
  await expect(runPage.getByText(/^no dataset \(imported\) · created/)).toBeVisible();
  await expect(runPage.getByRole('region', { name: 'Settings' })).toBeVisible();
  await expect(runPage.getByRole('img', { name: 'The graph of mlp_gemm.op13.fold' })).toBeVisible();
  await expect(runPage.getByRole('region', { name: 'Diagnosis' })).toHaveCount(0);
  await snapshot(page, testInfo, 'onnx-imported-run-page-en');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('article', { name: '运行页面' }).getByTestId('run-weights')).toHaveText(
    '从模型文件导入，未在这里训练：权重来自该文件，因此还没有曲线。',
  );
  await snapshot(page, testInfo, 'onnx-imported-run-page-zh');
  expect(errors).toEqual([]);
});
