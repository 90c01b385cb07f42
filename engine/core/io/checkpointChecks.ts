// Checks run on every checkpoint load: each metadata field parsed and checked for its type, and every tensor's
// dtype, shape (against the spec's own parameters) and finiteness. Each failure is a CheckpointError naming the
// file and the field or tensor.
import { checkedModel } from '../export/modelTensors';
import type { NamedArray } from './safetensors';
import { CheckpointError, shapeText } from './checkpointProblems';

/** Reads the metadata fields of one file, each parsed once and checked with a description of what it must hold. */
export class MetadataReader {
  constructor(
    private readonly metadata: Record<string, string>,
    private readonly file: string,
  ) {}

  private raw(field: string): string {
    const text = this.metadata[field];
    if (text === undefined) throw new CheckpointError('checkpoint-field-missing', { file: this.file, field });
    return text;
  }

  private invalid(field: string, expected: string): never {
    throw new CheckpointError('checkpoint-field-invalid', { file: this.file, field, expected });
  }

  /** A field holding JSON that `accept` recognizes (described by `expected`). */
  json<T>(field: string, expected: string, accept: (value: unknown) => boolean): T {
    let value: unknown;
    try {
      value = JSON.parse(this.raw(field));
    } catch (error) {
      if (error instanceof CheckpointError) throw error;
      return this.invalid(field, expected);
    }
    if (!accept(value)) this.invalid(field, expected);
    return value as T;
  }

  /** A whole number ≥ 0 written in decimal. */
  count(field: string): number {
    const text = this.raw(field);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) this.invalid(field, 'a whole number of 0 or more');
    return Number(text);
  }

  /** A JSON field that older checkpoints lack: `fallback` when absent, otherwise checked as json() does. */
  optionalJson<T>(field: string, expected: string, accept: (value: unknown) => boolean, fallback: T): T {
    return this.metadata[field] === undefined ? fallback : this.json<T>(field, expected, accept);
  }

  /** A count, or '' for none. */
  optionalCount(field: string): number | null {
    return this.raw(field) === '' ? null : this.count(field);
  }

  oneOf<T extends string>(field: string, choices: readonly T[]): T {
    const text = this.raw(field);
    if (!(choices as readonly string[]).includes(text)) this.invalid(field, `one of ${choices.join(', ')}`);
    return text as T;
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Float32 data with only finite values; anything else names the tensor. */
export function finiteFloat32(file: string, tensor: string, t: NamedArray): Float32Array {
  if (t.dtype !== 'F32') throw new CheckpointError('checkpoint-tensor-dtype', { file, tensor, dtype: t.dtype });
  const data = t.data as Float32Array;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]))
      throw new CheckpointError('checkpoint-tensor-not-finite', { file, tensor, index: i, value: String(data[i]) });
  }
  return data;
}

/**
 * The model's tensors (`prefix` '' for the weights, 'best.' for the best epoch's), each checked against the shape
 * the spec gives it; a missing or extra tensor is refused too.
 */
export function modelTensors(
  file: string,
  spec: unknown,
  tensors: ReadonlyMap<string, NamedArray>,
  prefix: string,
): Map<string, { shape: number[]; value: Float32Array }> {
  const expected = expectedShapes(file, spec);
  const out = new Map<string, { shape: number[]; value: Float32Array }>();
  for (const [name, shape] of expected) {
    const tensor = `${prefix}${name}`;
    const t = tensors.get(tensor);
    if (!t) throw new CheckpointError('checkpoint-tensor-missing', { file, tensor, expected: shapeText(shape) });
    const value = finiteFloat32(file, tensor, t);
    if (shapeText(t.shape) !== shapeText(shape))
      throw new CheckpointError('checkpoint-tensor-shape', {
        file,
        tensor,
        shape: shapeText(t.shape),
        expected: shapeText(shape),
      });
    out.set(name, { shape: [...t.shape], value });
  }
  return out;
}

/** Tensor shapes by name as the spec's layers declare them; a spec that does not analyze is an invalid 'spec' field. */
function expectedShapes(file: string, spec: unknown): Map<string, number[]> {
  try {
    return new Map(checkedModel(spec as never, 'checkpoint').expected.map((t) => [t.name, t.shape]));
  } catch {
    throw new CheckpointError('checkpoint-field-invalid', { file, field: 'spec', expected: 'a valid model spec' });
  }
}
