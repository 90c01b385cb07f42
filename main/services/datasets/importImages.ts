// Imports a folder of images, one sub-folder per class, into a dataset folder (engine/core/data/dataset.ts): list the
// files, then decode, resize and append one image at a time to features.f32, so a folder of any size imports in
// bounded memory. Everything is written into a temporary folder renamed into place at the end: a failed or
// cancelled import leaves nothing behind.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { DATASET_FILES, DATASET_VERSION, type DatasetManifest } from '../../../engine/core/data/dataset';
import { splitIndices } from '../../../engine/core/train/split';
import { nameListValues } from '../../api/nameLists';
import { exampleReasonValues } from '../../api/quotedReasons';
import { Float32FileWriter, writeInt32File } from './csv/binaryFile';
import { DEFAULT_SPLIT } from './csv/options';
import { pngDataUrl, readImage, type ImageTarget } from './images/decode';
import { mapInOrder } from './images/inOrder';
import {
  byCodePoint,
  listImageFolder,
  type ClassFolder,
  type FolderListing,
  type IgnoredFolder,
  type SkippedFile,
} from './images/list';
import { ImageImportError } from './images/errors';
import { checkOptions, MAX_THUMBNAIL_CLASSES, THUMBNAILS_PER_CLASS, type ImageImportOptions } from './images/options';
import { PixelBudget } from './images/pixelBudget';
import { detectSplitFolders, listSplitFolders, type SplitPart } from './images/splitFolders';
import { ChannelStatistics, toPlanarUnit } from './images/statistics';

/** Shaped like the CSV importer's progress (bytes of the files read so far), so one progress bar serves both. */
export interface ImageImportProgress {
  /** 'reading': listing, then decoding and writing each file; 'finishing': split and statistics. */
  phase: 'reading' | 'finishing';
  bytesRead: number;
  totalBytes: number;
  filesRead: number;
  totalFiles: number;
}

export interface ImageImportRequest extends ImageImportOptions {
  /** The folder holding dataset folders: the dataset goes to <datasetsDir>/<id>. */
  datasetsDir: string;
  /** Default: the image folder's name. */
  name?: string;
  /** Default: a random UUID. */
  id?: string;
  onProgress?(progress: ImageImportProgress): void;
  /** Aborting cancels the import (nothing is left behind). */
  signal?: AbortSignal;
}

export interface ImageImportResult {
  manifest: DatasetManifest;
  /** The dataset folder (absolute). */
  folder: string;
  /** Images imported per class (list them in manifest.classNames order: Object.keys puts names like '10' first). */
  classCounts: Record<string, number>;
  /** Files that were not imported and why, sorted by path (relative to the image folder). */
  skipped: SkippedFile[];
  /** Folders inside class folders, not imported (each also in `skipped` with its reason), sorted by path. */
  ignoredFolders: IgnoredFolder[];
  /** Up to 4 imported images per class (the first 100 classes) as PNG data URLs at the imported size, in class order. */
  thumbnails: Array<{ className: string; dataUrl: string }>;
}

/** Files read and decoded at once (sharp works on its own threads); a PixelBudget also bounds their pixels. */
const DECODE_WINDOW = 4;

/** Longest stretch of importing without letting the main process's event loop run (ms). */
const YIELD_MS = 15;

