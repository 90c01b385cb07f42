// Importing CSV files of every common shape: encodings, delimiters, quoting, headers, label columns and tasks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTrainingData } from '../../../engine/host/common/datasetFiles';
import { importCsv, type CsvImportRequest } from './index';
import { readDataset, tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

const load = async (name: string, content: string | Uint8Array, options: Omit<CsvImportRequest, 'datasetsDir'>) => {
  const result = await importCsv(temp.file(name, content), { datasetsDir: temp.datasetsDir, ...options });
  return { ...result, ...readDataset(result.folder) };
};

const IRIS = [
  'sepal length,sepal width,colour,species',
  '5.1,3.5,red,setosa',
  '7.0,3.2,blue,versicolor',
  '6.3,3.3,red,virginica',
  '4.9,3.0,green,setosa',
  '6.4,3.2,blue,versicolor',
  '5.8,2.7,red,virginica',
  '5.0,3.6,green,setosa',
  '6.9,3.1,blue,versicolor',
  '7.1,3.0,red,virginica',
  '5.4,3.9,blue,setosa',
].join('\n');

describe('importing a CSV', () => {
  it('says which header names were repeated or blank and what they are called now', async () => {
    const csv = ['x,x,,label', '1,2,3,a', '4,5,6,b', '7,8,9,a', '1,1,1,b', '2,2,2,a', '3,3,3,b'].join('\n');
    const { manifest, summary } = await load('repeats.csv', csv, { labelColumn: 'label' });
    expect(manifest.featureNames).toEqual(['x', 'x (2)', 'column 3']);
    expect(summary.notices).toContainEqual({
      code: 'csv-columns-renamed',
      values: { count: 2, columns: "'x' → 'x (2)', '' → 'column 3'" },
    });
    const plain = await load('iris.csv', IRIS, { labelColumn: 'species' });
    expect(plain.summary.notices.map((n) => n.code)).not.toContain('csv-columns-renamed');
  });

  it('writes raw features, one-hot categories, sorted classes, a split and a manifest the engine loads', async () => {
    const { manifest, folder, rows, labels, split, summary } = await load('iris.csv', IRIS, { labelColumn: 'species' });
    expect(manifest).toMatchObject({
      name: 'iris',
      task: 'classification',
      count: 10,
      featureShape: [5],
      featureNames: ['sepal length', 'sepal width', 'colour=blue', 'colour=green', 'colour=red'],
      classNames: ['setosa', 'versicolor', 'virginica'],
      source: { kind: 'csv', path: temp.file('iris.csv', IRIS) },
    });
    expect(manifest.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]).toEqual([Math.fround(5.1), 3.5, 0, 0, 1]);
    expect(rows[3]).toEqual([Math.fround(4.9), 3, 0, 1, 0]);
    expect(labels).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    expect([...split.train, ...split.validation, ...split.test].sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(manifest.split).toMatchObject({ seed: 42, train: 0.7, validation: 0.15, test: 0.15, stratified: true });
    expect(summary).toMatchObject({ delimiter: ',', hasHeader: true, rows: 10, droppedRows: 0, encoding: 'utf-8' });
    const { data } = loadTrainingData(folder);
    expect(data.numClasses).toBe(3);
    expect(data.features.length).toBe(50);
  });

  it('finds the label column by name (ignoring case) or by 0-based index, with the same result', async () => {
    const byName = await load('a.csv', IRIS, { labelColumn: ' SPECIES ' });
    const byIndex = await load('b.csv', IRIS, { labelColumn: 3 });
    expect(byIndex.rows).toEqual(byName.rows);
    expect(byIndex.labels).toEqual(byName.labels);
    const middle = await load('c.csv', IRIS, { labelColumn: 2 });
    expect(middle.manifest.classNames).toEqual(['blue', 'green', 'red']);
    expect(middle.manifest.featureNames).toEqual([
      'sepal length',
      'sepal width',
      'species=setosa',
      'species=versicolor',
      'species=virginica',
    ]);
  });

  it('orders numeric class labels numerically, not as text', async () => {
    const csv = 'x,grade\n1,10\n2,2\n3,1\n4,10\n5,2\n6,1\n';
    const { manifest, labels } = await load('g.csv', csv, {
      labelColumn: 'grade',
      split: { train: 0.5, validation: 0.5, test: 0 },
    });
    expect(manifest.classNames).toEqual(['1', '2', '10']);
    expect(labels).toEqual([2, 1, 0, 2, 1, 0]);
  });

  it('makes a regression target of a label with fractional values, and of many whole numbers', async () => {
    const csv = 'rooms,price\n3,250.5\n4,310.25\n2,180\n5,402.75\n3,260\n';
    const { manifest, targets, labels } = await load('houses.csv', csv, {
      labelColumn: 'price',
      split: { train: 0.6, validation: 0.2, test: 0.2 },
    });
    expect(manifest).toMatchObject({ task: 'regression', targetNames: ['price'], featureNames: ['rooms'] });
    expect(manifest.classNames).toBeUndefined();
    expect(labels).toBeNull();
    expect(targets).toEqual([250.5, 310.25, 180, 402.75, 260]);
    expect(manifest.split.stratified).toBe(false);
    const many = ['x,y', ...Array.from({ length: 30 }, (_, i) => `${i},${i * 3}`)].join('\n');
    expect((await load('many.csv', many, { labelColumn: 'y' })).manifest.task).toBe('regression');
  });

  it('lets the user force classification of many whole numbers', async () => {
    const csv = ['x,y', ...Array.from({ length: 30 }, (_, i) => `${i},${i % 25}`)].join('\n');
    const { manifest } = await load('y.csv', csv, {
      labelColumn: 'y',
      task: 'classification',
      split: { train: 0.6, validation: 0.4, test: 0, stratify: false },
    });
    expect(manifest.classNames).toHaveLength(25);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', async () => {
    const csv = 'note,size,kind\n"big, red",1,a\n"say ""hi""",2,b\n"two\nlines",3,a\n"big, red",4,b\n';
    const { manifest, labels } = await load('q.csv', csv, {
      labelColumn: 'kind',
      split: { train: 0.5, validation: 0.5, test: 0 },
    });
    expect(manifest.featureNames).toEqual(['note=big, red', 'note=say "hi"', 'note=two\nlines', 'size']);
    expect(labels).toEqual([0, 1, 0, 1]);
  });

  it('strips a UTF-8 byte order mark from the first column name', async () => {
    const { manifest } = await load('bom.csv', `\uFEFF${IRIS}`, { labelColumn: 'species' });
    expect(manifest.featureNames?.[0]).toBe('sepal length');
  });

  it('reads semicolons with decimal commas, and tabs, and CRLF line ends', async () => {
    const semicolon = await load('eu.csv', 'x;y;label\n1,5;2;a\n2,25;3;b\n3;4,75;a\n4;5;b\n', {
      labelColumn: 'label',
      split: { train: 0.5, validation: 0.5, test: 0 },
    });
    expect(semicolon.summary.delimiter).toBe(';');
    expect(semicolon.rows.map((r) => r[0])).toEqual([1.5, 2.25, 3, 4]);
    const tabs = await load('t.tsv', 'x\ty\tlabel\r\n1\t2\ta\r\n3\t4\tb\r\n5\t6\ta\r\n7\t8\tb\r\n', {
      labelColumn: 'label',
      split: { train: 0.5, validation: 0.5, test: 0 },
    });
    expect(tabs.summary.delimiter).toBe('\t');
    expect(tabs.rows).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    expect(tabs.manifest.classNames).toEqual(['a', 'b']); // no stray \r in the last column
  });

  it('reads UTF-16 with a byte order mark and Windows-1252 (old Excel exports)', async () => {
    const text = 'city,n,label\ncafé,1,a\nrué,2,b\ncafé,3,a\nrué,4,b\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const fromUtf16 = await load('u16.csv', utf16, {
      labelColumn: 'label',
      split: { train: 0.5, validation: 0.5, test: 0 },
    });
    expect(fromUtf16.manifest.featureNames).toEqual(['city=café', 'city=rué', 'n']);
    const fromLatin = await load('latin.csv', new Uint8Array(Buffer.from(text, 'latin1')), {
      labelColumn: 'label',
      split: { train: 0.5, validation: 0.5, test: 0 },
    });
    expect(fromLatin.summary.encoding).toBe('windows-1252');
    expect(fromLatin.manifest.featureNames).toEqual(['city=café', 'city=rué', 'n']);
  });

  it('detects a missing header, names columns by position, and follows the user when told otherwise', async () => {
    const csv = '1,2,0\n3,4,1\n5,6,0\n7,8,1\n';
    const split = { train: 0.5, validation: 0.5, test: 0 };
    const detected = await load('n.csv', csv, { labelColumn: 'column 3', split });
    expect(detected.manifest).toMatchObject({
      count: 4,
      featureNames: ['column 1', 'column 2'],
      classNames: ['0', '1'],
    });
    const forced = await load('h.csv', csv, {
      labelColumn: '0',
      hasHeader: true,
      split: { train: 2 / 3, validation: 1 / 3, test: 0 },
    });
    expect(forced.manifest).toMatchObject({ count: 3, featureNames: ['1', '2'] });
    const headerless = await load('f.csv', 'a,b,c\nx,y,z\nx,y,w\n', {
      labelColumn: 2,
      hasHeader: false,
      categoricalColumns: [],
      split: { train: 2 / 3, validation: 1 / 3, test: 0, stratify: false },
    });
    expect(headerless.manifest.count).toBe(3);
  });

  it('one-hot encodes numeric codes the user marks as categories, in numeric order', async () => {
    const csv = 'zip,label\n75001,a\n10115,b\n75001,a\n9000,b\n';
    const { manifest, rows } = await load('z.csv', csv, {
      labelColumn: 'label',
      categoricalColumns: ['zip'],
      split: { train: 0.5, validation: 0.5, test: 0 },
    });
    expect(manifest.featureNames).toEqual(['zip=9000', 'zip=10115', 'zip=75001']);
    expect(rows[1]).toEqual([0, 1, 0]);
    expect(manifest.normalization?.mean).toEqual([0, 0, 0]);
    expect(manifest.normalization?.std).toEqual([1, 1, 1]);
  });

  it('leaves excluded columns out entirely, even unusable ones', async () => {
    const csv = [
      'id,x,label',
      ...Array.from({ length: 60 }, (_, i) => `user-${i},${i},${i % 2 ? 'odd' : 'even'}`),
    ].join('\n');
    const { manifest, summary } = await load('ids.csv', csv, { labelColumn: 'label', excludeColumns: ['id'] });
    expect(manifest.featureNames).toEqual(['x']);
    expect(summary.columns.map((c) => c.role)).toEqual(['excluded', 'feature', 'label']);
  });

  it('uses the given name and id and reports progress through its one read (csv/spool.ts) and the finishing', async () => {
    const phases = new Set<string>();
    const { manifest, folder } = await load('iris.csv', IRIS, {
      labelColumn: 'species',
      name: ' Iris flowers ',
      id: 'iris-1',
      onProgress: (p) => phases.add(p.phase),
    });
    expect(manifest).toMatchObject({ id: 'iris-1', name: 'Iris flowers' });
    expect(folder.endsWith('iris-1')).toBe(true);
    expect([...phases]).toEqual(['reading', 'finishing']);
  });
});
