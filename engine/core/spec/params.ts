// Checks a node's params against the catalogue and fills in defaults; computes the window geometry of conv and
// pooling layers. Shape inference and the engine both call windowGeometry, so they never disagree on sizes.

import { layerDef, type ParamDef } from './catalogue';
import { nodeName, shapeText, sizeText } from './names';
import type { ParamValue, Problem, Shape, SpecNode } from './types';

export interface ResolvedParams {
  /** Every param of the op, defaults applied; derived values filled in (a pool's stride = its window). */
  params: Record<string, ParamValue>;
  /** Empty when every param is valid. */
  problems: Problem[];
}

export type WindowOp = 'conv2d' | 'maxpool2d' | 'avgpool2d';

/** Geometry of a 2-D window: kernel, stride, zero padding on each side, and output size (rows, columns). */
export interface WindowGeometry {
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  ph: number;
  pw: number;
  oh: number;
  ow: number;
}

export function resolveParams(node: SpecNode): ResolvedParams {
  const def = layerDef(node.op);
  if (!def) {
    return {
      params: {},
      problems: [{ nodeId: node.id, code: 'unknown-op', message: `Node '${node.id}' has the layer type '${String(node.op)}', which Netwright does not know: replace it with a layer from the palette.` }],
    };
  }
  const params: Record<string, ParamValue> = {};
  const problems: Problem[] = [];
  const bad = (message: string): void => {
    problems.push({ nodeId: node.id, code: 'bad-param', message: `${nodeName(node)}: ${message}` });
  };

  const given: unknown = node.params ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    bad(`its params must be an object of named settings, got ${JSON.stringify(given)}.`);
    return { params, problems };
  }
  const givenParams = given as Record<string, unknown>;
  for (const key of Object.keys(givenParams)) {
    if (!def.params.some((p) => p.name === key)) {
      const known = def.params.length ? `its settings are ${def.params.map((p) => `'${p.name}'`).join(', ')}` : 'it has no settings';
      bad(`'${key}' is not a setting of ${def.name} (${known}); remove it.`);
    }
  }

  for (const paramDef of def.params) {
    const raw = Object.prototype.hasOwnProperty.call(givenParams, paramDef.name) ? givenParams[paramDef.name] : undefined;
    if (raw === undefined || raw === null) {
      if (paramDef.default !== null) params[paramDef.name] = copyValue(paramDef.default);
      continue;
    }
    const error = checkValue(paramDef, raw);
    if (error) bad(`${paramText(paramDef)} must be ${error}, got ${JSON.stringify(raw)}.`);
    else params[paramDef.name] = copyValue(raw as ParamValue);
  }

  if (problems.length === 0) checkWindow(node, params, bad);
  return { params, problems };
}

/** Kernel, stride, padding and output size of a conv or pooling node on a [C, H, W] input, from resolved params. */
export function windowGeometry(op: WindowOp, params: Record<string, ParamValue>, input: Shape): WindowGeometry {
  if (input.length !== 3) throw new Error(`${op} needs a [channels, height, width] input, got ${shapeText(input)}`);
  const [kh, kw] = pairOf(params.kernelSize, 'kernelSize');
  const [sh, sw] = params.stride === undefined || params.stride === null ? [kh, kw] : pairOf(params.stride, 'stride');
  const [ph, pw] = paddingOf(params.padding, kh, kw);
  const [, height, width] = input;
  return {
    kh, kw, sh, sw, ph, pw,
    oh: Math.floor((height + 2 * ph - kh) / sh) + 1,
    ow: Math.floor((width + 2 * pw - kw) / sw) + 1,
  };
}

/** n -> [n, n]; [h, w] -> [h, w]. Throws on anything else (params must be resolved first). */
export function pairOf(value: ParamValue | undefined, name: string): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && value.length === 2) return [value[0], value[1]];
  throw new Error(`'${name}' should be a number or [height, width], got ${JSON.stringify(value)}`);
}

/** Padding rows and columns per side; 'same' keeps the size for stride 1 and an odd kernel, 'valid' is 0. */
export function paddingOf(value: ParamValue | undefined, kh: number, kw: number): [number, number] {
  if (value === undefined || value === 'valid') return [0, 0];
  if (value === 'same') return [(kh - 1) / 2, (kw - 1) / 2];
  return pairOf(value, 'padding');
}

// ---- checks -----------------------------------------------------------------------------------------------------

