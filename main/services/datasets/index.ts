// Dataset importers of the main process. CSV: importCsv writes a dataset folder, previewCsv only looks.
export {
  importCsv,
  type CsvImportRequest,
  type CsvImportResult,
  type ImportProgress,
  type ImportSummary,
} from './importCsv';
export { previewCsv, type ColumnPreview, type CsvPreview, type PreviewOptions } from './previewCsv';
export { CsvImportError } from './csv/errors';
export {
  MAX_CATEGORIES,
  MAX_CLASSES,
  MAX_INTEGER_CLASSES,
  type ColumnRef,
  type CsvImportOptions,
  type MissingPolicy,
} from './csv/options';
// Image folders (one sub-folder per class): importImages writes a dataset folder.
export {
  importImages,
  type ImageImportProgress,
  type ImageImportRequest,
  type ImageImportResult,
} from './importImages';
export { ImageImportError } from './images/errors';
export { IMAGE_FITS, MAX_IMAGE_SIDE, type ImageFit, type ImageImportOptions } from './images/options';
export type { IgnoredFolder, SkippedFile } from './images/list';
export { previewImageFolder, type ImageFolderPreview } from './images/preview';
