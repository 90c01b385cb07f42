// The shape of a layer's catalogue entry: its kind, category, input count and typed params with defaults and ranges.
// Types only, so layer modules and the catalogue can both import them without a cycle.

import type { OpKind, ParamValue } from './types';

export type LayerCategory =
  'input' | 'dense' | 'convolution' | 'pooling' | 'normalization' | 'regularization' | 'activation' | 'merge';

/**
 * How a param's value is written:
 * - int, float, bool: a plain JSON value;
 * - enum: one of `choices`;
 * - ints: a list of positive integers (a shape), its length one of `lengths`;
 * - intOrPair: n or [height, width];
 * - padding: n, [height, width], 'same' (keep the size: stride 1, odd kernel) or 'valid' (no padding).
 */
export type ParamType = 'int' | 'float' | 'bool' | 'enum' | 'ints' | 'intOrPair' | 'padding';

export interface ParamDef {
  name: string;
  /** Short label for the inspector. */
  label: string;
  type: ParamType;
  /** Used when the spec leaves the param out. null means derived from other params (see help). */
  default: ParamValue | null;
  /** Bounds; for ints, intOrPair and padding they apply to every number. Inclusive unless the *Exclusive flag is set. */
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** For 'enum'. */
  choices?: readonly string[];
  /** For 'ints': the allowed list lengths. */
  lengths?: readonly number[];
  /** Shown on the node's card beside its first two settings whenever it is not its default (Conv2D's dilation, groups). */
  onNode?: boolean;
  help: string;
}

export interface LayerDef<K extends string = OpKind> {
  kind: K;
  /** Display name, also used in messages ("Dense 'fc1' ..."). */
  name: string;
  category: LayerCategory;
  /** Incoming connections the layer takes: 0 (the input), 1, or 2 (add, concat). */
  inputs: 0 | 1 | 2;
  /** Stem of the ids the editor gives new layers of this kind ('conv' makes conv1, conv2 ...); the kind by default. */
  idPrefix?: string;
  /** A ReLU-like activation: 'auto' initialization draws the weights of the layer feeding it with Kaiming (He). */
  reluLike?: boolean;
  help: string;
  params: readonly ParamDef[];
}
