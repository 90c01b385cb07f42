// Sample datasets the studio generates itself (seeded, so every install has the same data): interleaved
// spirals, a noisy curve, two moons, and small images of shapes for a first CNN.
import { Rng } from '../rng';
import type { Task } from './dataset';

export interface GeneratedDataset {
  name: string;
  description: string;
  task: Task;
  featureShape: number[];
  featureNames?: string[];
  classNames?: string[];
  targetNames?: string[];
  /** count x prod(featureShape). */
  features: Float32Array;
  /** Class per sample (classification). */
  labels?: Int32Array;
  /** count x targetNames.length (regression). */
  targets?: Float32Array;
  /** Each row's split, when the sample fixes it (shipped as a 'split' column); otherwise the import splits at random. */
  splits?: Array<'train' | 'validation' | 'test'>;
}

/** Arms of a spiral winding out from the centre, one per class, with angular noise (CS231n's classic). */
export function spirals(
  options: { classes?: number; perClass?: number; noise?: number; seed?: number } = {},
): GeneratedDataset {
  const classes = options.classes ?? 3;
  const perClass = options.perClass ?? 300;
  const noise = options.noise ?? 0.2;
  const rng = new Rng(options.seed ?? 1);
  const count = classes * perClass;
  const features = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < perClass; i++) {
      const n = c * perClass + i;
      const radius = i / perClass;
      const angle = (c * 2 * Math.PI) / classes + radius * 4 + rng.normal() * noise; // arms evenly spaced around the centre
      features[2 * n] = radius * Math.sin(angle);
      features[2 * n + 1] = radius * Math.cos(angle);
      labels[n] = c;
    }
  }
  return {
    name: 'spirals',
    description: `${classes} interleaved spirals (${count} points, 2 features): not separable by a straight line, so a network needs hidden layers`,
    task: 'classification',
    featureShape: [2],
    featureNames: ['x', 'y'],
    classNames: Array.from({ length: classes }, (_, c) => `arm ${c + 1}`),
    features,
    labels,
  };
}

/** y = sin(3x) + noise on x in [-1, 1]: the classic regression curve, and with few points the overfitting demo. */
export function noisyCurve(options: { count?: number; noise?: number; seed?: number } = {}): GeneratedDataset {
  const count = options.count ?? 200;
  const noise = options.noise ?? 0.15;
  const rng = new Rng(options.seed ?? 2);
  const features = new Float32Array(count);
  const targets = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const x = rng.uniform() * 2 - 1;
    features[i] = x;
    targets[i] = Math.sin(3 * x) + rng.normal() * noise;
  }
  return {
    name: count <= 30 ? 'noisy-curve-small' : 'noisy-curve',
    description: `${count} noisy samples of sin(3x): a regression curve${count <= 30 ? '; with this few points a large network memorizes the noise (overfitting)' : ''}`,
    task: 'regression',
    featureShape: [1],
    featureNames: ['x'],
    targetNames: ['y'],
    features,
    targets,
  };
}

/** Two interleaving half circles. */
export function twoMoons(options: { count?: number; noise?: number; seed?: number } = {}): GeneratedDataset {
  const count = options.count ?? 500;
  const noise = options.noise ?? 0.1;
  const rng = new Rng(options.seed ?? 3);
  const features = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const upper = i % 2 === 0;
    const t = rng.uniform() * Math.PI;
    features[2 * i] = (upper ? Math.cos(t) : 1 - Math.cos(t)) + rng.normal() * noise;
    features[2 * i + 1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) + rng.normal() * noise;
    labels[i] = upper ? 0 : 1;
  }
  return {
    name: 'two-moons',
    description: `two interleaving half circles (${count} points): a gentle first classification task`,
    task: 'classification',
    featureShape: [2],
    featureNames: ['x', 'y'],
    classNames: ['upper', 'lower'],
    features,
    labels,
  };
}

/**
 * Grayscale images of simple shapes (filled square, ring, cross, horizontal bar), each placed, sized and
 * brightened at random with pixel noise: a small image task where convolutions beat a plain MLP.
 */
