// Checks a node's params against the catalogue and fills in defaults, reporting each bad value as a reason with
// arguments (the param, the value, its range). Window geometry lives in window.ts and is re-exported here.

import { layerDef, type ParamDef } from './catalogue';
import { nodeName } from './names';
import { ONNX_PROBLEM_REASONS, type OnnxProblemReason, type ProblemArgs, type ProblemReason } from './problemReasons';
import { sizeText } from './shapes';
import type { ParamValue, Problem, SpecNode } from './types';
import { dilatedSpan, dilationOf, groupsOf, isDilated, pairOf } from './window';

export { windowGeometry, pairOf, paddingOf } from './window';
export type { WindowGeometry, WindowOp } from './window';

/** The op of an imported ONNX node Netwright cannot run: 'onnx:' and the ONNX operator ('onnx:Selu'). */
export const ONNX_OP_PREFIX = 'onnx:';

export function isOnnxOp(op: unknown): op is string {
  return typeof op === 'string' && op.startsWith(ONNX_OP_PREFIX);
}

/** An imported node's problem: its params hold the reason the importer found and that reason's arguments. */
function onnxProblem(node: SpecNode): Problem {
  const params = (typeof node.params === 'object' && node.params !== null ? node.params : {}) as Record<
    string,
    unknown
  >;
  const reason = (ONNX_PROBLEM_REASONS as readonly string[]).includes(params.reason as string)
    ? (params.reason as OnnxProblemReason)
    : 'onnx-unsupported-op';
  const args: Record<string, string | number> = { opset: '?', domain: '' };
  for (const [key, value] of Object.entries(params)) {
    if (key !== 'reason' && (typeof value === 'string' || typeof value === 'number')) args[key] = value;
  }
  return {
    nodeId: node.id,
    code: 'onnx-unsupported',
    reason,
    args: { ...args, op: node.op.slice(ONNX_OP_PREFIX.length), node: nodeName(node) },
  };
}

export interface ResolvedParams {
  /** Every param of the op, defaults applied; derived values filled in (a pool's stride = its window). */
  params: Record<string, ParamValue>;
  /** Empty when every param is valid. */
  problems: Problem[];
}

export function resolveParams(node: SpecNode): ResolvedParams {
  const def = layerDef(node.op);
  if (!def && isOnnxOp(node.op)) return { params: {}, problems: [onnxProblem(node)] };
  if (!def) {
    return {
      params: {},
      problems: [
        {
          nodeId: node.id,
          code: 'unknown-op',
          reason: 'unknown-op',
          args: { nodeId: node.id, op: JSON.stringify(node.op) ?? 'undefined' },
        },
      ],
    };
  }
  const params: Record<string, ParamValue> = {};
  const problems: Problem[] = [];
  const bad = (reason: ProblemReason, args: ProblemArgs): void => {
    problems.push({ nodeId: node.id, code: 'bad-param', reason, args: { node: nodeName(node), ...args } });
  };

  const trainable: unknown = node.trainable;
  if (trainable !== undefined && typeof trainable !== 'boolean')
    bad('trainable-not-bool', { value: JSON.stringify(trainable) ?? String(trainable) });
  const given: unknown = node.params ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    bad('params-not-object', { value: JSON.stringify(given) });
    return { params, problems };
  }
  const givenParams = given as Record<string, unknown>;
  for (const key of Object.keys(givenParams)) {
    if (!def.params.some((p) => p.name === key)) {
      bad('unknown-param', {
        param: key,
        layer: def.name,
        known: def.params.map((p) => `'${p.name}'`).join(', ') || '—',
      });
    }
  }

  for (const paramDef of def.params) {
    const raw = Object.prototype.hasOwnProperty.call(givenParams, paramDef.name)
      ? givenParams[paramDef.name]
      : undefined;
    if (raw === undefined || raw === null) {
      if (paramDef.default !== null) params[paramDef.name] = copyValue(paramDef.default);
      continue;
    }
    const reason = checkValue(paramDef, raw);
    if (reason) bad(reason, valueArgs(paramDef, raw));
    else params[paramDef.name] = copyValue(raw as ParamValue);
  }

  if (problems.length === 0) checkWindow(node, params, bad);
  return { params, problems };
}

