// Dataset importers of the main process. CSV: importCsv writes a dataset folder, previewCsv only looks.
export { importCsv, type CsvImportRequest, type CsvImportResult, type ImportProgress, type ImportSummary } from './importCsv';
export { previewCsv, type ColumnPreview, type CsvPreview, type PreviewOptions } from './previewCsv';
export { CsvImportError } from './csv/errors';
export { MAX_CATEGORIES, MAX_CLASSES, MAX_INTEGER_CLASSES, type ColumnRef, type CsvImportOptions, type MissingPolicy } from './csv/options';
