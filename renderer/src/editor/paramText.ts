// How the inspector writes params that are lists or choices as text ("28, 28", "same") and reads them back.
// Range checks stay with analyze(), which reports them on the node; this only reads the text's form.
import type { ParamDef } from '../../../engine/core/spec/catalogue';
import type { ParamValue } from '../../../engine/core/spec/types';

export type ParsedParam =
  { ok: true; value: ParamValue | undefined } | { ok: false; problem: 'number' | 'list' | 'pair' | 'padding' };

export function formatParam(value: ParamValue | null | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function numbers(text: string): number[] | null {
  const parts = text.split(/[\s,×x[\]]+/).filter((p) => p !== '');
  const values = parts.map(Number);
  return parts.length > 0 && values.every((v) => Number.isFinite(v)) ? values : null;
}

/** Reads a text-typed param (ints, intOrPair, padding, int, float); empty text means "use the default". */
export function parseParam(def: ParamDef, text: string): ParsedParam {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  switch (def.type) {
    case 'int':
    case 'float': {
      const value = Number(trimmed);
      return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: 'number' };
    }
    case 'ints': {
      const values = numbers(trimmed);
      return values ? { ok: true, value: values } : { ok: false, problem: 'list' };
    }
    case 'intOrPair': {
      const values = numbers(trimmed);
      if (!values || values.length > 2) return { ok: false, problem: 'pair' };
      return { ok: true, value: values.length === 1 ? values[0] : values };
    }
    case 'padding': {
      const word = trimmed.toLowerCase();
      if (word === 'same' || word === 'valid') return { ok: true, value: word };
      const values = numbers(trimmed);
      if (!values || values.length > 2) return { ok: false, problem: 'padding' };
      return { ok: true, value: values.length === 1 ? values[0] : values };
    }
    case 'bool':
    case 'enum':
      throw new Error(`param '${def.name}' is a ${def.type}: the inspector sets it with a control, not text`);
    default:
      throw new Error(`unknown param type ${JSON.stringify(def.type)}`);
  }
}

/**
 * The params a node's card shows: the first two, e.g. Filters and Kernel size, enough to tell layers apart at a
 * glance; led by any later one marked onNode when it is not its default (a convolution's Dilation and Groups, which
 * the card would otherwise hide), so it survives the card cutting the line short. Switches and choices are left to the
 * inspector.
 */
export function cardParams(params: readonly ParamDef[], values: Record<string, ParamValue>): ParamDef[] {
  const first = params.slice(0, 2);
  const notable = params.filter(
    (p) => p.onNode === true && !first.includes(p) && values[p.name] !== undefined && !isDefault(p, values[p.name]),
  );
  return [...notable, ...first].filter((p) => values[p.name] !== undefined && p.type !== 'bool' && p.type !== 'enum');
}

/** Whether `value` is the param's default, a pair of it too ([1, 1] for a dilation of 1). */
function isDefault(def: ParamDef, value: ParamValue): boolean {
  if (Array.isArray(value) && typeof def.default === 'number') return value.every((v) => v === def.default);
  return value === def.default;
}
