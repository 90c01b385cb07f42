// Shared helpers for the end-to-end tests: the studio's address with its token, and screenshots kept as artifacts.
import type { Page, TestInfo } from '@playwright/test';

export function studioUrl(path = '/'): string {
  const token = process.env.NETWRIGHT_WEB_TOKEN;
  if (!token) throw new Error('NETWRIGHT_WEB_TOKEN is not set: run the end-to-end tests through e2e/playwright.config.ts');
  return `${path}?token=${token}`;
}

/** A full-page screenshot attached to the test report and kept in test-results/e2e. */
export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
