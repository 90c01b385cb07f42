// Random inputs for web mode's fuzz test, all drawn from one seeded generator so a failing run repeats exactly:
// WebSocket frames (valid and reserved opcodes, bad UTF-8, fragments, lying lengths), JSON messages and raw HTTP.
import { STUDIO_METHODS } from '../api/types';
import { frame } from './testServer';

/** mulberry32: a tiny seeded generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Draw {
  constructor(readonly random: () => number) {}
  int(below: number): number {
    return Math.floor(this.random() * below);
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(options: readonly T[]): T {
    return options[this.int(options.length)];
  }
  bytes(count: number): Buffer {
    return Buffer.from(Array.from({ length: count }, () => this.int(256)));
  }
}

const NASTY_STRINGS = [
  '',
  '.',
  '..',
  '../../etc/passwd',
  '/etc/passwd',
  'C:\\x',
  '%E0%A4%A',
  '\u0000',
  'spirals',
  'mlp',
  'onnx',
  '__proto__',
  'constructor',
  '\ud800',
  'ü'.repeat(50),
];
const METHOD_NAMES = [
  ...STUDIO_METHODS,
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  'readFile',
  'close',
];

/** A random JSON value, at most `depth` levels deep. */
export function jsonValue(d: Draw, depth = 3): unknown {
  const kind = d.int(depth > 0 ? 9 : 6);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return d.chance(0.5);
    case 2:
      return d.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, d.int(100)]);
    case 3:
      return d.pick(NASTY_STRINGS);
    case 4:
      return 'x'.repeat(d.int(3000));
    case 5:
      return d.pick([
        {},
        [],
        { kind: 'path', path: '/etc/passwd' },
        { kind: 'upload', uploadId: '00000000-0000', name: '../x' },
      ]);
    case 6:
      return Array.from({ length: d.int(4) }, () => jsonValue(d, depth - 1));
    case 7: {
      const keys = [
        'kind',
        'path',
        'name',
        'label',
        'version',
        'nodes',
        'edges',
        '__proto__',
        'constructor',
        'softmax',
        'checkpoint',
      ];
      return Object.fromEntries(Array.from({ length: d.int(4) }, () => [d.pick(keys), jsonValue(d, depth - 1)]));
    }
    default:
      return { version: 1, nodes: [jsonValue(d, depth - 1)], edges: [] };
  }
}

