// Shared helpers for the end-to-end tests: the studio's address with its token, screenshots kept as artifacts, and
// a studio of a file's own.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, type TestInfo } from '@playwright/test';

export function studioUrl(path = '/'): string {
  const token = process.env.NETWRIGHT_WEB_TOKEN;
  if (!token)
    throw new Error('NETWRIGHT_WEB_TOKEN is not set: run the end-to-end tests through e2e/playwright.config.ts');
  return `${path}?token=${token}`;
}

/** A full-page screenshot attached to the test report and kept in test-results/e2e. */
export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/**
 * The studio at `url` in English (whatever the browser's language; kept across reloads), with the spirals sample
 * chosen from the welcome and ready to train: where most tests of a trained run start.
 */
export async function openOnSpirals(page: Page, url: string): Promise<void> {
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(url);
  await page.getByRole('button', { name: 'Use spirals', exact: true }).click();
  await expect(page.getByText('Ready to train')).toBeVisible({ timeout: 60_000 });
}

/**
 * Selects the canvas node labelled `label` ("Dense fc1"). The canvas zooms to fit for a moment after it opens (the
 * Model tab, a graph loaded), and a click while it moves can land beside the node: clicked again until selected.
 */
export async function selectNode(page: Page, label: string): Promise<void> {
  const node = page.getByLabel(label, { exact: true });
  await expect(async () => {
    await node.click();
    await expect(node).toHaveClass(/\bselected\b/, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * A studio of a test file's own (own NETWRIGHT_HOME, port NETWRIGHT_E2E_PORT + offset), so the runs it trains never
 * reach the empty studio that new-user.e2e.ts expects. Call start() in beforeAll and stop() in afterAll.
 */
export function ownStudio(offset: number, name: string) {
  const port = Number(process.env.NETWRIGHT_E2E_PORT ?? 7391) + offset;
  const token = randomBytes(24).toString('hex');
  const home = mkdtempSync(join(tmpdir(), `netwright-e2e-${name}-`));
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  let server: ChildProcess | null = null;
  return {
    url,
    async start(): Promise<void> {
      server = spawn(process.execPath, ['dist/web.mjs', '--port', String(port)], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: { ...process.env, NETWRIGHT_HOME: home, NETWRIGHT_WEB_TOKEN: token, NETWRIGHT_THREADS: '2' },
        stdio: 'pipe',
      });
      let output = '';
      server.stdout?.on('data', (chunk) => {
        output += String(chunk);
      });
      server.stderr?.on('data', (chunk) => {
        output += String(chunk);
      });
      // Wait until it answers (the server prints its address once it listens).
      await expect
        .poll(
          async () => {
            if (server?.exitCode !== null) throw new Error(`the ${name} studio exited: ${output}`);
            return fetch(url).then(
              (r) => r.status,
              () => 0,
            );
          },
          { timeout: 60_000 },
        )
        .toBe(200);
    },
    async stop(): Promise<void> {
      if (server && server.exitCode === null) {
        const exited = new Promise((done) => server!.once('exit', done));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