export async function importImages(folderPath: string, request: ImageImportRequest): Promise<ImageImportResult> {
  const source = resolve(folderPath);
  const { height, width, fit } = checkOptions(source, request);
  const target: ImageTarget = { height, width, fit, channels: request.grayscale ? 1 : 3 };
  const id = request.id ?? randomUUID();
  const datasetsDir = resolve(request.datasetsDir);
  const folder = join(datasetsDir, id);
  const temp = join(datasetsDir, `.importing-${id}`);
  if (existsSync(folder)) throw new ImageImportError('dataset-exists', { folder: source, dataset: folder });
  try {
    return await importInto(source, id, folder, temp, target, request);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

async function importInto(
  source: string,
  id: string,
  folder: string,
  temp: string,
  target: ImageTarget,
  request: ImageImportRequest,
): Promise<ImageImportResult> {
  request.signal?.throwIfAborted();
  request.onProgress?.({ phase: 'reading', bytesRead: 0, totalBytes: 0, filesRead: 0, totalFiles: 0 });
  // train/ (validation/, test/) folders fix the split; otherwise one folder per class and a seeded split.
  const splitFolders = detectSplitFolders(source);
  const listing: FolderListing & { parts?: SplitPart[][] } = splitFolders
    ? listSplitFolders(source, splitFolders)
    : listImageFolder(source);
  checkClassFolders(source, listing);
  const { classes } = listing;
  const fractions = {
    train: request.split?.train ?? DEFAULT_SPLIT.train,
    validation: request.split?.validation ?? DEFAULT_SPLIT.validation,
    test: request.split?.test ?? DEFAULT_SPLIT.test,
  };
  const seed = request.split?.seed ?? DEFAULT_SPLIT.seed;
  const stratified = request.split?.stratify ?? true;
  splitOrFail(source, 0, fractions, seed); // bad fractions fail before the long read

  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const written = await writeImages(
    source,
    classes,
    target,
    join(temp, DATASET_FILES.features),
    request,
    listing.parts,
  );
  const { count, labels, classCounts } = written;
  checkClassCounts(source, classes, classCounts, written.skipped);

  request.onProgress?.({
    phase: 'finishing',
    bytesRead: written.bytesRead,
    totalBytes: written.bytesRead,
    filesRead: written.filesRead,
    totalFiles: written.filesRead,
  });
  const split = splitFolders
    ? folderSplit(source, splitFolders.train, written.parts)
    : splitOrFail(source, count, fractions, seed, stratified ? labels : undefined);
  const normalization = (request.standardize ?? true) ? written.statistics.normalization(split.train) : null;
  writeInt32File(join(temp, DATASET_FILES.labels), labels);
  for (const part of ['train', 'validation', 'test'] as const)
    writeInt32File(join(temp, DATASET_FILES.split[part]), split[part]);
  const manifest: DatasetManifest = {
    version: DATASET_VERSION,
    id,
    name: request.name?.trim() || basename(source) || 'images',
    source: { kind: 'images', path: source, sha256: written.sha256 },
    count,
    featureShape: [target.channels, target.height, target.width],
    images: { fit: target.fit },
    task: 'classification',
    classNames: classes.map((c) => c.name),
    normalization,
    split: {
      seed,
      // With split folders the fractions are the shares the folders gave.
      ...(splitFolders
        ? {
            train: split.train.length / count,
            validation: split.validation.length / count,
            test: split.test.length / count,
          }
        : fractions),
      stratified: splitFolders ? false : stratified,
      counts: { train: split.train.length, validation: split.validation.length, test: split.test.length },
      ...(splitFolders ? { folders: splitFolders } : {}),
    },
  };
  writeFileSync(join(temp, DATASET_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  request.signal?.throwIfAborted();
  renameSync(temp, folder);
  return {
    manifest,
    folder,
    classCounts: Object.fromEntries(classes.map((c, k) => [c.name, classCounts[k]])),
    skipped: [...listing.skipped, ...written.skipped].sort((a, b) => byCodePoint(a.path, b.path)),
    ignoredFolders: [...listing.ignoredFolders].sort((a, b) => byCodePoint(a.path, b.path)),
    thumbnails: classes
      .slice(0, MAX_THUMBNAIL_CLASSES)
      .flatMap((c, k) => written.thumbnails[k].map((dataUrl) => ({ className: c.name, dataUrl }))),
  };
}

interface WrittenImages {
  count: number;
  /** One class index per imported image. */
  labels: Int32Array;
  classCounts: number[];
  statistics: ChannelStatistics;
  skipped: SkippedFile[];
  thumbnails: string[][];
  filesRead: number;
  bytesRead: number;
  /** Over every file's path (relative, '/'-separated) and contents, in import order. */
  sha256: string;
  /** With split folders: each imported image's part (0 train, 1 validation, 2 test). */
  parts: Uint8Array;
}

/** The second pass: each file decoded and resized, its [C, H, W] floats appended to the features file. */
async function writeImages(
  source: string,
  classes: ClassFolder[],
  target: ImageTarget,
  featuresPath: string,
  request: ImageImportRequest,
  /** Split folders: the part of each class's files. */
  fileParts?: SplitPart[][],
): Promise<WrittenImages> {
  const files = classes.flatMap((c, label) =>
    c.files.map((file, i) => ({ ...file, label, part: PART_INDEX[fileParts?.[label][i] ?? 'train'] })),
  );
  const totalFiles = files.length;
  const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const pixels = target.height * target.width;
  const planar = new Float32Array(target.channels * pixels);
  const labels = new Int32Array(totalFiles);
  const parts = new Uint8Array(totalFiles);
  const statistics = new ChannelStatistics(totalFiles, target.channels, pixels);
  const classCounts = classes.map(() => 0);
  const thumbnails: string[][] = classes.map(() => []);
  const skipped: SkippedFile[] = [];
  const hash = createHash('sha256');
  let count = 0;
  let filesRead = 0;
  let bytesRead = 0;
  const writer = new Float32FileWriter(featuresPath);
  let yielded = performance.now();
  try {
    const budget = new PixelBudget();
    for await (const outcome of mapInOrder(files, DECODE_WINDOW, (file) => readImage(file, target, budget))) {
      request.signal?.throwIfAborted();
      const { relative: where, label, bytes, part } = files[filesRead++];
      bytesRead += bytes;
      hash.update(`${sep === '/' ? where : where.split(sep).join('/')}\0${outcome.sha256 ?? 'unreadable'}\n`);
      switch (outcome.type) {
        case 'image':
          toPlanarUnit(outcome.pixels, target.channels, planar);
          writer.write(planar);
          statistics.add(count, planar);
          parts[count] = part;
          labels[count++] = label;
          classCounts[label]++;
          if (label < MAX_THUMBNAIL_CLASSES && thumbnails[label].length < THUMBNAILS_PER_CLASS)
            thumbnails[label].push(await pngDataUrl(outcome.pixels, target));
          break;
        case 'skipped':
          skipped.push({ path: where, why: outcome.why, reason: outcome.reason });
          break;
        default:
          throw new Error(`unknown read outcome ${JSON.stringify(outcome satisfies never)}`);
      }
      request.onProgress?.({ phase: 'reading', bytesRead, totalBytes, filesRead, totalFiles });
      // Small files are read and decoded without waiting on anything: give the event loop a turn now and then.
      if (performance.now() - yielded > YIELD_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        yielded = performance.now();
      }
    }
    writer.close();
  } catch (error) {
    writer.abandon();
    throw error;
  }
  return {
    count,
    labels: labels.subarray(0, count),
    classCounts,
    statistics,
    skipped,
    thumbnails,
    filesRead,
    bytesRead,
    sha256: hash.digest('hex'),
    parts: parts.subarray(0, count),
  };
}

const PART_INDEX: Record<SplitPart, number> = { train: 0, validation: 1, test: 2 };

/** The rows of each split folder, in import order; the training folder must keep a readable image. */
function folderSplit(source: string, trainFolder: string, parts: Uint8Array) {
  const of = (k: number) => Int32Array.from(Array.from(parts).flatMap((p, i) => (p === k ? [i] : [])));
  const split = { train: of(0), validation: of(1), test: of(2) };
  if (split.train.length === 0)
    throw new ImageImportError('train-folder-no-images', { folder: source, train: trainFolder });
  return split;
}

/** Fails early, before anything is decoded, when the folder cannot make a classification dataset. */
function checkClassFolders(source: string, listing: FolderListing): void {
  const { classes, skipped } = listing;
  if (classes.length === 0) {
    throw new ImageImportError(skipped.length > 0 ? 'no-class-folders' : 'empty', { folder: source });
  }
  if (classes.length === 1) {
    throw new ImageImportError('one-class', { folder: source, className: classes[0].name });
  }
  const empty = classes.filter((c) => c.files.length === 0);
  if (empty.length === classes.length) {
    // e.g. data/train/cats/*.png chosen as data/: the classes are one level further down.
    const nested = listing.ignoredFolders.filter((f) => f.files > 0);
    if (nested.length > 0) {
      throw new ImageImportError('images-nested', {
        folder: source,
        ...classList(classes),
        ...nameListValues(
          'nested',
          nested.map((f) => f.path.split(sep).join('/')),
          false,
        ),
        suggestion: join(source, classes.find((c) => nested.some((f) => f.path.startsWith(`${c.name}${sep}`)))!.name),
      });
    }
    throw new ImageImportError('all-class-folders-empty', { folder: source, ...classList(classes) });
  }
  if (empty.length > 0) {
    throw new ImageImportError(empty.length > 1 ? 'class-folders-empty' : 'class-folder-empty', {
      folder: source,
      ...classList(empty),
    });
  }
}

/** After decoding: every class must have kept at least one readable image. */
function checkClassCounts(source: string, classes: ClassFolder[], classCounts: number[], skipped: SkippedFile[]): void {
  if (classCounts.every((n) => n === 0)) {
    throw new ImageImportError('no-readable-images', {
      folder: source,
      count: skipped.length,
      example: skipped[0].path,
      ...exampleReasonValues(skipped[0]),
    });
  }
  const empty = classes.filter((_, k) => classCounts[k] === 0);
  if (empty.length > 0) {
    const example = skipped.find((s) => s.path.startsWith(`${empty[0].name}${sep}`))!;
    throw new ImageImportError(empty.length > 1 ? 'class-folders-unreadable' : 'class-folder-unreadable', {
      folder: source,
      ...classList(empty),
      example: example.path,
      ...exampleReasonValues(example),
    });
  }
}

function splitOrFail(
  source: string,
  count: number,
  fractions: { train: number; validation: number; test: number },
  seed: number,
  labels?: Int32Array,
) {
  try {
    return splitIndices(count, fractions, seed, labels);
  } catch (error) {
    throw new ImageImportError('split-failed', { folder: source, reason: (error as Error).message });
  }
}

/** The class folders a refusal names, as its `classes` value. */
function classList(classes: ClassFolder[]) {
  return nameListValues(
    'classes',
    classes.map((c) => c.name),
  );
}
