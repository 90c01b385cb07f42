// predict and evaluate on a run imported from an ONNX file (no dataset): a CSV's number columns are the inputs,
// checked against PyTorch's own outputs for the file; the import's standardization is applied (an exported and
// re-imported run predicts what the trained run does); evaluate scores against --label and refuses without it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../engine/core/rng';
import { encodePng } from '../services/datasets/images/testImages';
import { probabilities } from './predictOutput';
import { importModelRun, jsonLines, netwright, trainedAndReimported } from './testCli';

const FIXTURES = join(__dirname, '../../engine/test/onnx/fixtures');
const home = mkdtempSync(join(tmpdir(), 'netwright-predict-imported-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const importRun = (file: string) => importModelRun(home, file);

describe('predict and evaluate on an imported MLP (4 inputs, 3 classes)', () => {
  // Inputs and logits PyTorch computed when it wrote the file (2 rows).
  const fixture = JSON.parse(readFileSync(join(FIXTURES, 'mlp_gemm.op13.fold.json'), 'utf8')) as {
    input: number[];
    output: number[];
  };
  const runId = importRun(join(FIXTURES, 'mlp_gemm.op13.fold.onnx'));
  const argmax = (row: number[]) => row.indexOf(Math.max(...row));
  const logits = [fixture.output.slice(0, 3), fixture.output.slice(3, 6)];
  // A text column (ignored: not a number) and the label, the first row right and the second wrong.
  const labels = [argmax(logits[0]), (argmax(logits[1]) + 1) % 3];
  const csv = join(home, 'rows.csv');
  writeFileSync(
    csv,
    `id,a,b,c,d,y\n` +
      [0, 1].map((r) => `row${r},${fixture.input.slice(r * 4, r * 4 + 4).join(',')},${labels[r]}`).join('\n') +
      '\n',
  );

  it('gives the class probabilities PyTorch computes, and scores them against --label', () => {
    const result = netwright(home, ['predict', runId, csv, '--label', 'y', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const lines = jsonLines(result.stdout);
    const predictions = lines.filter((l) => l.type === 'prediction');
    expect(predictions).toHaveLength(2);
    predictions.forEach((p, r) => {
      expect(p.predicted).toBe(String(argmax(logits[r])));
      const expected = probabilities(logits[r]);
      expected.forEach((v, c) => expect(Math.abs(p.probabilities[String(c)] - v)).toBeLessThanOrEqual(1e-5));
    });
    expect(lines.at(-1)!.score).toEqual({ labelled: 2, accuracy: 0.5 });
  });

  it('reads the columns --columns names, in that order', () => {
    const swapped = join(home, 'swapped.csv');
    writeFileSync(
      swapped,
      `d,c,b,a\n${[0, 1]
        .map((r) =>
          fixture.input
            .slice(r * 4, r * 4 + 4)
            .reverse()
            .join(','),
        )
        .join('\n')}\n`,
    );
    const result = netwright(home, ['predict', runId, swapped, '--columns', 'a,b,c,d', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const predicted = jsonLines(result.stdout)
      .filter((l) => l.type === 'prediction')
      .map((p) => p.predicted);
    expect(predicted).toEqual(logits.map((l) => String(argmax(l))));
  });

  it('refuses a file whose number columns do not give the model its 4 inputs, naming them', () => {
    const three = join(home, 'three.csv');
    writeFileSync(three, 'a,b,c\n1,2,3\n');
    const result = netwright(home, ['predict', runId, three]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "three.csv: the model takes 4 numbers per row, and the file has 3 number columns ('a', 'b', 'c'); name 4 with --columns a,b,…",
    );
  });

  it('evaluate scores the file against --label, and refuses clearly without a file or a label', () => {
    const scored = netwright(home, ['evaluate', runId, '--data', csv, '--label', 'y', '--json']);
    expect(scored.status, scored.stderr).toBe(0);
    expect(JSON.parse(scored.stdout)).toMatchObject({ type: 'evaluation', runId, rows: 2, accuracy: 0.5 });

    const noFile = netwright(home, ['evaluate', runId]);
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain(
      'was imported from a model file and has no dataset: give a CSV file (--data FILE.csv)',
    );
    const noLabel = netwright(home, ['evaluate', runId, '--data', csv]);
    expect(noLabel.status).toBe(2);
    expect(noLabel.stderr).toContain('(--label COLUMN)');
  });
});

describe('a trained regression run exported to ONNX and imported back', () => {
  it('predicts what the trained run predicts: the standardization the export folded in is applied', () => {
    // Two inputs on very different scales (so standardization matters) and y linear in them.
    const rng = new Rng(5);
    const rows = Array.from({ length: 200 }, () => {
      const u = 1000 + rng.normal() * 300;
      const v = rng.normal() * 0.01;
      return [u.toFixed(3), v.toFixed(6), (u / 300 + v * 100).toFixed(5)];
    });
    const data = join(home, 'linear.csv');
    writeFileSync(data, `u,v,y\n${rows.map((r) => r.join(',')).join('\n')}\n`);
    const { trainedId, importedId } = trainedAndReimported(
      home,
      ['--data', data, '--label', 'y', '--task', 'regression', '--epochs', '3'],
      'linear',
    );

    // An image for the run trained on a table is refused, naming its dataset (not read as a CSV file).
    const picture = join(home, 'dot.png');
    writeFileSync(picture, encodePng(1, 1, 0, Uint8Array.of(7)));
    const refused = netwright(home, ['predict', trainedId, picture]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('which is not an image dataset: predict on a CSV file with its columns');

    const fromTrained = netwright(home, ['predict', trainedId, data, '--json']);
    const fromImported = netwright(home, ['predict', importedId, data, '--label', 'y', '--json']);
    expect(fromImported.status, fromImported.stderr).toBe(0);
    const values = (stdout: string) =>
      jsonLines(stdout)
        .filter((l) => l.type === 'prediction')
        .map((p) => p.predicted as number);
    const a = values(fromTrained.stdout);
    const b = values(fromImported.stdout);
    expect(b).toHaveLength(200);
    expect(Math.max(...a.map((x, k) => Math.abs(x - b[k])))).toBeLessThanOrEqual(1e-4);
    const trainedScore = jsonLines(fromTrained.stdout).at(-1)!.score;
    const importedScore = jsonLines(fromImported.stdout).at(-1)!.score;
    expect(importedScore.mae).toBeCloseTo(trainedScore.mae, 4);
    expect(importedScore.r2).toBeCloseTo(trainedScore.r2, 4);
  });
});
