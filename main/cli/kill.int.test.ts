// Killing the command line while it trains (SIGKILL: no handler runs), then continuing: the engine ends with its
// parent, the next command recovers the run as interrupted, the stored epoch history equals the history inside the
// last checkpoint (epochs 1..N, no gaps), and `continue` trains it to the end. Also a kill in the window where the
// engine has written the first checkpoint but the CLI has not recorded it: epoch 1 is recovered, not lost.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCheckpoint } from '../../engine/core/io/checkpoint';
import { openStore } from '../services/store';
import { exited, jsonLines, netwright, startNetwright, until } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-kill-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The engine processes `pid` forked (not tsx's esbuild service), from /proc. */
function enginesOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('engine'))
        found.push(Number(entry));
    } catch {
      /* it ended meanwhile */
    }
  }
  return found;
}

/** The stored epochs and the 'last' checkpoint's own epoch and history, read after recovery. */
function storedAndCheckpoint(name: string) {
  const store = openStore(join(home, 'studio.sqlite'));
  try {
    const run = store.runs.listRuns({}).find((r) => r.name === name)!;
    const last = store.checkpoints.latestCheckpoint(run.id, 'last');
    const decoded = last ? decodeCheckpoint(readFileSync(last.path), last.path).snapshot : null;
    return {
      run,
      last,
      dir: join(home, 'runs', run.id),
      stored: store.metrics.listEpochs(run.id).map((e) => e.epoch),
      checkpointEpoch: decoded?.epoch ?? null,
      checkpointHistory: decoded?.history.map((h) => h.epoch) ?? [],
      trainLossMatches: decoded
        ? store.metrics.listEpochs(run.id).every((e, i) => e.trainLoss === decoded.history[i]?.trainLoss)
        : false,
    };
  } finally {
    store.close();
  }
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('netwright killed while training', () => {
  it('SIGKILL mid-training: the engine ends, the run is recovered with history = checkpoint epochs 1..N, and continue completes it', async () => {
    const epochs = 150;
    const cli = startNetwright(home, [
      'train',
      '--sample',
      'spirals',
      '--epochs',
      String(epochs),
      '--name',
      'killed',
      '--json',
      '--threads',
      '1',
    ]);
    let out = '';
    cli.stdout!.on('data', (chunk) => {
      out += String(chunk);
    });
    await until(() => (out.match(/"type":"epoch"/g) ?? []).length >= 6);
    const engines = enginesOf(cli.pid!);
    expect(engines).toHaveLength(1);
    // Frozen, the CLI stops recording while the engine trains on and rewrites last.safetensors: the store falls
    // behind the checkpoint, as when the parent dies with metrics unflushed or the engine outlives it a moment.
    cli.kill('SIGSTOP');
    const seen = (out.match(/"type":"epoch"/g) ?? []).length;
    const [dir] = readdirSync(join(home, 'runs'));
    const checkpointEpoch = () => {
      try {
        return decodeCheckpoint(readFileSync(join(home, 'runs', dir, 'last.safetensors'))).snapshot.epoch;
      } catch {
        return 0;
      }
    };
    await until(() => checkpointEpoch() > seen + 2);
    cli.kill('SIGKILL');
    await exited(cli);
    await until(() => !alive(engines[0])); // the engine noticed its parent was gone and ended

    // Any command that opens the store recovers the run whose owner is dead.
    const listed = netwright(home, ['runs', '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    const state = storedAndCheckpoint('killed');
    expect(state.run.status).toBe('interrupted');
    expect(state.checkpointEpoch).toBeGreaterThanOrEqual(1);
    expect(state.checkpointHistory).toEqual(upTo(state.checkpointEpoch!));
    expect(state.stored).toEqual(upTo(state.checkpointEpoch!));
    expect(state.trainLossMatches).toBe(true);
    expect(state.last!.epoch).toBe(state.checkpointEpoch);

    const continued = netwright(home, ['continue', 'killed', '--json']);
    expect(continued.status, continued.stderr).toBe(0);
    expect(jsonLines(continued.stdout).at(-1)).toMatchObject({ type: 'summary', status: 'completed', epochs });
    const done = storedAndCheckpoint('killed');
    expect(done.stored).toEqual(upTo(epochs));
    expect(done.checkpointHistory).toEqual(upTo(epochs));
    expect(done.trainLossMatches).toBe(true);
  });

  it('a kill while the first checkpoint is written but not yet recorded keeps epoch 1, and stale temporary files go', async () => {
    // Small batches make epoch 1 long enough to freeze the CLI before it ends.
    const cli = startNetwright(home, [
      'train',
      '--sample',
      'spirals',
      '--epochs',
      '3',
      '--batch-size',
      '1',
      '--name',
      'first-write',
      '--threads',
      '1',
    ]);
    let err = '';
    cli.stderr!.on('data', (chunk) => {
      err += String(chunk);
    });
    await until(() => /run [0-9a-f]{8} 'first-write'/.test(err));
    const [engine] = enginesOf(cli.pid!);
    // Frozen, the CLI cannot record what the engine reports: the engine writes last.safetensors for epoch 1 and
    // its report waits in the channel; then the CLI dies.
    cli.kill('SIGSTOP');
    const runId = err.match(/run ([0-9a-f]{8})/)![1];
    const runsDir = join(home, 'runs');
    const dirOf = () => readdirSync(runsDir).find((d) => d.startsWith(runId));
    await until(() => {
      const d = dirOf();
      return d !== undefined && existsSync(join(runsDir, d, 'last.safetensors'));
    });
    cli.kill('SIGKILL');
    await exited(cli);
    await until(() => !alive(engine));
    const dir = join(runsDir, dirOf()!);
    // What a kill during the rename-less part of a write leaves behind.
    writeFileSync(join(dir, 'last.safetensors.424242.tmp'), Buffer.alloc(100, 7));

    const listed = netwright(home, ['runs']); // any command that opens the store recovers the run and its files
    expect(listed.status, listed.stderr).toBe(0);
    const state = storedAndCheckpoint('first-write');
    expect(state.run.status).toBe('interrupted');
    expect(state.last?.epoch).toBe(state.checkpointEpoch);
    expect(state.checkpointEpoch).toBeGreaterThanOrEqual(1);
    expect(state.stored).toEqual(upTo(state.checkpointEpoch!));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const continued = netwright(home, ['continue', 'first-write', '--json']);
    expect(continued.status, continued.stderr).toBe(0);
    expect(storedAndCheckpoint('first-write').stored).toEqual(upTo(3));
  });
});
