// The first pass of an image-folder import: which sub-folders are classes and which files each holds. Nothing
// is read yet. Hidden entries are ignored; anything that cannot be a class image is listed as skipped.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { systemReasonValues } from '../../../api/quotedReasons';
import { ImageImportError } from './errors';
import { skipBecause, type SkipWords } from './skipReason';

export interface ClassFolder {
  name: string;
  /** Sorted by code point. */
  files: ListedFile[];
}

export interface ListedFile {
  /** Absolute. */
  path: string;
  /** Relative to the imported folder ("cats/001.png" with the system's separator), made once here. */
  relative: string;
  /** Size when listed, for progress by bytes. */
  bytes: number;
}

export interface SkippedFile extends SkipWords {
  /** Relative to the imported folder. */
  path: string;
}

/** A folder inside a class folder: not imported (classes are one level deep), with the files under it. */
export interface IgnoredFolder {
  /** Relative to the imported folder. */
  path: string;
  /** Visible files anywhere under it (images or not), so the user sees what was left out. */
  files: number;
}

export interface FolderListing {
  /** Sorted by code point, so class indices do not depend on the locale or the file system's order. */
  classes: ClassFolder[];
  skipped: SkippedFile[];
  ignoredFolders: IgnoredFolder[];
}

/** Compares by Unicode code point (plain `<` compares UTF-16 units, which puts U+E000..U+FFFF after astral characters). */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Moves surrogates (which encode code points above U+FFFF) after U+E000..U+FFFF, keeping every other order. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

export function listImageFolder(folder: string): FolderListing {
  let stats;
  try {
    stats = statSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ImageImportError('no-such-folder', { folder });
    throw new ImageImportError('folder-unreadable', { folder, ...systemReasonValues(error) });
  }
  if (!stats.isDirectory()) throw new ImageImportError('not-a-folder', { folder });

  const skipped: SkippedFile[] = [];
  const ignoredFolders: IgnoredFolder[] = [];
  const classes: ClassFolder[] = [];
  for (const name of visibleEntries(folder, folder)) {
    const found = look(join(folder, name));
    switch (found.kind) {
      case 'folder':
        classes.push({ name, files: classFiles(folder, name, skipped, ignoredFolders) });
        break;
      case 'file':
        skipped.push({ path: name, ...skipBecause({ code: 'outside-class-folders', values: {} }) });
        break;
      case 'other':
        skipped.push({ path: name, ...skipBecause({ code: 'not-a-file-or-folder', values: {} }) });
        break;
      case 'unreadable':
        skipped.push({ path: name, ...skipBecause({ code: 'link-or-permission', values: {} }) });
        break;
      default:
        throw new Error(`unknown entry kind ${JSON.stringify(found satisfies never)}`);
    }
  }
  return { classes, skipped, ignoredFolders };
}

function classFiles(root: string, className: string, skipped: SkippedFile[], ignored: IgnoredFolder[]): ListedFile[] {
  const dir = join(root, className);
  const files: ListedFile[] = [];
  for (const name of visibleEntries(root, dir)) {
    // Plain concatenation: entry names hold no separator, and path.join per file is measurable on 70,000 files.
    const path = dir + sep + name;
    const where = className + sep + name;
    const found = look(path);
    switch (found.kind) {
      case 'file':
        files.push({ path, relative: where, bytes: found.bytes });
        break;
      case 'folder': {
        const files = filesUnder(path);
        ignored.push({ path: where, files });
        const code = files === 1 ? 'nested-folder-one' : 'nested-folder';
        skipped.push({ path: where, ...skipBecause({ code, values: { className, files } }) });
        break;
      }
      case 'other':
        skipped.push({ path: where, ...skipBecause({ code: 'not-a-file', values: {} }) });
        break;
      case 'unreadable':
        skipped.push({ path: where, ...skipBecause({ code: 'link-or-permission', values: {} }) });
        break;
      default:
        throw new Error(`unknown entry kind ${JSON.stringify(found satisfies never)}`);
    }
  }
  return files;
}

/** Visible files anywhere under `dir` (links followed; a link loop ends at the depth limit). */
function filesUnder(dir: string, depth = 0): number {
  if (depth > MAX_COUNT_DEPTH) return 0;
  let entries: string[];
  try {
    entries = readdirSync(dir).filter((name) => !name.startsWith('.'));
  } catch {
    return 0;
  }
  let n = 0;
  for (const name of entries) {
    const found = look(join(dir, name));
    if (found.kind === 'file') n++;
    else if (found.kind === 'folder') n += filesUnder(join(dir, name), depth + 1);
  }
  return n;
}

const MAX_COUNT_DEPTH = 16;

/** Entries not hidden (dot files such as .DS_Store, and folders such as .git), sorted by code point. */
function visibleEntries(root: string, dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    const reason = systemReasonValues(error);
    if (dir === root) throw new ImageImportError('folder-unlistable', { folder: root, ...reason });
    throw new ImageImportError('class-folder-unlistable', { folder: root, subfolder: relative(root, dir), ...reason });
  }
  return entries.filter((name) => !name.startsWith('.')).sort(byCodePoint);
}

/** What a path is, following links, so a class folder or an image may be a link. */
function look(path: string): { kind: 'file'; bytes: number } | { kind: 'folder' | 'other' | 'unreadable' } {
  try {
    const stats = statSync(path);
    if (stats.isFile()) return { kind: 'file', bytes: stats.size };
    return { kind: stats.isDirectory() ? 'folder' : 'other' };
  } catch {
    return { kind: 'unreadable' };
  }
}
