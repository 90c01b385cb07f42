// The split shipped with a training script: Netwright's row lists, and a label check the script recomputes.
import { describe, expect, it } from 'vitest';
import { exportSplitFile, LABEL_CHECK_MODULUS, labelCheck, type SplitFile } from './splitFile';

describe('split file', () => {
  it('holds the row lists and a check that changes when labels move between rows', () => {
    const labels = [0, 1, 2, 1, 0];
    const file = JSON.parse(
      exportSplitFile({
        rows: 5,
        train: [4, 0, 2],
        validation: [1],
        test: [3],
        truth: { kind: 'labels', labels },
        seed: 42,
      }),
    ) as SplitFile;
    expect(file).toMatchObject({
      format: 'netwright-split-1',
      rows: 5,
      seed: 42,
      train: [4, 0, 2],
      validation: [1],
      test: [3],
    });
    // Σ (i + 1)(label_i + 1) = 1·1 + 2·2 + 3·3 + 4·2 + 5·1
    expect(file.check).toEqual({ kind: 'labels', value: 27 });
    expect(labelCheck([1, 0, 2, 1, 0])).not.toBe(27);
  });

  it('keeps the check exact for large datasets', () => {
    const labels = Array.from({ length: 200_000 }, (_, i) => (i * 7) % 1000);
    let exact = 0n;
    labels.forEach((label, i) => {
      exact += BigInt(i + 1) * BigInt(label + 1);
    });
    expect(labelCheck(labels)).toBe(Number(exact % BigInt(LABEL_CHECK_MODULUS)));
  });

  it('sums regression targets with their scale', () => {
    const file = JSON.parse(
      exportSplitFile({
        rows: 2,
        train: [0],
        validation: [],
        test: [1],
        truth: { kind: 'targets', targets: [1.5, -2] },
        seed: 1,
      }),
    ) as SplitFile;
    expect(file.check).toEqual({ kind: 'targets', value: -0.5, scale: 3.5 });
  });

  it('refuses rows outside the data or in two splits', () => {
    const truth = { kind: 'labels' as const, labels: [0, 1] };
    expect(() => exportSplitFile({ rows: 2, train: [0, 2], validation: [], test: [], truth, seed: 1 })).toThrow(
      /train split names row 2, the dataset has 2/,
    );
    expect(() => exportSplitFile({ rows: 2, train: [0, 1], validation: [], test: [1], truth, seed: 1 })).toThrow(
      /row 1 is in more than one split/,
    );
  });
});
