// A graph change in the user's words: layer kinds by their names in the user's language, params by the Inspector's
// labels, values as the Inspector shows them (lists "3, 3", switches on or off, a left-out param as its default).
// Pure: the caller passes its translators, so tests pass one language's tables.
import { layerDef, type ParamDef } from '../../../engine/core/spec/catalogue';
import type { ParamValue } from '../../../engine/core/spec/types';
import { layerName } from '../editor/layerName';
import { formatParam } from '../editor/paramText';
import type { GraphChange, ParamChange } from './graphDiff';
import type { ExperimentsMessageKey } from './messages';

export interface GraphDiffWords {
  /** The experiments table's translator (fills {names}). */
  t: (key: ExperimentsMessageKey, params?: Record<string, string | number>) => string;
  /** The layer catalogue's words: 'name.<kind>', 'param.<kind>.<name>'. */
  catalogue: (key: string) => string;
}

/** A param's catalogue entry: the later kind's when it has one (a changed kind keeps the param), else the earlier's. */
function paramDef(name: string, ops: readonly string[]): { kind: string; def: ParamDef } | undefined {
  for (const op of ops) {
    const def = layerDef(op)?.params.find((p) => p.name === name);
    if (def) return { kind: op, def };
  }
  return undefined;
}

function valueText(value: ParamValue | undefined, def: ParamDef | undefined, words: GraphDiffWords): string {
  if (value === undefined) {
    if (!def) return '—';
    if (def.default === null) return words.t('paramDerived');
    return words.t('paramDefault', { value: valueText(def.default, def, words) });
  }
  if (typeof value === 'boolean') return words.t(value ? 'paramOn' : 'paramOff');
  return formatParam(value);
}

function paramText(change: ParamChange, ops: readonly string[], words: GraphDiffWords): string {
  const entry = paramDef(change.name, ops);
  return words.t('paramChange', {
    param: entry ? words.catalogue(`param.${entry.kind}.${change.name}`) : change.name,
    before: valueText(change.before, entry?.def, words),
    after: valueText(change.after, entry?.def, words),
  });
}

/** One line of the compare view's graph changes. */
export function describeGraphChange(change: GraphChange, words: GraphDiffWords): string {
  const kind = (op: string) => layerName(op, words.catalogue);
  switch (change.type) {
    case 'node-added':
      return words.t('nodeAdded', { id: change.nodeId, op: kind(change.op) });
    case 'node-removed':
      return words.t('nodeRemoved', { id: change.nodeId, op: kind(change.op) });
    case 'node-changed': {
      const ops = [change.opAfter, change.opBefore];
      const parts = change.params.map((p) => paramText(p, ops, words));
      if (change.opBefore !== change.opAfter)
        parts.unshift(words.t('kindChange', { before: kind(change.opBefore), after: kind(change.opAfter) }));
      return words.t('nodeChanged', { id: change.nodeId, what: parts.join(words.t('changeSeparator')) });
    }
    case 'edge-added':
      return words.t('edgeAdded', { from: change.from, to: change.to });
    case 'edge-removed':
      return words.t('edgeRemoved', { from: change.from, to: change.to });
    default:
      throw new Error(`unknown graph change ${JSON.stringify(change satisfies never)}`);
  }
}
