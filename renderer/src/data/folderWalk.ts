// A folder dropped on the window: walks its directory entries (DataTransferItem.webkitGetAsEntry) into a flat
// list of files with paths relative to the folder's parent ("shapes/bar/bar-003.png"), as <input webkitdirectory>
// gives them. Written against small interfaces so tests can hand it a fake tree.
import { StudioError } from '../lib/host';

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

/**
 * A folder or file the browser would not read, as the image import's own refusal (worded in the user's language);
 * the browser's words for why (a DOMException's English) only in the message, for logs.
 */
function unreadable(path: string, error: unknown): StudioError {
  return new StudioError({
    message: `${path}: cannot be read (${String(error)})`,
    code: 'images-path-unreadable',
    params: { folder: path },
  });
}

function readAll(directory: WalkDirectoryEntry, path: string): Promise<WalkEntry[]> {
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
        (error) => reject(unreadable(path, error)),
      );
    next();
  });
}

function fileOf(entry: WalkFileEntry, path: string): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, (error) => reject(unreadable(path, error))));
}

/** Every file under the entry (hidden files such as .DS_Store left out), sorted by path. */
export async function walkEntry(entry: WalkEntry, prefix = ''): Promise<FolderFile[]> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.name.startsWith('.') && prefix) return [];
  if (entry.isFile) return [{ file: await fileOf(entry, path), relativePath: path }];
  const children = await readAll(entry, path);
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
