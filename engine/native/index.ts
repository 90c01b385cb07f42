// Loads the native kernels (netwright_native.node) and checks they implement the whole Kernels contract.
// Lookup order: env NETWRIGHT_NATIVE_PATH, build/Release beside this file, engine/native/build/Release under the cwd.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kernels } from '../core/kernels';

const addonFile = path.join('build', 'Release', 'netwright_native.node');

// Every member of Kernels, so the compiler tells us when the contract grows and this check does not.
const members: Record<keyof Kernels, 'function' | 'string'> = {
  isa: 'string',
  setThreads: 'function',
  threads: 'function',
  gemm: 'function',
  denseForward: 'function',
  denseReluForward: 'function',
  packedWeights: 'function',
  packedWeightsBytes: 'function',
  denseBackward: 'function',
  conv2dForward: 'function',
  conv2dReluForward: 'function',
  conv2dBackward: 'function',
  maxPool2dForward: 'function',
  maxPool2dBackward: 'function',
  avgPool2dForward: 'function',
  avgPool2dBackward: 'function',
  globalAvgPoolForward: 'function',
  globalAvgPoolBackward: 'function',
  batchNormForwardTrain: 'function',
  batchNormForwardEval: 'function',
  batchNormBackward: 'function',
  batchNormBackwardEval: 'function',
  batchNormReluForwardTrain: 'function',
  batchNormReluBackward: 'function',
  activationForward: 'function',
  activationBackward: 'function',
  softmaxForward: 'function',
  softmaxBackward: 'function',
  dropoutForward: 'function',
  dropoutBackward: 'function',
  add: 'function',
  axpy: 'function',
  copy: 'function',
  concatChannels: 'function',
  splitChannels: 'function',
  gatherGrid: 'function',
  scatterGrid: 'function',
  argmaxRows: 'function',
  softmaxCrossEntropy: 'function',
  bceWithLogits: 'function',
  mse: 'function',
  sumOfSquares: 'function',
  sumOfAbs: 'function',
  scale: 'function',
  clamp: 'function',
  l1Grad: 'function',
  sgdStep: 'function',
  adagradStep: 'function',
  rmspropStep: 'function',
  adamStep: 'function',
  augmentImages: 'function',
};

let cached: Kernels | undefined;

function moduleDirectory(): string | undefined {
  try {
    return path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined; // bundled into a format without import.meta.url
  }
}

function candidatePaths(): string[] {
  const candidates: string[] = [];
  const fromEnv = process.env.NETWRIGHT_NATIVE_PATH;
  if (fromEnv) candidates.push(path.resolve(fromEnv));
  const here = moduleDirectory();
  if (here) {
    candidates.push(path.join(here, addonFile));
    // Bundled code runs from dist/ or dist/engine/ beside the engine/native folder (or its asar.unpacked copy).
    for (const up of ['..', path.join('..', '..')]) {
      const root = path.resolve(here, up);
      candidates.push(path.join(root, 'engine', 'native', addonFile));
      candidates.push(path.join(root.replace(/app\.asar$/, 'app.asar.unpacked'), 'engine', 'native', addonFile));
    }
  }
  candidates.push(path.resolve(process.cwd(), 'engine', 'native', addonFile));
  return candidates;
}

/** The native kernels, loaded once per process. Throws with the paths tried when the addon is not built. */
export function loadKernels(): Kernels {
  if (cached) return cached;
  const candidates = candidatePaths();
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `netwright native kernels not found (looked in: ${candidates.join(', ')}). Run \`npm run native:build\` to build them.`,
    );
  }
  const require = createRequire(import.meta.url ?? path.join(process.cwd(), 'index.js'));
  let addon: Record<string, unknown>;
  try {
    addon = require(found) as Record<string, unknown>;
  } catch (error) {
    throw new Error(
      `netwright native kernels at ${found} failed to load: ${(error as Error).message}. ` +
        'Rebuild them with `npm run native:build`.',
      { cause: error },
    );
  }
  const missing = (Object.keys(members) as (keyof Kernels)[]).filter((name) => typeof addon[name] !== members[name]);
  if (missing.length > 0) {
    throw new Error(
      `netwright native kernels at ${found} are out of date (missing ${missing.join(', ')}). ` +
        'Rebuild them with `npm run native:build`.',
    );
  }
  cached = addon as unknown as Kernels;
  return cached;
}
