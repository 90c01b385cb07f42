// A large import's first read in two threads (secondPart.ts): the worker's part is joined as if one thread had read
// every row, so the dataset and every error are the ones one thread gives; the split is only taken at a line
// break outside quotes, and a worker that stops or a cancelled import ends the worker without hanging.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATASET_FILES } from '../../../../engine/core/data/dataset';
import { Rng } from '../../../../engine/core/rng';
import { importCsv, type CsvImportRequest } from '../index';
import { tempFolder, type TempFolder } from '../testHelpers';
import { MAX_CATEGORIES } from './options';
import { readLayout } from './layout';
import { scanCsv, type ScanSetup } from './scan';
import { importScanSetup } from './scanSetup';
import { CellSpool, type SpoolFeature } from './spool';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => {
  delete process.env.NETWRIGHT_CSV_THREADS;
  delete process.env.NETWRIGHT_CSV_SPLIT_BYTES;
  temp.remove();
});

const CITIES = ['Berlin', 'Warsaw', 'Lyon', 'Zürich', '  Porto ', 'Kraków'];

/**
 * A mixed table: decimals, integers, categories (padded, non-ASCII, quoted with a comma or a line break inside),
 * empty cells, and a yes/no label; `tail` rows are appended as they are (the second half's surprises).
 */
function mixedTable(rows: number, { missing = false, tail = [] as string[] } = {}): string[] {
  const rng = new Rng(5);
  const lines = ['x1,x2,n,city,plan,label'];
  for (let r = 0; r < rows; r++) {
    const plan = ['basic', '"pro, yearly"', '"team\nplan"', 'free'][rng.int(4)];
    const x2 = missing && r % 97 === 5 ? '' : (rng.uniform() * 200 - 100).toFixed(4);
    lines.push(
      [(rng.uniform() * 10).toFixed(2), x2, rng.int(300), CITIES[rng.int(6)], plan, ['yes', 'no'][rng.int(2)]].join(
        ',',
      ),
    );
  }
  return [...lines, ...tail];
}

function write(name: string, lines: string[], { newline = '\n', bom = false } = {}): string {
  return temp.file(name, `${bom ? '\uFEFF' : ''}${lines.join(newline)}${newline}`);
}

/** The first read's setup as importCsv makes it (label 'label', every other column a feature, rows with a missing cell dropped). */
function setupFor(path: string, threads: ScanSetup['threads'], extra: Partial<ScanSetup> = {}): ScanSetup {
  const layout = readLayout(path, {});
  const setup = importScanSetup(path, layout, {
    used: layout.names.map(() => true),
    labelIndex: layout.names.indexOf('label'),
    splitIndex: null,
    missing: 'drop-row',
    spoolPath: join(temp.dir, `spool-${threads?.enabled ? 2 : 1}-${Math.random()}`),
  });
  return { ...setup, threads, ...extra };
}

/** The spool made a feature file (texts one-hot in order of first appearance), as the import turns it into one. */
async function spooledFeatures(spool: CellSpool): Promise<Buffer> {
  let offset = 0;
  const features: SpoolFeature[] = spool.kinds.map((kind, k) => {
    const at = offset;
    if (kind !== 'text') {
      offset++;
      return { offset: at };
    }
    const width = spool.keys[k].length;
    offset += width;
    return { offset: at, width, remap: Int32Array.from({ length: width }, (_, id) => id) };
  });
  await spool.writeFeatures(features, offset);
  return readFileSync(spool.path);
}

const TWO = { enabled: true, minBytes: 0 };
const ONE = { enabled: false };

