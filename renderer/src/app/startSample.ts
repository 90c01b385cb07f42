// "Use a sample": import the sample dataset (once), open the model that suits it sized to the data, and go to
// the training view, so a new user is one click from training.
import type { StudioState } from '../state/studio.svelte';

export async function startSample(studio: StudioState, name: string): Promise<void> {
  const sample = studio.info?.samples.find((s) => s.name === name);
  if (!sample) throw new Error(`no sample dataset '${name}'`);
  const dataset = await studio.api.useSample(name);
  await studio.adoptDataset(dataset.id);
  const spec = await studio.api.templateSpec(sample.suggestedTemplate, dataset.id);
  studio.openSpec(`${sample.suggestedTemplate} for ${name}`, spec);
  studio.updateSpec(spec);
  studio.view = 'model';
}
