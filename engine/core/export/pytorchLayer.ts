// What a layer module's PyTorch translation receives and returns, and the helpers they share: each layer kind
// writes its own submodule and forward expression (engine/core/layers/<kind>.ts); pytorchModel.ts assembles the class.

import type { ParamValue, Shape } from '../spec/types';
import { windowGeometry, type WindowOp } from '../spec/window';

/** What a layer's line in __init__ and forward need. */
export interface LayerContext {
  id: string;
  params: Record<string, ParamValue>;
  inputShapes: Shape[];
  /** Python expressions of the inputs (local variable names), in slot order. */
  inputs: string[];
  /** How forward calls the layer's submodule: `self.fc1` or `getattr(self, 'fc-1')`. */
  module: string;
}

/** The submodule to create (null for merges, which are expressions) and the forward expression. */
export interface LayerCode {
  module: string | null;
  expression: string;
  /** The layer has a weight drawn by the 'init' param (the script re-draws it the way the engine does). */
  initializedWeight?: boolean;
}

export type PytorchLayer = (ctx: LayerContext) => LayerCode;

export const call = (ctx: LayerContext): string => `${ctx.module}(${ctx.inputs[0]})`;
export const simple =
  (module: string): PytorchLayer =>
  (ctx) => ({ module, expression: call(ctx) });

/** "2" for a square window, "(2, 3)" otherwise. */
function size(h: number, w: number): string {
  return h === w ? String(h) : `(${h}, ${w})`;
}

/** kernel_size, stride and padding (numbers, 'same' resolved), and a conv's dilation when it is not 1. */
export function windowArgs(op: WindowOp, ctx: LayerContext): string {
  const g = windowGeometry(op, ctx.params, ctx.inputShapes[0]);
  const dilation = g.dh !== 1 || g.dw !== 1 ? `, dilation=${size(g.dh, g.dw)}` : '';
  return `kernel_size=${size(g.kh, g.kw)}, stride=${size(g.sh, g.sw)}, padding=${size(g.ph, g.pw)}${dilation}`;
}
