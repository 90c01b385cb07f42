// Bounded, seeded fuzzing of web mode (issue 11): raw WebSocket frames, random JSON calls, raw HTTP requests,
// uploads of random sizes, socket floods and sockets closed mid-call, against the real `npm run web` process.
// After every try the server must still answer; at the end it must answer a normal call correctly.
// NETWRIGHT_FUZZ_SEED=<n> repeats a run; NETWRIGHT_FUZZ_SCALE=<k> multiplies the number of tries and
// NETWRIGHT_FUZZ_BUDGET_S=<s> the time after which no new try starts (longer runs need vitest's --testTimeout).
import { existsSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Draw, jsonMessage, rawFrames, rawRequest, seededRandom } from './fuzzCases';
import { CallClient, openRawSocket, rawHttp, startWebChild, type WebChild } from './testServer';

const seed = Number(process.env.NETWRIGHT_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const scale = Number(process.env.NETWRIGHT_FUZZ_SCALE ?? 1);
/** Tries per kind of attack; the whole run stays well under a minute on a shared 2-core machine. */
const TRIES = {
  'raw frames': 150,
  'json calls': 300,
  'http requests': 300,
  uploads: 60,
  'socket floods': 3,
  'closed mid-call': 20,
};
type Kind = keyof typeof TRIES;
/** No new try starts after this long (ms): a bound on the run, not a check. */
const BUDGET_MS = Number(process.env.NETWRIGHT_FUZZ_BUDGET_S ?? 45) * 1000;
const UPLOAD_LIMIT = 256 * 1024; // NETWRIGHT_WEB_MAX_UPLOAD_MB=0.25
const uploadId = '0b4f3c2e-1111-4222-8333-944455556666';

interface Tally {
  tries: number;
  survived: number;
  lost: number;
  wrong: number;
  firstProblem?: string;
}
/** The try under way: printed if the run ends inside it (a hang shows as vitest's timeout, then this line). */
let underWay: string | null = null;
let started = Date.now();
const tally = Object.fromEntries(
  Object.keys(TRIES).map((k) => [k, { tries: 0, survived: 0, lost: 0, wrong: 0 }]),
) as Record<Kind, Tally>;
let server: WebChild;

const startServer = () => startWebChild({ NETWRIGHT_WEB_MAX_UPLOAD_MB: String(UPLOAD_LIMIT / 1024 / 1024) });

/** True when the server answers a plain request; a dead process refuses the connection. */
async function answers(): Promise<boolean> {
  if (!server.alive()) return false;
  const probe = await rawHttp(
    server.port,
    `GET /download/0/x?token=${server.token} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
  );
  return probe.status === 404;
}

/** Runs one try; a problem it returns is a wrong answer; a server that stops answering is lost (and restarted). */
async function attempt(kind: Kind, index: number, what: string, run: () => Promise<string | null>): Promise<void> {
  const t = tally[kind];
  t.tries++;
  underWay = `${kind} #${index}: ${what}`;
  let problem: string | null;
  try {
    problem = await run();
  } catch (error) {
    problem = `the try threw: ${(error as Error).message}`;
  }
  underWay = null;
  if (!(await answers())) {
    t.lost++;
    t.firstProblem ??= `seed ${seed}, ${kind} #${index}: server lost after ${what}\n${server.stderr().slice(-2000)}`;
    await server.stop();
    server = await startServer();
    return;
  }
  t.survived++;
  if (problem) {
    t.wrong++;
    t.firstProblem ??= `seed ${seed}, ${kind} #${index}: ${problem} after ${what}`;
  }
}

function upload(
  name: string,
  body: Buffer,
  mode: 'honest' | 'declared-large' | 'chunked' | 'aborted',
): Promise<number | null> {
  const path = `/upload?uploadId=${uploadId}&path=${name}&token=${server.token}`;
  if (mode === 'declared-large') {
    // Says it is over the limit, sends a little and hangs up: a server that waits for the rest is still bounded.
    const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.origin}\r\nContent-Length: ${UPLOAD_LIMIT * 8}\r\n\r\n`;
    return rawHttp(server.port, Buffer.concat([Buffer.from(head), body.subarray(0, 100)]), true).then(
      (answer) => answer.status,
    );
  }
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { Origin: server.origin };
    if (mode === 'chunked' || mode === 'aborted') headers['Transfer-Encoding'] = 'chunked';
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', headers, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
      res.on('error', () => resolve(res.statusCode!));
    });
    req.on('error', () => resolve(null));
    if (mode === 'aborted') {
      req.write(body.subarray(0, body.length >> 1), () => {
        req.destroy();
        resolve(null);
      });
      return;
    }
    req.end(body);
  });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 20));
}

function report(): string {
  const rows = (Object.entries(tally) as Array<[Kind, Tally]>).map(
    ([kind, t]) => `| ${kind} | ${t.tries} | ${t.survived} | ${t.lost} | ${t.wrong} |`,
  );
  return [
    `web fuzz, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    '| attack | tries | survived | lost | wrong answers |',
    '|---|---|---|---|---|',
    ...rows,
    ...(underWay ? [`stopped inside ${underWay.slice(0, 300)}`] : []),
  ].join('\n');
}

afterAll(async () => {
  console.log(report());
  await server?.stop();
});

describe(`web mode fuzz (seed ${seed})`, () => {
  it('survives random frames, messages, requests, uploads and socket floods, then answers a normal call', async () => {
    console.log(`web fuzz: seed ${seed} (NETWRIGHT_FUZZ_SEED=${seed} repeats this run)`);
    const d = new Draw(seededRandom(seed));
    started = Date.now();
    const inBudget = () => Date.now() - started < BUDGET_MS;
    server = await startServer();

    for (let i = 0; i < TRIES['raw frames'] * scale && inBudget(); i++) {
      const { frames, what } = rawFrames(d);
      await attempt('raw frames', i, what, async () => {
        const raw = await openRawSocket(server);
        for (const bytes of frames) raw.socket.write(bytes);
        raw.socket.end();
        await raw.closed;
        return null;
      });
    }

    let client: CallClient | null = null;
    for (let i = 0; i < TRIES['json calls'] * scale && inBudget(); i++) {
      const message = jsonMessage(d);
      await attempt('json calls', i, `message ${message.slice(0, 200)}`, async () => {
        client ??= await CallClient.open(server);
        const reply = await client.sendRaw(message);
        if (!reply) {
          client = null;
          return 'the socket closed without a reply';
        }
        if (typeof reply.ok !== 'boolean' || (!reply.ok && typeof reply.error?.message !== 'string'))
          return `a malformed reply ${JSON.stringify(reply).slice(0, 200)}`;
        if (reply.error?.code === 'failed' && /Cannot read|is not a function|undefined/.test(reply.error.message))
          return `an internal error leaked: ${reply.error.message}`;
        return null;
      });
    }
    (client as CallClient | null)?.ws.close();

    for (let i = 0; i < TRIES['http requests'] * scale && inBudget(); i++) {
      const { request: bytes, what } = rawRequest(d, server.port, server.token);
      await attempt('http requests', i, what, async () => {
        const answer = await rawHttp(server.port, bytes, true);
        return answer.status !== null && answer.status >= 500 && answer.status !== 503
          ? `answered ${answer.status}: ${answer.text.slice(-200)}`
          : null;
      });
    }

    for (let i = 0; i < TRIES.uploads * scale && inBudget(); i++) {
      const size = d.pick([0, 1, d.int(UPLOAD_LIMIT), UPLOAD_LIMIT, UPLOAD_LIMIT + 1, UPLOAD_LIMIT * 2 + d.int(1000)]);
      const mode = d.pick(['honest', 'honest', 'declared-large', 'chunked', 'aborted'] as const);
      const name = `f${i}.bin`;
      const file = join(server.home, 'uploads', uploadId, name);
      await attempt('uploads', i, `${mode} upload of ${size} bytes`, async () => {
        const status = await upload(name, Buffer.alloc(size, 7), mode);
        const fits = size <= UPLOAD_LIMIT && mode !== 'declared-large';
        if (mode === 'aborted') {
          await until(() => !existsSync(file));
          return null;
        }
        if (fits && (status !== 200 || statSync(file).size !== size))
          return `a ${size}-byte upload within the limit got ${status}`;
        if (!fits && (status === 200 || existsSync(file)))
          return `a ${size}-byte upload over the limit got ${status}${existsSync(file) ? ' and was kept' : ''}`;
        return null;
      });
    }

    for (let i = 0; i < TRIES['socket floods'] * scale && inBudget(); i++) {
      await attempt('socket floods', i, '100 sockets at once', async () => {
        const opened = await Promise.allSettled(Array.from({ length: 100 }, () => CallClient.open(server)));
        const clients = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
        const refusedOtherwise = opened.filter((o) => o.status === 'rejected' && !String(o.reason).includes('503'));
        clients.forEach((c) => c.ws.terminate());
        await Promise.all(clients.map((c) => c.closed));
        return refusedOtherwise.length > 0
          ? `a socket was refused with ${String((refusedOtherwise[0] as PromiseRejectedResult).reason)}`
          : null;
      });
    }

    for (let i = 0; i < TRIES['closed mid-call'] * scale && inBudget(); i++) {
      await attempt('closed mid-call', i, 'calls then an abrupt close', async () => {
        const doomed = await CallClient.open(server);
        for (let j = 0; j < 5; j++) doomed.ws.send(jsonMessage(d));
        doomed.ws.terminate();
        await doomed.closed;
        return null;
      });
    }

    const problems = Object.values(tally).flatMap((t) => (t.firstProblem ? [t.firstProblem] : []));
    expect(problems, `seed ${seed}`).toEqual([]);

    const check = await CallClient.open(server);
    const info = await check.call<{ mode: string; home: string }>('getInfo');
    expect(info.mode).toBe('web');
    expect(info.home).toBe(server.home);
    check.ws.close();
    expect(server.alive()).toBe(true);
  });
});
