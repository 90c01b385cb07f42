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
    expect(() => decodeBmp(fixture('rle8'))).toThrow(/RLE8-compressed files are not supported/);
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
  const patched = (write: (view: DataView) => void) => {
    const bytes = good();
    write(new DataView(bytes.buffer));
    return bytes;
  };

  it.each([
    [
      'a file that does not start with BM',
      () => new TextEncoder().encode('hello, not a bitmap'),
      /does not start with "BM"/,
    ],
    ['truncated pixels', () => good().subarray(0, 80), /truncated: its 5×3 pixels need 102 bytes, it has 80/],
    ['a zero width', () => patched((v) => v.setInt32(18, 0, true)), /the image is 0×3 pixels/],
    ['2 bits per pixel', () => patched((v) => v.setUint16(28, 2, true)), /2 bits per pixel is not supported/],
    ['an unknown header size', () => patched((v) => v.setUint32(14, 20, true)), /unknown header size 20/],
    ['a pixel offset inside the header', () => patched((v) => v.setUint32(10, 20, true)), /points inside the header/],
    [
      'a size beyond what any real image has',
      () =>
        patched((v) => {
          v.setInt32(18, 100_000, true);
          v.setInt32(22, 100_000, true);
        }),
      /larger than/,
    ],
  ])('rejects %s with a reason', (_, bytes, message) => {
    expect(() => decodeBmp(bytes())).toThrow(BmpError);
    expect(() => decodeBmp(bytes())).toThrow(message);
  });

  it('rejects a palette index past the end of the palette', () => {
    const bytes = encodeBmp8(
      { width: 2, height: 1, topDown: true },
      [
        [0, 0, 0],
        [255, 255, 255],
        [9, 9, 9],
      ],
      [1, 5],
    );
    expect(() => decodeBmp(bytes)).toThrow(/pixel \(1, 0\) uses colour 5 of a 3-colour palette/);
  });

  it('rejects bit-field masks that are not one run of bits', () => {
    const bytes = fixture('rgb565');
    new DataView(bytes.buffer).setUint32(54, 0xf00f, true); // the red mask of the V5 header
    expect(() => decodeBmp(bytes)).toThrow(/the red mask 0xf00f is not one run of bits/);
  });
});
