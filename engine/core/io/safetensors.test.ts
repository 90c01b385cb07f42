// safetensors: round trips, the header layout a Python reader expects, and clear errors on damaged files.
import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors } from './safetensors';

describe('safetensors', () => {
  const tensors = {
    'fc1.weight': { dtype: 'F32' as const, shape: [2, 3], data: Float32Array.from([1, -2, 3.5, 0, 1e-7, -1e7]) },
    'fc1.bias': { dtype: 'F32' as const, shape: [2], data: Float32Array.from([0.25, -0.5]) },
    steps: { dtype: 'I32' as const, shape: [1], data: Int32Array.from([42]) },
  };

  it('round-trips tensors and metadata exactly', () => {
    const bytes = encodeSafetensors(tensors, { epoch: '3', spec: '{"version":1}' });
    const { tensors: back, metadata } = decodeSafetensors(bytes);
    expect(metadata).toEqual({ epoch: '3', spec: '{"version":1}' });
    for (const [name, t] of Object.entries(tensors)) {
      expect(back.get(name)!.shape).toEqual(t.shape);
      expect([...back.get(name)!.data]).toEqual([...t.data]);
    }
  });

  it('writes the layout other readers parse: u64 header length, JSON header padded to 8 bytes, sorted contiguous data', () => {
    const bytes = encodeSafetensors(tensors);
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(headerLength % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
    expect(Object.keys(header)).toEqual(['fc1.bias', 'fc1.weight', 'steps']);
    expect(header['fc1.bias']).toEqual({ dtype: 'F32', shape: [2], data_offsets: [0, 8] });
    expect(header['fc1.weight'].data_offsets).toEqual([8, 32]);
    expect(header.steps.data_offsets).toEqual([32, 36]);
    expect(bytes.length).toBe(8 + headerLength + 36);
    const firstWeight = new DataView(bytes.buffer).getFloat32(8 + headerLength + 8, true);
    expect(firstWeight).toBe(1);
  });

  it('names the file and the problem when it is damaged', () => {
    const bytes = encodeSafetensors(tensors);
    expect(() => decodeSafetensors(bytes.subarray(0, 5), 'a.safetensors')).toThrow(/a.safetensors .*8-byte/);
    expect(() => decodeSafetensors(bytes.subarray(0, bytes.length - 4), 'b.safetensors')).toThrow(
      /b.safetensors.*offsets/,
    );
    const broken = bytes.slice();
    broken[9] = 0x7b; // corrupt the JSON
    broken[10] = 0x7b;
    expect(() => decodeSafetensors(broken, 'c.safetensors')).toThrow(/c.safetensors.*JSON/);
  });

  it('refuses a shape that does not match the data', () => {
    expect(() => encodeSafetensors({ w: { dtype: 'F32', shape: [3], data: new Float32Array(2) } })).toThrow(
      /shape \[3\] but 2 values/,
    );
  });

  it("reads int64 tensors, as PyTorch saves batch norm's num_batches_tracked", () => {
    const bytes = encodeSafetensors({
      'bn.num_batches_tracked': { dtype: 'I64', shape: [], data: BigInt64Array.of(42n) },
    });
    const t = decodeSafetensors(bytes).tensors.get('bn.num_batches_tracked')!;
    expect(t.dtype).toBe('I64');
    expect([...(t.data as BigInt64Array)]).toEqual([42n]);
  });
});
