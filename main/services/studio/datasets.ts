// Datasets for the studio: samples from resources/, CSV tables and image folders the user picks, each imported
// into a dataset folder and registered in the store. A failed import leaves nothing behind.
import { rmSync } from 'node:fs';
import type { CsvImportOptions, DatasetImportResult, FileRef, ImageImportOptions, StudioEvent } from '../../api/types';
import {
  importCsv,
  importImages,
  previewCsv,
  previewImageFolder,
  type CsvPreview,
  type ImageFolderPreview,
  type ImportProgress,
  type ImportSummary,
} from '../datasets';
import type { ImportNote } from '../../api/importNotes';
import { registerDataset, type Store } from '../store';
import type { DatasetRecord } from '../store/types';
import type { HomeLayout } from './layout';
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import { splitNote } from '../datasets/splitSource';
import { sampleDefinition, samplePath } from './samples';

/** At most this many progress events a second per import. */
const PROGRESS_INTERVAL_MS = 100;

export class DatasetService {
  constructor(
    private readonly store: Store,
    private readonly layout: HomeLayout,
    private readonly resourcesDir: string,
    private readonly resolveFile: (ref: FileRef) => string,
    private readonly emit: (event: StudioEvent) => void,
  ) {}

  /** The sample's dataset, imported from resources/samples the first time it is asked for. */
  async useSample(name: string): Promise<DatasetRecord> {
    const sample = sampleDefinition(name);
    const path = samplePath(this.resourcesDir, sample);
    const existing = this.store.datasets.listDatasets().find((d) => d.sourcePath === path && d.name === sample.name);
    if (existing) return existing;
    if (sample.source.kind === 'csv') {
      const result = await importCsv(path, {
        labelColumn: sample.source.label,
        datasetsDir: this.layout.datasets,
        name: sample.name,
        splitColumn: sample.source.splitColumn,
      });
      return this.register(result.manifest, result.folder);
    }
    const result = await importImages(path, {
      datasetsDir: this.layout.datasets,
      name: sample.name,
      size: sample.source.size,
      grayscale: sample.source.grayscale,
    });
    return this.register(result.manifest, result.folder);
  }

  previewCsv(file: FileRef): Promise<CsvPreview> {
    return previewCsv(this.resolveFile(file));
  }

  async importCsv(file: FileRef, options: CsvImportOptions, importId?: string): Promise<DatasetImportResult> {
    const path = this.resolveFile(file);
    const result = await importCsv(path, {
      labelColumn: options.label,
      task: options.task,
      missing: options.missing,
      excludeColumns: options.exclude,
      categoricalColumns: options.categorical,
      standardize: options.standardize,
      labelScale: options.labelScale,
      split: options.split,
      splitColumn: options.splitColumn,
      datasetsDir: this.layout.datasets,
      name: options.name ?? (file.kind === 'upload' ? file.name.replace(/\.[^.]+$/, '') : undefined),
      onProgress: importId ? this.progress(importId) : undefined,
    });
    const dataset = this.register(result.manifest, result.folder);
    const { summary } = result;
    const split = splitNote(result.manifest.split);
    const notes: ImportNote[] = [
      rowsReadNote(summary),
      ...(summary.droppedRows > 0 ? [note('csv-rows-dropped', { rows: summary.droppedRows })] : []),
      ...(summary.filledCells > 0 ? [note('csv-cells-filled', { cells: summary.filledCells })] : []),
      featuresNote(result.manifest),
      ...(split ? [split] : []),
      ...summary.notices,
    ];
    return { dataset, notes };
  }

  previewImages(folder: FileRef): Promise<ImageFolderPreview> {
    return previewImageFolder(this.resolveFile(folder));
  }

  async importImages(folder: FileRef, options: ImageImportOptions, importId?: string): Promise<DatasetImportResult> {
    const path = this.resolveFile(folder);
    const result = await importImages(path, {
      datasetsDir: this.layout.datasets,
      size: options.size,
      grayscale: options.grayscale,
      split: options.split,
      name: options.name ?? (folder.kind === 'upload' ? folder.name : undefined),
      onProgress: importId ? this.progress(importId) : undefined,
    });
    const dataset = this.register(result.manifest, result.folder);
    const [height, width] = options.size;
    const read = {
      images: result.manifest.count,
      classes: result.manifest.classNames?.length ?? 0,
      height,
      width,
    };
    const split = splitNote(result.manifest.split);
    const notes: ImportNote[] = [
      options.grayscale ? note('images-read-grayscale', read) : note('images-read-rgb', read),
      ...(split ? [split] : []),
    ];
    const skipped = result.skipped.map((s) => ({ path: s.path, reason: s.why }));
    return { dataset, notes, skipped, classCounts: result.classCounts, thumbnails: result.thumbnails };
  }

  rename(datasetId: string, name: string): void {
    this.store.datasets.renameDataset(datasetId, name);
    this.emit({ type: 'datasets-changed' });
  }

  remove(datasetId: string): void {
    const { folder } = this.store.datasets.deleteDataset(datasetId);
    rmSync(folder, { recursive: true, force: true });
    this.emit({ type: 'datasets-changed' });
  }

  private register(manifest: Parameters<typeof registerDataset>[1], folder: string): DatasetRecord {
    try {
      const record = registerDataset(this.store, manifest, folder);
      this.emit({ type: 'datasets-changed' });
      return record;
    } catch (error) {
      rmSync(folder, { recursive: true, force: true }); // nothing half-imported stays behind
      throw error;
    }
  }

  private progress(importId: string): (progress: ImportProgress) => void {
    let last = 0;
    return (progress) => {
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      const fraction = progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : 0;
      this.emit({ type: 'import-progress', importId, phase: progress.phase, fraction });
    };
  }
}

/** A note of `code` with its values, checked against the sentence's placeholders. */
function note<Code extends ImportNote['code']>(code: Code, values: Extract<ImportNote, { code: Code }>['values']) {
  return { code, values } as Extract<ImportNote, { code: Code }>;
}

/** "60000 rows read (',' -separated, with a header)": the delimiter and the header choose the sentence. */
function rowsReadNote(summary: ImportSummary): ImportNote {
  const { rows, delimiter, hasHeader } = summary;
  if (delimiter === '\t') return note(hasHeader ? 'csv-rows-read-tab-header' : 'csv-rows-read-tab-no-header', { rows });
  return note(hasHeader ? 'csv-rows-read-header' : 'csv-rows-read-no-header', { rows, delimiter });
}

/** "785 features after encoding; classification with 10 classes" (or "; regression"). */
function featuresNote(manifest: DatasetManifest): ImportNote {
  const features = manifest.featureShape[0];
  return manifest.classNames
    ? note('csv-features-classification', { features, classes: manifest.classNames.length })
    : note('csv-features-regression', { features });
}
