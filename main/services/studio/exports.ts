// The studio's export: the run's weights to a file the user chose (desktop) or into the home's exports folder,
// offered as a download (web mode).
import { basename, join } from 'node:path';
import type { ExportFormat, ExportOptions, ExportResult } from '../../api/types';
import { DEFAULT_EXTENSION, exportRun } from '../exports/exportRun';
import type { Store } from '../store';
import type { HomeLayout } from './layout';

/** A file name from the run's name: letters, digits, dashes and underscores. */
export function exportFileName(runName: string, format: ExportFormat): string {
  const stem = runName.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'model';
  return format === 'pytorch' ? `${stem}-train${DEFAULT_EXTENSION.pytorch}` : `${stem}${DEFAULT_EXTENSION[format]}`;
}

export function exportToFile(store: Store, layout: HomeLayout, runId: string, format: ExportFormat, options: ExportOptions): ExportResult {
  const run = store.runs.getRun(runId);
  const fileName = exportFileName(run.name, format);
  const path = options.path ?? join(layout.exports, runId, format, fileName);
  const result = exportRun(store, { runId, format, path, checkpoint: options.checkpoint, softmax: options.softmax, normalization: options.normalization });
  return { record: result.record, files: result.files.map((f) => ({ name: basename(f.path), path: f.path, bytes: f.bytes })), notes: result.notes };
}
