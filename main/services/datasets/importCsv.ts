// Imports a CSV file into a dataset folder (engine/core/data/dataset.ts) in two streaming reads, so a file of
// any size imports in bounded memory. Everything is written into a temporary folder renamed into place at the
// end: a failed or cancelled import leaves nothing behind.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { DATASET_FILES, DATASET_VERSION, type DatasetManifest } from '../../../engine/core/data/dataset';
import { splitIndices, type SplitFractions, type SplitIndices } from '../../../engine/core/train/split';
import type { ImportNote } from '../../api/importNotes';
import { writeInt32File } from './csv/binaryFile';
import { CsvImportError } from './csv/errors';
import { fillValues, finishFeatures, TrainingStats } from './csv/finish';
import { readLayout, renamedColumnsNote } from './csv/layout';
import { DEFAULT_SPLIT, MAX_CLASSES, type CsvImportOptions, type MissingPolicy } from './csv/options';
import { classOfLabelKey, planImport, resolveColumn, type ImportPlan } from './csv/plan';
import { invalidByteNote, type TextEncoding } from './csv/reader';
import { scanCsv, type RowValues } from './csv/scan';
import type { CellSpool, SpoolFeature } from './csv/spool';
import { importScanSetup } from './csv/scanSetup';
import { splitFromColumn } from './csv/splitColumn';
import { writeRows } from './csv/write';
import { labelScaling } from './csv/targetScale';

export interface ImportProgress {
  /** 'reading': the first read (profiling); 'writing': the second read (writing rows); 'finishing': fills and statistics. */
  phase: 'reading' | 'writing' | 'finishing';
  bytesRead: number;
  totalBytes: number;
}

export interface CsvImportRequest extends CsvImportOptions {
  /** The folder holding dataset folders: the dataset goes to <datasetsDir>/<id>. */
  datasetsDir: string;
  /** Default: the file name without its extension. */
  name?: string;
  /** Default: a random UUID. */
  id?: string;
  onProgress?(progress: ImportProgress): void;
  /** Aborting cancels the import (nothing is left behind). */
  signal?: AbortSignal;
}

/** How the file was read and each column used, for the import dialog's result page. */
export interface ImportSummary {
  encoding: TextEncoding;
  delimiter: string;
  hasHeader: boolean;
  /** Data rows in the file, and those dropped for missing cells ('drop-row'). */
  rows: number;
  droppedRows: number;
  /** Missing cells that were filled (fill policies). */
  filledCells: number;
  /** Things the user should know that did not stop the import (a byte that is not UTF-8), as coded notes. */
  notices: ImportNote[];
  columns: Array<{
    name: string;
    role: 'feature' | 'label' | 'excluded' | 'split';
    kind?: 'numeric' | 'categorical';
    categories?: string[];
  }>;
}

export interface CsvImportResult {
  manifest: DatasetManifest;
  /** The dataset folder (absolute). */
  folder: string;
  summary: ImportSummary;
}

