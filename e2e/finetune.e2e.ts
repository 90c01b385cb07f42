// Freezing and fine-tuning in Chromium against web mode: a layer frozen in the Inspector shows a lock on the canvas
// and the frozen count in the status bar, the run trains with it frozen, and "Train from this run's weights" starts
// a second run from the first one's weights, which its details then name. Its own studio (see ownStudio).
import { expect, test } from '@playwright/test';
import { encodeSafetensors, type NamedArray } from '../engine/core/io/safetensors';
import { openOnSpirals, ownStudio, selectNode, snapshot } from './studio';

/** A PyTorch nn.Sequential(Linear(2, 64), ReLU, Linear(64, 64), ReLU, Linear(64, classes)) state_dict file. */
function torchState(classes: number): Buffer {
  const f32 = (...shape: number[]): NamedArray => ({
    dtype: 'F32',
    shape,
    data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => Math.cos(i) / 8),
  });
  const bytes = encodeSafetensors({
    '0.weight': f32(64, 2),
    '0.bias': f32(64),
    '2.weight': f32(64, 64),
    '2.bias': f32(64),
    '4.weight': f32(classes, 64),
    '4.bias': f32(classes),
    '5.num_batches_tracked': { dtype: 'I64', shape: [], data: BigInt64Array.of(3n) },
  });
  return Buffer.from(bytes);
}

const studio = ownStudio(6, 'finetune');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

test('freeze a layer, train, and train again from the run’s weights', async ({ page }, testInfo) => {
  await openOnSpirals(page, studio.url);

  await page.getByRole('tab', { name: 'Model' }).click();
  await selectNode(page, 'Dense fc1');
  const inspector = page.getByRole('complementary', { name: 'Layer settings' });
  const trainable = inspector.getByRole('switch', { name: 'Trainable' });
  await expect(trainable).toBeChecked();
  await expect(inspector).toContainText('Off freezes the layer: its weights stay as they are while the rest trains.');
  // Only a batch norm's switch speaks of running statistics; the layer goes again before training.
  await page.getByRole('button', { name: 'Add BatchNorm1D', exact: true }).dblclick();
  await expect(inspector).toContainText('normalizes with its running statistics, as in evaluation');
  await page.keyboard.press('Delete');
  await expect(page.getByLabel(/^BatchNorm1D /)).toHaveCount(0);
  await selectNode(page, 'Dense fc1');
  await trainable.uncheck();
  // fc1: 2 inputs x 64 units + 64 biases.
  await expect(page.getByLabel('Dense fc1', { exact: true }).getByRole('img', { name: /Frozen layer/ })).toBeVisible();
  await expect(page.locator('footer.status')).toContainText('192 frozen');
  await snapshot(page, testInfo, 'frozen-layer');

  // Every layer frozen: the status line says nothing would train, and Start waits with the reason.
  const setTrainable = async (layers: string[], on: boolean) => {
    for (const layer of layers) {
      await selectNode(page, `Dense ${layer}`);
      await inspector.getByRole('switch', { name: 'Trainable' }).setChecked(on);
    }
  };
  await setTrainable(['fc2', 'fc3'], false);
  await expect(page.getByTestId('all-frozen')).toHaveText('Every layer is frozen: nothing would train');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByRole('button', { name: 'Start training' })).toBeDisabled();
  await expect(page.getByTestId('start-blocked')).toContainText('Every layer with parameters is frozen');
  await page.getByRole('tab', { name: 'Model' }).click();
  await setTrainable(['fc2', 'fc3'], true);
  await expect(page.getByTestId('all-frozen')).toHaveCount(0);
  await expect(page.locator('footer.status')).toContainText('192 frozen');

  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('3');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });

  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'Run 1', exact: true }).click();
  const details = page.getByRole('complementary', { name: 'Run details' });
  await details.getByRole('button', { name: "Train from this run's weights" }).click();
  await expect(page.getByText("Training from Run 1's weights on spirals.")).toBeVisible();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });

  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'Run 2', exact: true }).click();
  await expect(details).toContainText("Started from run Run 1's weights: 6 loaded");
  await snapshot(page, testInfo, 'fine-tuned-run');

  // A weights file loaded in the editor: matched by order, shown as a table, and the graph's runs start from it.
  await page.getByRole('tab', { name: 'Model' }).click();
  const chooser = page.getByLabel('Load weights…');
  await chooser.setInputFiles({
    name: 'wrong.safetensors',
    mimeType: 'application/octet-stream',
    buffer: torchState(5),
  });
  await expect(
    page.getByText(
      "The weights do not fit: tensor '4.weight' has shape [5, 64], but layer 'fc3' needs 'fc3.weight' of shape [3, 64].",
    ),
  ).toBeVisible();
  await chooser.setInputFiles({
    name: 'torch.safetensors',
    mimeType: 'application/octet-stream',
    buffer: torchState(3),
  });
  const table = page.getByRole('region', { name: 'Starting weights' });
  await expect(table).toContainText('Runs of this graph start from torch.safetensors:');
  await expect(table).toContainText('Renamed (6)');
  await expect(table).toContainText('0.weight → fc1.weight');
  await expect(table).toContainText("5.num_batches_tracked (PyTorch's batch counter)");
  await snapshot(page, testInfo, 'weights-table');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('button', { name: 'Start training' }).click();
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'Run 3', exact: true }).click();
  await expect(details).toContainText(/Started from the weights in torch\.safetensors:\s+0 loaded, 6 renamed/);
});