export function shapes(options: { size?: number; perClass?: number; seed?: number } = {}): GeneratedDataset {
  const size = options.size ?? 16;
  const perClass = options.perClass ?? 250;
  const rng = new Rng(options.seed ?? 4);
  const classNames = ['square', 'ring', 'cross', 'bar'];
  const count = classNames.length * perClass;
  const pixels = size * size;
  const features = new Float32Array(count * pixels);
  const labels = new Int32Array(count);
  for (let n = 0; n < count; n++) {
    const label = n % classNames.length;
    labels[n] = label;
    const image = features.subarray(n * pixels, (n + 1) * pixels);
    const half = Math.floor(size * (0.2 + 0.15 * rng.uniform())); // half-width of the shape
    const cx = half + rng.int(size - 2 * half);
    const cy = half + rng.int(size - 2 * half);
    const brightness = 0.6 + 0.4 * rng.uniform();
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const dx = x - cx;
        const dy = y - cy;
        let on: boolean;
        switch (label) {
          case 0:
            on = Math.abs(dx) <= half && Math.abs(dy) <= half;
            break;
          case 1: {
            const r = Math.sqrt(dx * dx + dy * dy);
            on = r <= half && r >= half - 1.5;
            break;
          }
          case 2:
            on = (Math.abs(dx) <= 1 && Math.abs(dy) <= half) || (Math.abs(dy) <= 1 && Math.abs(dx) <= half);
            break;
          case 3:
            on = Math.abs(dx) <= half && Math.abs(dy) <= 1;
            break;
          default:
            throw new Error(`no shape for class ${label}`);
        }
        image[y * size + x] = Math.min(1, Math.max(0, (on ? brightness : 0) + rng.normal() * 0.08));
      }
    }
  }
  return {
    name: 'shapes',
    description: `${count} ${size}x${size} grayscale images of 4 shapes: a first convolutional network`,
    task: 'classification',
    featureShape: [1, size, size],
    classNames,
    features,
    labels,
  };
}

/**
 * The dropout lesson's data: 20 noisy training points of sin(3x), and 200 validation and 200 test points drawn from
 * the same curve and noise, fixed by a split column so every run is judged on the same, larger held-out set.
 */
export function dropoutCurve(): GeneratedDataset {
  const counts = { train: 20, validation: 200, test: 200 } as const;
  // Noise large enough that fitting the 20 points exactly is clearly wrong: without dropout the validation loss
  // climbs to about twice its best, where a gentler 0.2 hid the rise in epoch-to-epoch noise.
  const noise = 0.4;
  const rng = new Rng(6);
  const total = counts.train + counts.validation + counts.test;
  const features = new Float32Array(total);
  const targets = new Float32Array(total);
  const splits: Array<'train' | 'validation' | 'test'> = [];
  for (const split of ['train', 'validation', 'test'] as const) {
    for (let i = 0; i < counts[split]; i++) {
      const n = splits.length;
      const x = rng.uniform() * 2 - 1;
      features[n] = x;
      targets[n] = Math.sin(3 * x) + rng.normal() * noise;
      splits.push(split);
    }
  }
  return {
    name: 'dropout-curve',
    description:
      '20 noisy training points of sin(3x), with 200 validation and 200 test points of the same curve (a split column): the dropout lesson',
    task: 'regression',
    featureShape: [1],
    featureNames: ['x'],
    targetNames: ['y'],
    features,
    targets,
    splits,
  };
}

export const SAMPLE_DATASETS = {
  spirals: () => spirals(),
  'two-moons': () => twoMoons(),
  'noisy-curve': () => noisyCurve(),
  'noisy-curve-small': () => noisyCurve({ count: 20, noise: 0.2, seed: 5 }),
  'dropout-curve': () => dropoutCurve(),
  shapes: () => shapes(),
} as const;

export type SampleName = keyof typeof SAMPLE_DATASETS;
