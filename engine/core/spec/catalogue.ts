// The layer catalogue as data: one entry per op kind with its category, input count, help text and typed params,
// gathered from the layer modules. It drives the editor's palette and inspector, validation (params.ts), shape inference and the engine.

import { LAYER_DEFINITIONS } from '../layers';
import type { LayerCategory, LayerDef } from './layerTypes';
import type { OpKind } from './types';

export type { LayerCategory, LayerDef, ParamDef, ParamType } from './layerTypes';

/** Every op kind's catalogue entry, taken from its layer module (engine/core/layers). */
export const LAYERS: Readonly<Record<OpKind, LayerDef>> = Object.fromEntries(
  Object.entries(LAYER_DEFINITIONS).map(([kind, definition]) => [kind, definition.catalogue]),
) as Record<OpKind, LayerDef>;

/** Op kinds in catalogue order (the palette's order). */
export const OP_KINDS: readonly OpKind[] = Object.keys(LAYERS) as OpKind[];

const opKindSet: ReadonlySet<string> = new Set(OP_KINDS);

export function isOpKind(op: unknown): op is OpKind {
  return typeof op === 'string' && opKindSet.has(op);
}

/** The definition of an op kind, or undefined for a name the studio does not know. */
export function layerDef(op: string): LayerDef | undefined {
  return isOpKind(op) ? LAYERS[op] : undefined;
}

/** Palette order of the categories. */
export const CATEGORIES: readonly LayerCategory[] = [
  'input',
  'dense',
  'convolution',
  'pooling',
  'normalization',
  'regularization',
  'activation',
  'merge',
];
