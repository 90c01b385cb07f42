// Decodes Windows BMP files (which sharp's libvips cannot read) into top-down 8-bit RGB or RGBA pixels.
// Uncompressed only: 1/4/8-bit paletted, 16/32-bit with default or BI_BITFIELDS masks, 24-bit; rows bottom-up or top-down.
import { CodedError } from '../../../../engine/core/errors/coded';
import { fillMessage } from '../../../../engine/core/spec/problemText';
import { BMP_PROBLEMS, type BmpProblem } from '../../../api/bmpProblems';
import type { CodeAndValues } from '../../../api/problemValues';

export interface DecodedBitmap {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA, only when the file has an alpha mask). */
  channels: 3 | 4;
  /** Row-major from the top row, `channels` bytes per pixel. */
  data: Uint8Array;
}

/**
 * Why a BMP could not be decoded, as a code with values (main/api/bmpProblems.ts) and its English as the message;
 * the importer lists the file as skipped with it ('bmp-<code>').
 */
export class BmpError extends CodedError<BmpProblem, Record<string, string | number>> {
  /** A missing or stray value for the code's sentence does not compile. */
  constructor(...[code, values]: CodeAndValues<typeof BMP_PROBLEMS>) {
    super(code, values, `BMP: ${fillMessage(BMP_PROBLEMS[code], values)}`);
  }

  /** As the reason a skipped file carries ('bmp-compressed'…, main/api/importNotes.ts). */
  override get tableCode(): string {
    return `bmp-${this.code}`;
  }
}

const FILE_HEADER_BYTES = 14;
const CORE_HEADER_BYTES = 12; // OS/2 1.x BITMAPCOREHEADER: 16-bit sizes, 3-byte palette entries
const INFO_HEADER_BYTES = 40; // BITMAPINFOHEADER; V2 (52), V3 (56), V4 (108) and V5 (124) extend it
/** libvips' own limit on decoded pixels; a header claiming more is corrupt or hostile. */
const MAX_PIXELS = 0x3fff * 0x3fff;

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;
const COMPRESSION_NAMES: Record<number, string> = {
  1: 'RLE8',
  2: 'RLE4',
  4: 'JPEG',
  5: 'PNG',
  11: 'CMYK',
  12: 'CMYK RLE8',
  13: 'CMYK RLE4',
};

interface Header {
  width: number;
  height: number;
  topDown: boolean;
  bitCount: number;
  compression: number;
  colorsUsed: number;
  headerSize: number;
  pixelOffset: number;
}

export function isBmp(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x42 && bytes[1] === 0x4d; // 'BM'
}

/** The size the header claims, read before anything is decoded (null if the header is too short to say). */
export function bmpDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  if (!isBmp(bytes) || bytes.length < FILE_HEADER_BYTES + 4 + 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(14, true) === CORE_HEADER_BYTES)
    return { width: view.getUint16(18, true), height: view.getUint16(20, true) };
  return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
}

export function decodeBmp(bytes: Uint8Array): DecodedBitmap {
  if (!isBmp(bytes)) throw new BmpError('not-bmp', {});
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = readHeader(view);
  const { width, height, bitCount } = header;
  const stride = Math.floor((bitCount * width + 31) / 32) * 4; // rows are padded to 4 bytes
  const needed = header.pixelOffset + stride * height;
  if (needed > bytes.length) throw new BmpError('truncated-pixels', { width, height, needed, bytes: bytes.length });

  const rowStart = (y: number) => header.pixelOffset + stride * (header.topDown ? y : height - 1 - y);
  if (bitCount <= 8) {
    const palette = readPalette(view, header);
    return decodePaletted(bytes, header, palette, rowStart);
  }
  if (bitCount === 24) return decode24(bytes, header, rowStart);
  return decodeMasked(view, header, readMasks(view, header), rowStart);
}

