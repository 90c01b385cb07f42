// Export formats and the file names the studio offers for them: one rule for the CLI, web-mode exports and the
// desktop save dialog. Pure, so the renderer imports it too.
import type { ExportFormat } from './types';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['onnx', 'safetensors', 'pytorch'];

export const EXPORT_EXTENSION: Record<ExportFormat, string> = {
  onnx: '.onnx',
  safetensors: '.safetensors',
  pytorch: '.py',
};

/** A file name from the run's name: letters, digits, dashes and underscores. */
export function exportFileName(runName: string, format: ExportFormat): string {
  const stem =
    runName
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'model';
  return format === 'pytorch' ? `${stem}-train${EXPORT_EXTENSION.pytorch}` : `${stem}${EXPORT_EXTENSION[format]}`;
}
