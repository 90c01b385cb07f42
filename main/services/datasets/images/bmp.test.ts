// The BMP decoder against files ImageMagick wrote, against hand-built variants, and on broken files.
import { describe, expect, it } from 'vitest';
import { BmpError, decodeBmp } from './bmp';
import { BLACK_WHITE_PIXELS, IMAGEMAGICK_BMPS, RGB18_PIXELS, RGBA_PIXELS, RGB_PIXELS } from './bmpFixtures';
import { encodeBmp24, encodeBmp32, encodeBmp8 } from './testImages';

const fixture = (name: keyof typeof IMAGEMAGICK_BMPS) => new Uint8Array(Buffer.from(IMAGEMAGICK_BMPS[name], 'base64'));
const grayToRgb = (values: number[]) => values.flatMap((v) => [v, v, v]);

describe('decodeBmp on files ImageMagick wrote', () => {
  it.each([
    ['rgb24', 5, 3, 3, RGB_PIXELS],
    ['os2', 5, 3, 3, RGB_PIXELS],
    ['rgba32', 5, 3, 4, RGBA_PIXELS],
    ['rgb565', 5, 3, 3, RGB_PIXELS],
    ['rgb555', 5, 3, 3, RGB_PIXELS],
    ['pal4', 5, 3, 3, RGB_PIXELS],
    ['bw1', 5, 3, 3, grayToRgb(BLACK_WHITE_PIXELS)],
    ['pal8', 6, 3, 3, RGB18_PIXELS],
  ] as const)('decodes %s to the pixels it was made from', (name, width, height, channels, pixels) => {
    const bitmap = decodeBmp(fixture(name));
    expect({ width: bitmap.width, height: bitmap.height, channels: bitmap.channels }).toEqual({
      width,
      height,
      channels,
    });
    expect(Array.from(bitmap.data)).toEqual(pixels);
  });

  it('refuses RLE8 compression by name', () => {
    expect(() => decodeBmp(fixture('rle8'))).toThrow(
      expect.objectContaining({ code: 'compressed', params: { method: 'RLE8' } }),
    );
  });
});

describe('decodeBmp on layouts built byte by byte', () => {
  const width = 5; // 15 bytes of 24-bit pixels per row, padded to 16
  const height = 3;

  it('reads top-down rows (negative height) the same as bottom-up ones', () => {
    const bottomUp = decodeBmp(encodeBmp24({ width, height }, RGB_PIXELS));
    const topDown = decodeBmp(encodeBmp24({ width, height, topDown: true }, RGB_PIXELS));
    expect(Array.from(bottomUp.data)).toEqual(RGB_PIXELS);
    expect(Array.from(topDown.data)).toEqual(RGB_PIXELS);
  });

  it('does not take the reserved fourth byte of a 32-bit BI_RGB file as alpha', () => {
    const bitmap = decodeBmp(encodeBmp32({ width, height, topDown: true }, RGB_PIXELS, 0));
    expect(bitmap.channels).toBe(3);
    expect(Array.from(bitmap.data)).toEqual(RGB_PIXELS);
  });

  it('reads an 8-bit file whose palette is shorter than 256 entries', () => {
    const palette: Array<[number, number, number]> = [
      [10, 20, 30],
      [200, 100, 0],
      [0, 0, 255],
    ];
    const indices = [0, 1, 2, 1, 0, 2, 2, 1, 0, 0];
    const bitmap = decodeBmp(encodeBmp8({ width: 5, height: 2 }, palette, indices));
    expect(Array.from(bitmap.data)).toEqual(indices.flatMap((i) => palette[i]));
  });
});

