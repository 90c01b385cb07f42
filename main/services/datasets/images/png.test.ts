// The JavaScript PNG decoder gives exactly the pixels sharp gives (the importer before it), for every colour type,
// filter, size and target; PNGs it does not handle (palette, 16-bit, interlaced, colour-managed, damaged) go to sharp.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rng } from '../../../../engine/core/rng';
import { tempFolder, type TempFolder } from '../testHelpers';
import { readImage, readWithSharp, type ImageTarget } from './decode';
import { PixelBudget } from './pixelBudget';
import { decodePlainPng, pngHeader } from './png';
import { encodePng } from './testImages';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

const SAMPLES = { 0: 1, 2: 3, 4: 2, 6: 4 } as const;

function noise(seed: number, length: number): Uint8Array {
  const rng = new Rng(seed);
  return Uint8Array.from({ length }, () => rng.int(256));
}

/** The importer's result for these bytes, and sharp's own (the importer before the JS decoder). */
async function both(png: Buffer, target: ImageTarget): Promise<{ ours: Uint8Array; sharps: Uint8Array }> {
  const path = join(temp.dir, 'image.png');
  writeFileSync(path, png);
  const outcome = await readImage({ path, bytes: png.length }, target, new PixelBudget());
  if (outcome.type !== 'image') throw new Error(`skipped: ${outcome.reason}`);
  return { ours: outcome.pixels, sharps: await readWithSharp(png, 'png', target) };
}

const TARGETS: ImageTarget[] = [
  { height: 28, width: 28, channels: 1, fit: 'fill' },
  { height: 28, width: 28, channels: 3, fit: 'fill' },
  { height: 12, width: 20, channels: 1, fit: 'cover' },
  { height: 40, width: 33, channels: 3, fit: 'contain' },
  { height: 9, width: 9, channels: 3, fit: 'fill' },
];

describe('the JavaScript PNG decoder', () => {
  it('gives the same pixels as sharp for gray, gray + alpha, RGB and RGBA, every filter, at and away from the target size', async () => {
    let checked = 0;
    for (const colorType of [0, 2, 4, 6] as const) {
      for (const [width, height] of [
        [28, 28],
        [17, 9],
        [1, 1],
      ]) {
        const pixels = noise(colorType * 100 + width, width * height * SAMPLES[colorType]);
        const png = encodePng(width, height, colorType, pixels);
        expect(decodePlainPng(png), 'decoded here, not left to sharp').not.toBeNull();
        for (const target of TARGETS) {
          const { ours, sharps } = await both(png, target);
          expect(
            Buffer.from(ours).equals(Buffer.from(sharps)),
            `type ${colorType} ${width}×${height} → ${JSON.stringify(target)}`,
          ).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBe(4 * 3 * TARGETS.length);
  });

  it('skips resampling at the target size without changing a pixel (sharp resized to the same size before)', async () => {
    for (const channels of [1, 3] as const) {
      for (const fit of ['fill', 'cover', 'contain'] as const) {
        const pixels = noise(channels * 7 + fit.length, 28 * 28 * channels);
        const png = encodePng(28, 28, channels === 1 ? 0 : 2, pixels);
        const { ours } = await both(png, { height: 28, width: 28, channels, fit });
        // The importer before: always through sharp's resize, even to the same size.
        let resize = sharp(pixels, { raw: { width: 28, height: 28, channels } }).resize({
          width: 28,
          height: 28,
          fit,
          position: 'centre',
          kernel: 'linear',
          background: { r: 0, g: 0, b: 0 },
        });
        if (channels === 1) resize = resize.toColourspace('b-w');
        const before = await resize.raw({ depth: 'uchar' }).toBuffer();
        expect(Buffer.from(ours).equals(before), `${channels} channels, fit ${fit}`).toBe(true);
      }
    }
  });

  it('gives the same pixels as sharp for PNGs sharp wrote (its filters and compression), with text chunks and split IDATs', async () => {
    const rgb = noise(7, 31 * 23 * 3);
    const written = [
      await sharp(rgb, { raw: { width: 31, height: 23, channels: 3 } })
        .png({ adaptiveFiltering: true, compressionLevel: 9 })
        .toBuffer(),
      await sharp(rgb, { raw: { width: 31, height: 23, channels: 3 } })
        .toColourspace('b-w')
        .png()
        .toBuffer(),
      encodePng(31, 23, 2, rgb, {
        idatParts: 3,
        extraChunks: [['tEXt', Buffer.from('Comment\0made by a test', 'latin1')]],
      }),
    ];
    for (const png of written) {
      expect(decodePlainPng(png)).not.toBeNull();
      for (const target of TARGETS) {
        const { ours, sharps } = await both(png, target);
        expect(Buffer.from(ours).equals(Buffer.from(sharps))).toBe(true);
      }
    }
  });

  it('leaves palette, 16-bit, interlaced, colour-managed and damaged PNGs to sharp', async () => {
    const rgb = noise(9, 16 * 16 * 3);
    const raw = sharp(rgb, { raw: { width: 16, height: 16, channels: 3 } });
    const palette = await raw.clone().png({ palette: true }).toBuffer();
    const sixteen = await raw.clone().toColourspace('rgb16').png().toBuffer();
    const interlaced = await raw.clone().png({ progressive: true }).toBuffer();
    const gamma = encodePng(16, 16, 2, rgb, { extraChunks: [['gAMA', Buffer.from([0, 0, 0xb1, 0x8f])]] });
    const plain = encodePng(16, 16, 2, rgb);
    const badCrc = Buffer.from(plain);
    badCrc[badCrc.length - 20] ^= 0xff; // inside the IDAT: its CRC no longer matches
    expect(pngHeader(sixteen)?.bitDepth).toBe(16);
    for (const png of [palette, sixteen, interlaced, gamma, badCrc]) expect(decodePlainPng(png)).toBeNull();
    const target = TARGETS[1];
    for (const png of [palette, sixteen, interlaced, gamma]) {
      const { ours, sharps } = await both(png, target);
      expect(Buffer.from(ours).equals(Buffer.from(sharps))).toBe(true);
    }
  });
});