/** What a scan learned, as plain data to compare (profiles by their data; row values by their values). */
async function scanned(path: string, threads: ScanSetup['threads'], extra: Partial<ScanSetup> = {}) {
  const setup = setupFor(path, threads, extra);
  const scan = await scanCsv(setup);
  // The feature file's digest: comparing megabytes element by element would take seconds.
  const spool = scan.spooled
    ? createHash('sha256')
        .update(await spooledFeatures(setup.spool!))
        .digest('hex')
    : null;
  const rowValues = (values: typeof scan.labelIds) => {
    if (!values) return null;
    const out = new Int32Array(values.length);
    values.mapInto(
      Int32Array.from({ length: 1 << 16 }, (_, k) => k),
      out,
    );
    return Array.from(out);
  };
  const profiles = scan.profiles.map((p) => {
    if (!p) return null;
    const { mean, sumSquaredDeviations, distinctCounts, numberValues, ...counts } = p.toData();
    // Chan's combination of two Welford runs may differ in the last bits, and once a column has more distinct
    // values than it keeps, one read stops counting each of them: only the preview, which reads in one thread,
    // shows these.
    return {
      ...counts,
      mean: Number(mean.toPrecision(10)),
      squares: Number(sumSquaredDeviations.toPrecision(10)),
      distinctCounts: counts.distinctOverflow ? null : distinctCounts,
      numberValues: counts.numberValuesOverflow ? [...numberValues.keys()] : numberValues,
    };
  });
  return {
    threads: scan.threads,
    // An abandoned spool's kinds and texts are left as they were when it gave up.
    kinds: scan.spooled ? setup.spool!.kinds : null,
    keys: scan.spooled ? setup.spool!.keys : null,
    spool,
    profiles,
    labelIds: rowValues(scan.labelIds),
    labelKeys: scan.labelKeys,
    rest: { ...scan, profiles: null, labelIds: null, splitIds: null, threads: null },
  };
}

async function expectSameScan(path: string, extra: Partial<ScanSetup> = {}) {
  const one = await scanned(path, ONE, extra);
  const two = await scanned(path, TWO, extra);
  expect(one.threads).toBe(1);
  expect(two.threads).toBe(2);
  expect(two).toEqual({ ...one, threads: 2 });
  return two;
}

describe('the first read in two threads', () => {
  it('counts, numbers and spools every row as one thread does', async () => {
    // About 600 KB: quoted fields with commas and line breaks, padded and non-ASCII categories.
    const path = write('mixed.csv', mixedTable(12_000));
    const two = await expectSameScan(path);
    expect(two.spool).not.toBeNull();
    expect([...two.keys![3]].sort()).toEqual(['Berlin', 'Kraków', 'Lyon', 'Porto', 'Warsaw', 'Zürich']);
  });

  it('joins CRLF lines, a byte-order mark and rows dropped for empty cells the same way', async () => {
    const path = write('crlf.csv', mixedTable(8_000, { missing: true }), { newline: '\r\n', bom: true });
    const two = await expectSameScan(path);
    expect(two.rest.droppedRows).toBeGreaterThan(0);
  });

  it('numbers texts first seen in the second half after those of the first', async () => {
    // New categories, a new label and a column that turns from numbers to texts, all past the middle.
    const tail = ['1,2,3,Oslo,basic,maybe', '1,2,abc,Berlin,premium,yes', '1,2,4,Oslo,free,no'];
    const path = write('late.csv', mixedTable(6_000, { tail }));
    const two = await expectSameScan(path);
    expect(two.labelKeys).toEqual(['yes', 'no', 'maybe'].filter((k) => two.labelKeys.includes(k)));
    expect(two.labelKeys).toContain('maybe');
    expect(two.spool).toBeNull(); // column n: numbers first, then a text
  });

  it('counts more distinct texts than a column may hold across both halves as one read does', async () => {
    const lines = ['id,x,label'];
    for (let r = 0; r < 3 * MAX_CATEGORIES; r++) lines.push(`id-${r % (2 * MAX_CATEGORIES)},${r % 7},${r % 3}`);
    await expectSameScan(write('ids.csv', lines));
  });

  it('reads the file in one thread when the middle falls inside a quoted field', async () => {
    // A field of 200 KB holding line breaks spans the middle of the file: the line break found there is inside
    // quotes. The worker's part (about 1.5 MB) is long enough for it to report progress before it is stopped.
    const rows = mixedTable(60_000);
    const long = Array.from({ length: 20_000 }, (_, k) => `note ${k}`).join('\n');
    const total = rows.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    let at = 0;
    for (let bytes = 0; bytes < total / 2; at++) bytes += Buffer.byteLength(rows[at]) + 1;
    rows.splice(at, 0, `1.5,2.5,3,Lyon,"${long}",yes`);
    const path = write('quoted-middle.csv', rows);
    const one = await scanned(path, ONE);
    const seen: number[] = [];
    const two = await scanned(path, TWO, { onBytes: (bytes) => seen.push(bytes) });
    expect(two.threads).toBe(1);
    expect(two).toEqual(one);
    for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeGreaterThan(seen[k - 1]);
    expect(seen.at(-1)).toBe(readFileSync(path).length);
  });

  it('reads a file smaller than the split size in one thread', async () => {
    const path = write('small.csv', mixedTable(500));
    expect((await scanned(path, { enabled: true, minBytes: 1 << 20 })).threads).toBe(1);
    expect((await scanned(path, TWO)).threads).toBe(2);
  });

  it('reports progress up to the file size, never going back', async () => {
    const path = write('progress.csv', mixedTable(12_000));
    const seen: number[] = [];
    await scanCsv(setupFor(path, TWO, { onBytes: (bytes) => seen.push(bytes) }));
    expect(seen.length).toBeGreaterThan(2);
    for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeGreaterThanOrEqual(seen[k - 1]);
    expect(seen.at(-1)).toBe(readFileSync(path).length);
  });
});

