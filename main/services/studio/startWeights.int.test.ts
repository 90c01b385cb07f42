// Starting a run from other weights through the studio: refused, with no run created, when the source run has no
// checkpoint yet (a code with the run's name, which the renderer words) or when a weights file does not fit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeSafetensors } from '../../../engine/core/io/safetensors';
import { WeightsError } from '../../../engine/core/io/weightsMatch';
import { testConfig as config, testStudio } from './testStudio';

const { studio } = testStudio('start-weights');

describe('starting weights', () => {
  it('refuses a source run without a checkpoint, and a weights file that does not fit, creating no run', async () => {
    const dataset = await studio.useSample('spirals');
    const spec = await studio.templateSpec('mlp', dataset.id);
    await studio.listGraphs(); // makes the studio's project
    const project = studio.store.projects.listProjects()[0].id;
    const untrained = studio.store.runs.createRun({
      projectId: project,
      name: 'untrained',
      graph: spec,
      trainConfig: config(),
    });
    const before = (await studio.listRuns()).length;

    const fromNothing = studio.startRun({ spec, config: config(), datasetId: dataset.id, fromRun: untrained.id });
    await expect(fromNothing).rejects.toBeInstanceOf(WeightsError);
    await expect(fromNothing).rejects.toMatchObject({ code: 'no-checkpoint', params: { run: 'untrained' } });

    const file = join(studio.layout.home, 'misfit.safetensors');
    writeFileSync(
      file,
      encodeSafetensors({ 'fc1.weight': { dtype: 'F32', shape: [3, 3], data: new Float32Array(9) } }),
    );
    await expect(
      studio.startRun({ spec, config: config(), datasetId: dataset.id, weights: { kind: 'path', path: file } }),
    ).rejects.toThrow(
      /tensor 'fc1\.weight' has shape \[3, 3\], but layer 'fc1' needs 'fc1\.weight' of shape \[64, 2\]/,
    );
    await expect(studio.planWeights({ kind: 'path', path: file }, spec)).rejects.toMatchObject({
      code: 'shape-mismatch',
    });
    expect((await studio.listRuns()).length).toBe(before);
  });
});
