// Stale temporary files from a write cut short are removed from every run folder, but a live writer's stays.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleTemporaryFiles } from './recovery';

const runsDir = mkdtempSync(join(tmpdir(), 'netwright-recovery-'));
afterEach(() => rmSync(runsDir, { recursive: true, force: true }));

describe('removeStaleTemporaryFiles', () => {
  it("removes a dead writer's temporary file and keeps a live one's and the checkpoints", () => {
    const dir = join(runsDir, 'run-a');
    mkdirSync(dir, { recursive: true });
    const dead = join(dir, 'last.safetensors.4194305.tmp'); // a process id no system hands out
    const live = join(dir, `best.safetensors.${process.pid}.tmp`);
    const checkpoint = join(dir, 'last.safetensors');
    for (const path of [dead, live, checkpoint]) writeFileSync(path, 'x');
    expect(removeStaleTemporaryFiles(runsDir)).toEqual([dead]);
    expect([existsSync(dead), existsSync(live), existsSync(checkpoint)]).toEqual([false, true, true]);
  });
});
