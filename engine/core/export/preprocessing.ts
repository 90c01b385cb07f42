// How to turn a user's raw data into the model's input, as data (the ONNX metadata_props 'preprocessing') and as
// steps in words (the README): for images the colour mode, size, resize mode, scaling, layout and standardization.
import type { ExportNormalization } from './modelTensors';

/** What the model was trained on, as the dataset recorded it. */
export type InputSource =
  | {
      kind: 'images';
      /** 1: grayscale (ITU-R 601 luma, as PIL's convert('L') and sharp's greyscale), 3: RGB. */
      channels: 1 | 3;
      height: number;
      width: number;
      /** How the importer brought each image to height × width (see main/services/datasets/images/options.ts). */
      fit: 'fill' | 'cover' | 'contain';
    }
  | {
      kind: 'table';
      /** One name per input value after encoding (one-hot columns named `column=value`). */ features: readonly string[];
    };

export interface Preprocessing {
  input: InputSource;
  /** The training split's statistics, or null when the model takes unstandardized values. */
  normalization: ExportNormalization | null;
  /** True when the exported model applies the standardization itself (ONNX 'fold', the PyTorch script). */
  standardizedByModel: boolean;
}

const RESIZE: Record<'fill' | 'cover' | 'contain', string> = {
  fill: 'stretched to exactly {h}×{w} pixels (the aspect ratio is not kept), bilinear',
  cover: 'scaled to cover {h}×{w} pixels keeping the aspect ratio, then the centre cropped to {h}×{w}, bilinear',
  contain: 'scaled to fit inside {h}×{w} pixels keeping the aspect ratio, then centred on black padding, bilinear',
};

/** The steps from a raw sample to the model's input, in order, one sentence each. */
export function preprocessingSteps(p: Preprocessing): string[] {
  const steps: string[] = [];
  const stats = p.normalization;
  if (p.input.kind === 'images') {
    const { channels, height, width, fit } = p.input;
    steps.push(
      channels === 1
        ? 'Decode the image and convert it to grayscale (one channel, ITU-R 601 luma: 0.299 R + 0.587 G + 0.114 B, as PIL\'s convert("L")).'
        : 'Decode the image as RGB (three channels in the order red, green, blue; drop any alpha channel).',
    );
    steps.push(`Resize it: ${RESIZE[fit].replace(/\{h\}/g, String(height)).replace(/\{w\}/g, String(width))}.`);
    steps.push('Scale every pixel from 0..255 to [0, 1]: divide by 255 (do not feed 0..255).');
    steps.push(
      `Lay the values out channel first, as float32 [batch, ${channels}, ${height}, ${width}] (NCHW), not [height, width, channels].`,
    );
    if (stats) {
      const per = stats.mean.map((m, c) => `channel ${c}: mean ${round(m)}, std ${round(stats.std[c])}`).join('; ');
      steps.push(
        p.standardizedByModel
          ? `Do not standardize: the model subtracts the training images' per-channel mean and divides by their std itself (${per}).`
          : `Standardize each channel: (x - mean) / std with the training images' statistics (${per}); a std of 0 means divide by 1.`,
      );
    } else {
      steps.push('No standardization: the model was trained on the [0, 1] values.');
    }
  } else {
    const names = p.input.features;
    steps.push(
      `Encode each row as ${names.length} float32 values in this order: ${names.join(', ')} (a name column=value is 1 when the column holds that value, else 0).`,
    );
    if (stats) {
      steps.push(
        p.standardizedByModel
          ? "Feed the raw values: the model standardizes each feature with the training rows' mean and std itself."
          : 'Standardize each feature: (x - mean) / std with the statistics in the metadata "normalization" (training rows); a std of 0 means divide by 1.',
      );
    } else {
      steps.push('No standardization: the model was trained on the raw values.');
    }
    steps.push(`Stack the rows as float32 [batch, ${names.length}].`);
  }
  return steps;
}

/** The same facts as JSON, for the ONNX metadata_props 'preprocessing' (read by programs). */
export function preprocessingMetadata(p: Preprocessing): string {
  const normalization = p.normalization
    ? {
        axis: p.normalization.axis,
        mean: p.normalization.mean,
        std: p.normalization.std,
        applied_by: p.standardizedByModel ? 'model' : 'caller',
      }
    : null;
  if (p.input.kind === 'images') {
    const { channels, height, width, fit } = p.input;
    return JSON.stringify({
      kind: 'image',
      color: channels === 1 ? 'grayscale' : 'rgb',
      channel_order: channels === 1 ? ['luma'] : ['r', 'g', 'b'],
      layout: 'NCHW',
      dtype: 'float32',
      size: { height, width },
      resize: fit,
      resample: 'bilinear',
      scale: '1/255',
      range: [0, 1],
      normalization,
    });
  }
  return JSON.stringify({ kind: 'table', layout: 'NF', dtype: 'float32', features: p.input.features, normalization });
}

function round(value: number): string {
  return String(Number(value.toPrecision(6)));
}
