// WebSocket messages in web mode: the envelope check answers every bad message with an error reply (never a
// throw), calls go through main/api's validation, and web mode refuses an export to a path. (Calls that reach the
// real studio are in hardening.int.test.ts and server.int.test.ts.)
import { describe, expect, it } from 'vitest';
import type { StudioApi } from '../api/types';
import { answer, encodeReply, readEnvelope, withoutUploadPaths } from './calls';

const text = (value: string) => Buffer.from(value);

/** These messages are refused before any studio method runs, so the studio is never reached. */
const unreachable = new Proxy(
  {},
  {
    get: () => {
      throw new Error('the studio was reached');
    },
  },
) as StudioApi;

describe('web mode messages', () => {
  it('refuses messages that are not call envelopes, keeping a usable id', () => {
    const refusal = (data: string, isBinary = false) => {
      const envelope = readEnvelope(text(data), isBinary);
      return envelope.kind === 'refused' ? envelope.reply : null;
    };
    expect(refusal('null')).toMatchObject({
      id: null,
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/an object/) },
    });
    expect(refusal('[1]')).toMatchObject({ id: null, ok: false });
    expect(refusal('{')).toMatchObject({ id: null, error: { message: 'a message must be JSON' } });
    expect(refusal('{"id":1,"method":"getInfo","args":[]}', true)).toMatchObject({
      id: null,
      error: { message: expect.stringMatching(/not binary/) },
    });
    expect(refusal('{"method":"getInfo","args":[]}')).toMatchObject({
      id: null,
      error: { message: expect.stringMatching(/needs an id/) },
    });
    expect(refusal(JSON.stringify({ id: 'x'.repeat(101), method: 'getInfo', args: [] }))).toMatchObject({ id: null });
    expect(refusal('{"id":3,"method":"getInfo","args":[],"__proto__":{}}')).toMatchObject({
      id: 3,
      error: { message: expect.stringMatching(/not '__proto__'/) },
    });
    expect(readEnvelope(text('{"id":"a","method":"getInfo","args":[]}'), false)).toEqual({
      kind: 'call',
      id: 'a',
      method: 'getInfo',
      args: [],
    });
  });

  it('answers prototype names and non-list arguments with errors from validation', async () => {
    for (const method of ['__proto__', 'constructor', 'toString']) {
      expect(await answer(unreachable, text(JSON.stringify({ id: 1, method, args: [] })), false)).toMatchObject({
        id: 1,
        ok: false,
        error: { code: 'invalid-argument' },
      });
    }
    expect(await answer(unreachable, text('{"id":2,"method":"getInfo","args":{}}'), false)).toMatchObject({
      id: 2,
      ok: false,
      error: { message: expect.stringMatching(/must be a list/) },
    });
  });

  it('refuses an export to a path before the studio sees it', async () => {
    const refused = await answer(
      unreachable,
      text(JSON.stringify({ id: 1, method: 'exportRun', args: ['r1', 'onnx', { path: '/tmp/x.onnx' }] })),
      false,
    );
    expect(refused).toMatchObject({
      id: 1,
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/offered as a download, so it takes no path/) },
    });
  });

  it('turns a reply JSON cannot hold into an error reply for the same id', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(JSON.parse(encodeReply({ id: 5, ok: true, value: cycle }))).toMatchObject({
      id: 5,
      ok: false,
      error: { code: 'failed' },
    });
  });
});

describe('refusals in web mode', () => {
  const uploads = '/home/u/.netwright/uploads';
  it("name an uploaded file or folder as the user picked it, not by the server's path", () => {
    const payload = withoutUploadPaths(
      {
        message: `${uploads}/3f2a9c/photos: none of the 2 files is an image (e.g. ${uploads}/3f2a9c/photos/cats/a.bmp)`,
        code: 'no-readable-images',
        params: { folder: `${uploads}/3f2a9c/photos`, example: `${uploads}/3f2a9c/photos/cats/a.bmp`, count: 2 },
        nodeId: 'n1',
      },
      uploads,
    );
    expect(payload).toEqual({
      message: 'photos: none of the 2 files is an image (e.g. photos/cats/a.bmp)',
      code: 'no-readable-images',
      params: { folder: 'photos', example: 'photos/cats/a.bmp', count: 2 },
      nodeId: 'n1',
    });
  });

  it('leave other paths alone, and read Windows separators and characters special in patterns', () => {
    const windows = 'C:\\Users\\u (x)\\.netwright\\uploads';
    const payload = withoutUploadPaths(
      { message: `${windows}\\ab12\\data.csv: line 3; see /elsewhere/uploads/ab12/x.csv`, code: 'import-failed' },
      windows,
    );
    expect(payload).toEqual({ message: 'data.csv: line 3; see /elsewhere/uploads/ab12/x.csv', code: 'import-failed' });
  });
});
