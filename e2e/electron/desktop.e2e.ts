// The desktop app end to end with Playwright's Electron driver: the window opens on the studio, the page is
// locked down (no Node, CSP), and StudioApi works over the preload bridge, native dialog and engine included.
// Skips, saying why, where Electron's binary is not installed (machines without internet) or dist/ is not built.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { CallOutcome, DesktopBridge } from '../../main/api/bridge';
import type { StudioEvent } from '../../main/api/types';
import type { TrainConfig } from '../../engine/core/train/config';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainScript = join(root, 'dist', 'electron', 'main.cjs');

/** Electron's executable, or why this machine cannot run the desktop app. */
function electronBinary(): { binary: string } | { why: string } {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      why: "Electron's binary is not installed (no node_modules/electron/path.txt: installed offline or with ELECTRON_SKIP_BINARY_DOWNLOAD=1)",
    };
  }
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { binary } : { why: `Electron's binary is missing at ${binary}` };
}

function whyNot(): string | null {
  const found = electronBinary();
  if ('why' in found) return found.why;
  const parts = [
    mainScript,
    join(root, 'dist', 'electron', 'preload.cjs'),
    join(root, 'dist', 'renderer', 'index.html'),
    join(root, 'dist', 'engine', 'host.mjs'),
  ];
  const missing = parts.filter((p) => !existsSync(p));
  if (missing.length > 0) return `the desktop build is missing (${missing.join(', ')}): run \`npm run build\``;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'there is no display to open a window on (run under xvfb-run)';
  return null;
}

type Bridge = { netwright: DesktopBridge; studioEvents?: StudioEvent[] };
const skipReason = whyNot();

test.describe('desktop app', () => {
  test.skip(skipReason !== null, `desktop e2e skipped: ${skipReason}`);
  if (skipReason) process.stdout.write(`desktop e2e skipped: ${skipReason}\n`);

  let app: ElectronApplication;
  let page: Page;
  let home: string;

  test.beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'netwright-desktop-e2e-'));
    const found = electronBinary();
    if ('why' in found) throw new Error(found.why);
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    app = await electron.launch({
      executablePath: found.binary,
      args: [mainScript],
      cwd: root,
      env: { ...env, NETWRIGHT_HOME: home, NETWRIGHT_THREADS: '2' },
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  const call = (method: string, args: unknown[]) =>
    page.evaluate(([m, a]) => (globalThis as unknown as Bridge).netwright.call(m as never, a as unknown[]), [
      method,
      args,
    ] as const) as Promise<CallOutcome>;

  test('opens the studio from app://netwright', async () => {
    expect(page.url()).toBe('app://netwright/index.html');
    await expect(page).toHaveTitle('Netwright');
    await expect(page.locator('#app > *').first()).toBeVisible();
  });

  test('gives the page the bridge and nothing of Node, under the CSP', async () => {
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown> & Bridge;
      let evalResult: string;
      try {
        evalResult = String((0, eval)('"eval ran"'));
      } catch (error) {
        evalResult = (error as Error).name;
      }
      return {
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        bridge: Object.keys(g.netwright).sort(),
        evalResult,
      };
    });
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
    expect(seen.module).toBe('undefined');
    expect(seen.bridge).toEqual([
      'call',
      'onEvent',
      'onMenu',
      'pathOfDroppedFile',
      'pickCsvFile',
      'pickExportPath',
      'pickImageFolder',
      'pickModelFile',
    ]);
    expect(seen.evalResult).toBe('EvalError'); // script-src 'self' without 'unsafe-eval'
  });

  test('answers StudioApi calls, with errors as values', async () => {
    const info = await call('getInfo', []);
    expect(info.ok).toBe(true);
    expect(info.ok && (info.value as { mode: string; home: string })).toMatchObject({ mode: 'desktop', home });
    const wrong = await call('openGraph', [42]);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  test('previews a CSV picked in the native open dialog', async () => {
    const csv = join(root, 'resources', 'samples', 'spirals.csv');
    await app.evaluate(({ dialog }, path) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
    }, csv);
    const picked = await page.evaluate(() => (globalThis as unknown as Bridge).netwright.pickCsvFile());
    expect(picked).toEqual({ kind: 'path', path: csv });
    const preview = await call('previewCsv', [picked]);
    expect(preview.ok).toBe(true);
  });

  test('trains a sample in the engine process and streams its events to the page', async () => {
    await page.evaluate(() => {
      const g = globalThis as unknown as Bridge;
      g.studioEvents = [];
      g.netwright.onEvent((event) => g.studioEvents!.push(event));
    });
    const dataset = await call('useSample', ['spirals']);
    expect(dataset.ok).toBe(true);
    const datasetId = dataset.ok ? (dataset.value as { id: string }).id : '';
    const spec = await call('templateSpec', ['mlp', datasetId]);
    expect(spec.ok).toBe(true);
    const config: TrainConfig = {
      version: 1,
      loss: 'cross_entropy',
      optimizer: { type: 'adam', lr: 0.01 },
      schedule: { type: 'constant' },
      epochs: 2,
      batchSize: 32,
      seed: 7,
      split: { train: 0.8, validation: 0.2, test: 0 },
    };
    const run = await call('startRun', [{ spec: spec.ok && spec.value, config, datasetId, name: 'desktop e2e' }]);
    expect(run.ok).toBe(true);
    const runId = run.ok ? (run.value as { id: string }).id : '';
    await expect
      .poll(
        () =>
          page.evaluate(
            (id) =>
              (globalThis as unknown as Bridge).studioEvents!.some((e) => e.type === 'run-finished' && e.runId === id),
            runId,
          ),
        { timeout: 120_000 },
      )
      .toBe(true);
    const types = await page.evaluate(() => [
      ...new Set((globalThis as unknown as Bridge).studioEvents!.map((e) => e.type)),
    ]);
    expect(types).toEqual(expect.arrayContaining(['run-status', 'run-epoch', 'run-finished']));
    const detail = await call('getRun', [runId]);
    expect(detail.ok && (detail.value as { run: { status: string } }).run.status).toBe('completed');
  });
});
