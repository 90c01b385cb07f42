// Checks the harness around the workloads: flag parsing, the timing rule, the synthetic data files and the summary.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, selectWorkloads } from './args';
import { peakFields } from './child';
import { DataRng, readManifest, writeDataSets } from './data';
import { jobsOf } from './jobs';
import type { ResultLine } from './protocol';
import { summarize } from './summary';
import { median, sizeTimedRun } from './timing';
import { SUITES, suiteRuns, WORKLOADS, workloadByName } from './workloads';

describe('flags', () => {
  it('runs every workload on netwright, both TF.js backends and ONNX Runtime with all cores by default', () => {
    const options = parseArgs([], 8);
    expect(options.workloads).toHaveLength(WORKLOADS.length);
    expect(options.suites).toEqual(['netwright', 'tfjs-cpu', 'tfjs-wasm', 'onnxruntime']);
    expect(options.threads).toBe(8);
    expect(options.quick).toBe(false);
  });

  it('selects workloads by name, family and glob, in the standard order', () => {
    expect(selectWorkloads('W3,W2').map((w) => w.name)).toEqual(['W2', 'W3']);
    expect(
      selectWorkloads('gemm')
        .map((w) => w.name)
        .slice(0, 3),
    ).toEqual(['gemm-1024', 'gemm-64x784x512', 'gemm-64x784x512-nt']);
    expect(selectWorkloads('gemm')).toHaveLength(10);
    expect(selectWorkloads('infer-*,w1').map((w) => w.name)).toEqual(['W1', 'infer-W2', 'infer-W3']);
    expect(() => selectWorkloads('W7')).toThrow(/'W7' matches no workload/);
  });

  it('runs ONNX Runtime on the inference workloads only', () => {
    const runs = WORKLOADS.filter((w) => suiteRuns('onnxruntime', w)).map((w) => w.name);
    expect(runs).toEqual(['infer-W2', 'infer-W3']);
    expect(WORKLOADS.every((w) => suiteRuns('netwright', w))).toBe(true);
  });

  it('runs the augmented workload on netwright alone (the other suites have no augmentation)', () => {
    const w3aug = WORKLOADS.find((w) => w.name === 'W3aug')!;
    expect(SUITES.filter((s) => suiteRuns(s, w3aug))).toEqual(['netwright']);
  });

  it('adds PyTorch with --with-pytorch and accepts --flag=value', () => {
    const options = parseArgs(['--suites=netwright,tfjs-wasm', '--with-pytorch', '--threads', '1', '--quick'], 2);
    expect(options.suites).toEqual(['netwright', 'tfjs-wasm', 'pytorch']);
    expect(options.threads).toBe(1);
    expect(options.quick).toBe(true);
  });

  it('runs one round unless --rounds asks for more', () => {
    expect(parseArgs([], 2).rounds).toBe(1);
    expect(parseArgs(['--rounds', '5'], 2).rounds).toBe(5);
    expect(parseArgs(['--rounds=3'], 2).rounds).toBe(3);
    expect(() => parseArgs(['--rounds', '0'], 2)).toThrow(/--rounds must be a whole number of 1 or more, got '0'/);
    expect(() => parseArgs(['--rounds', '2.5'], 2)).toThrow(/--rounds must be a whole number/);
  });

  it('refuses bad values and unknown flags', () => {
    expect(() => parseArgs(['--threads', '0'], 2)).toThrow(/--threads must be a whole number/);
    expect(() => parseArgs(['--threads'], 2)).toThrow(/--threads needs a value/);
    expect(() => parseArgs(['--suites', 'tfjs-node'], 2)).toThrow(/unknown suite tfjs-node/);
    expect(() => parseArgs(['--fast'], 2)).toThrow(/unknown flag '--fast'/);
  });
});

