// Web mode over real HTTP and WebSocket: the page needs the token (then a cookie), foreign Hosts and Origins are
// refused, and a page can upload a CSV, import it, train on it with live events and download an export.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TRAIN_CONFIG_VERSION } from '../../engine/core/train/config';
import type { StudioEvent } from '../api/types';
import { startWebServer, type WebServer } from './server';

const root = mkdtempSync(join(tmpdir(), 'netwright-web-'));
const rendererDir = join(root, 'renderer');
let server: WebServer;

beforeAll(async () => {
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Netwright</title>');
  server = await startWebServer({ home: join(root, 'home'), rendererDir, engine: { threads: 2 } });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

function get(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: Buffer,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const origin = () => `http://127.0.0.1:${server.port}`;

class Client {
  private nextId = 1;
  readonly events: StudioEvent[] = [];
  private readonly waiting = new Map<
    number,
    (reply: { ok: boolean; value?: unknown; error?: { message: string } }) => void
  >();
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; ok: boolean; event?: StudioEvent };
      if (message.event) this.events.push(message.event);
      else this.waiting.get(message.id!)?.(message);
    });
  }
  static open(headers: Record<string, string>, query = `?token=${server.token}`): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api${query}`, { headers });
      ws.once('open', () => resolve(new Client(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }
  async call<T>(method: string, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    const reply = await new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ id, method, args }));
    });
    if (!reply.ok) throw new Error(reply.error!.message);
    return reply.value as T;
  }
}

describe('web mode', () => {
  it('serves the page with the token, then by cookie; refuses without it and to foreign hosts', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    const page = await get(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Netwright</title>');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    expect((await get('/index.html', { Cookie: cookie })).status).toBe(200);
    expect((await get(`/?token=${server.token}`, { Host: `evil.example:${server.port}` })).status).toBe(403);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });

  it('refuses WebSocket connections from other origins or without the token', async () => {
    await expect(Client.open({ Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(Client.open({ Origin: origin() }, '')).rejects.toThrow(/403/);
    const client = await Client.open({ Origin: origin() });
    expect((await client.call<{ mode: string }>('getInfo')).mode).toBe('web');
    await expect(client.call('getRun', 42)).rejects.toThrow(/getRun argument 1 must be an id/);
    await expect(client.call('readFile', '/etc/passwd')).rejects.toThrow(/no studio method/);
    client.ws.close();
  });

  it('imports an uploaded CSV, trains on it with live events, and offers the export as a download', async () => {
    const rows = ['a,b,colour,label'];
    for (let i = 0; i < 300; i++) {
      const a = Math.sin(i * 12.9898) * 2;
      const b = Math.cos(i * 78.233) * 2;
      rows.push(`${a.toFixed(4)},${b.toFixed(4)},${i % 3 === 0 ? 'red' : 'blue'},${a + b > 0 ? 'yes' : 'no'}`);
    }
    const uploadId = '5f0c1f2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f';
    const refused = await get(
      `/upload?uploadId=${uploadId}&path=data.csv&token=${server.token}`,
      { Origin: 'http://evil.example' },
      'POST',
      Buffer.from(rows.join('\n')),
    );
    expect(refused.status).toBe(403);
    const escape = await get(
      `/upload?uploadId=${uploadId}&path=../x.csv&token=${server.token}`,
      { Origin: origin() },
      'POST',
      Buffer.from('x'),
    );
    expect(escape.status).toBe(400);
    const uploaded = await get(
      `/upload?uploadId=${uploadId}&path=data.csv&token=${server.token}`,
      { Origin: origin() },
      'POST',
      Buffer.from(rows.join('\n')),
    );
    expect(uploaded.status).toBe(200);

    const client = await Client.open({ Origin: origin() });
    const file = { kind: 'upload', uploadId, name: 'data.csv' };
    await expect(client.call('previewCsv', { kind: 'path', path: '/etc/passwd' })).rejects.toThrow(
      /only files uploaded/,
    );
    const preview = await client.call<{ columns: Array<{ name: string }> }>('previewCsv', file);
    expect(preview.columns.map((c) => c.name)).toEqual(['a', 'b', 'colour', 'label']);
    const imported = await client.call<{ dataset: { id: string; manifest: { featureShape: number[] } } }>(
      'importCsv',
      file,
      { label: 'label' },
    );
    expect(imported.dataset.manifest.featureShape).toEqual([4]); // a, b and colour one-hot over two values
    const spec = await client.call<object>('templateSpec', 'mlp', imported.dataset.id);
    const config = {
      version: TRAIN_CONFIG_VERSION,
      loss: 'cross_entropy',
      optimizer: { type: 'adam', lr: 0.01 },
      schedule: { type: 'constant' },
      epochs: 15,
      batchSize: 16,
      seed: 3,
      split: { train: 0.7, validation: 0.15, test: 0.15 },
    };
    const run = await client.call<{ id: string }>('startRun', {
      spec,
      config,
      datasetId: imported.dataset.id,
      name: 'web run',
    });
    await server.studio.supervisor.whenIdle();
    await new Promise((r) => setTimeout(r, 200)); // the last events are still on the socket
    const mine = client.events.filter((e) => 'runId' in e && e.runId === run.id);
    expect(mine.filter((e) => e.type === 'run-epoch')).toHaveLength(15);
    expect(mine.at(-1)!.type).toBe('run-finished');

    const exported = await client.call<{ files: Array<{ name: string; downloadUrl: string; bytes: number }> }>(
      'exportRun',
      run.id,
      'safetensors',
    );
    const download = await get(exported.files[0].downloadUrl, { Cookie: `netwright_token=${server.token}` });
    expect(download.status).toBe(200);
    expect(String(download.headers['content-disposition'])).toContain('web-run.safetensors');
    expect(Number(download.headers['content-length'] ?? exported.files[0].bytes)).toBe(exported.files[0].bytes);
    expect((await get(exported.files[0].downloadUrl)).status).toBe(401);
    expect((await get(`/download/9999/x.onnx?token=${server.token}`)).status).toBe(404);
    client.ws.close();
  });

  it("removes, when it starts, the upload folders nothing refers to; keeps the imported dataset's source", async () => {
    const uploads = join(root, 'home', 'uploads');
    const before = readdirSync(uploads);
    expect(before.length).toBeGreaterThan(0); // the CSV imported above
    const stale = join(uploads, 'stale-upload');
    mkdirSync(stale);
    writeFileSync(join(stale, 'never-imported.csv'), 'x,y\n1,2\n');
    const hoursAgo = (Date.now() - 2 * 3600 * 1000) / 1000;
    utimesSync(stale, hoursAgo, hoursAgo);
    const fresh = join(uploads, 'fresh-upload'); // perhaps on its way to another server on this home
    mkdirSync(fresh);
    const lines: string[] = [];
    const second = await startWebServer({ home: join(root, 'home'), rendererDir, log: (l) => lines.push(l) });
    await second.close();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    for (const kept of before) expect(existsSync(join(uploads, kept))).toBe(true);
    expect(lines.join('\n')).toMatch(/removed 1 upload folder/);
  });
});
