// The diagnosis at the end of `netwright train`: codes with parameters in the --json summary, worded lines in the
// text summary, and the same verdicts the studio computes from the stored run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnoseRecordedRun } from '../../engine/core/train/diagnosisHistory';
import { openStore } from '../services/store';
import { diagnosisJson } from './diagnosisText';
import { jsonLines, netwright } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-diagnosis-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('netwright train: diagnosis', () => {
  it('does not call the dropout demo with dropout overfitting, nor tell it to add dropout, and matches the studio', () => {
    const result = netwright(home, [
      'train',
      '--sample',
      'noisy-curve-small',
      '--model',
      'dropout-demo',
      '--epochs',
      '150',
      '--threads',
      '1',
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    const summary = jsonLines(result.stdout).at(-1)!;
    expect(summary.type).toBe('summary');
    const codes = summary.diagnosis.map((d: { code: string }) => d.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).not.toContain('overfitting');
    const advice = summary.diagnosis.flatMap((d: { advice: Array<{ code: string }> }) => d.advice.map((a) => a.code));
    expect(advice).not.toContain('add-dropout');
    // The studio's panel diagnoses the stored run with the same function and inputs.
    const store = openStore(join(home, 'studio.sqlite'));
    try {
      const run = store.runs.getRun(summary.runId);
      const studio = diagnoseRecordedRun({
        epochs: store.metrics.listEpochs(run.id),
        config: run.trainConfig,
        spec: run.graph,
      });
      expect(summary.diagnosis).toEqual(diagnosisJson(studio));
    } finally {
      store.close();
    }
  });

  it('reports a loss that became NaN in the first epoch, before any epoch was recorded', () => {
    const result = netwright(home, [
      'train',
      '--sample',
      'spirals',
      '--optimizer',
      'sgd',
      '--lr',
      '8',
      '--epochs',
      '3',
      '--threads',
      '1',
      '--json',
    ]);
    expect(result.status).toBe(1);
    const summary = jsonLines(result.stdout).at(-1)!;
    expect(summary.epochs).toBe(0);
    expect(summary.diagnosis).toHaveLength(1);
    const [verdict] = summary.diagnosis;
    expect(verdict).toMatchObject({
      code: 'non-finite-loss',
      severity: 'error',
      epoch: 1,
      split: 'training',
      learningRate: 8,
    });
    expect(verdict.step).toBeGreaterThan(0);
    expect(verdict.advice).toContainEqual({ code: 'lower-learning-rate', learningRate: 8, suggested: 0.8 });
  });

  it('words the verdicts in the text summary', () => {
    const result = netwright(home, ['train', '--sample', 'spirals', '--epochs', '3', '--threads', '1']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('diagnosis: too early to judge: 3 of the 5 epochs needed to judge trends');
  });
});
