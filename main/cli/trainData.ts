// What `train` trains on, as a dataset recorded in the store: a shipped sample, a CSV file (imported, or the
// dataset imported from the same unchanged file with the same label before), a dataset folder (registered when the
// store does not know its id yet), or a dataset already in the store by id, id prefix or name.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Task } from '../../engine/core/data/dataset';
import { readManifest } from '../../engine/host/common/datasetFiles';
import { registerDataset } from '../services/store';
import type { DatasetRecord } from '../services/store/types';
import { SAMPLES } from '../services/studio/samples';
import type { Studio } from '../services/studio/studio';
import { choiceOption, optionalString, UsageError, type ParsedArgs } from './args';
import { CliError } from './errorWords';
import { speaker, type CliLocale, type InEachLanguage } from './locale';
import { IMPORT_NOTE_WORDS, noteText } from './noteWords';
import { TRAINING_WORDS } from './trainingWords';

const TABLE_FILE = /\.(csv|tsv|txt)$/i;

/** The options trainingDataset reads (commands that train list them among their own). */
export const TRAINING_DATA_OPTIONS = ['sample', 'data', 'label', 'task', 'split-column'];

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

const sameColumn = (a: string | undefined, b: string | undefined) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/** The same file, unchanged, imported earlier with the same label and split columns (and task, when one is asked for). */
async function importedBefore(
  studio: Studio,
  path: string,
  label: string,
  task: Task | undefined,
  splitColumn: string | undefined,
): Promise<DatasetRecord | undefined> {
  const candidates = (await studio.listDatasets()).filter(
    (d) =>
      d.kind === 'csv' &&
      d.sourcePath === path &&
      sameColumn(d.manifest.table?.labelColumn, label) &&
      sameColumn(d.manifest.split.column, splitColumn) &&
      (task === undefined || d.manifest.task === task),
  );
  if (candidates.length === 0) return undefined;
  const sha = await sha256Of(path);
  return candidates.find((d) => d.sourceSha256 === sha && existsSync(d.folder));
}

async function fromTable(
  studio: Studio,
  args: ParsedArgs,
  file: string,
  locale: CliLocale,
): Promise<{ dataset: DatasetRecord; note: string }> {
  const label = args.options.get('label');
  if (typeof label !== 'string') throw new UsageError('label-of-table', { file });
  const task = args.options.has('task')
    ? choiceOption(args, 'task', ['classification', 'regression'] as const, 'classification')
    : undefined;
  const splitColumn = optionalString(args, 'split-column');
  const path = resolve(file);
  const earlier = await importedBefore(studio, path, label, task, splitColumn);
  const words = speaker(TRAINING_WORDS, locale);
  if (earlier)
    return {
      dataset: earlier,
      note: words('datasetImportedBefore', { name: earlier.name, id: earlier.id.slice(0, 8) }),
    };
  const { dataset, notes } = await studio.importCsv(
    { kind: 'path', path },
    { label, ...(task ? { task } : {}), ...(splitColumn ? { splitColumn } : {}) },
  );
  return {
    dataset,
    note: words('datasetImported', {
      file,
      name: dataset.name,
      id: dataset.id.slice(0, 8),
      notes: notes.map((n) => noteText(IMPORT_NOTE_WORDS, n, locale)).join(TRAINING_WORDS[locale].semicolon),
    }),
  };
}

/** A dataset folder: its record when the store knows the manifest's id, else registered now. */
function fromFolder(studio: Studio, folder: string, locale: CliLocale): { dataset: DatasetRecord; note: string } {
  const words = speaker(TRAINING_WORDS, locale);
  const manifest = readManifest(folder);
  const known = studio.store.datasets.listDatasets().find((d) => d.id === manifest.id);
  if (known) return { dataset: known, note: words('datasetUsing', { name: known.name, id: known.id.slice(0, 8) }) };
  const dataset = registerDataset(studio.store, manifest, resolve(folder));
  return {
    dataset,
    note: words('datasetRegistered', { folder, name: dataset.name, id: dataset.id.slice(0, 8) }),
  };
}

/** A dataset in the store named by id, unique id prefix or exact name. */
function fromStore(studio: Studio, ref: string, locale: CliLocale): { dataset: DatasetRecord; note: string } {
  const all = studio.store.datasets.listDatasets();
  const exact = all.filter((d) => d.id === ref || d.name === ref);
  const matches = exact.length > 0 ? exact : ref.length >= 4 ? all.filter((d) => d.id.startsWith(ref)) : [];
  if (matches.length === 1) {
    const [dataset] = matches;
    return {
      dataset,
      note: speaker(TRAINING_WORDS, locale)('datasetUsing', { name: dataset.name, id: dataset.id.slice(0, 8) }),
    };
  }
  if (matches.length > 1) {
    const datasets = matches.map((d) => `${d.id.slice(0, 8)} '${d.name}'`).join(', ');
    throw new CliError('data-matches-datasets', { ref, count: matches.length, datasets });
  }
  throw new CliError('no-such-data', { ref });
}

export async function trainingDataset(
  studio: Studio,
  args: ParsedArgs,
  usage: InEachLanguage,
  locale: CliLocale,
): Promise<{ dataset: DatasetRecord; note: string }> {
  const sample = args.options.get('sample');
  const data = args.options.get('data');
  if (typeof sample === 'string' && typeof data === 'string')
    throw new UsageError('not-both', { first: 'sample', second: 'data' }, usage);
  if (typeof sample === 'string') {
    if (args.options.has('label') || args.options.has('task') || args.options.has('split-column')) {
      throw new UsageError('table-options-not-sample', {}, usage);
    }
    // The studio's own refusal is English only; the same sentence, worded in the CLI's tables.
    if (!SAMPLES.some((s) => s.name === sample))
      throw new CliError('no-sample', { sample, samples: SAMPLES.map((s) => s.name).join(', ') });
    const dataset = await studio.useSample(sample);
    return { dataset, note: speaker(TRAINING_WORDS, locale)('datasetSample', { name: dataset.name }) };
  }
  if (typeof data !== 'string') throw new UsageError('what-to-train-on', {}, usage);
  const table = TABLE_FILE.test(data) || (existsSync(data) && statSync(data).isFile());
  if (!table && (args.options.has('label') || args.options.has('task') || args.options.has('split-column'))) {
    throw new UsageError('table-options-need-csv', {}, usage);
  }
  if (table) {
    if (!existsSync(data)) throw new CliError('no-such-file', { file: data });
    return fromTable(studio, args, data, locale);
  }
  if (existsSync(data)) return fromFolder(studio, data, locale);
  return fromStore(studio, data, locale);
}
