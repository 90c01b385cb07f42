// The command line words an import's notes in English from their codes: `train --data FILE.csv` says what the
// import made of the file, and `import --json` carries each notice's code and values beside its English.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, netwright } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-cli-notes-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the notes of a CSV import on the command line', () => {
  it('are English sentences after the dataset that train --data FILE.csv imported', () => {
    const csv = join(home, 'curve.csv');
    writeFileSync(csv, ['x;y', ...Array.from({ length: 12 }, (_, i) => `${i};${(i * i) / 10}`)].join('\n'));
    const result = netwright(home, ['train', '--data', csv, '--label', 'y', '--task', 'regression', '--epochs', '1']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(
        `^imported ${csv} as dataset 'curve' \\([0-9a-f]{8}\\): 12 rows read \\(';'-separated, with a header\\); ` +
          '1 features after encoding; regression$',
        'm',
      ),
    );
  });

  it('come with their codes, values and English in import --json, and as English lines without it', () => {
    const csv = join(home, 'latin1.csv');
    const bytes = [
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('x,label\n1,a\n2,b\n3'),
      Buffer.from([0xe9, 0x2c, 0x61]),
    ];
    writeFileSync(csv, Buffer.concat(bytes));
    const json = netwright(home, ['import', csv, '--label', 'label', '--json']);
    expect(json.status, json.stderr).toBe(0);
    const text =
      'latin1.csv: line 4 holds the byte 0xE9, which is not UTF-8, in a file that starts with a UTF-8 byte-order mark; ' +
      'it was read as UTF-8 with each such byte replaced by \uFFFD. If the file uses another encoding, save it as UTF-8 and import it again.';
    expect(jsonLines(json.stdout)[0].summary.notices).toEqual([
      { code: 'csv-invalid-byte-bom', values: { file: 'latin1.csv', line: 4, byte: 'E9' }, text },
    ]);
    const printed = netwright(home, ['import', csv, '--label', 'label', '--name', 'again']);
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.stderr).toBe(`note: ${text}\n`);
  });
});
