// A UTF-8 file holding a byte that is not UTF-8: it stays UTF-8 (a byte-order mark says so; Windows-1252 would
// garble every other accent), the byte reads as U+FFFD, and the import and the preview say so, naming the line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewProblemInEnglish } from '../../api/csvPreviewProblems';
import { importCsv, previewCsv } from './index';
import { tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

const SPLIT = { train: 0.5, validation: 0.5, test: 0 };
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

describe('a byte that is not UTF-8 in a UTF-8 file', () => {
  it('keeps a file with a UTF-8 byte-order mark UTF-8, and names the line and the byte', async () => {
    // Line 4 holds "Caf" + 0xE9 (é in Windows-1252) among correct UTF-8 accents.
    const bytes = join(
      BOM,
      utf8('city,n,label\nrué,1,a\nnaïve,2,b\nCaf'),
      new Uint8Array([0xe9]),
      utf8(',3,a\nrué,4,b\n'),
    );
    const path = temp.file('bom.csv', bytes);
    const { summary, manifest } = await importCsv(path, {
      datasetsDir: temp.datasetsDir,
      labelColumn: 'label',
      split: SPLIT,
    });
    expect(summary.encoding).toBe('utf-8');
    expect(manifest.featureNames).toEqual(['city=Caf\uFFFD', 'city=naïve', 'city=rué', 'n']);
    expect(summary.notices).toEqual([
      { code: 'csv-invalid-byte-bom', values: { file: 'bom.csv', line: 4, byte: 'E9' } },
    ]);
    const { problems } = await previewCsv(path);
    expect(problems).toEqual([
      { source: 'encoding', code: 'csv-invalid-byte-bom', values: { file: 'bom.csv', line: 4, byte: 'E9' } },
    ]);
    expect(previewProblemInEnglish(problems[0])).toBe(
      'bom.csv: line 4 holds the byte 0xE9, which is not UTF-8, in a file that starts with a UTF-8 ' +
        'byte-order mark; it was read as UTF-8 with each such byte replaced by \uFFFD. If the file uses another encoding, save it as UTF-8 and import it again.',
    );
  });

  it('names the line of a bad byte that comes after the first 64 KB, which decided the encoding', async () => {
    // 9000 clean lines (about 100 KB, past the sample and the first read chunks), then 0xFF on line 9002.
    const clean = Array.from({ length: 9000 }, (_, i) => `é${i % 7},${i},${i % 2 ? 'a' : 'b'}`).join('\n');
    const bytes = join(utf8(`city,n,label\n${clean}\nx`), new Uint8Array([0xff]), utf8(',1,a\n'));
    const { summary } = await importCsv(temp.file('late.csv', bytes), {
      datasetsDir: temp.datasetsDir,
      labelColumn: 'label',
      split: SPLIT,
    });
    expect(summary.encoding).toBe('utf-8');
    expect(summary.notices).toEqual([
      { code: 'csv-invalid-byte', values: { file: 'late.csv', line: 9002, byte: 'FF' } },
    ]);
  });

  it('finds the line when the bad byte follows a character cut at a read boundary', async () => {
    // "é" (C3 A9) is cut by the 64 KB chunk edge; a lone continuation byte (0xA9) two bytes later is the bad one.
    const head = utf8('city,n,label\n');
    const filler = Array.from({ length: 2000 }, (_, i) => `c${i},${i},${i % 2 ? 'a' : 'b'}`).join('\n');
    const fillerBytes = utf8(`${filler}\n`);
    const pad = 64 * 1024 - head.length - fillerBytes.length - 1; // then "é" starts one byte before the edge
    const bytes = join(
      head,
      fillerBytes,
      utf8(`${'z'.repeat(pad)}é`),
      new Uint8Array([0x41, 0xa9]),
      utf8(',1,a\nq,2,b\n'),
    );
    const { summary } = await importCsv(temp.file('edge.csv', bytes), {
      datasetsDir: temp.datasetsDir,
      labelColumn: 'label',
      split: SPLIT,
      excludeColumns: ['city'],
    });
    expect(summary.notices).toEqual([
      { code: 'csv-invalid-byte', values: { file: 'edge.csv', line: 2002, byte: 'A9' } },
    ]);
  });

  it('says nothing about a clean file', async () => {
    const { summary } = await importCsv(temp.file('clean.csv', join(BOM, utf8('city,n,label\nrué,1,a\nnaïve,2,b\n'))), {
      datasetsDir: temp.datasetsDir,
      labelColumn: 'label',
      split: SPLIT,
    });
    expect(summary.notices).toEqual([]);
  });
});
