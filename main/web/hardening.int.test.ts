// Web mode survives what a hostile or broken client sends (issue 11): each attack a tester found, against the
// real `npm run web` process, which must answer with an error or a closed socket and stay alive.
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAIN_CONFIG_VERSION } from '../../engine/core/train/config';
import { CallClient, closeCode, frame, openRawSocket, rawHttp, startWebChild, type WebChild } from './testServer';

let server: WebChild;
let client: CallClient;

beforeAll(async () => {
  server = await startWebChild({ NETWRIGHT_WEB_MAX_UPLOAD_MB: '1' });
  client = await CallClient.open(server);
});
afterAll(async () => {
  client?.ws.close();
  await server?.stop();
});

/** The server still answers a normal call correctly. */
async function expectAlive(): Promise<void> {
  expect(server.alive(), server.stderr()).toBe(true);
  const fresh = await CallClient.open(server);
  expect((await fresh.call<{ mode: string }>('getInfo')).mode).toBe('web');
  fresh.ws.close();
}

const get = (path: string) =>
  rawHttp(
    server.port,
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: netwright_token=${server.token}\r\nConnection: close\r\n\r\n`,
  );

/** Sends a body to /upload; resolves with the status, or null when the server cut the connection first. */
function upload(
  path: string,
  body: Buffer,
  headers: Record<string, string | number> = {},
): Promise<{ status: number | null; text: string }> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/upload?uploadId=${uploadId}&path=${encodeURIComponent(path)}&token=${server.token}`,
        headers: { Origin: server.origin, ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode!, text }));
        res.on('error', () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on('error', () => resolve({ status: null, text: '' }));
    req.end(body);
  });
}
const uploadId = '6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const uploadDir = () => join(server.home, 'uploads', uploadId);

