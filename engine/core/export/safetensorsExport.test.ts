// The safetensors export read back by hand (header length, JSON header, offsets, little-endian floats), not by
// the shared decoder, and compared tensor by tensor with what was exported.
import { describe, expect, it } from 'vitest';
import { residual, smallCnn } from '../spec/templates';
import { exportSafetensors, WEIGHTS_FORMAT } from './safetensorsExport';
import { everyOpSpec, randomTensors } from './testModels';

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

/** An independent reader of the format: 8-byte little-endian header length, JSON header, then raw data. */
function readByHand(bytes: Uint8Array): {
  header: Record<string, HeaderEntry>;
  metadata: Record<string, string>;
  data: Uint8Array;
  headerLength: number;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const low = view.getUint32(0, true);
  const high = view.getUint32(4, true);
  expect(high).toBe(0);
  const parsed = JSON.parse(Buffer.from(bytes.subarray(8, 8 + low)).toString('utf8')) as Record<string, unknown>;
  const { __metadata__: metadata, ...header } = parsed;
  return {
    header: header as Record<string, HeaderEntry>,
    metadata: metadata as Record<string, string>,
    data: bytes.subarray(8 + low),
    headerLength: low,
  };
}

function floatsAt(data: Uint8Array, [begin, end]: [number, number]): Float32Array {
  const out = new Float32Array((end - begin) / 4);
  const view = new DataView(data.buffer, data.byteOffset + begin, end - begin);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(4 * i, true);
  return out;
}

describe('safetensors export', () => {
  it('holds every tensor of the model under its node.field name with the exact values', () => {
    const spec = everyOpSpec();
    const tensors = randomTensors(spec, 11);
    const bytes = exportSafetensors({ spec, tensors, normalization: null, classNames: ['a', 'b', 'c', 'd', 'e'] });
    const { header, data, headerLength } = readByHand(bytes);

    expect((8 + headerLength) % 8).toBe(0); // data starts aligned
    expect(Object.keys(header).sort()).toEqual([...tensors.keys()].sort());
    expect(Object.keys(header)).toEqual(
      expect.arrayContaining(['conv1.weight', 'conv1.bias', 'bn2d.running_mean', 'bn1d.running_var', 'fc_b.weight']),
    );
    expect(header['fc_b.bias']).toBeUndefined(); // a dense layer without bias has no bias tensor
    let covered = 0;
    for (const [name, tensor] of tensors) {
      const entry = header[name];
      expect(entry.dtype).toBe('F32');
      expect(entry.shape).toEqual(tensor.shape);
      expect(entry.data_offsets[1] - entry.data_offsets[0]).toBe(tensor.value.length * 4);
      expect(floatsAt(data, entry.data_offsets)).toEqual(tensor.value);
      covered += entry.data_offsets[1] - entry.data_offsets[0];
    }
    expect(covered).toBe(data.length); // no bytes outside the tensors
  });

  it('carries the spec, normalization and class names in its metadata', () => {
    const spec = smallCnn({ inputShape: [3, 8, 8], outputs: 3 });
    const normalization = { axis: 'channel' as const, mean: [0.5, 0.4, 0.3], std: [0.2, 0.25, 0.3] };
    const bytes = exportSafetensors({
      spec,
      tensors: randomTensors(spec),
      normalization,
      classNames: ['cat', 'dog', 'owl'],
    });
    const { metadata } = readByHand(bytes);
    expect(metadata.format).toBe(WEIGHTS_FORMAT);
    expect(JSON.parse(metadata['netwright.spec'])).toEqual(spec);
    expect(JSON.parse(metadata['netwright.normalization'])).toEqual(normalization);
    expect(JSON.parse(metadata['netwright.class_names'])).toEqual(['cat', 'dog', 'owl']);
  });

  it('leaves out tensors that belong to no layer of the model', () => {
    const spec = residual({ inputShape: [3, 8, 8], outputs: 2 });
    const tensors = randomTensors(spec);
    tensors.set('optimizer.exp_avg', { shape: [4], value: new Float32Array(4) });
    const { header } = readByHand(exportSafetensors({ spec, tensors }));
    expect(header['optimizer.exp_avg']).toBeUndefined();
    expect(header['block_bn2.running_var'].shape).toEqual([16]);
  });

  it('names the layer and tensor that is missing, misshapen or not finite', () => {
    const spec = residual({ inputShape: [3, 8, 8], outputs: 2 });
    const missing = randomTensors(spec);
    missing.delete('block_bn1.running_mean');
    expect(() => exportSafetensors({ spec, tensors: missing })).toThrow(
      /BatchNorm2D 'block_bn1' needs the tensor 'block_bn1.running_mean' \[16\], which is missing/,
    );
    const misshapen = randomTensors(spec);
    misshapen.set('fc.weight', { shape: [2, 8], value: new Float32Array(16) });
    expect(() => exportSafetensors({ spec, tensors: misshapen })).toThrow(
      /Dense 'fc' needs 'fc.weight' of shape \[2, 16\], got \[2, 8\]/,
    );
    const infinite = randomTensors(spec);
    infinite.get('stem_conv.weight')!.value[3] = Number.NaN;
    expect(() => exportSafetensors({ spec, tensors: infinite })).toThrow(
      /'stem_conv.weight' of Conv2D 'stem_conv' holds NaN at element 3/,
    );
  });

  it('refuses a spec with problems, naming the node, and statistics that do not fit the input', () => {
    const spec = residual({ inputShape: [3, 8, 8], outputs: 2 });
    const broken = { ...spec, nodes: spec.nodes.map((n) => (n.id === 'fc' ? { ...n, params: { units: 0 } } : n)) };
    expect(() => exportSafetensors({ spec: broken, tensors: randomTensors(spec) })).toThrow(
      /cannot export the model to safetensors: Dense 'fc'/,
    );
    expect(() =>
      exportSafetensors({
        spec,
        tensors: randomTensors(spec),
        normalization: { axis: 'channel', mean: [0, 0], std: [1, 1] },
      }),
    ).toThrow(/needs 3 means and standard deviations \(one per channel\), got 2 and 2/);
  });
});
