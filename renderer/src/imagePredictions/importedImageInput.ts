// Whether a run imported from a model file (no dataset) classifies images, as main/services/studio/imageModel.ts
// reads it: a [C, H, W] input with 1 (grayscale) or 3 (RGB) channels and classes out. Its run page then takes
// images to predict on, resized to H × W.
import { analyze } from '../../../engine/core/spec/analyze';
import type { Run } from '../../../main/api/types';

export interface ImageInput {
  channels: 1 | 3;
  height: number;
  width: number;
}

export function importedImageInput(run: Pick<Run, 'kind' | 'datasetId' | 'graph' | 'trainConfig'>): ImageInput | null {
  if (run.kind !== 'imported' || run.datasetId !== null || run.trainConfig.loss === 'mse') return null;
  const analysis = analyze(run.graph);
  const shape = analysis.inputId ? analysis.nodes[analysis.inputId].outputShape : null;
  if (!shape || shape.length !== 3) return null;
  const [channels, height, width] = shape;
  return channels === 1 || channels === 3 ? { channels, height, width } : null;
}
