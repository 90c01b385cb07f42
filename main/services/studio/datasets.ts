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
} from '../datasets';
import { registerDataset, type Store } from '../store';
import type { DatasetRecord } from '../store/types';
import type { HomeLayout } from './layout';
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import { splitSource } from '../datasets/splitSource';
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
      split: options.split,
      splitColumn: options.splitColumn,
      datasetsDir: this.layout.datasets,
      name: options.name ?? (file.kind === 'upload' ? file.name.replace(/\.[^.]+$/, '') : undefined),
      onProgress: importId ? this.progress(importId) : undefined,
    });
    const dataset = this.register(result.manifest, result.folder);
    const { summary } = result;
    const notes = [
      `${summary.rows} rows read (${summary.delimiter === '\t' ? 'tab' : `'${summary.delimiter}'`}-separated, ${summary.hasHeader ? 'with' : 'without'} a header)`,
      ...(summary.droppedRows > 0 ? [`${summary.droppedRows} rows with missing values dropped`] : []),
      ...(summary.filledCells > 0 ? [`${summary.filledCells} missing cells filled`] : []),
      `${result.manifest.featureShape[0]} features after encoding; ${result.manifest.task}` +
        (result.manifest.classNames ? ` with ${result.manifest.classNames.length} classes` : ''),
      ...(result.manifest.split.column === undefined ? [] : [splitNote(result.manifest.split)]),
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
    const notes = [
      `${result.manifest.count} images in ${result.manifest.classNames?.length ?? 0} classes, resized to ${options.size[0]}×${options.size[1]}` +
        `${options.grayscale ? ' grayscale' : ' RGB'}`,
      ...(result.manifest.split.folders === undefined ? [] : [splitNote(result.manifest.split)]),
      ...result.skipped.map((s) => `skipped ${s.path}: ${s.reason}`),
    ];
    return { dataset, notes, classCounts: result.classCounts, thumbnails: result.thumbnails };
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

/** "split from column 'split': 700 train, 150 validation, 150 test" (or "from folders train/, test/") for the result page. */
function splitNote(split: DatasetManifest['split']): string {
  const { train, validation, test } = split.counts;
  return `split ${splitSource(split)}: ${train} train, ${validation} validation, ${test} test`;
}
