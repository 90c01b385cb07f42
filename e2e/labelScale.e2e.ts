// A CSV regression label far from ±1 (house prices) in Chromium against web mode: the import dialog offers the
// label's scale (automatic by default), the import says the label is learned standardized, the loss chart says what
// scale its loss is on, and the test split's predictions are prices.
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ownStudio, snapshot } from './studio';

const studio = ownStudio(25, 'label-scale');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

/** price = 100,000 + 2,000 per square metre, 10 to 150 m², with a little noise: 200 rows. */
function housesCsv(): string {
  const rows = Array.from({ length: 200 }, (_, i) => {
    const area = 10 + ((i * 7) % 141);
    return `${area},${100_000 + 2_000 * area + ((i * 7919) % 11) * 100}`;
  });
  return `area,price\n${rows.join('\n')}\n`;
}

test('house prices are learned standardized, and predicted as prices', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const csv = testInfo.outputPath('houses.csv');
  writeFileSync(csv, housesCsv());
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'Import a CSV table…' }).click();
  await page.getByLabel('CSV file').setInputFiles(csv);
  await expect(page.getByLabel('Label column')).toHaveValue('price');
  await page.getByLabel('Task').selectOption('regression');
  await expect(page.getByLabel('Label scale')).toHaveValue('auto');
  await snapshot(page, testInfo, 'label-scale-dialog');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('dialog').getByText("the label 'price' is")).toContainText(
    'the model learns it standardized',
  );
  await page.getByRole('button', { name: 'Done' }).click();
  // The dataset list says the label is learned standardized, and how, on hover.
  const scaled = page.getByTestId('label-standardized');
  await expect(scaled).toContainText('standardized');
  await expect(scaled).toHaveAttribute('title', /^Learned as \('price' − 256,900\) \/ 80,610/);

  await page.getByRole('tab', { name: 'Model' }).click();
  await page.getByLabel('Template').selectOption('mlp');
  await expect(page.getByText('Ready to train')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('30');
  await page.getByRole('textbox', { name: 'Learning rate' }).fill('0.01');
  await page.getByLabel('Run name').fill('houses');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('standardized-label')).toContainText("Loss on the standardized label: ('price' − 256,");
  await expect(page.getByTestId('standardized-label')).toContainText('/ 80,');
  const results = page.getByRole('region', { name: 'Results on the test split' });
  await expect(results).toContainText('Predicted against true', { timeout: 60_000 });
  // The test split's MAE is in prices: hundreds to thousands (the standardized scale would read below 1).
  const text =
    (await results
      .getByText(/MAE [\d.e+]+, R²/)
      .first()
      .textContent()) ?? '';
  const mae = Number(/MAE ([\d.e+]+)/.exec(text)?.[1]);
  expect(mae).toBeGreaterThan(50);
  expect(mae).toBeLessThan(20_000);
  await snapshot(page, testInfo, 'label-scale-trained');

  // Its ONNX export offers no softmax: a regression's outputs are prices, not class scores.
  await page.getByRole('button', { name: /This run's page/ }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Format')).toHaveValue('onnx');
  await expect(dialog.getByLabel('Normalization')).toBeVisible();
  await expect(dialog.getByLabel('Append softmax')).toHaveCount(0);
});
