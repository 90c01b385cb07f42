// Why a run cannot predict on the images (or file) it was given, as codes with values: English here for the CLI and
// thrown messages; the renderer words the same codes from its own table (renderer/src/imagePredictions/messages.ts).
// The formats are written out in each language's sentence (a list in English inside a Chinese one would stay English).
import { IMAGE_FORMATS_TEXT } from './importNotes';

export const IMAGE_PREDICTION_PROBLEMS = {
  'table-dataset':
    "the run '{run}' was trained on '{dataset}', which is not an image dataset: predict on a CSV file with its columns",
  'vector-input':
    "the run '{run}' takes rows of {width} numbers, not images: predict on a CSV file with its number columns",
  'input-channels':
    "the run '{run}' takes inputs of shape {shape}: images can be read with 1 channel (grayscale) or 3 (RGB), not {channels}",
  'predicts-numbers': "the run '{run}' predicts numbers, not classes: image predictions need a classification run",
  'table-file': "{path}: the run '{run}' takes images ({shape}), not a table: give an image file or a folder of images",
  'not-an-image': `{path}: is not a ${IMAGE_FORMATS_TEXT} image that can be read ({reason})`,
  'no-images-one': `{path}: holds no ${IMAGE_FORMATS_TEXT} images to predict on (1 file skipped, e.g. {example}: {reason})`,
  'no-images': `{path}: holds no ${IMAGE_FORMATS_TEXT} images to predict on ({skipped} files skipped, e.g. {example}: {reason})`,
  'no-files': `{path}: holds no ${IMAGE_FORMATS_TEXT} images to predict on`,
} as const;

export type ImagePredictionProblem = keyof typeof IMAGE_PREDICTION_PROBLEMS;
