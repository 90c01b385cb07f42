// A checkpoint the engine cannot write ends the run with a failure that names the file and the system's refusal,
// coded so the studio and the CLI word it in either language, and no temporary file is left beside it.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spirals } from '../core/data/samples';
import { config, mlp } from '../test/models';
import { EngineClient } from './parent/client';
import { writeGeneratedDataset } from './common/writeDataset';

let home: string;
let datasetDir: string;
let client: EngineClient | null = null;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'netwright-ckpt-write-'));
  datasetDir = writeGeneratedDataset(spirals({ perClass: 40 }), join(home, 'datasets', 'spirals'));
});
afterAll(async () => {
  await client?.shutdown();
  rmSync(home, { recursive: true, force: true });
});

describe('engine process: a checkpoint that cannot be written', () => {
  it('fails the run naming the checkpoint file and the errno, and leaves no temporary file', async () => {
    client = new EngineClient({ threads: 1 });
    await client.ready;
    const dir = join(home, 'runs', 'w1');
    // A non-empty folder where the 'last' checkpoint goes: the rename over it is refused (EISDIR on Linux and
    // macOS, EPERM or EACCES on Windows), as a full disk or a folder without write permission would refuse it.
    const blocked = join(dir, 'last.safetensors');
    mkdirSync(blocked, { recursive: true });
    writeFileSync(join(blocked, 'keep.txt'), 'not a checkpoint');
    client.send({
      type: 'start',
      runId: 'w1',
      spec: mlp(2, [8], 3),
      config: config({ epochs: 3, batchSize: 16 }),
      datasetDir,
      files: { dir },
    });
    const failed = await client.waitFor((m) => m.type === 'status' && m.runId === 'w1' && m.status === 'failed');
    if (failed.type !== 'status') throw new Error('expected a status');
    const { failure } = failed;
    expect(failure?.params.file).toBe(blocked);
    if (failure?.code === 'failure-system-error') expect(failure.params.errno).toMatch(/^E[A-Z]+$/);
    else expect(failure?.code).toBe('failure-no-permission');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(blocked)).toEqual(['keep.txt']);
  });
});