/** A WebSocket text message: mostly call-shaped, sometimes not an object at all, sometimes very deeply nested. */
export function jsonMessage(d: Draw): string {
  const shape = d.int(10);
  if (shape === 0) return JSON.stringify(jsonValue(d));
  if (shape === 1)
    return d.pick(['null', '1', '"x"', '[]', 'true', '{', '', ' ', '{"id":1,"method":"getInfo","args":[]']);
  if (shape === 2) {
    const depth = 1000 + d.int(200_000);
    return `{"id":1,"method":"getInfo","args":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  }
  const message: Record<string, unknown> = {};
  if (d.chance(0.9)) message.id = d.chance(0.8) ? d.int(1_000_000) : jsonValue(d, 1);
  if (d.chance(0.95)) message.method = d.chance(0.9) ? d.pick(METHOD_NAMES) : jsonValue(d, 1);
  if (d.chance(0.95))
    message.args = d.chance(0.85) ? Array.from({ length: d.int(4) }, () => jsonValue(d)) : jsonValue(d, 1);
  if (d.chance(0.05)) message[d.pick(['extra', '__proto__', 'event'])] = 1;
  return JSON.stringify(message);
}

/** One to four raw client frames: any opcode, fragments in or out of order, bad UTF-8, unmasked, lying lengths. */
export function rawFrames(d: Draw): { frames: Buffer[]; what: string } {
  const frames: Buffer[] = [];
  const notes: string[] = [];
  for (let i = 1 + d.int(4); i > 0; i--) {
    const opcode = d.chance(0.5) ? d.pick([0x0, 0x1, 0x2, 0x8, 0x9, 0xa]) : d.int(16);
    const payloadKind = d.int(5);
    const payload =
      payloadKind === 0
        ? Buffer.from(jsonMessage(d))
        : payloadKind === 1
          ? Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc])
          : payloadKind === 2
            ? d.bytes(d.int(300))
            : payloadKind === 3
              ? Buffer.alloc(0)
              : Buffer.from('{"id":1,"method":"getInfo","args":[]}');
    const fin = d.chance(0.7);
    const mask = d.chance(0.9);
    const lie = d.chance(0.15)
      ? d.pick([payload.length + 1 + d.int(1000), 64 * 1024 * 1024 + 1, 2 ** 32, 2 ** 53 - 1])
      : undefined;
    frames.push(frame(opcode, payload, { fin, mask, length: lie }));
    notes.push(
      `op ${opcode}${fin ? '' : ' (no fin)'}${mask ? '' : ' unmasked'} ${payload.length} bytes${lie === undefined ? '' : ` saying ${lie}`}`,
    );
  }
  return { frames, what: notes.join(', ') };
}

const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'PATCH',
  'TRACE',
  'CONNECT',
  'PROPFIND',
  'FOO',
  'get',
  'G T',
  '',
];
const SEGMENTS = [
  '',
  '.',
  '..',
  '%2e',
  '%2E%2E',
  '%2f',
  '%5c',
  '%00',
  '%E0%A4%A',
  '%',
  '%zz',
  '%C0%AE',
  'download',
  'upload',
  'api',
  'index.html',
  'assets',
  '1',
  '0',
  '99999999999999999999',
  '-1',
  'x.onnx',
  'netwright.db',
  'ü',
  '\u00ff',
  '~',
];

/** A raw HTTP request: odd methods, dot segments and broken percent-encodings, long paths, odd or missing headers. */
export function rawRequest(d: Draw, port: number, token: string): { request: Buffer; what: string } {
  const method = d.pick(METHODS);
  let path = d.pick(['/', '/download/', '/upload', '/api', '//', '/assets/', '']);
  for (let i = d.int(6); i > 0; i--) path += `${d.pick(SEGMENTS)}${d.chance(0.7) ? '/' : ''}`;
  if (d.chance(0.05))
    path = d.pick(['*', 'http://[', 'http://evil.example/', `http://127.0.0.1:${port}/download/1/..`, '/\r\n']);
  if (d.chance(0.05)) path += 'a'.repeat(d.pick([1000, 9000, 20_000, 90_000]));
  const query = d.pick([
    '',
    `?token=${token}`,
    `?token=${token}&uploadId=0b4f3c2e-1111-4222-8333-944455556666&path=${d.pick(SEGMENTS)}`,
    '?token=wrong',
    '?token=%E0%A4%A',
    '?%%%',
  ]);
  const headers: string[] = [];
  const hostChoice = d.int(6);
  if (hostChoice < 3) headers.push(`Host: 127.0.0.1:${port}`);
  else if (hostChoice === 3) headers.push('Host: evil.example');
  else if (hostChoice === 4) headers.push(`Host: localhost:${port}`, `Host: 127.0.0.1:${port}`);
  if (d.chance(0.5))
    headers.push(
      `Cookie: ${d.pick([`netwright_token=${token}`, 'netwright_token=%E0%A4%A', 'netwright_token', '=;;=', `a=%; netwright_token=${token}`])}`,
    );
  if (d.chance(0.4)) headers.push(`Origin: ${d.pick([`http://127.0.0.1:${port}`, 'http://evil.example', 'null', ''])}`);
  if (d.chance(0.15))
    headers.push(
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${d.pick(['dGhlIHNhbXBsZSBub25jZQ==', 'x', ''])}`,
      `Sec-WebSocket-Version: ${d.pick(['13', '8', 'x'])}`,
    );
  const body = d.chance(0.3) ? d.bytes(d.int(2000)) : Buffer.alloc(0);
  const lengthChoice = d.int(6);
  if (lengthChoice === 0) headers.push(`Content-Length: ${body.length}`);
  else if (lengthChoice === 1)
    headers.push(`Content-Length: ${d.pick(['-1', 'x', '99999999999999999999', String(body.length + 10), '1, 2'])}`);
  else if (lengthChoice === 2) headers.push(`Transfer-Encoding: ${d.pick(['chunked', 'gzip', 'chunked, chunked'])}`);
  if (d.chance(0.05)) headers.push(`X-Long: ${'b'.repeat(d.pick([100, 20_000, 70_000]))}`);
  if (d.chance(0.05)) headers.push(d.pick(['Bad Header: x', 'NoColon', 'X-Null: \u0000', 'X-Unicode: ü']));
  const head = `${method} ${path}${query} HTTP/${d.pick(['1.1', '1.1', '1.0', '2.0', '9'])}\r\n${headers.join('\r\n')}\r\n\r\n`;
  return {
    request: Buffer.concat([Buffer.from(head, 'latin1'), body]),
    what: `${method} ${path.slice(0, 80)}${path.length > 80 ? `…(${path.length})` : ''}${query} [${headers.map((h) => h.slice(0, 40)).join(' | ')}] body ${body.length}`,
  };
}
