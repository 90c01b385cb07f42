// Test helpers: small BMP and PNG files written byte by byte (variants other writers do not make: every PNG filter,
// any colour type), image files in the other formats made with sharp, image folders in a temp directory, and an
// image dataset folder read back raw.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, createDeflate, deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import { DATASET_FILES, type DatasetManifest } from '../../../../engine/core/data/dataset';

export interface BmpLayout {
  width: number;
  height: number;
  /** Rows stored top row first (negative height). Default false: bottom-up, the usual layout. */
  topDown?: boolean;
}

/** 24-bit BITMAPINFOHEADER file of `rgb` (top row first, 3 bytes per pixel); rows padded to 4 bytes. */
export function encodeBmp24(layout: BmpLayout, rgb: ArrayLike<number>): Uint8Array {
  return encode(layout, 24, [], (row, x, y) => {
    const at = (y * layout.width + x) * 3;
    row.push(rgb[at + 2], rgb[at + 1], rgb[at]);
  });
}

/** 32-bit BI_RGB: the fourth byte is reserved; `junk` is written there to prove it is not read as alpha. */
export function encodeBmp32(layout: BmpLayout, rgb: ArrayLike<number>, junk = 0x5a): Uint8Array {
  return encode(layout, 32, [], (row, x, y) => {
    const at = (y * layout.width + x) * 3;
    row.push(rgb[at + 2], rgb[at + 1], rgb[at], junk);
  });
}

/** 8-bit paletted with exactly `palette.length` entries (colorsUsed set), pixels as palette indices. */
export function encodeBmp8(
  layout: BmpLayout,
  palette: Array<[number, number, number]>,
  indices: ArrayLike<number>,
): Uint8Array {
  return encode(layout, 8, palette, (row, x, y) => {
    row.push(indices[y * layout.width + x]);
  });
}

function encode(
  layout: BmpLayout,
  bits: number,
  palette: Array<[number, number, number]>,
  pixel: (row: number[], x: number, y: number) => void,
): Uint8Array {
  const { width, height } = layout;
  const rows: number[][] = [];
  for (let y = 0; y < height; y++) {
    const row: number[] = [];
    for (let x = 0; x < width; x++) pixel(row, x, y);
    while (row.length % 4 !== 0) row.push(0);
    rows.push(row);
  }
  if (!layout.topDown) rows.reverse();
  const pixelOffset = 14 + 40 + palette.length * 4;
  const pixelBytes = rows.reduce((n, r) => n + r.length, 0);
  const bytes = new Uint8Array(pixelOffset + pixelBytes);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x42;
  bytes[1] = 0x4d;
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, pixelOffset, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, layout.topDown ? -height : height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, bits, true);
  view.setUint32(30, 0, true); // BI_RGB
  view.setUint32(34, pixelBytes, true);
  view.setUint32(46, palette.length, true);
  palette.forEach(([r, g, b], i) => bytes.set([b, g, r, 0], 54 + i * 4));
  let at = pixelOffset;
  for (const row of rows) {
    bytes.set(row, at);
    at += row.length;
  }
  return bytes;
}

export type SharpFormat = 'png' | 'jpeg' | 'webp' | 'gif';

/** A solid-colour image in a format sharp writes (lossless where the format allows). */
export async function solidImage(
  format: SharpFormat,
  width: number,
  height: number,
  rgb: [number, number, number],
): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } });
  return encodeAs(image, format);
}

/** An image of the given RGB bytes (top row first). */
export async function rgbImage(format: SharpFormat, width: number, height: number, rgb: Uint8Array): Promise<Buffer> {
  return encodeAs(sharp(rgb, { raw: { width, height, channels: 3 } }), format);
}

function encodeAs(image: Sharp, format: SharpFormat): Promise<Buffer> {
  switch (format) {
    case 'png':
      return image.png().toBuffer();
    case 'jpeg':
      return image.jpeg({ quality: 100, chromaSubsampling: '4:4:4' }).toBuffer();
    case 'webp':
      return image.webp({ lossless: true }).toBuffer();
    case 'gif':
      return image.gif().toBuffer();
    default:
      throw new Error(`unknown format ${String(format satisfies never)}`);
  }
}

