// The safetensors format: an 8-byte little-endian header length, a JSON header (dtype, shape and byte offsets
// of each tensor, plus string metadata), then the raw little-endian tensor bytes. Loading never executes code.

/** I64 is read (PyTorch saves batch norm's num_batches_tracked as int64) and written. */
export type DType = 'F32' | 'I32' | 'U8' | 'F64' | 'I64';

export interface NamedArray {
  dtype: DType;
  shape: number[];
  data: Float32Array | Int32Array | Uint8Array | Float64Array | BigInt64Array;
}

const BYTES: Record<DType, number> = { F32: 4, I32: 4, U8: 1, F64: 8, I64: 8 };
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Serializes tensors (sorted by name, as the reference writer does) and string metadata into one buffer. */
export function encodeSafetensors(
  tensors: Map<string, NamedArray> | Record<string, NamedArray>,
  metadata: Record<string, string> = {},
): Uint8Array {
  if (!littleEndian) throw new Error('safetensors writing needs a little-endian machine');
  const entries = (tensors instanceof Map ? [...tensors] : Object.entries(tensors)).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length) {
    for (const [k, v] of Object.entries(metadata))
      if (typeof v !== 'string') throw new Error(`safetensors metadata '${k}' must be a string`);
    header.__metadata__ = metadata;
  }
  let offset = 0;
  for (const [name, t] of entries) {
    if (name === '__metadata__') throw new Error("a tensor cannot be named '__metadata__'");
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length)
      throw new Error(`tensor '${name}' has shape [${t.shape.join(', ')}] but ${t.data.length} values`);
    const bytes = count * BYTES[t.dtype];
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  // Pad the header with spaces so the tensor data starts 8-byte aligned.
  const jsonBytes = new TextEncoder().encode(json);
  const padded = Math.ceil(jsonBytes.length / 8) * 8;
  json += ' '.repeat(padded - jsonBytes.length);
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const [, t] of entries) {
    const bytes = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

export interface DecodedSafetensors {
  tensors: Map<string, NamedArray>;
  metadata: Record<string, string>;
}

/** Parses a safetensors buffer; `source` names the file in error messages. */
export function decodeSafetensors(buffer: Uint8Array, source = 'file'): DecodedSafetensors {
  const fail = (why: string): never => {
    throw new Error(`${source} is not a valid safetensors file: ${why}`);
  };
  if (buffer.length < 8) fail('shorter than its 8-byte header length');
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > buffer.length - 8 || headerLength > 100_000_000)
    fail(`header length ${headerLength} exceeds the file`);
  let header: Record<string, any>;
  try {
    header = JSON.parse(new TextDecoder().decode(buffer.subarray(8, 8 + headerLength)));
  } catch (error) {
    return fail(`header is not JSON (${(error as Error).message})`);
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) fail('header is not a JSON object');
  const dataStart = 8 + headerLength;
  const dataLength = buffer.length - dataStart;
  const tensors = new Map<string, NamedArray>();
  const metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') {
      for (const [k, v] of Object.entries(entry as Record<string, unknown>)) {
        if (typeof v !== 'string') fail(`metadata '${k}' is not a string`);
        metadata[k] = v as string;
      }
      continue;
    }
    const { dtype, shape, data_offsets: offsets } = entry ?? {};
    if (!(dtype in BYTES)) fail(`tensor '${name}' has unsupported dtype ${dtype}`);
    if (!Array.isArray(shape) || !shape.every((d: unknown) => Number.isInteger(d) && (d as number) >= 0))
      fail(`tensor '${name}' has a bad shape`);
    if (!Array.isArray(offsets) || offsets.length !== 2) fail(`tensor '${name}' has bad data_offsets`);
    const [begin, end] = offsets as number[];
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (!(begin >= 0 && end <= dataLength && end - begin === count * BYTES[dtype as DType])) {
      fail(`tensor '${name}' offsets [${begin}, ${end}] do not match its shape or the file size`);
    }
    // Copy out so the result is aligned and independent of the file buffer (a Node Buffer's slice() is a view).
    const bytes = new Uint8Array(end - begin);
    bytes.set(buffer.subarray(dataStart + begin, dataStart + end));
    const data =
      dtype === 'F32'
        ? new Float32Array(bytes.buffer)
        : dtype === 'I32'
          ? new Int32Array(bytes.buffer)
          : dtype === 'F64'
            ? new Float64Array(bytes.buffer)
            : dtype === 'I64'
              ? new BigInt64Array(bytes.buffer)
              : new Uint8Array(bytes.buffer);
    tensors.set(name, { dtype: dtype as DType, shape: shape as number[], data });
  }
  return { tensors, metadata };
}
