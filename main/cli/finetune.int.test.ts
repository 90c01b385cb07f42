// Fine-tuning from the command line: train on one sample, then `train --from RUN --freeze` onto another with a
// different class count (frozen tensors bitwise unchanged, the rest trained, the misfit last layer re-initialized
// and listed); `--weights` loads a PyTorch-style state_dict by order, and misfits and unknown layers are refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeSafetensors, decodeSafetensors, type NamedArray } from '../../engine/core/io/safetensors';
import { mlp } from '../../engine/core/spec/templates';
import { openStore } from '../services/store';
import { homeLayout } from '../services/studio/layout';
import { jsonLines, netwright } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-finetune-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** The run's record (with its starting weights) and its checkpoints' tensors, read from the home's store. */
function recorded(runId: string) {
  const store = openStore(homeLayout(home).database, { recoverInterruptedRuns: false });
  try {
    const run = store.runs.getRun(runId);
    const read = (kind: 'best' | 'last') => {
      const path = store.checkpoints.latestCheckpoint(runId, kind)?.path;
      return path ? decodeSafetensors(new Uint8Array(readFileSync(path)), path).tensors : null;
    };
    return { run, best: read('best'), last: read('last')! };
  } finally {
    store.close();
  }
}

const bytes = (t: NamedArray | undefined) => Buffer.from((t!.data as Float32Array).buffer);
const report = (stdout: string) => jsonLines(stdout).at(-1)! as { runId: string; status: string };

describe('netwright train --from and --weights', () => {
  it('fine-tunes a run trained on spirals onto two-moons with fc1 frozen', () => {
    const source = netwright(home, ['train', '--sample', 'spirals', '--epochs', '3', '--name', 'source', '--json']);
    expect(source.status, source.stderr).toBe(0);
    const sourceRun = recorded(report(source.stdout).runId);

    const tuned = netwright(home, [
      'train',
      '--sample',
      'two-moons',
      '--from',
      'source',
      '--freeze',
      'fc1',
      '--epochs',
      '2',
      '--name',
      'tuned',
      '--json',
    ]);
    expect(tuned.status, tuned.stderr).toBe(0);
    expect(tuned.stderr).toMatch(/starting weights from .*(best|last)\.safetensors/);
    expect(tuned.stderr).toMatch(/re-initialized \(shape no longer fits\) \(2\): fc3\.weight \[3, 64\] -> \[2, 64\]/);
    const { run, last } = recorded(report(tuned.stdout).runId);
    expect(run.fromRun).toBe(sourceRun.run.id);
    expect(run.graph.nodes.find((n) => n.id === 'fc1')!.trainable).toBe(false);
    expect(run.initialWeights!.plan.loaded).toEqual(['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']);

    // The weights it started from: the source's best checkpoint (else its last).
    const start = sourceRun.best ?? sourceRun.last;
    expect(Buffer.compare(bytes(last.get('fc1.weight')), bytes(start.get('fc1.weight')))).toBe(0);
    expect(Buffer.compare(bytes(last.get('fc1.bias')), bytes(start.get('fc1.bias')))).toBe(0);
    expect(Buffer.compare(bytes(last.get('fc2.weight')), bytes(start.get('fc2.weight')))).not.toBe(0);
    expect(last.get('fc3.weight')!.shape).toEqual([2, 64]);
    // Only the trainable tensors have optimizer state (Adam's two moments over fc2 and fc3, padded to 16 floats).
    const trainable = 64 * 64 + 64 + 2 * 64 + 16;
    expect(last.get('optimizer.exp_avg')!.shape[0]).toBeGreaterThanOrEqual(trainable);
    expect(last.get('optimizer.exp_avg')!.shape[0]).toBeLessThan(trainable + 64 * 2 + 64);
  });

  it('loads a PyTorch Sequential state_dict by order and refuses one that does not fit, naming tensor and layer', () => {
    const spec = mlp(2, 2, [8]);
    writeFileSync(join(home, 'spec.json'), JSON.stringify(spec));
    const f32 = (shape: number[], seed: number): NamedArray => ({
      dtype: 'F32',
      shape,
      data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(seed + i) / 4),
    });
    const state = (classes: number) =>
      encodeSafetensors({
        '0.weight': f32([8, 2], 1),
        '0.bias': f32([8], 2),
        '2.weight': f32([classes, 8], 3),
        '2.bias': f32([classes], 4),
      });
    writeFileSync(join(home, 'torch.safetensors'), state(2));
    writeFileSync(join(home, 'torch3.safetensors'), state(3));

    const loaded = netwright(home, [
      'train',
      '--sample',
      'two-moons',
      '--model',
      join(home, 'spec.json'),
      '--weights',
      join(home, 'torch.safetensors'),
      '--freeze-until',
      'fc1',
      '--epochs',
      '1',
      '--json',
    ]);
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.stderr).toMatch(
      /renamed \(4\): 0\.weight -> fc1\.weight, 0\.bias -> fc1\.bias, 2\.weight -> fc2\.weight/,
    );
    const { last } = recorded(report(loaded.stdout).runId);
    expect([...(last.get('fc1.weight')!.data as Float32Array)]).toEqual([...(f32([8, 2], 1).data as Float32Array)]);

    const refused = netwright(home, [
      'train',
      '--sample',
      'two-moons',
      '--model',
      join(home, 'spec.json'),
      '--weights',
      join(home, 'torch3.safetensors'),
    ]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(
      /tensor '2\.weight' has shape \[3, 8\], but layer 'fc2' needs 'fc2\.weight' of shape \[2, 8\]/,
    );
  });

  it('refuses to freeze layers the model does not have, naming them', () => {
    const result = netwright(home, ['train', '--sample', 'two-moons', '--freeze', 'fc1,conv9,fc7', '--epochs', '1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no layer 'conv9', 'fc7' to freeze/);
  });
});
