// The sample datasets the empty studio offers: the shipped CSV tables and image folder in resources/samples,
// imported like a user's own files (so their runs export to a PyTorch script that reads them again).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Task } from '../../../engine/core/data/dataset';
import { ServiceError } from '../serviceError';

export interface SampleDefinition {
  name: string;
  description: string;
  task: Task;
  suggestedTemplate: string;
  /** A CSV under resources/samples with its label column, or an image folder with its size. */
  /** splitColumn: a column that fixes each row's split (train / validation / test) instead of a random split. */
  source:
    | { kind: 'csv'; file: string; label: string; splitColumn?: string }
    | { kind: 'images'; folder: string; size: [number, number]; grayscale: boolean };
}

export const SAMPLES: readonly SampleDefinition[] = [
  {
    name: 'spirals',
    task: 'classification',
    suggestedTemplate: 'mlp',
    description: 'Three interleaved spirals of 2-D points: a line cannot separate them, a small MLP can.',
    source: { kind: 'csv', file: 'spirals.csv', label: 'label' },
  },
  {
    name: 'two-moons',
    task: 'classification',
    suggestedTemplate: 'mlp',
    description: 'Two interlocking half-moons with noise: the classic first non-linear boundary.',
    source: { kind: 'csv', file: 'two-moons.csv', label: 'label' },
  },
  {
    name: 'noisy-curve',
    task: 'regression',
    suggestedTemplate: 'mlp',
    description: 'A sine curve with noise: regression with a smooth target.',
    source: { kind: 'csv', file: 'noisy-curve.csv', label: 'y' },
  },
  {
    name: 'noisy-curve-small',
    task: 'regression',
    suggestedTemplate: 'dropout-demo',
    description: '20 noisy points of a curve: a big network overfits them, dropout helps (pair with the dropout demo).',
    source: { kind: 'csv', file: 'noisy-curve-small.csv', label: 'y' },
  },
  {
    name: 'dropout-curve',
    task: 'regression',
    suggestedTemplate: 'dropout-demo',
    description:
      '20 noisy training points of a curve, judged on 200 validation points of the same curve: the dropout lesson.',
    source: { kind: 'csv', file: 'dropout-curve.csv', label: 'y', splitColumn: 'split' },
  },
  {
    name: 'shapes',
    task: 'classification',
    suggestedTemplate: 'lenet',
    description: 'Small grayscale images of four shapes in class folders: a first convolutional network.',
    source: { kind: 'images', folder: 'shapes', size: [16, 16], grayscale: true },
  },
];

export function sampleDefinition(name: string): SampleDefinition {
  const sample = SAMPLES.find((s) => s.name === name);
  if (!sample) throw new ServiceError('no-sample', { sample: name, samples: SAMPLES.map((s) => s.name).join(', ') });
  return sample;
}

export function samplePath(resourcesDir: string, sample: SampleDefinition): string {
  const path = join(resourcesDir, 'samples', sample.source.kind === 'csv' ? sample.source.file : sample.source.folder);
  if (!existsSync(path))
    throw new ServiceError('sample-missing', { sample: sample.name, folder: join(resourcesDir, 'samples') });
  return path;
}