function readHeader(view: DataView): Header {
  if (view.byteLength < FILE_HEADER_BYTES + 4) throw new BmpError('truncated-header', {});
  const pixelOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  if (headerSize !== CORE_HEADER_BYTES && headerSize < INFO_HEADER_BYTES)
    throw new BmpError('header-size', { size: headerSize });
  if (view.byteLength < FILE_HEADER_BYTES + headerSize) throw new BmpError('truncated-header', {});
  let width: number, rawHeight: number, planes: number, bitCount: number;
  let compression = BI_RGB;
  let colorsUsed = 0;
  if (headerSize === CORE_HEADER_BYTES) {
    width = view.getUint16(18, true);
    rawHeight = view.getUint16(20, true);
    planes = view.getUint16(22, true);
    bitCount = view.getUint16(24, true);
  } else {
    width = view.getInt32(18, true);
    rawHeight = view.getInt32(22, true);
    planes = view.getUint16(26, true);
    bitCount = view.getUint16(28, true);
    compression = view.getUint32(30, true);
    colorsUsed = view.getUint32(46, true);
  }
  if (planes !== 1) throw new BmpError('planes', { planes });
  if (width <= 0 || rawHeight === 0) throw new BmpError('bad-size', { width, height: rawHeight });
  const height = Math.abs(rawHeight);
  if (width * height > MAX_PIXELS) throw new BmpError('too-many-pixels', { width, height, limit: MAX_PIXELS });
  if (![1, 4, 8, 16, 24, 32].includes(bitCount)) throw new BmpError('bit-depth', { bits: bitCount });
  if (compression in COMPRESSION_NAMES) throw new BmpError('compressed', { method: COMPRESSION_NAMES[compression] });
  if (compression !== BI_RGB && compression !== BI_BITFIELDS && compression !== BI_ALPHABITFIELDS)
    throw new BmpError('unknown-compression', { compression });
  if (compression !== BI_RGB && bitCount !== 16 && bitCount !== 32)
    throw new BmpError('masks-bit-depth', { bits: bitCount });
  if (rawHeight < 0 && headerSize === CORE_HEADER_BYTES) throw new BmpError('os2-top-down', {});
  if (pixelOffset < FILE_HEADER_BYTES + headerSize) throw new BmpError('pixel-offset', { offset: pixelOffset });
  return { width, height, topDown: rawHeight < 0, bitCount, compression, colorsUsed, headerSize, pixelOffset };
}

/** Palette as RGB triples. Entries are BGR(+reserved); the OS/2 header has 3-byte entries. */
function readPalette(view: DataView, header: Header): Uint8Array {
  const entryBytes = header.headerSize === CORE_HEADER_BYTES ? 3 : 4;
  const maxColors = 1 << header.bitCount;
  const claimed = header.colorsUsed === 0 ? maxColors : header.colorsUsed;
  if (claimed > maxColors) throw new BmpError('palette-too-long', { colors: claimed, bits: header.bitCount });
  const start = FILE_HEADER_BYTES + header.headerSize;
  // Some writers store fewer entries than they claim; the pixel data offset bounds what is really there.
  const count = Math.min(claimed, Math.floor((header.pixelOffset - start) / entryBytes));
  if (count <= 0) throw new BmpError('no-palette', { bits: header.bitCount });
  const palette = new Uint8Array(count * 3);
  for (let i = 0; i < count; i++) {
    const at = start + i * entryBytes;
    palette[i * 3] = view.getUint8(at + 2);
    palette[i * 3 + 1] = view.getUint8(at + 1);
    palette[i * 3 + 2] = view.getUint8(at);
  }
  return palette;
}

function decodePaletted(
  bytes: Uint8Array,
  header: Header,
  palette: Uint8Array,
  rowStart: (y: number) => number,
): DecodedBitmap {
  const { width, height, bitCount } = header;
  const colors = palette.length / 3;
  const perByte = 8 / bitCount;
  const mask = (1 << bitCount) - 1;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = rowStart(y);
    for (let x = 0; x < width; x++) {
      // The leftmost pixel is in the most significant bits.
      const shift = 8 - bitCount * ((x % perByte) + 1);
      const index = (bytes[row + Math.floor(x / perByte)] >> shift) & mask;
      if (index >= colors) throw new BmpError('palette-index', { x, y, index, colors });
      data.set(palette.subarray(index * 3, index * 3 + 3), (y * width + x) * 3);
    }
  }
  return { width, height, channels: 3, data };
}

