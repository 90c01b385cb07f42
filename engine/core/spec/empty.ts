// The one empty graph every "new network" starts from (the editor's New, the welcome page, a first import).
import { SPEC_VERSION, type ModelSpec, type SpecNode } from './types';

/** A graph holding only its Input node, sized to `inputShape` (a sample's shape, e.g. [1, 28, 28]) when given. */
export function emptySpec(inputShape?: readonly number[]): ModelSpec {
  const input: SpecNode = { id: 'input', op: 'input', position: { x: 0, y: 0 } };
  if (inputShape) input.params = { shape: [...inputShape] };
  return { version: SPEC_VERSION, nodes: [input], edges: [] };
}
