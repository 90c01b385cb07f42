// `netwright import FILE.csv --label COLUMN` or `netwright import FOLDER --image-size HxW`: imports a CSV table or
// an image folder (one sub-folder per class) into a dataset folder under NETWRIGHT_HOME and prints what was made of
// it (columns or classes, skipped files, split sizes) and the folder for `train --data`.
import { existsSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { IMAGE_FITS, importCsv, importImages, type ImageFit, type ImageImportResult } from '../services/datasets';
import type { DatasetManifest, Task } from '../../engine/core/data/dataset';
import { IMPORT_NOTES } from '../api/importNotes';
import { noteInEnglish } from '../api/notes';
import { openStore, registerDataset } from '../services/store';
import { splitNote } from '../services/datasets/splitSource';
import { homeLayout } from '../services/studio/layout';
import { choiceOption, parseArgs, stringOption, UsageError, type ParsedArgs } from './args';
import { LABEL_SCALES, type LabelScale } from '../services/datasets/csv/options';
import { netwrightHome } from './home';
import { IMPORT_MODEL_USAGE, importModelCommand } from './importModel';
import { CliError } from './errorWords';
import { IMPORT_WORDS } from './importWords';
import { HELP_WORDS } from './helpWords';
import { cliLocale, inEachLanguage, speaker, type CliLocale } from './locale';
import { IMPORT_NOTE_WORDS, noteText, SKIP_REASON_WORDS } from './noteWords';
import { TRAINING_WORDS } from './trainingWords';

// The second line is indented to sit under the first in `netwright help`.
export const IMPORT_USAGE = inEachLanguage(
  (locale) =>
    'netwright import FILE.csv --label COLUMN [--task classification|regression] [--missing drop-row|fill-mean|fill-most-frequent] [--split-column COLUMN] [--label-scale auto|standardize|keep] [--name NAME] [--json]\n' +
    `            netwright import FOLDER --image-size HEIGHTxWIDTH [--grayscale] [--fit fill|cover|contain] [--name NAME] [--json]   ${HELP_WORDS[locale].importFolderNote}\n` +
    `            ${IMPORT_MODEL_USAGE}   ${HELP_WORDS[locale].importModelNote}`,
);

/** Skipped files listed one per line before the rest are only counted (--json lists them all). */
const SKIPPED_SHOWN = 20;

export async function importCsvFile(
  path: string,
  label: string,
  options: {
    task?: Task;
    missing?: string;
    splitColumn?: string;
    labelScale?: LabelScale;
    name?: string;
    signal?: AbortSignal;
  },
) {
  if (!existsSync(path)) throw new CliError('no-such-file', { file: path });
  const name = options.name ?? basename(path, extname(path));
  const task = options.task;
  if (task !== undefined && task !== 'classification' && task !== 'regression')
    throw new CliError('task-choice', { task });
  const missing = options.missing as 'drop-row' | 'fill-mean' | 'fill-most-frequent' | undefined;
  return importCsv(path, {
    labelColumn: label,
    task,
    missing,
    splitColumn: options.splitColumn,
    labelScale: options.labelScale,
    datasetsDir: join(netwrightHome(), 'datasets'),
    name,
    signal: options.signal,
  });
}

/** Records an imported dataset in the store, so `train --data NAME` and the studio list it. */
function register(manifest: DatasetManifest, folder: string): void {
  const store = openStore(homeLayout(netwrightHome()).database);
  try {
    registerDataset(store, manifest, folder);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true }); // nothing half-imported stays behind
    throw error;
  } finally {
    store.close();
  }
}

