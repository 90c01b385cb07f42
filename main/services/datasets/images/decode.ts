// Reads one image file into 8-bit pixels at the imported size: read the size from the header (refusing huge images),
// decode (plain PNGs here, BMP with our decoder, the rest with sharp), drop alpha, convert to grayscale if asked,
// resize. Never throws for a bad file: it says why the file is skipped instead.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { bmpDimensions, BmpError, decodeBmp } from './bmp';
import { sniffFormat, type ImageFormat } from './formats';
import type { ImageFit } from './options';
import type { PixelBudget } from './pixelBudget';
import type { SkipReason } from '../../../api/importNotes';
import { decodePlainPng, pngHeader } from './png';
import { skipBecause, type SkipWords } from './skipReason';

export interface ImageTarget {
  height: number;
  width: number;
  channels: 1 | 3;
  fit: ImageFit;
}

export type ReadOutcome =
  /** `pixels`: height × width × channels bytes, interleaved, from the top row. */
  { type: 'image'; pixels: Uint8Array; sha256: string } | ({ type: 'skipped'; sha256: string | null } & SkipWords);

/**
 * The most pixels one image may have (the size its header claims, before any decoding): 100 megapixels, e.g.
 * 10000 × 10000. Larger images are skipped with their size named; decoding one would take gigabytes for pixels that
 * are then shrunk to a few thousand.
 */
export const MAX_IMAGE_PIXELS = 100_000_000;

/**
 * Files up to this size are read synchronously: for small images the promise-based read (open, stat, read, close,
 * each a trip through the thread pool) cost more than decoding them. The importer yields to the event loop often.
 */
const SYNC_READ_BYTES = 1 << 20;

export async function readImage(
  file: { path: string; bytes: number },
  target: ImageTarget,
  budget: PixelBudget,
): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    bytes = file.bytes <= SYNC_READ_BYTES ? readFileSync(file.path) : await readFile(file.path);
  } catch (error) {
    // The system's own word for it (EACCES, EISDIR…), or its message when it has no code.
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { type: 'skipped', ...skipBecause({ code: 'unreadable', values: { error: why } }), sha256: null };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length === 0) return { type: 'skipped', ...skipBecause({ code: 'empty-file', values: {} }), sha256 };
  const format = sniffFormat(bytes);
  if (!format) return { type: 'skipped', ...skipBecause({ code: 'not-an-image', values: {} }), sha256 };
  const size = await dimensions(bytes, format);
  if (size && size.width * size.height > MAX_IMAGE_PIXELS) {
    const megapixels = ((size.width * size.height) / 1e6).toFixed(0);
    const limit = MAX_IMAGE_PIXELS / 1e6;
    const values = { format: FORMAT_NAMES[format], width: size.width, height: size.height, megapixels, limit };
    return { type: 'skipped', sha256, ...skipBecause({ code: 'too-large', values }) };
  }
  try {
    const plain = format === 'png' ? decodePlainPng(bytes) : null;
    const pixels = plain
      ? await fromDecoded(plain.pixels, plain.width, plain.height, plain.channels, target)
      : await budget.run(size ? size.width * size.height : 1, () => readWithSharp(bytes, format, target));
    return { type: 'image', pixels, sha256 };
  } catch (error) {
    return { type: 'skipped', ...skipBecause(decodeFailure(format, error as Error)), sha256 };
  }
}

/** Width and height from the header alone (sharp reads only the header for metadata), or null when unreadable. */
async function dimensions(bytes: Buffer, format: ImageFormat): Promise<{ width: number; height: number } | null> {
  switch (format) {
    case 'png':
      return pngHeader(bytes);
    case 'bmp':
      return bmpDimensions(bytes);
    case 'jpeg':
    case 'webp':
    case 'gif':
      // No pixel limit here: the point is to learn the size of an image sharp would refuse to decode.
      return sharp(bytes, { limitInputPixels: false, pages: 1 })
        .metadata()
        .then(
          ({ width, height }) => (width && height ? { width, height } : null),
          () => null,
        );
    default:
      throw new Error(`no header reader for ${String(format satisfies never)}`);
  }
}

/**
 * Why a file of a known format did not decode. libvips' own text is not quoted: its error buffer is shared by
 * concurrent decodes, so one file's message can carry another's.
 */
