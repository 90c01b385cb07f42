// For the studio's integration tests: a Studio in a home folder of its own with every event it emits recorded,
// closed and removed after the file's tests, and a training config with the tests' usual settings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { TRAIN_CONFIG_VERSION, type TrainConfig } from '../../../engine/core/train/config';
import type { StudioEvent } from '../../api/types';
import { Studio } from './studio';

export function testStudio(name: string): { studio: Studio; events: StudioEvent[] } {
  const home = mkdtempSync(join(tmpdir(), `netwright-${name}-`));
  const studio = new Studio({ home, mode: 'cli', engine: { threads: 2 } });
  const events: StudioEvent[] = [];
  studio.onEvent((event) => events.push(event));
  afterAll(async () => {
    await studio.close();
    rmSync(home, { recursive: true, force: true });
  });
  return { studio, events };
}

/** Adam at 0.01, batches of 32, seed 7, a 70/15/15 split: 25 epochs unless `overrides` say otherwise. */
export function testConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    version: TRAIN_CONFIG_VERSION,
    loss: 'cross_entropy',
    optimizer: { type: 'adam', lr: 0.01 },
    schedule: { type: 'constant' },
    epochs: 25,
    batchSize: 32,
    seed: 7,
    split: { train: 0.7, validation: 0.15, test: 0.15 },
    ...overrides,
  };
}
