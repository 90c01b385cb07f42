// Seeded synthetic data for the benchmark workloads, written once by run.ts as raw little-endian files so every
// suite (TypeScript or Python) trains on exactly the same numbers. Values only need the right shape and scale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputSize, trainingWorkloadOf, type GemmWorkload, type Workload } from './workloads';

/** What manifest.json says about one workload's files (paths relative to the data directory). */
export type DataEntry =
  | {
      kind: 'samples';
      samples: number;
      /** Per-sample input shape, NCHW for images. */
      inputShape: number[];
      /** float32 [samples, ...inputShape]. */
      inputs: string;
      /** int32 [samples] class indices, or float32 [samples, targetSize] regression targets. */
      targets: string;
      targetType: 'int32' | 'float32';
      targetSize: number;
      classes: number | null;
    }
  | { kind: 'matrices'; M: number; K: number; N: number; a: string; b: string }; // float32 A[M,K], B[K,N]

export type Manifest = Record<string, DataEntry>;

export const MANIFEST_FILE = 'manifest.json';
export const DATA_SEED = 20240601;

/** Small seeded generator (mulberry32); enough for benchmark data, not used for anything statistical. */
export class DataRng {
  private state: number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal (Box-Muller, two values per pair of uniforms). */
  normal(): number {
    if (this.spare !== null) {
      const value = this.spare;
      this.spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** Integer in [0, n). */
  below(n: number): number {
    return Math.min(n - 1, Math.floor(this.uniform() * n));
  }
}

/** Writes the data of every given workload into `dir` (inference workloads share their training workload's data). */
export function writeDataSets(dir: string, workloads: readonly Workload[]): Manifest {
  mkdirSync(dir, { recursive: true });
  const manifest: Manifest = {};
  const write = (file: string, values: Float32Array | Int32Array) => {
    writeFileSync(join(dir, file), new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    return file;
  };
  workloads.forEach((workload) => {
    switch (workload.kind) {
      case 'gemm': {
        const { M, K, N, name } = workload;
        const rng = new DataRng(DATA_SEED + WORKLOAD_SEEDS[name]);
        const a = new Float32Array(M * K).map(() => rng.uniform() * 2 - 1);
        const b = new Float32Array(K * N).map(() => rng.uniform() * 2 - 1);
        manifest[name] = { kind: 'matrices', M, K, N, a: write(`${name}.a.f32`, a), b: write(`${name}.b.f32`, b) };
        break;
      }
      case 'train':
      case 'infer': {
        const base = trainingWorkloadOf(workload);
        if (manifest[base.name]) break;
        const rng = new DataRng(DATA_SEED + WORKLOAD_SEEDS[base.name]);
        manifest[base.name] = writeSamples(
          base.name,
          base.network.inputShape,
          outputSize(base.network),
          base.loss,
          base.samples,
          rng,
          write,
        );
        break;
      }
      default:
        throw new Error(`unknown workload kind in ${JSON.stringify(workload)}`);
    }
  });
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
  return manifest;
}

// A distinct stream per data set, so adding a workload never changes another's data.
const WORKLOAD_SEEDS: Record<'W1' | 'W2' | 'W3' | 'W3aug' | 'W4' | 'W5' | GemmWorkload['name'], number> = {
  W1: 1,
  W2: 2,
  W3: 3,
  W3aug: 3, // W3's very data, so the two differ only by the augmentation
  W4: 4,
  W5: 5,
  'gemm-1024': 6,
  'gemm-64x784x512': 7,
  'gemm-64x784x512-nt': 8,
  'gemm-64x512x512-nt': 9,
  'gemm-64x512x10-nt': 10,
  'gemm-512x64x784-tn': 11,
  'gemm-512x64x512-tn': 12,
  'gemm-10x64x512-tn': 13,
  'gemm-64x512x512': 14,
  'gemm-64x10x512': 15,
};

function writeSamples(
  name: string,
  inputShape: number[],
  outputs: number,
  loss: 'cross_entropy' | 'mse',
  samples: number,
  rng: DataRng,
  write: (file: string, values: Float32Array | Int32Array) => string,
): DataEntry {
  const sampleSize = inputShape.reduce((a, b) => a * b, 1);
  if (loss === 'cross_entropy') {
    // Standard-normal inputs (like normalized features or pixels) and uniformly drawn class labels.
    const inputs = new Float32Array(samples * sampleSize).map(() => rng.normal());
    const labels = new Int32Array(samples).map(() => rng.below(outputs));
    return {
      kind: 'samples',
      samples,
      inputShape,
      inputs: write(`${name}.x.f32`, inputs),
      targets: write(`${name}.y.i32`, labels),
      targetType: 'int32',
      targetSize: 1,
      classes: outputs,
    };
  }
  // Regression as in the dropout demo: x uniform in [-1, 1], y = sin(pi x) + 0.1 noise per output.
  const inputs = new Float32Array(samples * sampleSize).map(() => rng.uniform() * 2 - 1);
  const targets = new Float32Array(samples * outputs).map(
    (_, i) => Math.sin(Math.PI * inputs[Math.floor(i / outputs) * sampleSize]) + 0.1 * rng.normal(),
  );
  return {
    kind: 'samples',
    samples,
    inputShape,
    inputs: write(`${name}.x.f32`, inputs),
    targets: write(`${name}.y.f32`, targets),
    targetType: 'float32',
    targetSize: outputs,
    classes: null,
  };
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
}

export function readFloat32(dir: string, file: string, expected: number): Float32Array {
  const bytes = readFileSync(join(dir, file));
  if (bytes.byteLength !== expected * 4)
    throw new Error(`${file} holds ${bytes.byteLength / 4} float32 values, expected ${expected}`);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export function readInt32(dir: string, file: string, expected: number): Int32Array {
  const bytes = readFileSync(join(dir, file));
  if (bytes.byteLength !== expected * 4)
    throw new Error(`${file} holds ${bytes.byteLength / 4} int32 values, expected ${expected}`);
  return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
