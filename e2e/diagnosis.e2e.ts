// The Diagnosis panel in Chromium against web mode: a sample trained with plain SGD at a tiny learning rate is told
// it learns slowly, with what to try; in Chinese the verdict, its reason and its advice are all in Chinese.
// It starts its own studio (see ownStudio) so its run never reaches the empty studio of new-user.e2e.ts.
import { expect, test } from '@playwright/test';
import { diagnosisWords } from '../renderer/src/training/diagnosisMessages';
import { openOnSpirals, ownStudio, snapshot } from './studio';

const studio = ownStudio(2, 'diagnosis');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

test('the diagnosis of a slow run, in English and in Chinese', async ({ page }, testInfo) => {
  await openOnSpirals(page, studio.url);
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Optimizer').selectOption('sgd');
  await page.getByRole('textbox', { name: 'Learning rate' }).fill('0.0005');
  await page.getByRole('textbox', { name: 'Epochs' }).fill('30');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });

  const en = diagnosisWords.en;
  const panel = page.getByRole('region', { name: 'Diagnosis' });
  const verdict = panel.locator('article[data-code="learning-slowly"]');
  await expect(verdict.getByRole('heading')).toHaveText(en.verdicts['learning-slowly'].title);
  await expect(verdict).toContainText('Try Adam instead of plain SGD.');
  await snapshot(page, testInfo, 'diagnosis-en');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const zh = diagnosisWords['zh-CN'];
  const chinese = page.getByRole('region', { name: '诊断' }).locator('article[data-code="learning-slowly"]');
  await expect(chinese.getByRole('heading')).toHaveText(zh.verdicts['learning-slowly'].title);
  await expect(chinese).toContainText(zh.verdicts['learning-slowly'].why);
  await expect(chinese).toContainText(zh.advice['try-adam']);
  // Nothing of the English wording is left: no Latin words of three letters or more but the names it quotes.
  const text = (await chinese.innerText()).replace(/\b(SGD|Adam|ReLU)\b/g, '');
  expect(text).not.toMatch(/[A-Za-z]{3,}/);
  await snapshot(page, testInfo, 'diagnosis-zh');

  // The verdict leads to the lesson that shows it: plain SGD against momentum and Adam.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await verdict.getByRole('button', { name: 'See it in a lesson: Optimizers →' }).click();
  await expect(page.getByRole('heading', { name: 'Optimizers', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Lessons' })).toHaveAttribute('aria-selected', 'true');
  // The Lessons tab, clicked on the open lesson, goes back to the list.
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { name: 'Lessons', level: 1 })).toBeVisible();
});

test('from a lesson to the Train view and back: the verdict is marked on the loss chart and links to its lesson', async ({
  page,
}, testInfo) => {
  // The studio has the first test's run by now, so it opens on it rather than on the welcome screen.
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(studio.url);
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: 'Open the lesson: Underfitting and capacity' }).click();
  await page.getByRole('button', { name: 'Train the runs' }).click();
  await page.getByRole('button', { name: 'Open No hidden layer (linear) in the editor' }).click({ timeout: 120_000 });
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Completed').first()).toBeVisible({ timeout: 120_000 });

  const verdict = page.getByRole('region', { name: 'Diagnosis' }).locator('article[data-code="underfitting"]');
  await expect(verdict).toBeVisible();
  // The same epoch in the verdict's heading and on the loss chart's marker.
  const since = Number(/(\d+)/.exec(await verdict.locator('.since').innerText())?.[1]);
  expect(since).toBeGreaterThan(1);
  const loss = page.locator('canvas[aria-label="Loss curves"]');
  await expect(loss).toHaveAttribute('data-markers', `Underfitting since epoch ${since}`);
  await loss.scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'diagnosis-marker-en');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.locator('canvas[aria-label="损失曲线"]')).toHaveAttribute(
    'data-markers',
    `自第 ${since} 轮起：欠拟合`,
  );
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  await verdict.getByRole('button', { name: 'See it in a lesson: Underfitting and capacity →' }).click();
  await expect(page.getByRole('heading', { name: 'Underfitting and capacity', level: 1 })).toBeVisible();
  await expect(page.getByTestId('underfitting')).toBeVisible(); // the lesson finds its runs again
});
