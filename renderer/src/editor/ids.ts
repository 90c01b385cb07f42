// Readable, unique node ids (dense1, conv2, pool1 ...) for layers the user adds or pastes, like the templates' ids.
import { LAYERS, isOpKind } from '../../../engine/core/spec/catalogue';

/** The stem of an op's ids: 'conv' for conv2d; unknown ops use 'layer'. */
export function idPrefix(op: string): string {
  return isOpKind(op) ? (LAYERS[op].idPrefix ?? op) : 'layer';
}

/** The first free `<prefix><n>` (n from 1), so ids stay short and numbered in the order layers were added. */
export function uniqueId(op: string, taken: ReadonlySet<string>): string {
  const prefix = idPrefix(op);
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!taken.has(id)) return id;
  }
}
