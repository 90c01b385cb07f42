// An image folder that fixes its own split: train/ (and optionally validation/ or val/, and test/) side by side, each
// with one sub-folder per class, as many public datasets ship so their official test set stays the test set. Detected
// from the folder's sub-folder names; every split folder must hold the same classes as train/.
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { nameListValues } from '../../../api/nameLists';
import { ImageImportError } from './errors';
import { byCodePoint, listImageFolder, type ClassFolder, type FolderListing } from './list';

export type SplitPart = 'train' | 'validation' | 'test';

/** The folder names each part may have (lower case). */
const PART_NAMES: Record<SplitPart, readonly string[]> = {
  train: ['train', 'training'],
  validation: ['validation', 'val', 'valid'],
  test: ['test', 'testing'],
};

/** Which sub-folder holds each part: train always, the others when present. */
export type SplitFolderNames = { train: string } & Partial<Record<'validation' | 'test', string>>;

/**
 * The split folders of `folder` when its visible sub-folders are all split folders, one of them train/ (null when
 * the folder is laid out the usual way, one sub-folder per class).
 */
export function detectSplitFolders(folder: string): SplitFolderNames | null {
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((name) => !name.startsWith('.'))
      .filter((name) => {
        try {
          return statSync(join(folder, name)).isDirectory();
        } catch {
          return false;
        }
      })
      .sort(byCodePoint);
  } catch {
    return null; // listImageFolder says why the folder cannot be read
  }
  const found: Partial<Record<SplitPart, string>> = {};
  for (const name of names) {
    const part = (Object.keys(PART_NAMES) as SplitPart[]).find((p) => PART_NAMES[p].includes(name.toLowerCase()));
    if (!part || found[part]) return null; // a class folder, or two folders for one part: not a split layout
    found[part] = name;
  }
  return found.train ? (found as SplitFolderNames) : null;
}

export interface SplitListing {
  /** The classes (train/'s, in order), each with its files from every split folder, train first. */
  classes: ClassFolder[];
  /** The part of each file, in the order of `classes`' files. */
  parts: SplitPart[][];
  skipped: FolderListing['skipped'];
  ignoredFolders: FolderListing['ignoredFolders'];
}

/**
 * Lists every split folder and checks that each holds exactly train/'s classes (refused naming the folder and the
 * classes that differ). Paths in the listing are relative to `source` (train/cats/1.png).
 */
export function listSplitFolders(source: string, folders: SplitFolderNames): SplitListing {
  const parts = (['train', 'validation', 'test'] as const).filter((p) => folders[p] !== undefined);
  const listings = parts.map((part) => ({
    part,
    name: folders[part]!,
    listing: listImageFolder(join(source, folders[part]!)),
  }));
  const train = listings[0].listing.classes.map((c) => c.name);
  for (const { name, listing } of listings.slice(1)) {
    const here = listing.classes.map((c) => c.name);
    const missing = train.filter((c) => !here.includes(c));
    const extra = here.filter((c) => !train.includes(c));
    if (missing.length || extra.length) {
      const where = { folder: join(source, name), train: folders.train, ...nameListValues('classes', train) };
      const lacks = nameListValues('missing', missing);
      const has = nameListValues('extra', extra);
      if (!extra.length) throw new ImageImportError('split-classes-missing', { ...where, ...lacks });
      if (!missing.length) throw new ImageImportError('split-classes-extra', { ...where, ...has });
      throw new ImageImportError('split-classes-differ', { ...where, ...lacks, ...has });
    }
  }
  const prefix = (name: string, path: string) => `${name}${sep}${path}`;
  const classes: ClassFolder[] = train.map((className) => ({ name: className, files: [] }));
  const fileParts: SplitPart[][] = train.map(() => []);
  for (const { part, name, listing } of listings) {
    for (const folder of listing.classes) {
      const k = train.indexOf(folder.name);
      for (const file of folder.files) {
        classes[k].files.push({ ...file, relative: prefix(name, file.relative) });
        fileParts[k].push(part);
      }
    }
  }
  return {
    classes,
    parts: fileParts,
    skipped: listings.flatMap(({ name, listing }) =>
      listing.skipped.map((s) => ({ ...s, path: prefix(name, s.path) })),
    ),
    ignoredFolders: listings.flatMap(({ name, listing }) =>
      listing.ignoredFolders.map((f) => ({ ...f, path: prefix(name, f.path) })),
    ),
  };
}
