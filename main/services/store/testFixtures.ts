// Test helpers for the store: a store in a temp folder with a controllable clock, and small specs and configs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mlp } from '../../../engine/core/spec/templates';
import type { TrainConfig } from '../../../engine/core/train/config';
import { openStore, type Store, type StoreOptions } from './index';

export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function testClock(start = Date.UTC(2025, 0, 1)): TestClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `netwright-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openTestStore(dir: string, clock: TestClock, options: StoreOptions = {}): Store {
  return openStore(join(dir, 'studio.db'), { now: clock.now, ...options });
}

export const tinySpec = mlp(4, 3, [8]);

export function trainConfig(seed = 7): TrainConfig {
  return {
    version: 1,
    loss: 'cross_entropy',
    optimizer: { type: 'adam', lr: 0.001 },
    schedule: { type: 'constant' },
    epochs: 5,
    batchSize: 16,
    seed,
    split: { train: 0.7, validation: 0.15, test: 0.15 },
  };
}
