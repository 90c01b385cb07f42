// The op table: one builder per layer kind that computes something, taken from the layer modules (engine/core/layers),
// where each op's forward and backward sit beside its shape rule and translations.
import { LAYER_DEFINITIONS, computedLayer, type ComputedKind } from '../layers';
import type { OpBuilder } from './types';

/** The input node has no builder: the model writes samples straight into its output tensor. */
export const OPS: Readonly<Record<ComputedKind, OpBuilder>> = Object.fromEntries(
  (Object.keys(LAYER_DEFINITIONS) as (keyof typeof LAYER_DEFINITIONS)[])
    .filter((kind): kind is ComputedKind => kind !== 'input')
    .map((kind) => [kind, computedLayer(kind).op]),
) as Record<ComputedKind, OpBuilder>;

export type * from './types';
