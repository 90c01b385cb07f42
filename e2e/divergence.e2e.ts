// A run that diverges in its first epoch, in Chromium against web mode: no epoch is recorded, yet the run says why
// it failed (where the loss broke and its likely cause, from the failure's code) and the Diagnosis panel explains the
// divergence with advice; in Chinese both are in Chinese. Its own studio (ownStudio), so it starts from the welcome.
import { expect, test } from '@playwright/test';
import { diagnosisWords } from '../renderer/src/training/diagnosisMessages';
import { openOnSpirals, ownStudio, snapshot } from './studio';

const studio = ownStudio(23, 'divergence');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

test('a run that diverges in its first epoch says why and what to try, in English and in Chinese', async ({
  page,
}, testInfo) => {
  await openOnSpirals(page, studio.url);
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Optimizer').selectOption('sgd');
  await page.getByRole('textbox', { name: 'Learning rate' }).fill('8');
  await page.getByRole('button', { name: 'Start training' }).click();
  const reason = page.locator('.controls .error-text');
  await expect(reason).toContainText(
    /^The loss became NaN or infinite at epoch 1, step \d+ \(learning rate 8, SGD\), so training stopped\. Likely cause: .*a learning rate too high for SGD, where up to 0\.5 is usual\.$/,
    { timeout: 120_000 },
  );
  // No epoch was recorded, yet the diagnosis explains the divergence, with advice for this run.
  const en = diagnosisWords.en;
  const verdict = page.getByRole('region', { name: 'Diagnosis' }).locator('article[data-code="non-finite-loss"]');
  await expect(verdict.getByRole('heading')).toHaveText(en.verdicts['non-finite-loss'].title);
  await expect(verdict).toContainText('learning rate');
  await snapshot(page, testInfo, 'diverged-en');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(reason).toContainText(
    /^损失在第 1 轮第 \d+ 步变为 NaN 或无穷大（学习率 8，SGD），训练已停止。可能的原因：/,
  );
  const zh = diagnosisWords['zh-CN'];
  const chinese = page.getByRole('region', { name: '诊断' }).locator('article[data-code="non-finite-loss"]');
  await expect(chinese.getByRole('heading')).toHaveText(zh.verdicts['non-finite-loss'].title);
  expect((await reason.innerText()).replace(/\b(NaN|SGD)\b/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  await snapshot(page, testInfo, 'diverged-zh');
});
