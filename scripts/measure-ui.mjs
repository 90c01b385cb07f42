#!/usr/bin/env node
// `npm run measure:ui`: how responsive the studio is, measured (never asserted) in Debian's Chromium against web
// mode: frame times while dragging a node of a 200-node graph, how often the live view updates while a run trains,
// and how often the decision boundary is redrawn while spirals train. Prints one JSON line per measurement.
// Needs `npm run build` first.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  await page.getByRole('tab', { name: 'Model' }).click();
  await page.getByLabel('Dense fc50').waitFor();

  // Frame times while dragging one node 300 px in 120 pointer moves.
  const node = page.getByLabel('Dense fc50');
  const box = await node.boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(tick);
    };
    window.__recording = true;
    requestAnimationFrame(tick);
  });
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 300, box.y + 150, { steps: 120 });
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames;
  });
  const gaps = frames
    .slice(1)
    .map((t, i) => t - frames[i])
    .sort((a, b) => a - b);
  const pick = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
  process.stdout.write(
    `${JSON.stringify({
      measurement: 'drag-200-node-graph',
      nodes: spec.nodes.length,
      frames: gaps.length,
      medianFrameMs: +pick(0.5).toFixed(1),
      p95FrameMs: +pick(0.95).toFixed(1),
      worstFrameMs: +gaps.at(-1).toFixed(1),
    })}\n`,
  );

  // Live updates while training: how often the run panel (progress bar, epoch and batch text) is redrawn.
  // The MLP template sized to the spirals sample (selected on load) replaces the chain in the editor.
  await page.getByLabel('Template').selectOption('mlp');
  await page.getByLabel('Dense fc1').waitFor();
  await page.getByRole('tab', { name: 'Train' }).click();
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
  process.stdout.write(
    `${JSON.stringify({
      measurement: 'live-updates-while-training',
      epochs: 150,
      seconds: +seconds.toFixed(2),
      updates: updates.length,
      updatesPerSecond: +(updates.length / Math.max(seconds, 1e-3)).toFixed(1),
    })}\n`,
  );

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
  process.stdout.write(
    `${JSON.stringify({
      measurement: 'boundary-updates-while-training',
      grid: '64x64',
      seconds: +windowSeconds.toFixed(2),
      updates: last.updates - first.updates,
      updatesPerSecond: +((last.updates - first.updates) / windowSeconds).toFixed(1),
    })}\n`,
  );
  client.close();
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(home, { recursive: true, force: true });
}
