// Where a dataset's fixed split came from: in the words the command line uses, and as the import's coded note.
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import type { ImportNote } from '../../api/importNotes';

/** The folders a split came from as the notes name them: "train/, test/". */
function folderNames(folders: NonNullable<DatasetManifest['split']['folders']>): string {
  const { train, validation, test } = folders;
  return [train, validation, test]
    .filter((f): f is string => f !== undefined)
    .map((f) => `${f}/`)
    .join(', ');
}

/** "from column 'split'" or "from folders train/, test/"; null for a seeded random split. */
export function splitSource(split: DatasetManifest['split']): string | null {
  if (split.column !== undefined) return `from column '${split.column}'`;
  if (split.folders) return `from folders ${folderNames(split.folders)}`;
  return null;
}

/** The import's note on a fixed split (its source and the rows of each part); null for a seeded random split. */
export function splitNote(split: DatasetManifest['split']): ImportNote | null {
  const { train, validation, test } = split.counts;
  if (split.column !== undefined)
    return { code: 'split-from-column', values: { column: split.column, train, validation, test } };
  if (split.folders)
    return { code: 'split-from-folders', values: { folders: folderNames(split.folders), train, validation, test } };
  return null;
}