function decode24(bytes: Uint8Array, header: Header, rowStart: (y: number) => number): DecodedBitmap {
  const { width, height } = header;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    let from = rowStart(y);
    let to = y * width * 3;
    for (let x = 0; x < width; x++, from += 3, to += 3) {
      data[to] = bytes[from + 2];
      data[to + 1] = bytes[from + 1];
      data[to + 2] = bytes[from];
    }
  }
  return { width, height, channels: 3, data };
}

interface Masks {
  red: number;
  green: number;
  blue: number;
  /** 0 when the file has no alpha. */
  alpha: number;
}

/**
 * Channel masks of a 16- or 32-bit file. BI_RGB means 5-5-5 (16-bit) or 8-8-8 with the top byte unused (32-bit:
 * writers leave junk there, so it is not read as alpha). BI_BITFIELDS masks follow a 40-byte header or sit inside
 * the longer ones, which also carry an alpha mask.
 */
function readMasks(view: DataView, header: Header): Masks {
  if (header.compression === BI_RGB) {
    return header.bitCount === 16
      ? { red: 0x7c00, green: 0x03e0, blue: 0x001f, alpha: 0 }
      : { red: 0xff0000, green: 0xff00, blue: 0xff, alpha: 0 };
  }
  const at = FILE_HEADER_BYTES + INFO_HEADER_BYTES;
  const withAlpha = header.compression === BI_ALPHABITFIELDS || header.headerSize >= 56;
  const end = at + (withAlpha ? 16 : 12);
  if (end > header.pixelOffset || end > view.byteLength) throw new BmpError('masks-overlap', {});
  const masks = {
    red: view.getUint32(at, true),
    green: view.getUint32(at + 4, true),
    blue: view.getUint32(at + 8, true),
    alpha: withAlpha ? view.getUint32(at + 12, true) : 0,
  };
  const limit = header.bitCount === 16 ? 0xffff : 0xffffffff;
  for (const mask of Object.values(masks)) {
    if (mask > limit) throw new BmpError('mask-too-wide', { mask: mask.toString(16), bits: header.bitCount });
    if (mask !== 0 && !contiguous(mask)) throw new BmpError('mask-not-contiguous', { mask: mask.toString(16) });
  }
  if (masks.red === 0 && masks.green === 0 && masks.blue === 0) throw new BmpError('masks-zero', {});
  return masks;
}

function contiguous(mask: number): boolean {
  const shifted = mask >>> trailingZeros(mask);
  return (shifted & (shifted + 1)) === 0;
}

function trailingZeros(mask: number): number {
  return mask === 0 ? 0 : 31 - Math.clz32(mask & -mask);
}

/** Reads a masked channel and scales its range to 0..255 (a 5-bit 31 becomes 255). */
function channelReader(mask: number): (pixel: number) => number {
  if (mask === 0) return () => 0;
  const shift = trailingZeros(mask);
  const max = mask >>> shift;
  return (pixel) => Math.round((((pixel & mask) >>> shift) * 255) / max);
}

function decodeMasked(view: DataView, header: Header, masks: Masks, rowStart: (y: number) => number): DecodedBitmap {
  const { width, height, bitCount } = header;
  const channels = masks.alpha === 0 ? 3 : 4;
  const [red, green, blue, alpha] = [masks.red, masks.green, masks.blue, masks.alpha].map(channelReader);
  const bytesPerPixel = bitCount / 8;
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    let from = rowStart(y);
    let to = y * width * channels;
    for (let x = 0; x < width; x++, from += bytesPerPixel, to += channels) {
      const pixel = bitCount === 16 ? view.getUint16(from, true) : view.getUint32(from, true);
      data[to] = red(pixel);
      data[to + 1] = green(pixel);
      data[to + 2] = blue(pixel);
      if (channels === 4) data[to + 3] = alpha(pixel);
    }
  }
  return { width, height, channels, data };
}
