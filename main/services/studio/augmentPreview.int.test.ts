// The augmentation preview and runs through the studio's services: the shapes sample's training images changed as
// training changes them (flipped exactly when asked), tables refused by name, a run on a table with augmentation
// refused before it is created (augmentation-needs-images), and a run on images trained and recorded with it.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { RunSummary, StudioEvent } from '../../api/types';
import { testConfig, testStudio } from './testStudio';

const { studio, events } = testStudio('augment-preview');

/** A PNG data URL's grey values, row-major. */
async function pixels(url: string): Promise<number[]> {
  const png = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return Array.from({ length: info.width * info.height }, (_, p) => data[p * info.channels]);
}

describe('augmentation preview', () => {
  it('shows training images of the shapes sample mirrored when the flip is certain, one per epoch', async () => {
    const dataset = await studio.useSample('shapes');
    const [, height, width] = dataset.manifest.featureShape;
    const preview = await studio.augmentPreview(dataset.id, { horizontalFlip: 1 }, 42, 3, 2);
    expect(preview.samples).toHaveLength(3);
    for (const sample of preview.samples) {
      expect(sample.epochs).toHaveLength(2);
      const original = await pixels(sample.original);
      const flipped = await pixels(sample.epochs[0]);
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) expect(flipped[y * width + x]).toBe(original[y * width + (width - 1 - x)]);
      expect(dataset.manifest.classNames).toContain(sample.label);
    }
    const unchanged = await studio.augmentPreview(dataset.id, {}, 42, 1, 1);
    expect(unchanged.samples[0].epochs[0]).toBe(unchanged.samples[0].original);
  });

  it('gives different draws in different epochs', async () => {
    const dataset = await studio.useSample('shapes');
    const preview = await studio.augmentPreview(dataset.id, { cropPadding: 3, rotationDegrees: 20 }, 42, 1, 4);
    expect(new Set(preview.samples[0].epochs).size).toBeGreaterThan(1);
  });

  it('refuses a table, and out-of-range settings', async () => {
    const table = await studio.useSample('spirals');
    await expect(studio.augmentPreview(table.id, { horizontalFlip: 0.5 }, 42)).rejects.toThrow(/table.*image datasets/);
    const images = await studio.useSample('shapes');
    await expect(studio.augmentPreview(images.id, { rotationDegrees: 200 }, 42)).rejects.toThrow(/rotationDegrees/);
  });

  it('a run on a table with augmentation is refused before it is created', async () => {
    const table = await studio.useSample('spirals');
    const spec = await studio.templateSpec('mlp', table.id);
    const before = (await studio.listRuns()).length;
    await expect(
      studio.startRun({ spec, config: testConfig({ augmentation: { verticalFlip: 0.5 } }), datasetId: table.id }),
    ).rejects.toMatchObject({ code: 'augmentation-needs-images', params: { shape: '2' } });
    expect(await studio.listRuns()).toHaveLength(before);
  });

  it('a run on images trains with augmentation in the engine and records it in its config', async () => {
    const dataset = await studio.useSample('shapes');
    const spec = await studio.templateSpec('small-cnn', dataset.id);
    const augmentation = { horizontalFlip: 0.5, cropPadding: 2 };
    const run = await studio.startRun({
      spec,
      config: testConfig({ epochs: 2, augmentation }),
      datasetId: dataset.id,
    });
    const finished = await new Promise<RunSummary>((resolve) => {
      const match = (e: StudioEvent) => e.type === 'run-finished' && e.runId === run.id;
      const seen = events.find(match);
      if (seen && seen.type === 'run-finished') return resolve(seen.run);
      const off = studio.onEvent((e) => {
        if (e.type === 'run-finished' && match(e)) {
          off();
          resolve(e.run);
        }
      });
    });
    expect(finished.status).toBe('completed');
    expect((await studio.getRun(run.id)).run.trainConfig.augmentation).toEqual(augmentation);
  });
});
