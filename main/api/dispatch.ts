// Runs one validated StudioApi call for a transport, and turns any failure into a payload the renderer shows.
import { CodedError, wordableParams } from '../../engine/core/errors/coded';
import { validateCall } from './validate';
import type { StudioApi, StudioErrorPayload } from './types';

export async function dispatch(api: StudioApi, method: unknown, args: unknown): Promise<unknown> {
  validateCall(method, args);
  const call = api[method] as (...values: unknown[]) => Promise<unknown>;
  return call.apply(api, args as unknown[]);
}

/**
 * A coded error travels as its table code and values (the renderer words it in the user's language), with its
 * English message and the node at fault; any other error as its message alone, code 'failed'.
 */
export function errorPayload(error: unknown): StudioErrorPayload {
  if (!(error instanceof Error)) return { message: String(error), code: 'failed' };
  if (!(error instanceof CodedError)) return { message: error.message, code: 'failed' };
  return {
    message: error.message,
    code: error.tableCode,
    params: wordableParams(error.params),
    ...(typeof error.nodeId === 'string' ? { nodeId: error.nodeId } : {}),
  };
}