function decodeFailure(format: ImageFormat, error: Error): SkipReason {
  if (error instanceof BmpError) return { code: error.tableCode, values: error.params } as SkipReason;
  return { code: 'damaged', values: { format: FORMAT_NAMES[format] } };
}

const FORMAT_NAMES: Record<ImageFormat, string> = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP', gif: 'GIF', bmp: 'BMP' };

/**
 * The steps of the exported PyTorch script (PIL's convert('RGB' or 'L'), then a bilinear resize), so both see the
 * same pixels up to resampling details. Alpha is dropped, not blended, as convert('RGB') does. EXIF orientation
 * is applied, so a phone photo imports upright as every viewer shows it. Every format can take this road; plain
 * PNGs take decodePlainPng's instead, with the same result.
 */
export async function readWithSharp(bytes: Buffer, format: ImageFormat, target: ImageTarget): Promise<Uint8Array> {
  const { data, width, height } = await decodeRgb(bytes, format);
  return fromDecoded(data, width, height, 3, target);
}

/** The image at its own size as interleaved 8-bit RGB (upright, alpha dropped), as readWithSharp reads it. */
export async function decodeRgb(
  bytes: Buffer,
  format: ImageFormat,
): Promise<{ data: Uint8Array; width: number; height: number }> {
  const { data, info } = await decoder(bytes, format)
    .autoOrient()
    .removeAlpha()
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels instead of 3`);
  return { data, width: info.width, height: info.height };
}

/**
 * Decoded 8-bit pixels (1 channel: gray, 3: RGB) to the target's channels and size. Gray to RGB repeats the value
 * (as sRGB from B-W does); RGB to gray is PIL's luma, which maps a gray pixel (v, v, v) to v. An image already at
 * the target size is not resampled.
 */
async function fromDecoded(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: 1 | 3,
  target: ImageTarget,
): Promise<Uint8Array> {
  const count = width * height;
  const converted =
    channels === target.channels ? pixels : target.channels === 1 ? luma(pixels, count) : grayToRgb(pixels, count);
  if (width === target.width && height === target.height) return converted;
  let resize = sharp(converted, { raw: { width, height, channels: target.channels } }).resize({
    width: target.width,
    height: target.height,
    fit: target.fit,
    position: 'centre',
    kernel: 'linear',
    background: { r: 0, g: 0, b: 0 },
  });
  if (target.channels === 1) resize = resize.toColourspace('b-w'); // else sharp widens one channel to sRGB
  const out = await resize.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const { info } = out;
  if (info.width !== target.width || info.height !== target.height || info.channels !== target.channels) {
    throw new Error(
      `resized to ${info.height}×${info.width}×${info.channels} instead of ${target.height}×${target.width}×${target.channels}`,
    );
  }
  return out.data;
}

function grayToRgb(gray: Uint8Array, pixelCount: number): Uint8Array {
  const out = new Uint8Array(pixelCount * 3);
  for (let p = 0, at = 0; p < pixelCount; p++, at += 3) out[at] = out[at + 1] = out[at + 2] = gray[p];
  return out;
}

function decoder(bytes: Buffer, format: ImageFormat): Sharp {
  switch (format) {
    case 'bmp': {
      const bitmap = decodeBmp(bytes);
      return sharp(bitmap.data, { raw: { width: bitmap.width, height: bitmap.height, channels: bitmap.channels } });
    }
    case 'png':
    case 'jpeg':
    case 'webp':
    case 'gif':
      return sharp(bytes, { pages: 1 }); // the first frame of an animation
    default:
      throw new Error(`no decoder for ${String(format satisfies never)}`);
  }
}

/** ITU-R 601-2 luma with PIL's fixed-point rounding: L = (19595 R + 38470 G + 7471 B + 2^15) >> 16. */
export function luma(rgb: Uint8Array, pixelCount: number): Uint8Array {
  const out = new Uint8Array(pixelCount);
  for (let p = 0, at = 0; p < pixelCount; p++, at += 3) {
    out[p] = (rgb[at] * 19595 + rgb[at + 1] * 38470 + rgb[at + 2] * 7471 + 0x8000) >> 16;
  }
  return out;
}

/** A PNG data URL of imported pixels, for the import dialog's sample of each class. */
export async function pngDataUrl(pixels: Uint8Array, target: ImageTarget): Promise<string> {
  let image = sharp(pixels, { raw: { width: target.width, height: target.height, channels: target.channels } });
  if (target.channels === 1) image = image.toColourspace('b-w');
  const png = await image.png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}
