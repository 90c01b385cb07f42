// A minimal protocol-buffers wire-format writer and reader: just what ONNX files need (varints, 32-bit floats,
// length-delimited strings, bytes, nested messages and packed repeated floats/ints). No schema: callers name fields.

/** Wire types of the protobuf encoding (the low 3 bits of each field key). */
export const WireType = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;
export type WireType = (typeof WireType)[keyof typeof WireType];

const textEncoder = new TextEncoder();
const TWO_TO_64 = 1n << 64n;

/** Appends fields to a growing buffer; `finish()` returns the encoded message. */
export class ProtoWriter {
  private buffer = new Uint8Array(256);
  private length = 0;

  /** An integer field (int32, int64, enum, bool) as a varint; negative values take the 10-byte two's complement form. */
  varint(field: number, value: number | bigint | boolean): this {
    const v = typeof value === 'boolean' ? (value ? 1n : 0n) : BigInt(value);
    this.key(field, WireType.varint);
    this.rawVarint(v);
    return this;
  }

  /** A 32-bit float field (wire type 5, little-endian). */
  float(field: number, value: number): this {
    this.key(field, WireType.fixed32);
    this.reserve(4);
    new DataView(this.buffer.buffer).setFloat32(this.length, value, true);
    this.length += 4;
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, textEncoder.encode(value));
  }

  bytes(field: number, value: Uint8Array): this {
    this.key(field, WireType.lengthDelimited);
    this.rawVarint(BigInt(value.length));
    this.append(value);
    return this;
  }

  /** A nested message: written by `build` into its own writer, then stored length-delimited. */
  message(field: number, build: (writer: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  /** A packed repeated float field: one length-delimited run of little-endian float32 values. */
  packedFloats(field: number, values: Float32Array | readonly number[]): this {
    const floats = values instanceof Float32Array ? values : Float32Array.from(values);
    this.key(field, WireType.lengthDelimited);
    this.rawVarint(BigInt(floats.length * 4));
    this.reserve(floats.length * 4);
    const view = new DataView(this.buffer.buffer);
    for (let i = 0; i < floats.length; i++) view.setFloat32(this.length + 4 * i, floats[i], true);
    this.length += floats.length * 4;
    return this;
  }

  /** A packed repeated integer field (int64s): one length-delimited run of varints. */
  packedVarints(field: number, values: readonly (number | bigint)[]): this {
    const inner = new ProtoWriter();
    for (const v of values) inner.rawVarint(BigInt(v));
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private key(field: number, wire: WireType): void {
    if (!Number.isInteger(field) || field < 1 || field > 0x1fffffff)
      throw new Error(`protobuf field number ${field} is out of range`);
    this.rawVarint(BigInt(field) * 8n + BigInt(wire));
  }

  private rawVarint(value: bigint): void {
    let v = value < 0n ? value + TWO_TO_64 : value;
    if (v < 0n || v >= TWO_TO_64) throw new Error(`protobuf varint ${value} does not fit in 64 bits`);
    this.reserve(10);
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 0x80;
      this.buffer[this.length++] = byte;
    } while (v !== 0n);
  }

  private append(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

// ---- reading --------------------------------------------------------------------------------------------------

/** One decoded field: a varint as bigint; fixed-width and length-delimited values as their raw bytes. */
export type ProtoField =
  | { field: number; wire: typeof WireType.varint; value: bigint }
  | { field: number; wire: typeof WireType.fixed64; value: Uint8Array }
  | { field: number; wire: typeof WireType.lengthDelimited; value: Uint8Array }
  | { field: number; wire: typeof WireType.fixed32; value: Uint8Array };

/** Splits a message into its fields, in file order; throws on truncated or malformed input naming the byte offset. */
export function readFields(bytes: Uint8Array, what = 'message'): ProtoField[] {
  const fields: ProtoField[] = [];
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`malformed protobuf ${what} at byte ${at}: ${why}`);
  };
  const varint = (): bigint => {
    const [value, next] = readVarint(bytes, at, what);
    at = next;
    return value;
  };
  const take = (count: number): Uint8Array => {
    if (at + count > bytes.length) fail(`a field of ${count} bytes runs past the end`);
    const slice = bytes.subarray(at, at + count);
    at += count;
    return slice;
  };
  while (at < bytes.length) {
    const key = varint();
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (field === 0) fail('field number 0');
    switch (wire) {
      case WireType.varint:
        fields.push({ field, wire, value: varint() });
        break;
      case WireType.fixed64:
        fields.push({ field, wire, value: take(8) });
        break;
      case WireType.lengthDelimited: {
        const length = varint();
        fields.push({ field, wire, value: take(Number(length)) });
        break;
      }
      case WireType.fixed32:
        fields.push({ field, wire, value: take(4) });
        break;
      default:
        fail(`unsupported wire type ${wire}`);
    }
  }
  return fields;
}

/** The varint starting at `at`, and the offset after it. */
function readVarint(bytes: Uint8Array, start: number, what: string): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  let at = start;
  for (;;) {
    if (at >= bytes.length) throw new Error(`malformed protobuf ${what} at byte ${start}: a varint runs past the end`);
    const byte = bytes[at++];
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, at];
    shift += 7n;
    if (shift > 63n) throw new Error(`malformed protobuf ${what} at byte ${start}: a varint is longer than 10 bytes`);
  }
}