describe('timing rule', () => {
  const plan = { warmupSteps: 5, timedSteps: 50, repeats: 3 };

  it('keeps the planned steps when they fit the budget and last long enough', () => {
    expect(sizeTimedRun(plan, 0.01, 12, 0.3)).toEqual({ steps: 50, repeats: 3 });
  });

  it('times more steps when a repeat would be shorter than the minimum', () => {
    expect(sizeTimedRun(plan, 0.001, 12, 0.3)).toEqual({ steps: 300, repeats: 3 });
  });

  it('times fewer steps, then fewer repeats, when steps are slow', () => {
    expect(sizeTimedRun(plan, 0.5, 12, 0.3)).toEqual({ steps: 6, repeats: 3 }); // 9 s of timed budget / 3 / 0.5
    expect(sizeTimedRun(plan, 5, 12, 0.3)).toEqual({ steps: 1, repeats: 1 });
  });

  it('takes the median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('synthetic data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netwright-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the generator repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const rng = new DataRng(seed);
      return Array.from({ length: 5 }, () => rng.uniform());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('writes each data set once with the sizes the manifest states, the same bytes on every run', () => {
    const manifest = writeDataSets(dir, [
      workloadByName('W3'),
      workloadByName('W4'),
      workloadByName('infer-W3'),
      workloadByName('gemm-64x784x512'),
    ]);
    expect(Object.keys(manifest).sort()).toEqual(['W3', 'W4', 'gemm-64x784x512']); // infer-W3 reuses W3's data
    expect(readManifest(dir)).toEqual(manifest);
    const w3 = manifest.W3;
    if (w3.kind !== 'samples') throw new Error('W3 should hold samples');
    expect(statSync(join(dir, w3.inputs)).size).toBe(1024 * 28 * 28 * 4);
    const labels = new Int32Array(readFileSync(join(dir, w3.targets)).buffer.slice(0));
    expect(labels).toHaveLength(1024);
    expect(Math.min(...labels)).toBe(0);
    expect(Math.max(...labels)).toBe(9);
    const w4 = manifest.W4;
    expect(w4.kind === 'samples' && [w4.targetType, w4.targetSize, w4.samples]).toEqual(['float32', 1, 20]);
    const gemm = manifest['gemm-64x784x512'];
    expect(gemm.kind === 'matrices' && statSync(join(dir, gemm.b)).size).toBe(784 * 512 * 4);

    const first = readFileSync(join(dir, w3.inputs));
    const again = mkdtempSync(join(tmpdir(), 'netwright-bench-test-'));
    try {
      writeDataSets(again, [workloadByName('W3')]);
      expect(readFileSync(join(again, w3.inputs)).equals(first)).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});

describe('job order', () => {
  const order = (rounds: number) =>
    jobsOf(
      { workloads: selectWorkloads('infer-W2,W1'), threads: 1, quick: true, rounds },
      ['netwright', 'tfjs-wasm', 'onnxruntime'],
      '/data',
    ).map(({ job, round }) => `${job.workload.name}@${job.batch} ${job.suite} ${round ?? '-'}`);

  it('runs each workload and batch on its suites back to back, without rounds', () => {
    expect(order(1)).toEqual([
      'W1@8 netwright -',
      'W1@8 tfjs-wasm -',
      'infer-W2@1 netwright -',
      'infer-W2@1 tfjs-wasm -',
      'infer-W2@1 onnxruntime -',
      'infer-W2@256 netwright -',
      'infer-W2@256 tfjs-wasm -',
      'infer-W2@256 onnxruntime -',
    ]);
  });

  it('repeats the group once per round, each round in the order opposite to the last', () => {
    expect(order(3).slice(0, 6)).toEqual([
      'W1@8 netwright 1',
      'W1@8 tfjs-wasm 1',
      'W1@8 tfjs-wasm 2',
      'W1@8 netwright 2',
      'W1@8 netwright 3',
      'W1@8 tfjs-wasm 3',
    ]);
    expect(order(2).filter((name) => name.startsWith('infer-W2@256'))).toEqual([
      'infer-W2@256 netwright 1',
      'infer-W2@256 tfjs-wasm 1',
      'infer-W2@256 onnxruntime 1',
      'infer-W2@256 onnxruntime 2',
      'infer-W2@256 tfjs-wasm 2',
      'infer-W2@256 netwright 2',
    ]);
  });
});

describe('summary', () => {
  const line = (suite: ResultLine['suite'], value: number | null, error?: string): ResultLine => ({
    suite,
    workload: 'W2',
    batch: 64,
    threads: 2,
    threads_requested: 2,
    ...(value === null ? { error } : { samples_per_s: value }),
  });

  it('gives netwright / peer for every peer that ran and lists the failures', () => {
    const [summary] = summarize([
      line('netwright', 1000),
      line('tfjs-cpu', 100),
      line('tfjs-wasm', null, 'no kernel'),
      line('pytorch', 400),
    ]);
    expect(summary).toMatchObject({ suite: 'summary', workload: 'W2', batch: 64, metric: 'samples_per_s' });
    expect(summary.ratios).toEqual({ 'tfjs-cpu': 10, pytorch: 2.5 });
    expect(summary.errors).toEqual({ 'tfjs-wasm': 'no kernel' });
  });

  it('keeps one line per batch size and uses GFLOPS for GEMM', () => {
    const gemm: ResultLine = {
      suite: 'netwright',
      workload: 'gemm-1024',
      batch: 1024,
      threads: 2,
      threads_requested: 2,
      gflops: 50,
    };
    const summaries = summarize([line('netwright', 1), { ...line('netwright', 2), batch: 256 }, gemm]);
    expect(summaries.map((s) => [s.workload, s.batch, s.metric])).toEqual([
      ['W2', 64, 'samples_per_s'],
      ['W2', 256, 'samples_per_s'],
      ['gemm-1024', 1024, 'gflops'],
    ]);
  });

  it("with rounds, gives the median of the rounds' ratios, their range, and each suite's median", () => {
    const inRound = (round: number, suite: ResultLine['suite'], value: number | null, error?: string) => ({
      ...line(suite, value, error),
      round,
    });
    // The machine slowed down in round 2: the ratio of the medians (1000 / 500 = 2) is not what any round measured.
    const [summary] = summarize([
      inRound(1, 'netwright', 1000),
      inRound(1, 'onnxruntime', 800),
      inRound(2, 'onnxruntime', 500),
      inRound(2, 'netwright', 450),
      inRound(3, 'netwright', 1100),
      inRound(3, 'onnxruntime', 1000),
      inRound(1, 'pytorch', 400),
      inRound(2, 'pytorch', null, 'killed'),
    ]);
    expect(summary.values).toEqual({ netwright: 1000, onnxruntime: 800, pytorch: 400 });
    expect(summary.ratios).toEqual({ onnxruntime: 1.1, pytorch: 2.5 });
    expect(summary.ratio_range).toEqual({ onnxruntime: [0.9, 1.25], pytorch: [2.5, 2.5] });
    expect(summary.rounds).toEqual({ onnxruntime: 3, pytorch: 1 });
    expect(summary.errors).toEqual({ pytorch: 'killed' });
  });

  it('adds no rounds or ranges to a run of one round', () => {
    const [summary] = summarize([line('netwright', 300), line('pytorch', 100)]);
    expect(summary.ratios).toEqual({ pytorch: 3 });
    expect(summary).not.toHaveProperty('rounds');
    expect(summary).not.toHaveProperty('ratio_range');
  });

  it('has no ratios without a netwright figure', () => {
    const [summary] = summarize([line('netwright', null, 'not built'), line('tfjs-cpu', 100)]);
    expect(summary.ratios).toEqual({});
    expect(summary.values).toEqual({ 'tfjs-cpu': 100 });
  });
});

describe('GEMM lines against the FMA peak', () => {
  const probe = {
    gflops: 200,
    cpuGflops: 210,
    threads: 2,
    spread: 0.012,
    undisturbed: 6,
    repeats: 7,
    theoreticalGflops: 143.7,
  };

  it("divides the GEMM's best repeat by the probe's best, and GFLOPS per CPU-second by the probe per thread", () => {
    expect(peakFields(80, 90, probe)).toEqual({
      best_gflops: 80,
      peak_gflops: 200,
      share_of_peak: 0.4,
      peak_spread: 0.012,
      peak_undisturbed: '6/7',
      peak_listed_clock_gflops: 143.7,
      cpu_gflops: 90,
      peak_cpu_gflops_per_thread: 105,
      cpu_share_of_peak: round4(90 / 105),
    });
  });

  it('leaves the CPU-time shares out where the probe had no CPU clock', () => {
    const fields = peakFields(80, 90, { ...probe, cpuGflops: null, theoreticalGflops: null });
    expect(fields.share_of_peak).toBe(0.4);
    expect('cpu_share_of_peak' in fields).toBe(false);
    expect('peak_listed_clock_gflops' in fields).toBe(false);
  });
});

function round4(value: number): number {
  return Number(value.toPrecision(4));
}
