// Reads one image file into 8-bit pixels at the imported size: decode (sharp, or our BMP decoder), drop alpha,
// convert to grayscale if asked, resize. Never throws for a bad file: it says why the file is skipped instead.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { BmpError, decodeBmp } from './bmp';
import { SUPPORTED_FORMATS_TEXT, sniffFormat, type ImageFormat } from './formats';
import type { ImageFit } from './options';

export interface ImageTarget {
  height: number;
  width: number;
  channels: 1 | 3;
  fit: ImageFit;
}

export type ReadOutcome =
  /** `pixels`: height × width × channels bytes, interleaved, from the top row. */
  | { type: 'image'; pixels: Uint8Array; sha256: string }
  | { type: 'skipped'; reason: string; sha256: string | null };

export async function readImage(path: string, target: ImageTarget): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { type: 'skipped', reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, sha256: null };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length === 0) return { type: 'skipped', reason: 'an empty file', sha256 };
  const format = sniffFormat(bytes);
  if (!format) return { type: 'skipped', reason: `not a ${SUPPORTED_FORMATS_TEXT} image`, sha256 };
  try {
    return { type: 'image', pixels: await decodeAndResize(bytes, format, target), sha256 };
  } catch (error) {
    return { type: 'skipped', reason: await decodeFailure(bytes, format, error as Error), sha256 };
  }
}

/**
 * Why a file of a known format did not decode. libvips' own text is not quoted: its error buffer is shared by
 * concurrent decodes, so one file's message can carry another's. The header tells a too-large image apart.
 */
async function decodeFailure(bytes: Buffer, format: ImageFormat, error: Error): Promise<string> {
  if (error instanceof BmpError) return `a BMP file that cannot be read (${error.message.replace(/^BMP: /, '')})`;
  const size = await sharp(bytes).metadata().then(({ width, height }) => width * height, () => 0);
  if (size > MAX_DECODED_PIXELS) return `a ${FORMAT_NAMES[format]} image too large to import (${size} pixels, more than ${MAX_DECODED_PIXELS})`;
  return `a damaged or truncated ${FORMAT_NAMES[format]} file`;
}

/** sharp's default limitInputPixels. */
const MAX_DECODED_PIXELS = 0x3fff * 0x3fff;

const FORMAT_NAMES: Record<ImageFormat, string> = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP', gif: 'GIF', bmp: 'BMP' };

/**
 * The steps of the exported PyTorch script (PIL's convert('RGB' or 'L'), then a bilinear resize), so both see the
 * same pixels up to resampling details. Alpha is dropped, not blended, as convert('RGB') does. EXIF orientation
 * is applied, so a phone photo imports upright as every viewer shows it.
 */
async function decodeAndResize(bytes: Buffer, format: ImageFormat, target: ImageTarget): Promise<Uint8Array> {
  const { data, info } = await decoder(bytes, format)
    .autoOrient()
    .removeAlpha()
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels instead of 3`);
  const pixels = target.channels === 1 ? luma(data, info.width * info.height) : data;
  let resize = sharp(pixels, { raw: { width: info.width, height: info.height, channels: target.channels } })
    .resize({ width: target.width, height: target.height, fit: target.fit, position: 'centre', kernel: 'linear', background: { r: 0, g: 0, b: 0 } });
  if (target.channels === 1) resize = resize.toColourspace('b-w'); // else sharp widens one channel to sRGB
  const out = await resize.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const { width, height, channels } = out.info;
  if (width !== target.width || height !== target.height || channels !== target.channels) {
    throw new Error(`resized to ${height}×${width}×${channels} instead of ${target.height}×${target.width}×${target.channels}`);
  }
  return out.data;
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