/** Samples per pixel of PNG colour types 0 (gray), 2 (RGB), 4 (gray + alpha) and 6 (RGBA). */
const PNG_SAMPLES: Record<0 | 2 | 4 | 6, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * An 8-bit PNG written byte by byte, row y with filter `filterOf(y)` (default y mod 5: all five filters occur, as in
 * libpng's adaptive filtering), the IDAT split into `idatParts` chunks, and any extra chunks before the IDAT.
 */
export function encodePng(
  width: number,
  height: number,
  colorType: 0 | 2 | 4 | 6,
  pixels: Uint8Array,
  options: { filterOf?: (y: number) => number; idatParts?: number; extraChunks?: Array<[string, Uint8Array]> } = {},
): Buffer {
  const bpp = PNG_SAMPLES[colorType];
  const stride = width * bpp;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const filter = options.filterOf ? options.filterOf(y) : y % 5;
    const at = y * (stride + 1);
    raw[at] = filter;
    for (let x = 0; x < stride; x++) {
      const here = pixels[y * stride + x];
      const a = x >= bpp ? pixels[y * stride + x - bpp] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp] : 0;
      const predictor =
        filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      raw[at + 1 + x] = (here - predictor) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = colorType;
  const compressed = deflateSync(raw);
  const parts = options.idatParts ?? 1;
  const step = Math.ceil(compressed.length / parts);
  const idats = Array.from({ length: parts }, (_, k) =>
    pngChunk('IDAT', compressed.subarray(k * step, (k + 1) * step)),
  );
  const extra = (options.extraChunks ?? []).map(([type, data]) => pngChunk(type, data));
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    ...extra,
    ...idats,
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/**
 * A valid, all-black 1-bit grayscale PNG of any size, compressed as it streams (a 30000 × 30000 one is 110 KB on
 * disk and never exists inflated here).
 */
export async function blackOneBitPng(width: number, height: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on('end', () => resolve());
    deflate.on('error', reject);
  });
  const row = new Uint8Array(1 + Math.ceil(width / 8)); // filter 0, then zero bits
  for (let y = 0; y < height; y++) {
    if (!deflate.write(row)) await new Promise<void>((resolve) => deflate.once('drain', () => resolve()));
  }
  deflate.end();
  await finished;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // grayscale
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', Buffer.concat(parts)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG chunk: length, type, data, CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** A solid-colour BMP (24-bit, bottom-up). */
export function solidBmp(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const pixels = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) pixels.set(rgb, p * 3);
  return encodeBmp24({ width, height }, pixels);
}

/** A two-frame animated GIF: the first frame one colour, the second another. */
export async function animatedGif(
  width: number,
  height: number,
  first: [number, number, number],
  second: [number, number, number],
): Promise<Buffer> {
  const frames = await Promise.all([first, second].map((rgb) => solidImage('png', width, height, rgb)));
  return sharp(frames, { join: { animated: true } })
    .gif()
    .toBuffer();
}

/** Writes files (and the folders they need) under `root`; a path ending in '/' makes an empty folder. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    if (path.endsWith('/')) {
      mkdirSync(full, { recursive: true });
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

export interface ImageDatasetOnDisk {
  manifest: DatasetManifest;
  /** count × C × H × W, raw (values in [0, 1]). */
  features: Float32Array;
  labels: number[];
  split: { train: Int32Array; validation: Int32Array; test: Int32Array };
  /** Every file of the folder by name, for byte comparisons. */
  files: Record<string, Buffer>;
}

export function readImageDataset(folder: string): ImageDatasetOnDisk {
  const files = Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name))]));
  const ints = (name: string) => new Int32Array(new Uint8Array(files[name]).buffer);
  return {
    manifest: JSON.parse(files[DATASET_FILES.manifest].toString('utf8')) as DatasetManifest,
    features: new Float32Array(new Uint8Array(files[DATASET_FILES.features]).buffer),
    labels: Array.from(ints(DATASET_FILES.labels)),
    split: {
      train: ints(DATASET_FILES.split.train),
      validation: ints(DATASET_FILES.split.validation),
      test: ints(DATASET_FILES.split.test),
    },
    files,
  };
}

/** Image `n`'s values of channel `c` (its plane of H × W values). */
export function channelPlane(dataset: ImageDatasetOnDisk, n: number, c: number): Float32Array {
  const [channels, height, width] = dataset.manifest.featureShape;
  const plane = height * width;
  return dataset.features.subarray((n * channels + c) * plane, (n * channels + c + 1) * plane);
}
