// One WebSocket message from the page, from raw frame data to exactly one reply: the envelope { id, method, args }
// is checked here, the call by main/api (validate + dispatch), and nothing a client sends can make this throw.
import type { RawData } from 'ws';
import { dispatch, errorPayload } from '../api/dispatch';
import type { ExportResult, StudioApi, StudioErrorPayload } from '../api/types';
import { InvalidCallError } from '../api/validate';

/** The page numbers its calls; a short text id is accepted too. Anything else is answered with id null. */
export type CallId = number | string;
export type CallReply =
  { id: CallId | null; ok: true; value: unknown } | { id: CallId | null; ok: false; error: StudioErrorPayload };
type Envelope = { kind: 'call'; id: CallId; method: unknown; args: unknown } | { kind: 'refused'; reply: CallReply };

const ENVELOPE_FIELDS = new Set(['id', 'method', 'args']);

function refused(id: CallId | null, message: string): Envelope {
  return { kind: 'refused', reply: { id, ok: false, error: { message, code: 'invalid-argument' } } };
}

function callId(value: unknown): CallId | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.length <= 100) return value;
  return null;
}

function textOf(data: RawData): string {
  const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  return bytes.toString('utf8');
}

export function readEnvelope(data: RawData, isBinary: boolean): Envelope {
  if (isBinary) return refused(null, 'a message must be JSON text, not binary');
  let message: unknown;
  try {
    message = JSON.parse(textOf(data));
  } catch {
    return refused(null, 'a message must be JSON');
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return refused(null, 'a message must be an object { id, method, args }');
  }
  const fields = message as Record<string, unknown>;
  const id = callId(fields.id);
  if (id === null) return refused(null, 'a message needs an id: a number or a text of at most 100 characters');
  const unknown = Object.keys(fields).find((key) => !ENVELOPE_FIELDS.has(key));
  if (unknown !== undefined)
    return refused(id, `a message has only id, method and args, not '${unknown.slice(0, 100)}'`);
  return { kind: 'call', id, method: fields.method, args: fields.args };
}

/** Web mode exports only into the home's exports folder, offered as downloads; a path would write anywhere. */
function refuseExportPath(method: unknown, args: unknown): void {
  if (method !== 'exportRun' || !Array.isArray(args)) return;
  const options = args[2] as { path?: unknown } | null | undefined;
  if (typeof options === 'object' && options !== null && options.path !== undefined && options.path !== null) {
    throw new InvalidCallError('exportRun: in web mode an export is offered as a download, so it takes no path');
  }
}

function withDownloads(result: ExportResult): ExportResult {
  return {
    ...result,
    files: result.files.map((f) => ({
      ...f,
      downloadUrl: `/download/${result.record.id}/${encodeURIComponent(f.name)}`,
    })),
  };
}

/**
 * Web mode reads what the page uploads under `<uploadsDir>/<upload id>/<the name the user picked>`: a refusal names
 * that file or folder as the user picked it ("photos/cats/a.bmp"), not by the server's path to the upload.
 */
export function withoutUploadPaths(payload: StudioErrorPayload, uploadsDir: string): StudioErrorPayload {
  const escaped = uploadsDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const prefix = new RegExp(`${escaped}[/\\\\][^/\\\\]+[/\\\\]`, 'g');
  const shown = (text: string) => text.replace(prefix, '');
  const params = payload.params
    ? Object.fromEntries(
        Object.entries(payload.params).map(([key, value]) => [key, typeof value === 'string' ? shown(value) : value]),
      )
    : undefined;
  return { ...payload, message: shown(payload.message), ...(params ? { params } : {}) };
}

/** Runs a message and settles with its reply; never rejects. `uploadsDir`: where web mode keeps uploads. */
export async function answer(
  api: StudioApi,
  data: RawData,
  isBinary: boolean,
  uploadsDir?: string,
): Promise<CallReply> {
  const envelope = readEnvelope(data, isBinary);
  if (envelope.kind === 'refused') return envelope.reply;
  const { id, method, args } = envelope;
  try {
    refuseExportPath(method, args);
    const value = await dispatch(api, method, args);
    return { id, ok: true, value: method === 'exportRun' ? withDownloads(value as ExportResult) : value };
  } catch (error) {
    const payload = errorPayload(error);
    return { id, ok: false, error: uploadsDir ? withoutUploadPaths(payload, uploadsDir) : payload };
  }
}

/** The reply as JSON; a value JSON cannot hold (too deep, a cycle) becomes an error reply for the same id. */
export function encodeReply(reply: CallReply): string {
  try {
    return JSON.stringify(reply);
  } catch (error) {
    return JSON.stringify({
      id: reply.id,
      ok: false,
      error: { message: `the answer could not be sent: ${(error as Error).message}`, code: 'failed' },
    });
  }
}
