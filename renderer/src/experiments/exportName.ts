// The export dialog's choices: formats in the user's words, and the file name offered in the save dialog (the
// same rule the studio uses for web-mode exports).
import type { ExportFormat } from '../../../main/api/types';

export const EXPORT_FORMATS: ReadonlyArray<{ format: ExportFormat; title: string }> = [
  { format: 'onnx', title: 'ONNX' },
  { format: 'safetensors', title: 'safetensors' },
  { format: 'pytorch', title: 'PyTorch script' },
];

export { exportFileName } from '../../../main/api/exportNames';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