describe('errors in the second half', () => {
  /** The message of the error a scan ends with. */
  const failure = async (path: string, threads: ScanSetup['threads']) =>
    scanCsv(setupFor(path, threads)).then(
      () => 'no error',
      (error: Error) => error.message,
    );

  it.each([
    ['a row with a missing field', '1,2,3,Lyon,basic'],
    ['a quote that never closes', '1,2,3,"Lyon,basic,yes'],
    ['text after a closing quote', '1,2,3,"Lyon"x,basic,yes'],
  ])('name the line one thread names: %s', async (_, bad) => {
    const path = write('bad.csv', mixedTable(6_000, { tail: ['1,2,3,Lyon,basic,yes', bad, '1,2,3,Lyon,basic,no'] }));
    const one = await failure(path, ONE);
    expect(one).toMatch(/^bad\.csv, line \d+: /);
    expect(await failure(path, TWO)).toBe(one);
  });

  it('leave no worker and no spool part behind', async () => {
    const path = write('ragged.csv', mixedTable(6_000, { tail: ['1,2'] }));
    const setup = setupFor(path, TWO);
    await expect(scanCsv(setup)).rejects.toThrow(/^ragged\.csv, line \d+: 2 fields, expected 6$/);
    expect(readdirSync(temp.dir).filter((f) => f.startsWith('spool'))).toEqual([]);
  });

  it('name the line of a stray text in a numeric column as one thread does', async () => {
    const path = write('stray.csv', mixedTable(6_000, { tail: ['1,2,oops,Lyon,basic,yes'] }));
    const one = await scanned(path, ONE);
    const two = await scanned(path, TWO);
    expect(two.profiles[2]!.textExamples).toEqual(one.profiles[2]!.textExamples);
    expect(one.profiles[2]!.textExamples[0].value).toBe('oops');
  });
});

