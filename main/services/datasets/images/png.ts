// PNG headers (the size, read before anything is decoded) and a JavaScript decoder for the plain PNGs datasets are
// made of: 8-bit gray, gray + alpha, RGB or RGBA, not interlaced, with no chunk that changes how pixels look. For a
// 28×28 image sharp's per-call overhead is most of the cost; inflate + unfilter here is several times faster.
// Anything else returns null and goes to sharp, so every file decodes exactly as before (a test compares).
import { crc32, inflateSync } from 'node:zlib';

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The IHDR fields, or null when the bytes do not start like a PNG. */
export function pngHeader(bytes: Uint8Array): PngHeader | null {
  if (bytes.length < 33) return null;
  for (let k = 0; k < 8; k++) if (bytes[k] !== SIGNATURE[k]) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8) !== 13 || String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== 'IHDR')
    return null;
  return {
    width: view.getUint32(16),
    height: view.getUint32(20),
    bitDepth: bytes[24],
    colorType: bytes[25],
    interlaced: bytes[28] !== 0,
  };
}

/** Samples per pixel of the colour types decoded here: 0 gray, 2 RGB, 4 gray + alpha, 6 RGBA (3, palette: sharp). */
const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * Ancillary chunks that never change decoded pixels. Any other (iCCP, sRGB, gAMA, cHRM, sBIT: colour management;
 * eXIf: orientation; tRNS: transparency; PLTE...) sends the file to sharp.
 */
const HARMLESS = new Set(['tEXt', 'zTXt', 'iTXt', 'pHYs', 'tIME']);

/** Above this many pixels a JS decode gains nothing over sharp and would hold the whole inflated image. */
const MAX_FAST_PIXELS = 1 << 20;

export interface DecodedPng {
  width: number;
  height: number;
  /** 1 (from gray) or 3 (from RGB); alpha dropped. Interleaved, top row first. */
  channels: 1 | 3;
  pixels: Uint8Array;
}

/** The pixels of a plain PNG, or null for any PNG this decoder leaves to sharp (including damaged ones). */
export function decodePlainPng(bytes: Uint8Array): DecodedPng | null {
  const header = pngHeader(bytes);
  if (!header || header.bitDepth !== 8 || header.interlaced || bytes[26] !== 0 || bytes[27] !== 0) return null;
  const samples = SAMPLES[header.colorType];
  const { width, height } = header;
  if (!samples || width === 0 || height === 0 || width * height > MAX_FAST_PIXELS) return null;
  const idat = idatOf(bytes);
  if (!idat) return null;
  const stride = width * samples;
  let raw: Buffer;
  try {
    raw = inflateSync(idat);
  } catch {
    return null;
  }
  if (raw.length !== height * (stride + 1)) return null;
  const image = unfilter(raw, height, stride, samples);
  if (!image) return null;
  return { width, height, ...dropAlpha(image, width * height, samples) };
}

/** The IDAT data joined, with every chunk's CRC checked; null on anything unexpected. */
function idatOf(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  let at = 8;
  for (;;) {
    if (at + 12 > bytes.length) return null;
    const length = view.getUint32(at);
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) >>> 0 !== view.getUint32(at + 8 + length)) return null;
    if (type === 'IDAT') {
      parts.push(bytes.subarray(at + 8, at + 8 + length));
    } else if (type === 'IEND') {
      break;
    } else if (type !== 'IHDR' && !HARMLESS.has(type)) {
      return null;
    }
    at = end;
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

/** Undoes the per-row filters (PNG spec §9) in place of a fresh buffer: height rows of `stride` bytes. */
function unfilter(raw: Uint8Array, height: number, stride: number, bpp: number): Uint8Array | null {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const up = row - stride; // only read when y > 0
    switch (filter) {
      case 0:
        out.set(raw.subarray(src, src + stride), row);
        break;
      case 1:
        for (let x = 0; x < stride; x++) out[row + x] = (raw[src + x] + (x >= bpp ? out[row + x - bpp] : 0)) & 0xff;
        break;
      case 2:
        if (y === 0) out.set(raw.subarray(src, src + stride), row);
        else for (let x = 0; x < stride; x++) out[row + x] = (raw[src + x] + out[up + x]) & 0xff;
        break;
      case 3:
        for (let x = 0; x < stride; x++) {
          const a = x >= bpp ? out[row + x - bpp] : 0;
          const b = y > 0 ? out[up + x] : 0;
          out[row + x] = (raw[src + x] + ((a + b) >> 1)) & 0xff;
        }
        break;
      case 4:
        for (let x = 0; x < stride; x++) {
          const a = x >= bpp ? out[row + x - bpp] : 0;
          const b = y > 0 ? out[up + x] : 0;
          const c = x >= bpp && y > 0 ? out[up + x - bpp] : 0;
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          out[row + x] = (raw[src + x] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
        }
        break;
      default:
        return null; // not a PNG filter: damaged
    }
  }
  return out;
}

function dropAlpha(image: Uint8Array, pixelCount: number, samples: number): { channels: 1 | 3; pixels: Uint8Array } {
  if (samples === 1 || samples === 3) return { channels: samples, pixels: image };
  const channels = samples === 2 ? 1 : 3;
  const pixels = new Uint8Array(pixelCount * channels);
  for (let p = 0; p < pixelCount; p++) {
    for (let c = 0; c < channels; c++) pixels[p * channels + c] = image[p * samples + c];
  }
  return { channels, pixels };
}
