#!/usr/bin/env node
// `npm run measure:ui`: how responsive the studio is, measured (never asserted) in Debian's Chromium against web
// mode: frame times while dragging a node of a 200-node graph, how often the live view updates while a run trains,
// how often the decision boundary is redrawn while spirals train, and frame times of the Experiments table with 500
// stored runs and of comparing 12 runs of 1,000 epochs (seeded by bench/seedRuns.ts). Prints one JSON line per
// measurement. `-- --only experiments` (or drag, live, boundary; comma-separated) runs some of them.
// Needs `npm run build` first.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';
import WebSocket from 'ws';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = 7400 + Math.floor(Math.random() * 400);
const token = randomBytes(24).toString('hex');
const home = mkdtempSync(join(tmpdir(), 'netwright-measure-'));
const origin = `http://127.0.0.1:${port}`;
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1].split(',')) : null;
const wanted = (name) => only === null || only.has(name);

/** Frame times (gaps between animation frames, ms) while `action` runs: the count, median, 95th percentile, worst. */
async function frameTimes(page, action) {
  await page.evaluate(() => {
    // A recording of its own: a loop left from an earlier one ends instead of adding its frames to this one.
    const recording = (window.__recording = (window.__recording ?? 0) + 1);
    window.__frames = [];
    const tick = (t) => {
      if (window.__recording !== recording) return;
      window.__frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  await action();
  const seconds = (Date.now() - started) / 1000;
  const frames = await page.evaluate(() => {
    window.__recording += 1;
    return window.__frames;
  });
  const gaps = frames
    .slice(1)
    .map((t, i) => t - frames[i])
    .sort((a, b) => a - b);
  const pick = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))] ?? 0;
  return {
    seconds: +seconds.toFixed(2),
    frames: gaps.length,
    medianFrameMs: +pick(0.5).toFixed(1),
    p95FrameMs: +pick(0.95).toFixed(1),
    worstFrameMs: +(gaps.at(-1) ?? 0).toFixed(1),
    // The machine's one-minute load average at the end: frame times on a shared machine depend on it.
    load: +loadavg()[0].toFixed(1),
  };
}

const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

/** A chain of 200 nodes: input, then dense and ReLU pairs, laid out top to bottom. */
function chainSpec(count) {
  const nodes = [{ id: 'input', op: 'input', params: { shape: [2] }, position: { x: 0, y: 0 } }];
  const edges = [];
  for (let i = 1; i < count; i++) {
    const dense = i % 2 === 1;
    const id = dense ? `fc${(i + 1) / 2}` : `relu${i / 2}`;
    nodes.push({
      id,
      op: dense ? 'dense' : 'relu',
      params: dense ? { units: i === count - 1 ? 3 : 16 } : undefined,
      position: { x: 0, y: i * 90 },
    });
    edges.push({ from: nodes[i - 1].id, to: id });
  }
  return { version: 1, nodes, edges };
}

function api() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, { headers: { Origin: origin } });
    let next = 1;
    const waiting = new Map();
    ws.on('message', (data) => {
      const m = JSON.parse(String(data));
      if (m.id && waiting.has(m.id)) {
        waiting.get(m.id)(m);
        waiting.delete(m.id);
      }
    });
    ws.once('open', () =>
      resolve({
        call: (method, ...args) =>
          new Promise((ok, fail) => {
            const id = next++;
            waiting.set(id, (m) => (m.ok ? ok(m.value) : fail(new Error(m.error.message))));
            ws.send(JSON.stringify({ id, method, args }));
          }),
        close: () => ws.close(),
      }),
    );
    ws.once('error', reject);
  });
}

if (wanted('experiments')) {
  // 500 stored runs, the last 12 of 1,000 epochs each (tagged 'long'), written before the studio opens the store.
  const seeder = spawn(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'bench', 'seedRuns.ts'), home],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let seeded = '';
  seeder.stdout.on('data', (d) => (seeded += String(d)));
  const code = await new Promise((resolve) => seeder.once('exit', resolve));
  if (code !== 0) throw new Error(`seeding the runs failed (exit ${code})`);
  const { seeded: runs, long, longEpochs, seconds } = JSON.parse(seeded);
  print({ measurement: 'seed-runs', runs, compared: long.length, longEpochs, seconds });
}

