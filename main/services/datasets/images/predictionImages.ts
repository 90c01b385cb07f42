// Images to predict on, prepared for the model's input (size, fit, grayscale or RGB, [0, 1] scaling, channels
// first: as the run's dataset was imported, or an imported model's input shape): one image file, or a folder of
// them. A folder's images may sit directly in it (no label) or in sub-folders named for the run's classes
// (labelled, so accuracy can be reported). Standardization is left to the engine, which applies the checkpoint's
// statistics.
import { statSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import { exampleReasonValues } from '../../../api/quotedReasons';
import { readImage, type ImageTarget } from './decode';
import { ImageImportError } from './errors';
import { ImagePredictionError } from './predictionError';
import { byCodePoint, listImageFolder, type ListedFile, type SkippedFile } from './list';
import { PixelBudget } from './pixelBudget';
import { skipBecause } from './skipReason';
import { toPlanarUnit } from './statistics';

export interface PredictionImages {
  /** The images read, in order: the name shown (relative to the folder, or the file's name) and the label index. */
  images: Array<{ name: string; label: number | null }>;
  /** images.length × channels × height × width values in [0, 1], channels first. */
  inputs: Float32Array;
  /** Files that are not images of a supported format, or could not be decoded, with why. */
  skipped: SkippedFile[];
}

/**
 * `path`'s images brought to `target`; `classNames` are the sub-folder names that label an image (their index is
 * the class).
 */
export async function readPredictionImages(
  path: string,
  target: ImageTarget,
  classNames: readonly string[],
): Promise<PredictionImages> {
  const where = resolve(path);
  let isFolder: boolean;
  try {
    isFolder = statSync(where).isDirectory();
  } catch (error) {
    throw new ImageImportError(
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no-such-path' : 'path-unreadable',
      {
        folder: where,
      },
    );
  }
  const candidates: Array<{ file: ListedFile; name: string; label: number | null }> = [];
  const skipped: SkippedFile[] = [];
  if (!isFolder) {
    const bytes = statSync(where).size;
    candidates.push({ file: { path: where, relative: basename(where), bytes }, name: basename(where), label: null });
  } else {
    const listing = listImageFolder(where);
    // Files directly in the folder (which an import skips as outside any class folder) are the images here.
    for (const entry of listing.skipped) {
      const file = resolve(where, entry.path);
      const loose = !entry.path.includes(sep) && isFile(file);
      if (!loose) skipped.push(entry);
      else
        candidates.push({
          file: { path: file, relative: entry.path, bytes: statSync(file).size },
          name: entry.path,
          label: null,
        });
    }
    for (const folder of listing.classes) {
      const label = classNames.indexOf(folder.name);
      if (label < 0) {
        const why = { code: 'not-a-run-class', values: { classes: classNames.join(', ') } } as const;
        skipped.push({ path: folder.name, ...skipBecause(why) });
        continue;
      }
      for (const file of folder.files) candidates.push({ file, name: file.relative, label });
    }
    candidates.sort((a, b) => byCodePoint(a.name, b.name));
  }

  const values = target.channels * target.height * target.width;
  const planar = new Float32Array(values);
  const read: Float32Array[] = [];
  const images: PredictionImages['images'] = [];
  const budget = new PixelBudget();
  for (const candidate of candidates) {
    const outcome = await readImage(candidate.file, target, budget);
    if (outcome.type === 'skipped') {
      skipped.push({ path: candidate.name, why: outcome.why, reason: outcome.reason });
      continue;
    }
    toPlanarUnit(outcome.pixels, target.channels, planar);
    read.push(planar.slice());
    images.push({ name: candidate.name, label: candidate.label });
  }
  if (images.length === 0) {
    const first = skipped[0];
    if (!isFolder) throw new ImagePredictionError('not-an-image', { path: where, ...exampleReasonValues(first) });
    throw first
      ? new ImagePredictionError(skipped.length === 1 ? 'no-images-one' : 'no-images', {
          path: where,
          skipped: skipped.length,
          example: first.path,
          ...exampleReasonValues(first),
        })
      : new ImagePredictionError('no-files', { path: where });
  }
  const inputs = new Float32Array(images.length * values);
  read.forEach((image, k) => inputs.set(image, k * values));
  return { images, inputs, skipped };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
