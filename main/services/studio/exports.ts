// The studio's export: the run's weights to a file the user chose (desktop) or into the home's exports folder,
// offered as a download (web mode).
import { basename, join } from 'node:path';
import type { ExportFormat, ExportOptions, ExportResult } from '../../api/types';
import { exportFileName } from '../../api/exportNames';
import { exportRun } from '../exports/exportRun';
import type { Store } from '../store';
import type { HomeLayout } from './layout';

export function exportToFile(
  store: Store,
  layout: HomeLayout,
  runId: string,
  format: ExportFormat,
  options: ExportOptions,
): ExportResult {
  const run = store.runs.getRun(runId);
  const fileName = exportFileName(run.name, format);
  const path = options.path ?? join(layout.exports, runId, format, fileName);
  const result = exportRun(store, {
    runId,
    format,
    path,
    checkpoint: options.checkpoint,
    softmax: options.softmax,
    normalization: options.normalization,
  });
  return {
    record: result.record,
    files: result.files.map((f) => ({ name: basename(f.path), path: f.path, bytes: f.bytes })),
    notes: result.notes,
  };
}