/** Fields of one number, in order. */
export function fieldsOf(fields: readonly ProtoField[], field: number): ProtoField[] {
  return fields.filter((f) => f.field === field);
}

const textDecoder = new TextDecoder('utf-8', { fatal: true });

export function asString(f: ProtoField): string {
  if (f.wire !== WireType.lengthDelimited) throw new Error(`protobuf field ${f.field} is not a string`);
  return textDecoder.decode(f.value);
}

export function asBytes(f: ProtoField): Uint8Array {
  if (f.wire !== WireType.lengthDelimited) throw new Error(`protobuf field ${f.field} is not length-delimited`);
  return f.value;
}

/** A varint as a signed 64-bit number (two's complement), returned as a JS number. */
export function asInt(f: ProtoField): number {
  if (f.wire !== WireType.varint) throw new Error(`protobuf field ${f.field} is not a varint`);
  return Number(BigInt.asIntN(64, f.value));
}

export function asFloat(f: ProtoField): number {
  if (f.wire !== WireType.fixed32) throw new Error(`protobuf field ${f.field} is not a 32-bit float`);
  return new DataView(f.value.buffer, f.value.byteOffset, 4).getFloat32(0, true);
}

/** A repeated integer field, accepting both packed and unpacked encodings (parsers must take either). */
export function repeatedInts(fields: readonly ProtoField[], field: number): number[] {
  const out: number[] = [];
  for (const f of fieldsOf(fields, field)) {
    if (f.wire === WireType.varint) {
      out.push(asInt(f));
    } else if (f.wire === WireType.lengthDelimited) {
      // A packed run is a sequence of bare varints.
      let at = 0;
      while (at < f.value.length) {
        const [value, next] = readVarint(f.value, at, `packed integers of field ${field}`);
        out.push(Number(BigInt.asIntN(64, value)));
        at = next;
      }
    } else {
      throw new Error(`protobuf field ${field} is not an integer list`);
    }
  }
  return out;
}

/** A repeated float field, packed or not. */
export function repeatedFloats(fields: readonly ProtoField[], field: number): Float32Array {
  const out: number[] = [];
  for (const f of fieldsOf(fields, field)) {
    if (f.wire === WireType.fixed32) {
      out.push(asFloat(f));
    } else if (f.wire === WireType.lengthDelimited) {
      if (f.value.length % 4 !== 0)
        throw new Error(`packed floats in protobuf field ${field} are not a multiple of 4 bytes`);
      const view = new DataView(f.value.buffer, f.value.byteOffset, f.value.byteLength);
      for (let i = 0; i < f.value.length; i += 4) out.push(view.getFloat32(i, true));
    } else {
      throw new Error(`protobuf field ${field} is not a float list`);
    }
  }
  return Float32Array.from(out);
}
