// A look at an image folder before importing it: its classes and image counts, and the size and colour its images
// have (from a sample spread over the classes), so the import dialog proposes the folder's own size and channels
// (an 8×8 grayscale digits folder imports as 8×8 grayscale, not as the default 28×28 RGB); a folder laid out as
// train/ (validation/, test/) is looked at through its split folders, and says so, since the import keeps that split.
import { readFile } from 'node:fs/promises';
import { decodeRgb } from './decode';
import { sniffFormat } from './formats';
import { listImageFolder, type ClassFolder, type ListedFile } from './list';
import { detectSplitFolders, listSplitFolders, type SplitPart } from './splitFolders';
import { MAX_IMAGE_SIDE } from './options';
import { decodePlainPng } from './png';

export interface ImageFolderPreview {
  classes: Array<{ name: string; images: number }>;
  /** Images looked at (decoded) to find the size and colour. */
  sampled: number;
  /** The most common [height, width] among them, or null when none could be read. */
  commonSize: [number, number] | null;
  /** Whether every sampled image is gray (one channel, or red = green = blue in every pixel). */
  grayscale: boolean;
  /** The size to import at: the common size, shrunk (aspect kept) to at most MAX_PROPOSED_SIDE on its longer side. */
  proposedSize: [number, number] | null;
  /** When the folder fixes its own split: its split folders (train first) and the images in each part; else null. */
  fixedSplit: { folders: string[]; counts: Record<SplitPart, number> } | null;
}

/** Images decoded for the preview, spread over the classes. */
export const PREVIEW_SAMPLES = 24;
/** A proposal larger than this on its longer side is shrunk: training on big images here is slow and rarely needed. */
export const MAX_PROPOSED_SIDE = 128;

export async function previewImageFolder(folder: string): Promise<ImageFolderPreview> {
  const folders = detectSplitFolders(folder);
  const split = folders ? listSplitFolders(folder, folders) : null;
  const classes: ClassFolder[] = split ? split.classes : listImageFolder(folder).classes;
  const looks = (await Promise.all(sample(classes.map((c) => c.files)).map(look))).filter((l): l is Look => l !== null);
  const counts = new Map<string, { size: [number, number]; n: number }>();
  for (const { height, width } of looks) {
    const key = `${height}x${width}`;
    const entry = counts.get(key) ?? { size: [height, width] as [number, number], n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  const commonSize = [...counts.values()].sort((a, b) => b.n - a.n)[0]?.size ?? null;
  return {
    classes: classes.map((c) => ({ name: c.name, images: c.files.length })),
    sampled: looks.length,
    commonSize,
    grayscale: looks.length > 0 && looks.every((l) => l.gray),
    proposedSize: commonSize ? shrunk(commonSize) : null,
    fixedSplit:
      folders && split
        ? {
            folders: (['train', 'validation', 'test'] as const).flatMap((p) => (folders[p] ? [folders[p]] : [])),
            counts: partCounts(split.parts),
          }
        : null,
  };
}

function partCounts(parts: SplitPart[][]): Record<SplitPart, number> {
  const counts: Record<SplitPart, number> = { train: 0, validation: 0, test: 0 };
  for (const part of parts.flat()) counts[part]++;
  return counts;
}

function shrunk([height, width]: [number, number]): [number, number] {
  const scale = Math.min(1, MAX_PROPOSED_SIDE / Math.max(height, width));
  const fit = (d: number) => Math.min(MAX_IMAGE_SIDE, Math.max(1, Math.round(d * scale)));
  return [fit(height), fit(width)];
}

/** Up to PREVIEW_SAMPLES files, taken in turn from each class (first files first). */
function sample(classes: ListedFile[][]): ListedFile[] {
  const picked: ListedFile[] = [];
  for (let i = 0; picked.length < PREVIEW_SAMPLES; i++) {
    const round = classes.filter((files) => i < files.length).map((files) => files[i]);
    if (round.length === 0) break;
    picked.push(...round.slice(0, PREVIEW_SAMPLES - picked.length));
  }
  return picked;
}

interface Look {
  height: number;
  width: number;
  gray: boolean;
}

/** One image's size and whether it is gray; null when it cannot be read (the import will list it as skipped). */
async function look(file: ListedFile): Promise<Look | null> {
  try {
    const bytes = await readFile(file.path);
    const format = sniffFormat(bytes);
    if (!format) return null;
    const plain = format === 'png' ? decodePlainPng(bytes) : null;
    if (plain) return { height: plain.height, width: plain.width, gray: plain.channels === 1 || allGray(plain.pixels) };
    // Headers can claim huge sizes: sharp's own pixel limit refuses those, and the preview then skips the file.
    const { data, width, height } = await decodeRgb(bytes, format);
    return { height, width, gray: allGray(data) };
  } catch {
    return null;
  }
}

/** Interleaved RGB where every pixel has red = green = blue. */
function allGray(rgb: Uint8Array): boolean {
  for (let at = 0; at + 2 < rgb.length; at += 3)
    if (rgb[at] !== rgb[at + 1] || rgb[at + 1] !== rgb[at + 2]) return false;
  return true;
}