describe('decodeBmp on broken files', () => {
  const good = () => encodeBmp24({ width: 5, height: 3 }, RGB_PIXELS);
  const patched = (write: (view: DataView) => void, bytes = good()) => {
    write(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return bytes;
  };
  /** 8-bit, three colours, 2×1: the palette cases. */
  const paletted = (indices = [1, 2]) =>
    encodeBmp8(
      { width: 2, height: 1, topDown: true },
      [
        [0, 0, 0],
        [255, 255, 255],
        [9, 9, 9],
      ],
      indices,
    );
  /** The code and values a broken file is refused with (what a skipped file's reason carries as 'bmp-<code>'). */
  const refusal = (bytes: Uint8Array) => {
    try {
      decodeBmp(bytes);
    } catch (error) {
      if (!(error instanceof BmpError)) throw error;
      return { code: error.code, values: error.params };
    }
    throw new Error('decoded a broken file');
  };

  it.each([
    ['a file that does not start with BM', () => new TextEncoder().encode('hello, not a bitmap'), 'not-bmp', {}],
    ['a file too short for a header', () => good().subarray(0, 16), 'truncated-header', {}],
    ['a file cut inside its 40-byte header', () => good().subarray(0, 40), 'truncated-header', {}],
    ['an unknown header size', () => patched((v) => v.setUint32(14, 20, true)), 'header-size', { size: 20 }],
    [
      'truncated pixels',
      () => good().subarray(0, 80),
      'truncated-pixels',
      { width: 5, height: 3, needed: 102, bytes: 80 },
    ],
    ['two colour planes', () => patched((v) => v.setUint16(26, 2, true)), 'planes', { planes: 2 }],
    ['a zero width', () => patched((v) => v.setInt32(18, 0, true)), 'bad-size', { width: 0, height: 3 }],
    [
      'a size beyond what any real image has',
      () =>
        patched((v) => {
          v.setInt32(18, 100_000, true);
          v.setInt32(22, 100_000, true);
        }),
      'too-many-pixels',
      { width: 100_000, height: 100_000, limit: 0x3fff * 0x3fff },
    ],
    ['2 bits per pixel', () => patched((v) => v.setUint16(28, 2, true)), 'bit-depth', { bits: 2 }],
    ['RLE8 compression', () => patched((v) => v.setUint32(30, 1, true)), 'compressed', { method: 'RLE8' }],
    ['RLE4 compression', () => patched((v) => v.setUint32(30, 2, true)), 'compressed', { method: 'RLE4' }],
    [
      'an unknown compression',
      () => patched((v) => v.setUint32(30, 9, true)),
      'unknown-compression',
      { compression: 9 },
    ],
    ['bit-field masks on 24 bits', () => patched((v) => v.setUint32(30, 3, true)), 'masks-bit-depth', { bits: 24 }],
    [
      'a pixel offset inside the header',
      () => patched((v) => v.setUint32(10, 20, true)),
      'pixel-offset',
      { offset: 20 },
    ],
    [
      'a palette longer than 8 bits can index',
      () => patched((v) => v.setUint32(46, 300, true), paletted()),
      'palette-too-long',
      { colors: 300, bits: 8 },
    ],
    [
      'an 8-bit file without a palette',
      () => patched((v) => v.setUint32(10, 54, true), paletted()),
      'no-palette',
      { bits: 8 },
    ],
    ['a palette index past the end', () => paletted([1, 5]), 'palette-index', { x: 1, y: 0, index: 5, colors: 3 }],
    [
      'bit-field masks in the pixel data',
      () => patched((v) => v.setUint32(30, 3, true), encodeBmp32({ width: 2, height: 2 }, RGB_PIXELS.slice(0, 12))),
      'masks-overlap',
      {},
    ],
    [
      'a mask that is not one run of bits',
      () => patched((v) => v.setUint32(54, 0xf00f, true), fixture('rgb565')), // the red mask of the V5 header
      'mask-not-contiguous',
      { mask: 'f00f' },
    ],
    [
      'a mask wider than the pixel',
      () => patched((v) => v.setUint32(58, 0x1f0000, true), fixture('rgb565')), // the green mask
      'mask-too-wide',
      { mask: '1f0000', bits: 16 },
    ],
    [
      'colour masks all zero',
      () => patched((v) => [54, 58, 62].forEach((at) => v.setUint32(at, 0, true)), fixture('rgb565')),
      'masks-zero',
      {},
    ],
  ])('refuses %s with its code and values', (_, bytes, code, values) => {
    expect(refusal(bytes())).toEqual({ code, values });
  });

  it('says why in English in its message, from the same code and values', () => {
    expect(() => decodeBmp(good().subarray(0, 80))).toThrow(
      'BMP: the file is truncated: its 5×3 pixels need 102 bytes, it has 80',
    );
    expect(() => decodeBmp(paletted([1, 5]))).toThrow('BMP: pixel (1, 0) uses colour 5 of a 3-colour palette');
    expect(() => decodeBmp(fixture('rle8'))).toThrow(
      'BMP: RLE8-compressed files are not supported (save it uncompressed)',
    );
  });
});