/** Cross-param rules of window layers that need no input shape: 'same' padding, pooling padding at most half the window. */
function checkWindow(node: SpecNode, params: Record<string, ParamValue>, bad: (message: string) => void): void {
  switch (node.op) {
    case 'conv2d': {
      if (params.padding !== 'same') return;
      const [kh, kw] = pairOf(params.kernelSize, 'kernelSize');
      const [sh, sw] = pairOf(params.stride, 'stride');
      if (sh !== 1 || sw !== 1) {
        bad(`'same' padding keeps the image size only with stride 1, but the stride is ${JSON.stringify(params.stride)}; set stride 1 or give the padding as a number.`);
      } else if (kh % 2 === 0 || kw % 2 === 0) {
        bad(`'same' padding needs an odd kernel size (it pads (k-1)/2 on each side), but the kernel is ${sizeText(kh, kw)}; use an odd kernel or give the padding as a number.`);
      }
      return;
    }
    case 'maxpool2d':
    case 'avgpool2d': {
      const [kh, kw] = pairOf(params.kernelSize, 'kernelSize');
      if (params.stride === undefined) params.stride = copyValue(params.kernelSize);
      const [ph, pw] = pairOf(params.padding, 'padding');
      if (ph > Math.floor(kh / 2) || pw > Math.floor(kw / 2)) {
        const [maxH, maxW] = [Math.floor(kh / 2), Math.floor(kw / 2)];
        const limit = maxH === maxW ? `${maxH}` : `${maxH} rows and ${maxW} columns`;
        bad(`padding ${JSON.stringify(params.padding)} is more than half the ${sizeText(kh, kw)} window (at most ${limit}); reduce the padding or enlarge the window.`);
      }
      return;
    }
    default:
      return;
  }
}

/** Why a value does not fit its definition ("an integer of at least 1"), or null when it fits. */
function checkValue(def: ParamDef, value: unknown): string | null {
  switch (def.type) {
    case 'int':
      return isInt(value) && inRange(def, value) ? null : `a whole number${rangeSuffix(def)}`;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) && inRange(def, value) ? null : `a number${rangeSuffix(def)}`;
    case 'bool':
      return typeof value === 'boolean' ? null : 'true or false';
    case 'enum':
      return typeof value === 'string' && (def.choices ?? []).includes(value) ? null : `one of ${(def.choices ?? []).map((c) => `'${c}'`).join(', ')}`;
    case 'ints': {
      const lengths = def.lengths ?? [];
      const ok = Array.isArray(value) && (lengths.length === 0 || lengths.includes(value.length)) && value.every((v) => isInt(v) && inRange(def, v));
      const lengthText = lengths.length ? `${lengths.join(' or ')} ` : '';
      return ok ? null : `a list of ${lengthText}whole numbers${rangeSuffix(def)}`;
    }
    case 'intOrPair':
      return isIntOrPair(def, value) ? null : `a whole number or [height, width]${rangeSuffix(def)}`;
    case 'padding':
      return value === 'same' || value === 'valid' || isIntOrPair(def, value) ? null : `a whole number, [height, width]${rangeSuffix(def)}, 'same' or 'valid'`;
    default:
      throw new Error(`unhandled param type ${String((def as ParamDef).type)}`);
  }
}

/** "drop probability 'p'", or just "'padding'" when the label says the same. */
function paramText(def: ParamDef): string {
  const label = def.label.toLowerCase();
  return label === def.name.toLowerCase() ? `'${def.name}'` : `${label} '${def.name}'`;
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function isIntOrPair(def: ParamDef, value: unknown): boolean {
  if (isInt(value)) return inRange(def, value);
  return Array.isArray(value) && value.length === 2 && value.every((v) => isInt(v) && inRange(def, v));
}

function inRange(def: ParamDef, value: number): boolean {
  if (def.min !== undefined && (def.minExclusive ? value <= def.min : value < def.min)) return false;
  if (def.max !== undefined && (def.maxExclusive ? value >= def.max : value > def.max)) return false;
  return true;
}

/** " (at least 1)", " (greater than 0 and at most 1)", or "" without bounds. */
function rangeSuffix(def: ParamDef): string {
  const parts: string[] = [];
  if (def.min !== undefined) parts.push(def.minExclusive ? `greater than ${def.min}` : `at least ${def.min}`);
  if (def.max !== undefined) parts.push(def.maxExclusive ? `below ${def.max}` : `at most ${def.max}`);
  return parts.length === 0 ? '' : ` (${parts.join(' and ')})`;
}

function copyValue(value: ParamValue): ParamValue {
  return Array.isArray(value) ? [...value] : value;
}