export async function importCommand(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    {
      values: ['label', 'task', 'missing', 'split-column', 'label-scale', 'name', 'image-size', 'fit'],
      flags: ['json', 'grayscale'],
    },
    IMPORT_USAGE,
  );
  const [path] = args.positional;
  if (!path) throw new UsageError('file-or-folder-to-import', {}, IMPORT_USAGE);
  if (path.toLowerCase().endsWith('.onnx')) return importModelCommand(path, args);
  // A missing path with --image-size goes to the image importer, which says there is no such folder.
  const folder = isFolder(path) || (!existsSync(path) && args.options.has('image-size'));
  return cancellable((signal) =>
    folder ? importFolderCommand(path, args, signal) : importCsvCommand(path, args, signal),
  );
}

async function importCsvCommand(file: string, args: ParsedArgs, signal: AbortSignal): Promise<number> {
  for (const option of ['image-size', 'grayscale', 'fit']) {
    if (args.options.has(option)) throw new UsageError('image-options-for-folders', { option, file }, IMPORT_USAGE);
  }
  if (
    !file.toLowerCase().endsWith('.csv') &&
    !file.toLowerCase().endsWith('.tsv') &&
    !file.toLowerCase().endsWith('.txt')
  ) {
    throw new UsageError('only-tables-and-folders', { file }, IMPORT_USAGE);
  }
  const label = args.options.get('label');
  if (typeof label !== 'string') throw new UsageError('label-to-import', {}, IMPORT_USAGE);
  const result = await importCsvFile(file, label, {
    task: args.options.has('task') ? (stringOption(args, 'task', '') as Task) : undefined,
    missing: args.options.has('missing') ? stringOption(args, 'missing', '') : undefined,
    splitColumn: args.options.has('split-column') ? stringOption(args, 'split-column', '') : undefined,
    labelScale: choiceOption(args, 'label-scale', LABEL_SCALES, 'auto'),
    name: args.options.has('name') ? stringOption(args, 'name', '') : undefined,
    signal,
  });
  const { manifest, folder } = result;
  register(manifest, folder);
  if (args.options.has('json')) {
    const notices = result.summary.notices.map((note) => ({ ...note, text: noteInEnglish(IMPORT_NOTES, note) }));
    process.stdout.write(`${JSON.stringify({ folder, manifest, summary: { ...result.summary, notices } })}\n`);
  } else {
    const locale = cliLocale();
    const words = speaker(IMPORT_WORDS, locale);
    const imported = words('tableImported', {
      rows: manifest.count,
      file,
      name: manifest.name,
      task: words(`task_${manifest.task}`),
      classes: manifest.classNames ? words('classCount', { classes: manifest.classNames.length }) : '',
      features: manifest.featureShape[0],
    });
    process.stdout.write(`${[imported, ...folderLines(manifest, folder, locale)].join('\n')}\n`);
    for (const notice of result.summary.notices)
      process.stderr.write(`${words('note', { text: noteText(IMPORT_NOTE_WORDS, notice, locale) })}\n`);
  }
  return 0;
}

