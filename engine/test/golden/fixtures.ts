// Reads the reference cases in engine/test/golden/fixtures (or $GOLDEN_DIR, another folder of the same format) and
// compares engine output with them. The fixtures travel with the repository, so a lone clone runs them.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export interface GoldenTensor {
  shape: number[];
  data: number[];
}

const bundledFixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function goldenDir(): string {
  const dir = process.env.GOLDEN_DIR ? resolve(process.env.GOLDEN_DIR) : bundledFixtures;
  if (!existsSync(dir))
    throw new Error(`golden fixtures not found at ${dir}: set GOLDEN_DIR to the folder holding layers.json`);
  return dir;
}

/** All cases of one fixture file, e.g. loadCases('layers.json'). */
export function loadCases<T = any>(file: string): T[] {
  const path = join(goldenDir(), file);
  const cases = JSON.parse(readFileSync(path, 'utf8')) as T[];
  if (!Array.isArray(cases) || cases.length === 0) throw new Error(`${path} holds no cases`);
  return cases;
}

/**
 * Cases of the layer kinds added after layers.json, one file per kind (`layers-<kind>.json`, written by
 * scripts/golden/generate-*.py), always from the bundled fixtures: $GOLDEN_DIR holds the shared set only.
 */
export function loadBundledLayerCases<T = any>(): T[] {
  return readdirSync(bundledFixtures)
    .filter((file) => /^layers-[\w-]+\.json$/.test(file))
    .sort()
    .flatMap((file) => {
      const cases = JSON.parse(readFileSync(join(bundledFixtures, file), 'utf8')) as T[];
      if (!Array.isArray(cases) || cases.length === 0) throw new Error(`${file} holds no cases`);
      return cases;
    });
}

export function f32(t: GoldenTensor): Float32Array {
  return new Float32Array(t.data);
}

export function i32(t: GoldenTensor): Int32Array {
  return new Int32Array(t.data);
}

export const TOL = {
  single: { atol: 1e-5, rtol: 1e-4 }, // layers, losses, clipping
  multiStep: { atol: 1e-4, rtol: 1e-4 }, // optimizers, textbook cases, training runs
  lr: { atol: 1e-12, rtol: 1e-6 }, // scheduler learning rates
} as const;

/** Element-wise |actual - expected| <= atol + rtol |expected|; the message names the first failing element. */
export function expectClose(
  actual: ArrayLike<number> | number,
  expected: ArrayLike<number> | number,
  tol: { atol: number; rtol: number },
  label: string,
): void {
  const a = typeof actual === 'number' ? [actual] : actual;
  const e = typeof expected === 'number' ? [expected] : expected;
  expect(a.length, `${label}: length`).toBe(e.length);
  let worst = 0;
  let worstAt = -1;
  for (let i = 0; i < e.length; i++) {
    const err = Math.abs(a[i] - e[i]);
    const allowed = tol.atol + tol.rtol * Math.abs(e[i]);
    if (!(err <= allowed) && (worstAt < 0 || err / allowed > worst)) {
      worst = err / allowed;
      worstAt = i;
    }
  }
  if (worstAt >= 0) {
    expect.fail(
      `${label}: element ${worstAt} is ${a[worstAt]}, expected ${e[worstAt]} (error ${worst.toFixed(2)}x the tolerance)`,
    );
  }
}
