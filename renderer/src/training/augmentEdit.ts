// Editing the augmentation settings: the fields the panel shows (as data, with their ranges from the engine's
// checks) and a change that drops settings turned off, so a run without augmentation records none.
import type { TrainConfig } from '../../../main/api/types';
import type { AugmentationConfig } from '../../../engine/core/train/config';
import { MAX_AUGMENT_PIXELS, MAX_ROTATION_DEGREES } from '../../../engine/core/train/configCheck';

export type AugmentSetting = keyof AugmentationConfig;

export interface AugmentField {
  setting: AugmentSetting;
  integer: boolean;
  min: number;
  max: number;
}

/** In the panel's order: flips, shift, rotation, colour, cutout. */
export const AUGMENT_FIELDS: readonly AugmentField[] = [
  { setting: 'horizontalFlip', integer: false, min: 0, max: 1 },
  { setting: 'verticalFlip', integer: false, min: 0, max: 1 },
  { setting: 'cropPadding', integer: true, min: 0, max: MAX_AUGMENT_PIXELS },
  { setting: 'rotationDegrees', integer: false, min: 0, max: MAX_ROTATION_DEGREES },
  { setting: 'brightness', integer: false, min: 0, max: 0.99 },
  { setting: 'contrast', integer: false, min: 0, max: 0.99 },
  { setting: 'cutoutSize', integer: true, min: 0, max: MAX_AUGMENT_PIXELS },
  { setting: 'cutoutCount', integer: true, min: 0, max: 16 },
];

/** `config` with one augmentation setting changed; settings at 0 are dropped, and the whole entry when none is left. */
export function withAugmentation(config: TrainConfig, setting: AugmentSetting, value: number): TrainConfig {
  const { augmentation: old, ...rest } = config;
  const next: AugmentationConfig = { ...old, [setting]: value };
  // A cutout size needs at least one square to show; a first size brings one.
  if (setting === 'cutoutSize' && value > 0 && !next.cutoutCount) next.cutoutCount = 1;
  for (const key of Object.keys(next) as AugmentSetting[]) if (!next[key]) delete next[key];
  return Object.keys(next).length > 0 ? { ...rest, augmentation: next } : rest;
}

/** Whether the dataset's rows are images (augmentation applies only to those). */
export function isImageShape(featureShape: readonly number[] | undefined): boolean {
  return featureShape?.length === 3;
}
