// Where onnxruntime's time goes on the same inference: the workload's network exported by netwright's own ONNX
// exporter (as the onnxruntime suite runs it), run with onnxruntime's profiler on, and each node's kernel time read
// back from the profile it writes (medians over the runs, in ms). For profile.ts --onnxruntime, which prints these
// beside netwright's own kernel times, so a gap on a workload can be put on the layer where it is.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { exportOnnx } from '../engine/core/export';
import type { TrainingSession } from '../engine/core/train/session';
import type { TrainingWorkload } from './workloads';
import { specOf } from './suites/netwrightSpec';

export interface OnnxruntimeProfile {
  version: string;
  /** The model run as onnxruntime's profiler times it (ms per run, median). */
  runMs: number;
  /** Each node's kernel time, in execution order: name, operator, ms per run (median). */
  nodes: Array<{ name: string; op: string; ms: number }>;
}

interface ProfileEvent {
  cat?: string;
  name?: string;
  dur?: number;
  args?: { op_name?: string };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;

/** Profiles `runs` runs of the session's model on `inputs`, after 3 warm-up runs whose times are dropped. */
export async function profileOnnxruntime(
  workload: TrainingWorkload,
  session: TrainingSession,
  inputs: Float32Array,
  batch: number,
  threads: number,
  runs: number,
): Promise<OnnxruntimeProfile> {
  const bytes = exportOnnx({
    spec: specOf(workload.name, workload.network),
    tensors: session.model.namedTensors(),
    producerVersion: 'bench-profile',
  });
  const dir = mkdtempSync(join(tmpdir(), 'netwright-ort-profile-'));
  try {
    const model = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      enableProfiling: true,
      profileFilePrefix: join(dir, 'profile'),
    });
    const input = new ort.Tensor('float32', inputs, [batch, ...workload.network.inputShape]);
    const warmup = 3;
    for (let i = 0; i < warmup + runs; i++) await model.run({ input });
    model.endProfiling();
    await model.release();
    const events = JSON.parse(readFileSync(profileFileIn(dir), 'utf8')) as ProfileEvent[];
    const runsMs = events.filter((e) => e.cat === 'Session' && e.name === 'model_run').map((e) => (e.dur ?? 0) / 1e3);
    const byNode = new Map<string, { op: string; ms: number[] }>();
    for (const e of events) {
      if (e.cat !== 'Node' || !e.name?.endsWith('_kernel_time')) continue;
      const name = e.name.slice(0, -'_kernel_time'.length);
      const node = byNode.get(name) ?? { op: e.args?.op_name ?? '?', ms: [] };
      node.ms.push((e.dur ?? 0) / 1e3);
      byNode.set(name, node);
    }
    return {
      version: ort.env.versions.common ?? 'unknown',
      runMs: median(runsMs.slice(warmup)),
      nodes: [...byNode].map(([name, node]) => ({ name, op: node.op, ms: median(node.ms.slice(warmup)) })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The profile onnxruntime wrote: it names the file after the prefix and the time, alone in its directory. */
function profileFileIn(dir: string): string {
  const file = readdirSync(dir).find((name) => name.endsWith('.json'));
  if (!file) throw new Error(`onnxruntime wrote no profile into ${dir}`);
  return join(dir, file);
}