async function importFolderCommand(folder: string, args: ParsedArgs, signal: AbortSignal): Promise<number> {
  for (const option of ['label', 'task', 'missing', 'split-column', 'label-scale']) {
    if (args.options.has(option)) throw new UsageError('table-options-for-tables', { option }, IMPORT_USAGE);
  }
  if (!args.options.has('image-size')) throw new UsageError('image-size-needed', {}, IMPORT_USAGE);
  const size = parseImageSize(stringOption(args, 'image-size', ''));
  const fit = stringOption(args, 'fit', 'fill') as ImageFit;
  if (!IMAGE_FITS.includes(fit))
    throw new UsageError('not-a-choice', { option: 'fit', choices: IMAGE_FITS.join(', '), value: fit }, IMPORT_USAGE);
  const grayscale = args.options.has('grayscale');
  const progress = new FolderProgress(process.stderr);
  let result: ImageImportResult;
  try {
    result = await importImages(folder, {
      size,
      grayscale,
      fit,
      datasetsDir: join(netwrightHome(), 'datasets'),
      signal,
      name: args.options.has('name') ? stringOption(args, 'name', '') : undefined,
      onProgress: (p) => progress.update(p.filesRead, p.totalFiles),
    });
  } finally {
    progress.clear();
  }
  const { manifest, classCounts, skipped } = result;
  register(manifest, result.folder);
  if (args.options.has('json')) {
    process.stdout.write(
      `${JSON.stringify({
        folder: result.folder,
        manifest,
        classCounts,
        // Each with its reason in English and as a code with values.
        skipped: skipped.map(({ path, reason, why }) => ({ path, reason, code: why.code, values: why.values })),
        ignoredFolders: result.ignoredFolders,
      })}\n`,
    );
    return 0;
  }
  const locale = cliLocale();
  const words = speaker(IMPORT_WORDS, locale);
  const classNames = manifest.classNames ?? [];
  const [channels, height, width] = manifest.featureShape;
  const lines = [
    words('imagesImported', {
      images: manifest.count,
      folder,
      name: manifest.name,
      classes: classNames.length,
      colour: words(grayscale ? 'colour_grayscale' : 'colour_rgb'),
      height,
      width,
      fit,
      channels,
    }),
    words('classes', {
      classes: classNames.map((name) => `${name} ${classCounts[name]}`).join(TRAINING_WORDS[locale].listSeparator),
    }),
  ];
  if (skipped.length > 0) {
    lines.push(words(skipped.length === 1 ? 'skippedOne' : 'skippedMany', { files: skipped.length }));
    for (const s of skipped.slice(0, SKIPPED_SHOWN))
      lines.push(`  ${s.path}: ${noteText(SKIP_REASON_WORDS, s.why, locale)}`);
    if (skipped.length > SKIPPED_SHOWN) lines.push(words('skippedMore', { files: skipped.length - SKIPPED_SHOWN }));
  }
  lines.push(...folderLines(manifest, result.folder, locale));
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** "28x28", "32X48" or "64×64" (height × width), or one number for a square. */
export function parseImageSize(text: string): [number, number] {
  const match = /^\s*(\d+)\s*(?:[xX×]\s*(\d+))?\s*$/.exec(text);
  const height = match ? Number(match[1]) : NaN;
  const width = match ? Number(match[2] ?? match[1]) : NaN;
  if (!(height >= 1 && width >= 1)) throw new UsageError('image-size-format', { value: text }, IMPORT_USAGE);
  return [height, width];
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The split, where the dataset folder is and how to train it. */
function folderLines(manifest: DatasetManifest, folder: string, locale: CliLocale): string[] {
  const words = speaker(IMPORT_WORDS, locale);
  const { counts, seed } = manifest.split;
  const note = splitNote(manifest.split);
  const source =
    note?.code === 'split-from-column'
      ? words('splitFromColumn', note.values)
      : note?.code === 'split-from-folders'
        ? words('splitFromFolders', note.values)
        : words('splitSeed', { seed });
  return [
    words('split', { ...counts, source }),
    words('datasetFolder', { folder }),
    words('trainIt', { command: `netwright train --data ${folder}` }),
  ];
}

/** Runs an import that Ctrl-C cancels cleanly: the importer removes its half-written folder before the process ends. */
async function cancellable(run: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    return await run(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw new CliError('import-cancelled');
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

/** "reading images 1200/60000" redrawn in place on a terminal; nothing when output goes to a file. */
class FolderProgress {
  private shown = 0;
  private lastFiles = -1;
  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(filesRead: number, totalFiles: number): void {
    if (!this.stream.isTTY || totalFiles === 0 || filesRead === this.lastFiles) return;
    if (filesRead % 100 !== 0 && filesRead !== totalFiles) return; // redraw every 100 files
    this.lastFiles = filesRead;
    const text = `reading images ${filesRead}/${totalFiles}`;
    this.stream.write(`\r${text.padEnd(this.shown)}`);
    this.shown = text.length;
  }

  clear(): void {
    if (this.shown > 0) this.stream.write(`\r${' '.repeat(this.shown)}\r`);
    this.shown = 0;
  }
}
