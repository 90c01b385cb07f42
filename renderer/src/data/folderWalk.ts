// A folder dropped on the window: walks its directory entries (DataTransferItem.webkitGetAsEntry) into a flat
// list of files with paths relative to the folder's parent ("shapes/bar/bar-003.png"), as <input webkitdirectory>
// gives them. Written against small interfaces so tests can hand it a fake tree.

export interface WalkFileEntry {
  isFile: true;
  isDirectory: false;
  name: string;
  file(success: (file: File) => void, failure?: (error: unknown) => void): void;
}

export interface WalkDirectoryEntry {
  isFile: false;
  isDirectory: true;
  name: string;
  createReader(): { readEntries(success: (entries: WalkEntry[]) => void, failure?: (error: unknown) => void): void };
}

export type WalkEntry = WalkFileEntry | WalkDirectoryEntry;

export interface FolderFile {
  file: File;
  relativePath: string;
}

function readAll(directory: WalkDirectoryEntry): Promise<WalkEntry[]> {
  const reader = directory.createReader();
  const all: WalkEntry[] = [];
  // readEntries hands out entries in batches (100 in Chromium) until it returns an empty one.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries(
        (batch) => {
          if (batch.length === 0) {
            resolve(all);
            return;
          }
          all.push(...batch);
          next();
        },
        (error) => reject(new Error(`cannot read the folder ${directory.name}: ${String(error)}`)),
      );
    next();
  });
}

function fileOf(entry: WalkFileEntry, path: string): Promise<File> {
  return new Promise((resolve, reject) =>
    entry.file(resolve, (error) => reject(new Error(`cannot read ${path}: ${String(error)}`))),
  );
}

/** Every file under the entry (hidden files such as .DS_Store left out), sorted by path. */
export async function walkEntry(entry: WalkEntry, prefix = ''): Promise<FolderFile[]> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.name.startsWith('.') && prefix) return [];
  if (entry.isFile) return [{ file: await fileOf(entry, path), relativePath: path }];
  const children = await readAll(entry);
  const nested = await Promise.all(children.map((child) => walkEntry(child, path)));
  return nested.flat().sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
}

/** Files from <input webkitdirectory>, with the relative paths the browser gives them. */
export function filesFromInput(files: FileList | File[]): FolderFile[] {
  return [...files]
    .map((file) => ({
      file,
      relativePath: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name,
    }))
    .filter((f) => !f.relativePath.split('/').some((part) => part.startsWith('.')));
}
