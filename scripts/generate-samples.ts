// Writes the sample datasets the studio ships into resources/samples: tables as CSV (so they take the same
// import path as a user's file) and the shapes images as PNG folders, one sub-folder per class.
// Run: npx tsx scripts/generate-samples.ts   (a test checks the committed files match the generators)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { sampleCsv, SAMPLE_TABLES } from '../engine/core/data/sampleFiles';
import { shapes } from '../engine/core/data/samples';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'resources', 'samples');

for (const name of SAMPLE_TABLES) {
  writeFileSync(join(out, `${name}.csv`), sampleCsv(name));
}

const images = shapes({ size: 16, perClass: 60, seed: 4 });
const folder = join(out, 'shapes');
rmSync(folder, { recursive: true, force: true });
const pixels = 16 * 16;
for (let n = 0; n < images.labels!.length; n++) {
  const className = images.classNames![images.labels![n]];
  const gray = Buffer.from(
    Array.from(images.features.subarray(n * pixels, (n + 1) * pixels), (v) => Math.round(v * 255)),
  );
  const path = join(folder, className, `${className}-${String(n).padStart(3, '0')}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await sharp(gray, { raw: { width: 16, height: 16, channels: 1 } })
    .png({ compressionLevel: 9 })
    .toFile(path);
}
process.stdout.write(`wrote ${SAMPLE_TABLES.length} tables and ${images.labels!.length} images to ${out}\n`);
