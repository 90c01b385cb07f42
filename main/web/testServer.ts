// Test support for web mode's robustness tests: the real `npm run web` entry started in a child process with a
// throwaway NETWRIGHT_HOME (so a crash shows as a dead process, not a test-runner error), raw HTTP requests,
// hand-built WebSocket frames and a small call client. 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';

const root = resolve(__dirname, '../..');

export interface WebChild {
  port: number;
  token: string;
  home: string;
  origin: string;
  child: ChildProcess;
  /** Everything the server wrote to stderr (its own failures). */
  stderr(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

export async function startWebChild(env: Record<string, string> = {}): Promise<WebChild> {
  const home = mkdtempSync(join(tmpdir(), 'netwright-web-child-'));
  const token = randomBytes(24).toString('hex');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'main', 'web', 'index.ts'), '--port', '0'], {
    cwd: root,
    env: { ...process.env, NETWRIGHT_HOME: home, NETWRIGHT_WEB_TOKEN: token, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
      if (match) resolvePort(Number(match[1]));
    });
    child.once('exit', (code) => {
      rmSync(home, { recursive: true, force: true });
      reject(new Error(`the web server exited (${code}) before serving:\n${stderr}`));
    });
  });
  const exited = new Promise<void>((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
  );
  return {
    port,
    token,
    home,
    child,
    origin: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * Sends raw bytes as one HTTP exchange and reads until the server closes: the status line's code, or null.
 * `hangUp` ends our side at once (for requests that may never be complete); Node then drops a reply still being
 * streamed, so a request that is whole and says `Connection: close` should leave it off.
 */
export function rawHttp(
  port: number,
  request: string | Buffer,
  hangUp = false,
): Promise<{ status: number | null; text: string }> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      done({ status: match ? Number(match[1]) : null, text });
    };
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {});
    socket.on('close', finish);
    socket.on('connect', () => (hangUp ? socket.end(request) : socket.write(request)));
  });
}

/** A client WebSocket frame: masked unless told otherwise; `length` may lie about the payload's size. */
export function frame(
  opcode: number,
  payload: Buffer,
  options: { fin?: boolean; mask?: boolean; length?: number } = {},
): Buffer {
  const { fin = true, mask = true, length = payload.length } = options;
  const head: number[] = [(fin ? 0x80 : 0) | (opcode & 0x0f)];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    head.push(maskBit | 127);
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    head.push(...big);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ key[i % 4]));
  return Buffer.concat([Buffer.from(head), key, masked]);
}

/** A WebSocket opened by hand, for frames no proper client would send. `closed` settles when the server hangs up. */
export interface RawSocket {
  socket: Socket;
  received: () => Buffer;
  closed: Promise<void>;
}

export function openRawSocket(server: WebChild): Promise<RawSocket> {
  return new Promise((resolveOpen, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let open = false;
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (open) return;
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      if (!head.startsWith('HTTP/1.1 101')) {
        socket.destroy();
        reject(new Error(`handshake refused: ${head.split('\r\n')[0]}`));
        return;
      }
      open = true;
      buffer = buffer.subarray(end + 4);
      resolveOpen({ socket, received: () => buffer, closed });
    });
    socket.once('close', () => {
      if (!open) reject(new Error('the server closed the socket during the handshake'));
    });
    socket.on('connect', () =>
      socket.write(
        [
          `GET /api?token=${server.token} HTTP/1.1`,
          `Host: 127.0.0.1:${server.port}`,
          `Origin: ${server.origin}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      ),
    );
  });
}

/** The close code in the first close frame the server sent, or null (frames from the server are not masked). */
export function closeCode(bytes: Buffer): number | null {
  let at = 0;
  while (at + 2 <= bytes.length) {
    const opcode = bytes[at] & 0x0f;
    let length = bytes[at + 1] & 0x7f;
    let start = at + 2;
    if (length === 126) {
      length = bytes.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(start));
      start += 8;
    }
    if (opcode === 0x8) return length >= 2 ? bytes.readUInt16BE(start) : null;
    at = start + length;
  }
  return null;
}

export interface Reply {
  id: unknown;
  ok: boolean;
  value?: unknown;
  error?: { message: string; code: string };
}

/** A WebSocket call client: each reply by id, events kept, and `nextReply` for messages that have no usable id. */
export class CallClient {
  private nextId = 1;
  readonly events: Array<{ type: string; runId?: string }> = [];
  readonly replies: Reply[] = [];
  private readonly waiting: Array<() => void> = [];
  readonly closed: Promise<void>;
  constructor(readonly ws: WebSocket) {
    this.closed = new Promise((r) => (ws.readyState === WebSocket.CLOSED ? r() : ws.once('close', () => r())));
    ws.on('error', () => {});
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Reply & { event?: { type: string } };
      if (message.event) this.events.push(message.event);
      else this.replies.push(message);
      this.waiting.splice(0).forEach((wake) => wake());
    });
    ws.once('close', () => this.waiting.splice(0).forEach((wake) => wake()));
  }
  static open(server: WebChild): Promise<CallClient> {
    return new Promise((resolveOpen, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, {
        headers: { Origin: server.origin },
      });
      ws.once('open', () => resolveOpen(new CallClient(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }
  /** The first reply matching `pick`, or null once the socket has closed without one. */
  async until(pick: (reply: Reply) => boolean): Promise<Reply | null> {
    for (;;) {
      const found = this.replies.find(pick);
      if (found) return found;
      if (this.ws.readyState === WebSocket.CLOSED || this.ws.readyState === WebSocket.CLOSING) return null;
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }
  /** Sends raw text (or a binary buffer) and waits for the count of replies to grow, or for the socket to close. */
  async sendRaw(data: string | Buffer): Promise<Reply | null> {
    const before = this.replies.length;
    this.ws.send(data);
    await this.until(() => this.replies.length > before);
    return this.replies[before] ?? null;
  }
  async call<T>(method: string, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, args }));
    const reply = await this.until((r) => r.id === id);
    if (!reply) throw new Error(`the socket closed before ${method} was answered`);
    if (!reply.ok) throw new Error(reply.error!.message);
    return reply.value as T;
  }
  async waitForEvent(pick: (event: { type: string; runId?: string }) => boolean): Promise<void> {
    while (!this.events.some(pick)) {
      if (this.ws.readyState !== WebSocket.OPEN) throw new Error('the socket closed while waiting for an event');
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }
}
