// Where a dataset's fixed split came from, in the words the command line and the import notes use.
import type { DatasetManifest } from '../../../engine/core/data/dataset';

/** "from column 'split'" or "from folders train/, test/"; null for a seeded random split. */
export function splitSource(split: DatasetManifest['split']): string | null {
  if (split.column !== undefined) return `from column '${split.column}'`;
  if (split.folders) {
    const { train, validation, test } = split.folders;
    const names = [train, validation, test].filter((f): f is string => f !== undefined);
    return `from folders ${names.map((f) => `${f}/`).join(', ')}`;
  }
  return null;
}
