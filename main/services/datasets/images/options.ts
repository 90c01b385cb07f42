// The choices a user makes when importing an image folder, with their defaults and limits.
import { ImageImportError } from './errors';

/**
 * How an image is brought to the imported size. 'fill' (the default) stretches it to exactly height × width,
 * as torchvision's Resize((h, w)) and the exported PyTorch script do, so a model trained here sees the same
 * pixels there; it keeps everything in the picture, which matters more for classification than the aspect.
 * 'cover' keeps the aspect and crops the centre; 'contain' keeps the aspect and pads with black.
 */
export type ImageFit = 'fill' | 'cover' | 'contain';

export const IMAGE_FITS: readonly ImageFit[] = ['fill', 'cover', 'contain'];

export interface ImageImportOptions {
  /** [height, width] in pixels every image is resized to. */
  size: [number, number];
  /** One channel (ITU-R 601 luma, as PIL's convert('L')) instead of three (RGB). Default false. */
  grayscale?: boolean;
  /** Default 'fill'. */
  fit?: ImageFit;
  /** Default 70/15/15, seed 42, stratified by class. */
  split?: { train: number; validation: number; test: number; seed?: number; stratify?: boolean };
  /** Record per-channel z-score statistics of the training images in the manifest (the engine applies them). Default true. */
  standardize?: boolean;
}

/** Each side at most this many pixels: 2048 × 2048 RGB is already 50 MB of float32 per image. */
export const MAX_IMAGE_SIDE = 2048;
/** Thumbnails for the import dialog: the first few readable images of each class, for the first classes. */
export const THUMBNAILS_PER_CLASS = 4;
export const MAX_THUMBNAIL_CLASSES = 100;

/** The size and fit, checked; `folder` (absolute) is named in the error. */
export function checkOptions(
  folder: string,
  options: ImageImportOptions,
): { height: number; width: number; fit: ImageFit } {
  const size = options.size as unknown;
  const valid =
    Array.isArray(size) && size.length === 2 && size.every((d) => Number.isInteger(d) && d >= 1 && d <= MAX_IMAGE_SIDE);
  if (!valid)
    throw new ImageImportError('bad-size', { folder, max: MAX_IMAGE_SIDE, value: String(JSON.stringify(size)) });
  const fit = options.fit ?? 'fill';
  if (!IMAGE_FITS.includes(fit))
    throw new ImageImportError('bad-fit', { folder, fits: IMAGE_FITS.join(', '), value: String(JSON.stringify(fit)) });
  return { height: (size as number[])[0], width: (size as number[])[1], fit };
}
