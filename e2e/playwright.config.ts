// End-to-end tests: Debian's Chromium (never a downloaded browser) against the studio in web mode, served from
// the build in dist/ with a throwaway NETWRIGHT_HOME, so every run starts from an empty studio.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.NETWRIGHT_E2E_PORT ?? 7391);
const token = process.env.NETWRIGHT_WEB_TOKEN ?? randomBytes(24).toString('hex');
const home = process.env.NETWRIGHT_E2E_HOME ?? mkdtempSync(join(tmpdir(), 'netwright-e2e-'));
process.env.NETWRIGHT_WEB_TOKEN = token; // the tests read it from here
process.env.NETWRIGHT_E2E_PORT = String(port);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  outputDir: '../test-results/e2e',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.NETWRIGHT_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node dist/web.mjs --port ${port}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/?token=${token}`,
    env: { NETWRIGHT_HOME: home, NETWRIGHT_WEB_TOKEN: token, NETWRIGHT_THREADS: '2' },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