export async function importCsv(csvPath: string, request: CsvImportRequest): Promise<CsvImportResult> {
  const path = resolve(csvPath);
  const id = request.id ?? randomUUID();
  const datasetsDir = resolve(request.datasetsDir);
  const folder = join(datasetsDir, id);
  const temp = join(datasetsDir, `.importing-${id}`);
  if (existsSync(folder)) throw new CsvImportError({ file: path }, 'dataset-exists', { dataset: folder });
  try {
    return await importInto(path, id, folder, temp, request);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

async function importInto(
  path: string,
  id: string,
  folder: string,
  temp: string,
  request: CsvImportRequest,
): Promise<CsvImportResult> {
  const policy: MissingPolicy = request.missing ?? 'drop-row';
  if (!['drop-row', 'fill-mean', 'fill-most-frequent'].includes(policy))
    throw new CsvImportError({ file: path }, 'unknown-missing-policy', { policy: String(JSON.stringify(policy)) });
  const layout = readLayout(path, { delimiter: request.delimiter, hasHeader: request.hasHeader });
  const { names } = layout;
  const labelIndex = resolveColumn(path, names, request.labelColumn, 'label');
  const excluded = new Set((request.excludeColumns ?? []).map((ref) => resolveColumn(path, names, ref, 'excluded')));
  if (excluded.has(labelIndex))
    throw new CsvImportError({ file: path }, 'label-excluded', { column: names[labelIndex] });
  const categorical = new Set(
    (request.categoricalColumns ?? []).map((ref) => resolveColumn(path, names, ref, 'categorical')),
  );
  const splitIndex =
    request.splitColumn === undefined ? null : resolveColumn(path, names, request.splitColumn, 'split');
  if (splitIndex !== null) {
    const clash =
      splitIndex === labelIndex
        ? 'split-is-label'
        : excluded.has(splitIndex)
          ? 'split-excluded'
          : categorical.has(splitIndex)
            ? 'split-categorical'
            : null;
    if (clash) throw new CsvImportError({ file: path }, clash, { column: names[splitIndex] });
  }
  // The split column is read for each row's split, never as a feature.
  const used = names.map((_, c) => !excluded.has(c) && c !== splitIndex);
  const progress = (phase: ImportProgress['phase']) => (bytesRead: number) =>
    request.onProgress?.({ phase, bytesRead, totalBytes: layout.fileBytes });

  // First read: profile the columns, count the rows kept, number the labels.
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const setup = importScanSetup(path, layout, {
    used,
    labelIndex,
    splitIndex,
    missing: policy,
    spoolPath: join(temp, DATASET_FILES.features),
    signal: request.signal,
    onBytes: progress('reading'),
  });
  const { spool } = setup;
  const scan = await scanCsv(setup);
  if (scan.dataRows === 0)
    throw new CsvImportError({ file: path }, layout.hasHeader ? 'header-no-data-rows' : 'no-data-rows', {});
  if (scan.keptRows === 0) throw allRowsDropped(path, names, scan.dataRows, scan.droppedFor);
  const plan = planImport(path, scan.profiles, labelIndex, request.task, categorical);
  const count = scan.keptRows;
  const labels =
    plan.label.task === 'classification'
      ? classLabels(path, plan, scan.labelIds, scan.labelKeys, count, layout.decimalComma)
      : null;

  const seed = request.split?.seed ?? DEFAULT_SPLIT.seed;
  const { split, fractions, stratified } = splitIds(
    path,
    request,
    splitIndex === null ? null : names[splitIndex],
    scan.splitIds,
    count,
    labels,
  );
  const isTrain = new Uint8Array(count);
  for (const r of split.train) isTrain[r] = 1;

  // Second read: write the rows. Then fill missing cells and compute the statistics from the training rows.
  const fills = policy !== 'drop-row';
  const needsFill = plan.features.map((f) => fills && scan.profiles[f.index]!.missing > 0);
  // The first read spooled the feature cells: the second read is skipped when they make the plan's features.
  const standardize = request.standardize ?? true;
  const stats = standardize ? new TrainingStats(plan, isTrain) : undefined;
  const spooled = scan.spooled ? await spooledFeatures(spool, plan, needsFill, stats) : 'no';
  const written =
    spooled !== 'no'
      ? { sha256: scan.sha256, tallies: plan.features.map(() => null) }
      : await writeRows({
          path,
          encoding: layout.encoding,
          delimiter: layout.delimiter,
          hasHeader: layout.hasHeader,
          columnCount: names.length,
          plan,
          dropOnMissing: policy === 'drop-row' ? names.map((_, c) => c).filter((c) => used[c]) : [],
          decimalComma: layout.decimalComma,
          isTrain,
          expectedRows: count,
          needsFill,
          folder: temp,
          signal: request.signal,
          onBytes: progress('writing'),
        });
  if (written.sha256 !== scan.sha256) throw new CsvImportError({ file: path }, 'file-changed', {});
  request.signal?.throwIfAborted();
  request.onProgress?.({ phase: 'finishing', bytesRead: layout.fileBytes, totalBytes: layout.fileBytes });
  const fillWith = fillValues(path, plan, written.tallies, policy);
  // Rows the spool turned into features were counted on the way: nothing is left to fill or count.
  const normalization =
    spooled === 'counted'
      ? stats!.result()
      : finishFeatures(join(temp, DATASET_FILES.features), plan, fillWith, isTrain, standardize);

  // Read back before the folder is renamed into place, so that a failure leaves nothing behind.
  const scaling =
    plan.label.task === 'regression'
      ? labelScaling(plan.label.name, join(temp, DATASET_FILES.targets), split.train, request.labelScale)
      : null;
  if (labels) writeInt32File(join(temp, DATASET_FILES.labels), labels);
  for (const part of ['train', 'validation', 'test'] as const)
    writeInt32File(join(temp, DATASET_FILES.split[part]), split[part]);
  const manifest: DatasetManifest = {
    version: DATASET_VERSION,
    id,
    name: request.name?.trim() || basename(path, extname(path)),
    source: { kind: 'csv', path, sha256: scan.sha256! },
    table: { labelColumn: plan.label.name, delimiter: layout.delimiter, hasHeader: layout.hasHeader },
    count,
    featureShape: [plan.featureNames.length],
    featureNames: plan.featureNames,
    task: plan.label.task,
    ...(plan.label.task === 'classification'
      ? { classNames: plan.label.classNames }
      : { targetNames: [plan.label.name], targetNormalization: scaling?.targetNormalization ?? null }),
    normalization,
    split: {
      seed,
      ...fractions,
      stratified,
      counts: { train: split.train.length, validation: split.validation.length, test: split.test.length },
      ...(splitIndex === null ? {} : { column: names[splitIndex] }),
    },
  };
  writeFileSync(join(temp, DATASET_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  request.signal?.throwIfAborted();
  renameSync(temp, folder);
  const summary = summarize(
    layout,
    plan,
    names,
    excluded,
    splitIndex,
    scan.dataRows,
    scan.droppedRows,
    needsFill,
    scan.profiles,
  );
  const renamed = renamedColumnsNote(layout);
  if (renamed) summary.notices.push(renamed);
  if (scan.invalidByte) summary.notices.push(invalidByteNote(path, scan.invalidByte));
  if (scaling?.note) summary.notices.push(scaling.note);
  return { manifest, folder, summary };
}

/**
 * Makes the feature file from the first read's spool when it holds every feature as the plan reads it (classes,
 * nothing to fill, each numeric feature a column of plain numbers and each categorical one a column of texts):
 * 'kept' when the spool already is the feature file, 'counted' when it was turned into it with each row given to
 * `stats` (if any); 'no': the spool does not fit, and the second read writes the rows.
 */
async function spooledFeatures(
  spool: CellSpool,
  plan: ImportPlan,
  needsFill: boolean[],
  stats: TrainingStats | undefined,
): Promise<'kept' | 'counted' | 'no'> {
  if (plan.label.task !== 'classification' || plan.features.length !== spool.columns.length) return 'no';
  const features: SpoolFeature[] = [];
  for (const [k, f] of plan.features.entries()) {
    if (f.index !== spool.columns[k] || needsFill[k]) return 'no';
    if (f.kind === 'numeric') {
      if (spool.kinds[k] !== 'number') return 'no';
      features.push({ offset: f.offset });
      continue;
    }
    if (spool.kinds[k] !== 'text') return 'no';
    const remap = Int32Array.from(spool.keys[k], (key) => f.lookup.get(key) ?? -1);
    if (remap.includes(-1)) return 'no';
    features.push({ offset: f.offset, width: f.categories.length, remap });
  }
  // Only plain numbers, in plan order: the spool already is the feature file.
  if (features.every((f) => !('remap' in f))) {
    spool.syncToDisk();
    return 'kept';
  }
  await spool.writeFeatures(features, plan.featureNames.length, stats);
  return stats ? 'counted' : 'kept';
}

/** The rows of each split: from the split column when there is one, else seeded (and stratified) at random. */
function splitIds(
  path: string,
  request: CsvImportRequest,
  column: string | null,
  ids: RowValues | null,
  count: number,
  labels: Int32Array | null,
): { split: SplitIndices; fractions: SplitFractions; stratified: boolean } {
  if (column !== null && ids) {
    const perRow = new Int32Array(count);
    ids.mapInto(SPLIT_ID_TABLE, perRow);
    const split = splitFromColumn(path, column, perRow);
    const fractions = {
      train: split.train.length / count,
      validation: split.validation.length / count,
      test: split.test.length / count,
    };
    return { split, fractions, stratified: false };
  }
  const fractions = {
    train: request.split?.train ?? DEFAULT_SPLIT.train,
    validation: request.split?.validation ?? DEFAULT_SPLIT.validation,
    test: request.split?.test ?? DEFAULT_SPLIT.test,
  };
  const stratified = labels !== null && (request.split?.stratify ?? true);
  try {
    return {
      split: splitIndices(
        count,
        fractions,
        request.split?.seed ?? DEFAULT_SPLIT.seed,
        stratified ? labels! : undefined,
      ),
      fractions,
      stratified,
    };
  } catch (error) {
    throw new CsvImportError({ file: path }, 'split-failed', { reason: (error as Error).message });
  }
}

/** Names the columns that emptied the table, the emptiest first, with how many rows each is missing in. */
function allRowsDropped(path: string, names: string[], rows: number, droppedFor: number[]): CsvImportError {
  const columns = names
    .map((name, c) => ({ name, n: droppedFor[c] }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n);
  const listed = columns
    .slice(0, 5)
    .map((c, k) => `'${c.name}' in ${c.n}${k === 0 ? ` row${c.n === 1 ? '' : 's'}` : ''}`);
  const more = columns.length > 5 ? ` and ${columns.length - 5} more columns` : '';
  const missing = `${listed.join(', ')}${more}`;
  return columns.length === 1
    ? new CsvImportError({ file: path }, 'all-rows-dropped-one', { rows, missing, column: columns[0].name })
    : new CsvImportError({ file: path }, 'all-rows-dropped', { rows, missing });
}

const SPLIT_ID_TABLE = Int32Array.of(0, 1, 2);

function classLabels(
  path: string,
  plan: ImportPlan,
  labelIds: RowValues | null,
  keys: string[],
  count: number,
  decimalComma: boolean,
): Int32Array {
  if (plan.label.task !== 'classification') throw new Error('classLabels: not a classification label');
  if (!labelIds) {
    throw new CsvImportError({ file: path }, 'label-too-many-ways', { column: plan.label.name, max: MAX_CLASSES });
  }
  const labels = new Int32Array(count);
  labelIds.mapInto(classOfLabelKey(plan.label, keys, decimalComma), labels);
  return labels;
}

function summarize(
  layout: ReturnType<typeof readLayout>,
  plan: ImportPlan,
  names: string[],
  excluded: Set<number>,
  splitIndex: number | null,
  rows: number,
  droppedRows: number,
  needsFill: boolean[],
  profiles: Awaited<ReturnType<typeof scanCsv>>['profiles'],
): ImportSummary {
  const byIndex = new Map(plan.features.map((f) => [f.index, f]));
  return {
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    hasHeader: layout.hasHeader,
    rows,
    droppedRows,
    filledCells: plan.features.reduce((sum, f, k) => sum + (needsFill[k] ? profiles[f.index]!.missing : 0), 0),
    notices: [],
    columns: names.map((name, c) => {
      if (c === plan.label.index) return { name, role: 'label' as const };
      if (c === splitIndex) return { name, role: 'split' as const };
      if (excluded.has(c)) return { name, role: 'excluded' as const };
      const f = byIndex.get(c)!;
      return f.kind === 'numeric'
        ? { name, role: 'feature' as const, kind: 'numeric' as const }
        : { name, role: 'feature' as const, kind: 'categorical' as const, categories: f.categories };
    }),
  };
}