describe('web mode downloads', () => {
  it('answers 404 for an export address naming a folder ("", ".", ".."), never a crash on EISDIR', async () => {
    const dataset = await client.call<{ id: string }>('useSample', 'spirals');
    const spec = await client.call<object>('templateSpec', 'mlp', dataset.id);
    const config = {
      version: TRAIN_CONFIG_VERSION,
      loss: 'cross_entropy',
      optimizer: { type: 'adam', lr: 0.01 },
      schedule: { type: 'constant' },
      epochs: 1,
      batchSize: 32,
      seed: 1,
      split: { train: 0.7, validation: 0.15, test: 0.15 },
    };
    const run = await client.call<{ id: string }>('startRun', { spec, config, datasetId: dataset.id, name: 'tiny' });
    await client.waitForEvent((e) => e.runId === run.id && (e.type === 'run-finished' || e.type === 'run-failed'));
    const exported = await client.call<{ record: { id: number }; files: Array<{ downloadUrl: string }> }>(
      'exportRun',
      run.id,
      'safetensors',
    );
    expect((await get(exported.files[0].downloadUrl)).status).toBe(200);
    const id = exported.record.id;
    for (const name of ['', '.', '..', '%2e', '%2E%2E', '%2e%2e%2f%2e%2e', '..%2f..%2fnetwright.db']) {
      expect((await get(`/download/${id}/${name}`)).status, name).toBe(404);
    }
    await expectAlive();
  });

  it('answers 400 for a malformed percent-encoding in a download address', async () => {
    const answer = await get('/download/1/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('not valid percent-encoding');
    await expectAlive();
  });

  it('refuses an export to a path in web mode and writes nothing there', async () => {
    const target = join(server.home, 'elsewhere.onnx');
    const runs = await client.call<Array<{ id: string }>>('listRuns');
    await expect(client.call('exportRun', runs[0].id, 'onnx', { path: target })).rejects.toThrow(
      /in web mode an export is offered as a download, so it takes no path/,
    );
    expect(existsSync(target)).toBe(false);
  });
});

describe('web mode WebSocket messages', () => {
  it('answers a message `null` with an error instead of crashing', async () => {
    const reply = await client.sendRaw('null');
    expect(reply).toMatchObject({ id: null, ok: false, error: { code: 'invalid-argument' } });
    await expectAlive();
  });

  it('answers binary frames, bad ids, non-list arguments, unknown fields and prototype names with errors', async () => {
    expect(
      (await client.sendRaw(Buffer.from(JSON.stringify({ id: 1, method: 'getInfo', args: [] }))))?.error?.message,
    ).toMatch(/not binary/);
    expect(await client.sendRaw(JSON.stringify({ id: { x: 1 }, method: 'getInfo', args: [] }))).toMatchObject({
      id: null,
      ok: false,
    });
    expect(await client.sendRaw(JSON.stringify({ method: 'getInfo', args: [] }))).toMatchObject({
      id: null,
      ok: false,
    });
    expect(await client.sendRaw(JSON.stringify({ id: 7, method: 'getInfo', args: [], extra: 1 }))).toMatchObject({
      id: 7,
      ok: false,
    });
    expect(await client.sendRaw(JSON.stringify({ id: 8, method: 'getInfo', args: 'x' }))).toMatchObject({
      id: 8,
      ok: false,
    });
    for (const method of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await client.sendRaw(JSON.stringify({ id: method, method, args: [] })), method).toMatchObject({
        id: method,
        ok: false,
        error: { code: 'invalid-argument' },
      });
    }
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(await client.sendRaw(`{"id":9,"method":"getInfo","args":${deep}}`)).toMatchObject({ id: 9, ok: false });
    await expectAlive();
  });

  it('closes the socket (1009) on a frame over the maximum message size instead of crashing', async () => {
    const raw = await openRawSocket(server);
    raw.socket.write(frame(0x1, Buffer.alloc(0), { length: 64 * 1024 * 1024 + 1 }));
    await raw.closed;
    expect(closeCode(raw.received())).toBe(1009);
    await expectAlive();
  });

  it('closes the socket on malformed frames (bad UTF-8, reserved opcode, unmasked) instead of crashing', async () => {
    const cases: Array<[Buffer, number]> = [
      [frame(0x1, Buffer.from([0xc3, 0x28, 0xff])), 1007],
      [frame(0x3, Buffer.from('x')), 1002],
      [frame(0x1, Buffer.from('{}'), { mask: false }), 1002],
      [frame(0x0, Buffer.from('orphan continuation')), 1002],
    ];
    for (const [bytes, code] of cases) {
      const raw = await openRawSocket(server);
      raw.socket.write(bytes);
      await raw.closed;
      expect(closeCode(raw.received())).toBe(code);
    }
    await expectAlive();
  });

  it('survives a socket closed while its call is pending', async () => {
    const doomed = await CallClient.open(server);
    for (let i = 0; i < 20; i++) doomed.ws.send(JSON.stringify({ id: i, method: 'listDatasets', args: [] }));
    doomed.ws.terminate();
    await doomed.closed;
    await expectAlive();
  });

  it('refuses sockets beyond the limit with 503 and serves again once they close', async () => {
    const opened: CallClient[] = [];
    let refused = 0;
    for (let i = 0; i < 70; i++) {
      try {
        opened.push(await CallClient.open(server));
      } catch (error) {
        expect(String(error)).toContain('503');
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
    await Promise.all(
      opened.map((c) => {
        c.ws.close();
        return c.closed;
      }),
    );
    await expectAlive();
  });
});

describe('web mode requests the HTTP parser or our handlers could trip on', () => {
  it('refuses an upgrade with a malformed cookie or a request target that is no URL', async () => {
    const upgrade = (target: string, cookie: string) =>
      rawHttp(
        server.port,
        [
          `GET ${target} HTTP/1.1`,
          `Host: 127.0.0.1:${server.port}`,
          `Origin: ${server.origin}`,
          `Cookie: ${cookie}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      );
    expect((await upgrade('/api', 'netwright_token=%E0%A4%A')).status).toBe(403);
    expect((await upgrade('http://[', `netwright_token=${server.token}`)).status).toBe(403);
    expect((await get('http://[')).status).toBe(400);
    await expectAlive();
  });
});

describe('web mode uploads', () => {
  it('will not start with an upload limit that is not a positive number', async () => {
    await expect(startWebChild({ NETWRIGHT_WEB_MAX_UPLOAD_MB: 'lots' })).rejects.toThrow(
      /NETWRIGHT_WEB_MAX_UPLOAD_MB must be a positive number of MiB, not 'lots'/,
    );
  });

  it('accepts an upload at the limit', async () => {
    expect((await upload('exact.bin', Buffer.alloc(1024 * 1024, 1))).status).toBe(200);
  });

  it('refuses at once an upload whose Content-Length is over the limit, saying so', async () => {
    const answer = await upload('declared.bin', Buffer.alloc(16), { 'Content-Length': 3 * 1024 ** 3 });
    expect(answer.status).toBe(413);
    expect(answer.text).toMatch(
      /refused: the upload 'declared\.bin' \(3\.0 GiB\) is larger than web mode accepts: 1\.0 MiB at most/,
    );
    expect(existsSync(join(uploadDir(), 'declared.bin'))).toBe(false);
  });

  it('answers 409, not 500, when an upload path clashes with a file or folder of the same upload', async () => {
    expect((await upload('nested/a.bin', Buffer.from('a'))).status).toBe(200);
    expect((await upload('nested', Buffer.from('b'))).status).toBe(409);
    expect((await upload('nested/a.bin/b.bin', Buffer.from('c'))).status).toBe(409);
    expect(readdirSync(join(uploadDir(), 'nested'))).toEqual(['a.bin']);
  });

  it('cuts off a streamed upload that grows over the limit and removes the partial file', async () => {
    const answer = await upload('streamed.bin', Buffer.alloc(3 * 1024 * 1024, 2), { 'Transfer-Encoding': 'chunked' });
    expect(answer.status === 413 || answer.status === null, String(answer.status)).toBe(true);
    expect(readdirSync(uploadDir())).not.toContain('streamed.bin');
    await expectAlive();
  });
});
