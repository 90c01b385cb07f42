// Runs one validated StudioApi call for a transport, and turns any failure into a payload the renderer shows.
import { InvalidCallError, validateCall } from './validate';
import type { StudioApi, StudioErrorPayload } from './types';

export async function dispatch(api: StudioApi, method: unknown, args: unknown): Promise<unknown> {
  validateCall(method, args);
  const call = api[method] as (...values: unknown[]) => Promise<unknown>;
  return call.apply(api, args as unknown[]);
}

export function errorPayload(error: unknown): StudioErrorPayload {
  if (!(error instanceof Error)) return { message: String(error), code: 'failed' };
  const code =
    error instanceof InvalidCallError
      ? error.code
      : error.name === 'NotFoundError'
        ? 'not-found'
        : error.name === 'CsvImportError'
          ? 'import-failed'
          : error.name === 'OnnxImportError'
            ? `onnx-${(error as Error & { code: string }).code}`
            : error.name === 'GraphProblemError'
              ? 'graph-problem'
              : error.name === 'RunRefusedError' || error.name === 'CheckpointError'
                ? (error as Error & { code: string }).code
                : error.name === 'WeightsError'
                  ? `weights-${(error as Error & { code: string }).code}`
                  : error.name === 'ImagePredictionError'
                    ? `predict-${(error as Error & { code: string }).code}`
                    : 'failed';
  const nodeId = (error as { nodeId?: unknown }).nodeId;
  const params = (error as { params?: unknown }).params;
  return {
    message: error.message,
    code,
    ...(typeof nodeId === 'string' ? { nodeId } : {}),
    ...(error.name === 'WeightsError' && typeof (error as { args?: unknown }).args === 'object'
      ? { params: (error as unknown as { args: Record<string, string> }).args }
      : {}),
    ...((error.name === 'RunRefusedError' ||
      error.name === 'CheckpointError' ||
      error.name === 'ImagePredictionError') &&
    params &&
    typeof params === 'object'
      ? { params: wordable(params as Record<string, unknown>) }
      : {}),
    // An import error's arguments (the file, the input, its shape) for the renderer's message table.
    ...(error.name === 'OnnxImportError'
      ? { params: wordable((error as Error & { args: Record<string, unknown> }).args) }
      : {}),
  };
}

/** The values a message table fills in: strings and numbers only (a refusal's or a checkpoint problem's fields). */
function wordable(params: Record<string, unknown>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string | number] =>
      ['string', 'number'].includes(typeof entry[1]),
    ),
  );
}
