// The protobuf writer against known encodings and round trips through the reader.
import { describe, expect, it } from 'vitest';
import {
  ProtoWriter,
  WireType,
  asFloat,
  asInt,
  asString,
  fieldsOf,
  readFields,
  repeatedFloats,
  repeatedInts,
} from './protobuf';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('protobuf writer', () => {
  it('encodes varints, strings and nested messages as the wire format specifies', () => {
    // Field 1 = 150 is the classic example: key 0x08, then 150 as 0x96 0x01.
    expect(hex(new ProtoWriter().varint(1, 150).finish())).toBe('089601');
    // Field 2 = "testing": key 0x12, length 7, the bytes.
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('120774657374696e67');
    // Field 3 holding a message with field 1 = 150: key 0x1a, length 3, then 08 96 01.
    expect(hex(new ProtoWriter().message(3, (w) => w.varint(1, 150)).finish())).toBe('1a03089601');
    // A field number above 15 needs a two-byte key: (20 << 3) | 0 = 160 -> a0 01.
    expect(hex(new ProtoWriter().varint(20, 7).finish())).toBe('a00107');
  });

  it("writes negative integers as ten-byte two's complement varints", () => {
    const bytes = new ProtoWriter().varint(3, -1).finish();
    expect(bytes.length).toBe(11);
    expect(hex(bytes)).toBe('18ffffffffffffffffff01');
    expect(asInt(readFields(bytes)[0])).toBe(-1);
  });

  it('writes floats little-endian with wire type 5', () => {
    const bytes = new ProtoWriter().float(2, 1.5).finish();
    expect(hex(bytes)).toBe('150000c03f');
    const [field] = readFields(bytes);
    expect(field.wire).toBe(WireType.fixed32);
    expect(asFloat(field)).toBe(1.5);
  });

  it('round-trips every kind of field through the reader', () => {
    const values = [0, 1, 127, 128, 300, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER];
    const floats = Float32Array.from([0, -1.25, 3.4e38, 1e-30, Math.PI]);
    const writer = new ProtoWriter();
    for (const v of values) writer.varint(1, v);
    writer.string(2, 'naïve → 模型');
    writer.packedFloats(4, floats);
    writer.packedVarints(5, [3, 300, -2]);
    writer.message(6, (w) => w.string(1, 'inner').message(2, (deeper) => deeper.float(1, -0.5)));
    writer.varint(7, true);
    const fields = readFields(writer.finish());

    expect(fieldsOf(fields, 1).map(asInt)).toEqual(values);
    expect(asString(fieldsOf(fields, 2)[0])).toBe('naïve → 模型');
    expect(Array.from(repeatedFloats(fields, 4))).toEqual(Array.from(floats));
    expect(repeatedInts(fields, 5)).toEqual([3, 300, -2]);
    const inner = readFields(fieldsOf(fields, 6)[0].value as Uint8Array);
    expect(asString(fieldsOf(inner, 1)[0])).toBe('inner');
    expect(asFloat(readFields(fieldsOf(inner, 2)[0].value as Uint8Array)[0])).toBe(-0.5);
    expect(asInt(fieldsOf(fields, 7)[0])).toBe(1);
  });

  it('reads repeated integers whether packed or not', () => {
    const unpacked = new ProtoWriter().varint(8, 1).varint(8, 2).varint(8, 3).finish();
    const packed = new ProtoWriter().packedVarints(8, [1, 2, 3]).finish();
    expect(repeatedInts(readFields(unpacked), 8)).toEqual([1, 2, 3]);
    expect(repeatedInts(readFields(packed), 8)).toEqual([1, 2, 3]);
  });

  it('grows its buffer for large payloads', () => {
    const big = Float32Array.from({ length: 20_000 }, (_, i) => i * 0.5);
    const fields = readFields(new ProtoWriter().packedFloats(4, big).string(8, 'after').finish());
    expect(repeatedFloats(fields, 4)).toEqual(big);
    expect(asString(fieldsOf(fields, 8)[0])).toBe('after');
  });

  it('refuses field numbers outside the protobuf range', () => {
    expect(() => new ProtoWriter().varint(0, 1)).toThrow(/field number 0/);
  });
});

describe('protobuf reader', () => {
  it('names the offset of truncated input', () => {
    const bytes = new ProtoWriter().string(2, 'testing').finish();
    expect(() => readFields(bytes.subarray(0, 5))).toThrow(
      /malformed protobuf message at byte 2: a field of 7 bytes runs past the end/,
    );
    expect(() => readFields(Uint8Array.of(0x08, 0x96))).toThrow(/varint runs past the end/);
  });

  it('rejects unsupported wire types and field number 0', () => {
    expect(() => readFields(Uint8Array.of(0x0b))).toThrow(/unsupported wire type 3/);
    expect(() => readFields(Uint8Array.of(0x00, 0x01))).toThrow(/field number 0/);
  });
});