const server = spawn(process.execPath, [join(root, 'dist', 'web.mjs'), '--port', String(port)], {
  env: { ...process.env, NETWRIGHT_HOME: home, NETWRIGHT_WEB_TOKEN: token },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) =>
  server.stdout.on('data', (d) => {
    if (String(d).includes('serving')) resolve();
  }),
);
const browser = await chromium.launch({
  executablePath: findChromium() ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const client = await api();
  await client.call('useSample', 'spirals');
  const spec = chainSpec(200);
  await client.call('createGraph', 'chain of 200', spec);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript({ content: "localStorage.setItem('netwright.locale', 'en')" });
  await page.goto(`${origin}/?token=${token}`);

  if (wanted('drag')) {
    await page.getByRole('tab', { name: 'Model' }).click();
    const node = page.getByLabel('Dense fc50');
    await node.waitFor();
    // Frame times while dragging one node 300 px in 120 pointer moves.
    const box = await node.boundingBox();
    const frames = await frameTimes(page, async () => {
      await page.mouse.move(box.x + box.width / 2, box.y + 12);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 300, box.y + 150, { steps: 120 });
      await page.mouse.up();
    });
    const { seconds: _, ...rest } = frames;
    print({ measurement: 'drag-200-node-graph', nodes: spec.nodes.length, ...rest });
  }

  if (wanted('live') || wanted('boundary')) {
    // The MLP template sized to the spirals sample (selected on load) replaces the chain in the editor.
    await page.getByRole('tab', { name: 'Model' }).click();
    await page.getByLabel('Template').selectOption('mlp');
    await page.getByLabel('Dense fc1').waitFor();
    await page.getByRole('tab', { name: 'Train' }).click();
  }

  if (wanted('live')) {
    // Live updates while training: how often the run panel (progress bar, epoch and batch text) is redrawn.
    await page.getByRole('textbox', { name: 'Epochs' }).fill('150');
    await page.evaluate(() => {
      window.__updates = [];
      const observer = new MutationObserver(() => window.__updates.push(performance.now()));
      const watch = () => {
        const bar = document.querySelector('[role="progressbar"]');
        // One callback per batch of DOM changes, i.e. per update the studio draws.
        if (bar)
          observer.observe(bar.closest('section') ?? bar.parentElement, {
            attributes: true,
            childList: true,
            characterData: true,
            subtree: true,
          });
        else requestAnimationFrame(watch);
      };
      watch();
    });
    await page.getByRole('button', { name: 'Start training' }).click();
    await page.getByText('Completed').first().waitFor({ timeout: 300_000 });
    const updates = await page.evaluate(() => window.__updates);
    const seconds = (updates.at(-1) - updates[0]) / 1000;
    print({
      measurement: 'live-updates-while-training',
      epochs: 150,
      seconds: +seconds.toFixed(2),
      updates: updates.length,
      updatesPerSecond: +(updates.length / Math.max(seconds, 1e-3)).toFixed(1),
    });
  }

  if (wanted('boundary')) {
    // The decision boundary while spirals train: how many grids a second the engine answers and the canvas paints,
    // counted by the canvas itself (data-updates goes up once per draw) over a fixed window of a long run.
    await page.getByRole('textbox', { name: 'Epochs' }).fill('100000');
    await page.getByRole('button', { name: 'Start training' }).click();
    const canvas = page.locator('section[aria-label="Decision boundary"] canvas');
    await canvas.and(page.locator('[data-source="live"]')).waitFor({ timeout: 60_000 });
    const drawn = () => canvas.evaluate((c) => ({ at: performance.now(), updates: Number(c.dataset.updates ?? 0) }));
    const first = await drawn();
    await page.waitForTimeout(5000);
    const last = await drawn();
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('Stopped').first().waitFor({ timeout: 60_000 });
    const windowSeconds = (last.at - first.at) / 1000;
    print({
      measurement: 'boundary-updates-while-training',
      grid: '64x64',
      seconds: +windowSeconds.toFixed(2),
      updates: last.updates - first.updates,
      updatesPerSecond: +((last.updates - first.updates) / windowSeconds).toFixed(1),
    });
  }

  if (wanted('experiments')) {
    // The runs table with 500 stored runs: opening it (until every row is listed and the visible rows' graphs are
    // read), scrolling it from top to bottom, and typing a filter.
    const total = (await client.call('listRuns')).length;
    const shown = page.getByText(`${total} of ${total} runs`);
    const opening = await frameTimes(page, async () => {
      await page.getByRole('tab', { name: 'Experiments' }).click();
      await shown.waitFor({ timeout: 120_000 });
      await page.waitForFunction(
        () => [...document.querySelectorAll('td.graph')].slice(0, 20).every((td) => td.textContent !== '…'),
        null,
        { timeout: 120_000 },
      );
    });
    const rows = await page.locator('table.runs tbody tr').count();
    print({ measurement: 'experiments-open', runs: total, rowsInDom: rows, ...opening });

    const table = page.locator('table.runs');
    const tableBox = await table.boundingBox();
    await page.mouse.move(tableBox.x + tableBox.width / 2, Math.min(tableBox.y + 200, 700));
    const scrolling = await frameTimes(page, async () => {
      for (let i = 0; i < 60; i++) {
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(16);
      }
    });
    print({ measurement: 'experiments-scroll', runs: total, wheelSteps: 60, pixels: 60 * 400, ...scrolling });

    const filter = page.getByRole('searchbox', { name: 'Filter runs' });
    const filtering = await frameTimes(page, async () => {
      await filter.pressSequentially('run 1', { delay: 50 });
      await page.getByText(/ of 500 runs/).waitFor();
      await filter.fill('');
      await shown.waitFor();
    });
    print({ measurement: 'experiments-filter', runs: total, typed: 'run 1', ...filtering });

    // Comparing the 12 runs of 1,000 epochs: opening the comparison (until both charts have drawn every run's
    // training and validation curves), then hiding and showing runs in the legend, smoothing, and the log scale.
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('long');
    const boxes = page.getByRole('checkbox', { name: /^Select run long / });
    const count = await boxes.count();
    for (let i = 0; i < count; i++) await boxes.nth(i).check();
    const loss = page.locator('canvas[aria-label="Compared loss"]');
    const accuracy = page.locator('canvas[aria-label="Compared accuracy"]');
    const comparing = await frameTimes(page, async () => {
      await page.getByRole('button', { name: `Compare (${count})` }).click();
      await loss.and(page.locator(`[data-series="${2 * count}"]`)).waitFor({ timeout: 120_000 });
      await accuracy.and(page.locator(`[data-series="${2 * count}"]`)).waitFor({ timeout: 120_000 });
      await page.waitForTimeout(500); // the charts draw at most every 250 ms
    });
    print({ measurement: 'compare-open', runs: count, epochsEach: 1000, seriesPerChart: 2 * count, ...comparing });

    const legend = page.getByRole('group', { name: 'Runs shown in the charts' });
    const toggling = await frameTimes(page, async () => {
      for (let round = 0; round < 2; round++)
        for (let i = 1; i <= 6; i++) {
          await legend.getByRole('button', { name: `long ${i} in the charts`, exact: true }).click();
          await page.waitForTimeout(300);
        }
    });
    print({ measurement: 'compare-legend', runs: count, clicks: 12, ...toggling });
    const logScale = await frameTimes(page, async () => {
      for (const on of [true, false, true]) {
        await page.getByRole('checkbox', { name: 'Log scale' }).setChecked(on);
        await page.waitForTimeout(400);
      }
    });
    print({ measurement: 'compare-log-scale', runs: count, toggles: 3, ...logScale });
    const slider = page.getByRole('slider', { name: 'Smoothing' });
    const smoothing = await frameTimes(page, async () => {
      for (const value of ['0.3', '0.6', '0.9', '0']) {
        await slider.fill(value);
        await page.waitForTimeout(400);
      }
    });
    print({ measurement: 'compare-smoothing', runs: count, changes: 4, ...smoothing });
  }
  client.close();
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(home, { recursive: true, force: true });
}