// ---- checks -----------------------------------------------------------------------------------------------------

/**
 * Cross-param rules of window layers that need no input shape: a conv's groups dividing its filters, its dilation
 * only with stride 1, 'same' padding (an odd span), pooling padding at most half the window.
 */
function checkWindow(
  node: SpecNode,
  params: Record<string, ParamValue>,
  bad: (reason: ProblemReason, args: ProblemArgs) => void,
): void {
  switch (node.op) {
    case 'conv2d': {
      const groups = groupsOf(params);
      const filters = params.filters as number;
      if (filters % groups !== 0) bad('groups-filters', { filters, groups });
      const [sh, sw] = pairOf(params.stride, 'stride');
      const dilation = dilationOf(params);
      const strided = sh !== 1 || sw !== 1;
      // The engine computes a dilated convolution as ordinary ones over every d-th row and column (stride 1 only).
      if (isDilated(dilation) && strided)
        bad('dilation-stride', { dilation: JSON.stringify(params.dilation), stride: JSON.stringify(params.stride) });
      if (params.padding !== 'same') return;
      const [kh, kw] = pairOf(params.kernelSize, 'kernelSize');
      if (strided) {
        bad('same-padding-stride', { stride: JSON.stringify(params.stride) });
      } else if (dilatedSpan(kh, dilation[0]) % 2 === 0 || dilatedSpan(kw, dilation[1]) % 2 === 0) {
        bad('same-padding-even-kernel', { kernel: sizeText(kh, kw) });
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
        bad('pool-padding-too-large', {
          padding: JSON.stringify(params.padding),
          window: sizeText(kh, kw),
          most: maxH === maxW ? `${maxH}` : `[${maxH}, ${maxW}]`,
        });
      }
      return;
    }
    default:
      return;
  }
}

/** The reason a value does not fit its definition, or null when it fits. */
function checkValue(def: ParamDef, value: unknown): ProblemReason | null {
  switch (def.type) {
    case 'int':
      return isInt(value) && inRange(def, value) ? null : 'param-not-int';
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) && inRange(def, value) ? null : 'param-not-number';
    case 'bool':
      return typeof value === 'boolean' ? null : 'param-not-bool';
    case 'enum':
      return typeof value === 'string' && (def.choices ?? []).includes(value) ? null : 'param-not-choice';
    case 'ints': {
      const lengths = def.lengths ?? [];
      const ok =
        Array.isArray(value) &&
        (lengths.length === 0 || lengths.includes(value.length)) &&
        value.every((v) => isInt(v) && inRange(def, v));
      return ok ? null : 'param-not-ints';
    }
    case 'intOrPair':
      return isIntOrPair(def, value) ? null : 'param-not-int-or-pair';
    case 'padding':
      return value === 'same' || value === 'valid' || isIntOrPair(def, value) ? null : 'param-not-padding';
    default:
      throw new Error(`unhandled param type ${String((def as ParamDef).type)}`);
  }
}

/** What a bad value's message may use: the param, the value given, its range ('' or " (0 < p < 1)"), choices, list lengths. */
function valueArgs(def: ParamDef, value: unknown): ProblemArgs {
  return {
    param: def.name,
    value: JSON.stringify(value) ?? String(value),
    range: rangeText(def),
    choices: (def.choices ?? []).map((c) => `'${c}'`).join(', '),
    lengths: (def.lengths ?? []).join(' / '),
  };
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

/** " (units ≥ 1)", " (0 < momentum ≤ 1)", or "" without bounds: in symbols, so every language reads it. */
function rangeText(def: ParamDef): string {
  if (def.min === undefined && def.max === undefined) return '';
  const low = def.min === undefined ? '' : `${def.min} ${def.minExclusive ? '<' : '≤'} `;
  const high = def.max === undefined ? '' : ` ${def.maxExclusive ? '<' : '≤'} ${def.max}`;
  return ` (${low}${def.name}${high})`;
}

function copyValue(value: ParamValue): ParamValue {
  return Array.isArray(value) ? [...value] : value;
}
