// Which image formats import, recognized by their first bytes (not the file name, which may lie or be missing).
import { IMAGE_FORMATS_TEXT } from '../../../api/importNotes';
import { isBmp } from './bmp';

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';

/** The formats above in English; the sentences that name them write the list out in each language. */
export const SUPPORTED_FORMATS_TEXT = IMAGE_FORMATS_TEXT;

/** The DIB header sizes real BMP files use; with the 'BM' tag they tell a bitmap from text that starts with "BM". */
const BMP_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

/** The format the file's signature announces, or null for anything else (text, other image formats, empty files). */
export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  const starts = (signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp'; // RIFF....WEBP
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif'; // GIF87a, GIF89a
  if (
    isBmp(bytes) &&
    bytes.length >= 18 &&
    BMP_HEADER_SIZES.has(new DataView(bytes.buffer, bytes.byteOffset).getUint32(14, true))
  )
    return 'bmp';
  return null;
}