describe('the worker', () => {
  const crashing = (beforeReady: boolean) =>
    new URL(
      `data:text/javascript,${encodeURIComponent(
        "import { parentPort } from 'node:worker_threads';" +
          (beforeReady ? '' : "parentPort.postMessage({ type: 'ready' });") +
          "setTimeout(() => { throw new Error('out of luck'); }, 0);",
      )}`,
    );

  it('stopping midway is an import error naming the file, not a hang', async () => {
    const path = write('crash.csv', mixedTable(6_000));
    const setup = setupFor(path, { ...TWO, worker: crashing(false) });
    await expect(scanCsv(setup)).rejects.toThrow(/^crash\.csv: the import's second thread stopped: out of luck/);
    expect(readdirSync(temp.dir).filter((f) => f.startsWith('spool'))).toEqual([]);
  });

  it('that cannot start leaves the whole file to the first thread', async () => {
    const path = write('nostart.csv', mixedTable(6_000));
    const one = await scanned(path, ONE);
    const two = await scanned(path, { ...TWO, worker: crashing(true) });
    expect(two.threads).toBe(1);
    expect(two).toEqual(one);
  });

  it('that refuses its part leaves it to the first thread, progress never passing the file size', async () => {
    // A stand-in worker: reports half its part read, then refuses it (as for a row the import refuses).
    const refusing = new URL(
      `data:text/javascript,${encodeURIComponent(
        "import { parentPort, workerData } from 'node:worker_threads'; import { statSync } from 'node:fs';" +
          "const { job } = workerData; parentPort.postMessage({ type: 'ready' });" +
          "parentPort.postMessage({ type: 'progress', bytes: Math.floor((statSync(job.setup.path).size - job.offset) / 2) });" +
          "parentPort.postMessage({ type: 'refused' });",
      )}`,
    );
    const path = write('refused.csv', mixedTable(6_000));
    const one = await scanned(path, ONE);
    const seen: number[] = [];
    const two = await scanned(path, { ...TWO, worker: refusing }, { onBytes: (bytes) => seen.push(bytes) });
    expect(two.threads).toBe(1);
    expect(two).toEqual(one);
    expect(Math.max(...seen)).toBe(readFileSync(path).length);
    expect(seen.at(-1)).toBe(readFileSync(path).length);
  });

  it('is ended when the import is cancelled', async () => {
    const path = write('cancel.csv', mixedTable(12_000));
    const controller = new AbortController();
    const setup = setupFor(path, TWO, {
      signal: controller.signal,
      onBytes: (bytes) => {
        if (bytes > 100_000) controller.abort();
      },
    });
    await expect(scanCsv(setup)).rejects.toThrow(/abort/i);
    expect(readdirSync(temp.dir).filter((f) => f.startsWith('spool'))).toEqual([]);
  });
});

describe('an import read in two threads', () => {
  async function importBoth(name: string, lines: string[], request: Partial<CsvImportRequest> = {}, form = {}) {
    const path = write(name, lines, form);
    const run = async (threads: string) => {
      process.env.NETWRIGHT_CSV_THREADS = threads;
      process.env.NETWRIGHT_CSV_SPLIT_BYTES = '1';
      const result = await importCsv(path, {
        datasetsDir: join(temp.dir, `datasets-${threads}`),
        labelColumn: 'label',
        id: 'd',
        ...request,
      });
      const files = Object.fromEntries(
        readdirSync(result.folder)
          .filter((f) => f !== DATASET_FILES.manifest)
          .map((f) => [f, readFileSync(join(result.folder, f))]),
      );
      return { manifest: result.manifest, summary: result.summary, files };
    };
    const one = await run('1');
    const two = await run('2');
    expect(Object.keys(two.files).sort()).toEqual(Object.keys(one.files).sort());
    for (const [file, bytes] of Object.entries(one.files)) expect(two.files[file].equals(bytes), file).toBe(true);
    expect(two.manifest).toEqual(one.manifest);
    expect(two.summary).toEqual(one.summary);
  }

  it('writes the dataset one thread writes (one-hot categories, statistics, labels, split)', async () => {
    await importBoth('mixed.csv', mixedTable(12_000));
  });

  it('writes the same dataset when cells are filled and CRLF lines start with a byte-order mark', async () => {
    await importBoth(
      'fill.csv',
      mixedTable(8_000, { missing: true }),
      { missing: 'fill-mean' },
      {
        newline: '\r\n',
        bom: true,
      },
    );
  });

  const numbers = () => {
    const rng = new Rng(3);
    const lines = ['a,b,c,label'];
    for (let r = 0; r < 20_000; r++) lines.push(`${rng.int(256)},${rng.int(9)}.5,-${rng.int(99)},${rng.int(4)}`);
    return lines;
  };

  it('writes the same dataset for a table of plain numbers (the spools appended as they are)', async () => {
    await importBoth('numbers.csv', numbers());
  });

  it('writes the same dataset when the spool is not used (a regression target: the rows are read again)', async () => {
    await importBoth('regression.csv', numbers(), { task: 'regression', excludeColumns: ['b'] });
  });
});
