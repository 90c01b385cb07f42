// The import bench's inputs, generated once into a cache folder (seeded, so every run reads the same bytes):
// 70,000 small grayscale PNGs in 10 class folders, a 60,000 × 785 integer CSV and a ~300 MB mixed table.
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../engine/core/rng';
import { encodePng } from '../main/services/datasets/images/testImages';

/** NETWRIGHT_BENCH_CACHE overrides; the default survives between runs (the image folder takes a while to write). */
export function importCacheDir(): string {
  return process.env.NETWRIGHT_BENCH_CACHE || join(homedir(), '.cache', 'netwright-bench');
}

export const IMAGE_SET = { name: 'png-28x28-gray-70k', classes: 10, perClass: 7000, side: 28 } as const;
export const INT_TABLE = { name: 'int-60000x785', rows: 60_000, features: 784 } as const;
export const MIXED_TABLE = { name: 'mixed-300mb', targetBytes: 300 * 1024 * 1024 } as const;

/** Writes into a temporary name and renames, so an interrupted generation is never mistaken for a finished one. */
export function once(path: string, write: (temp: string) => void | Promise<void>): Promise<string> | string {
  if (existsSync(path)) return path;
  const temp = `${path}.partial`;
  rmSync(temp, { recursive: true, force: true });
  const done = () => {
    renameSync(temp, path);
    return path;
  };
  const pending = write(temp);
  return pending instanceof Promise ? pending.then(done) : done();
}

/** A digit-like picture: a few thick strokes on black, different per image. */
function strokes(rng: Rng, side: number): Uint8Array {
  const pixels = new Uint8Array(side * side);
  const count = 2 + Math.floor(rng.uniform() * 3);
  for (let s = 0; s < count; s++) {
    let x = 6 + rng.uniform() * (side - 12);
    let y = 6 + rng.uniform() * (side - 12);
    const dx = rng.uniform() * 2 - 1;
    const dy = rng.uniform() * 2 - 1;
    for (let step = 0; step < 12; step++, x += dx, y += dy) {
      for (let oy = -1; oy <= 1; oy++) {
        for (let ox = -1; ox <= 1; ox++) {
          const px = Math.round(x + ox);
          const py = Math.round(y + oy);
          if (px >= 0 && py >= 0 && px < side && py < side)
            pixels[py * side + px] = Math.max(pixels[py * side + px], 255 - 60 * (Math.abs(ox) + Math.abs(oy)));
        }
      }
    }
  }
  return pixels;
}

export function imageFolder(cache: string): string | Promise<string> {
  return once(join(cache, IMAGE_SET.name), (temp) => {
    const rng = new Rng(11);
    for (let c = 0; c < IMAGE_SET.classes; c++) {
      const dir = join(temp, `class-${c}`);
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < IMAGE_SET.perClass; i++) {
        writeFileSync(
          join(dir, `${String(i).padStart(5, '0')}.png`),
          encodePng(IMAGE_SET.side, IMAGE_SET.side, 0, strokes(rng, IMAGE_SET.side)),
        );
      }
    }
  });
}

/** Streams lines to a file, waiting when the stream's buffer is full (bounded memory for 300 MB). */
async function writeLines(path: string, lines: () => Generator<string>): Promise<void> {
  const out = createWriteStream(path);
  let batch = '';
  for (const line of lines()) {
    batch += line;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      batch = '';
    }
  }
  out.end(batch);
  await new Promise<void>((resolve, reject) => {
    out.on('finish', () => resolve());
    out.on('error', reject);
  });
}

/** MNIST-shaped: a label 0..9 then 784 pixel values 0..255 (mostly 0, as in MNIST). */
export function intTable(cache: string): string | Promise<string> {
  return once(join(cache, `${INT_TABLE.name}.csv`), async (temp) => {
    mkdirSync(cache, { recursive: true });
    const rng = new Rng(12);
    await writeLines(temp, function* () {
      yield `label,${Array.from({ length: INT_TABLE.features }, (_, k) => `pixel${k}`).join(',')}\n`;
      for (let r = 0; r < INT_TABLE.rows; r++) {
        const cells = [String(r % 10)];
        for (let k = 0; k < INT_TABLE.features; k++)
          cells.push(rng.uniform() < 0.8 ? '0' : String(Math.floor(rng.uniform() * 256)));
        yield `${cells.join(',')}\n`;
      }
    });
  });
}

const CITIES = [
  'Lisbon',
  'Porto',
  'Madrid',
  'Paris',
  'Lyon',
  'Berlin',
  'Munich',
  'Rome',
  'Milan',
  'Vienna',
  'Prague',
  'Warsaw',
];
const PLANS = ['free', 'basic', 'plus', 'pro', 'team', 'enterprise'];

/** A customer table: 12 decimal columns, 4 integer columns, 3 categorical columns and a yes/no label, ~300 MB. */
export function mixedTable(cache: string): string | Promise<string> {
  return once(join(cache, `${MIXED_TABLE.name}.csv`), async (temp) => {
    mkdirSync(cache, { recursive: true });
    const rng = new Rng(13);
    let bytes = 0;
    await writeLines(temp, function* () {
      const header = [
        ...Array.from({ length: 12 }, (_, k) => `x${k}`),
        'age',
        'visits',
        'items',
        'tenure',
        'city',
        'plan',
        'device',
        'churned',
      ];
      yield `${header.join(',')}\n`;
      while (bytes < MIXED_TABLE.targetBytes) {
        const cells: string[] = [];
        for (let k = 0; k < 12; k++) cells.push((rng.uniform() * 200 - 100).toFixed(4));
        cells.push(
          String(18 + Math.floor(rng.uniform() * 70)),
          String(Math.floor(rng.uniform() * 500)),
          String(Math.floor(rng.uniform() * 40)),
          String(Math.floor(rng.uniform() * 120)),
        );
        cells.push(
          CITIES[Math.floor(rng.uniform() * CITIES.length)],
          PLANS[Math.floor(rng.uniform() * PLANS.length)],
          rng.uniform() < 0.5 ? 'mobile' : 'desktop',
        );
        cells.push(rng.uniform() < 0.3 ? 'yes' : 'no');
        const line = `${cells.join(',')}\n`;
        bytes += line.length;
        yield line;
      }
    });
  });
}
