import { describe, expect, it } from 'vitest';
import { residual } from '../../../engine/core/spec/templates';
import type { ModelSpec } from '../../../engine/core/spec/types';
import { checkConnection } from './connections';
import { connect } from './ops';

const chain: ModelSpec = {
  version: 1,
  nodes: [
    { id: 'input', op: 'input', params: { shape: [4] } },
    { id: 'dense1', op: 'dense' },
    { id: 'relu1', op: 'relu' },
    { id: 'dense2', op: 'dense' },
    { id: 'add1', op: 'add' },
  ],
  edges: [
    { from: 'input', to: 'dense1' },
    { from: 'dense1', to: 'relu1' },
  ],
};

describe('connection rules', () => {
  it('accepts a connection into a free input', () => {
    expect(checkConnection(chain, { from: 'relu1', to: 'dense2' })).toBeNull();
  });

  it('refuses a cycle and names the loop', () => {
    expect(checkConnection(chain, { from: 'relu1', to: 'dense1' })).toEqual({
      type: 'cycle',
      loop: ['dense1', 'relu1', 'dense1'],
    });
  });

  it('refuses a second edge into a single-input layer, naming the one already there', () => {
    expect(checkConnection(chain, { from: 'input', to: 'relu1' })).toEqual({
      type: 'input-taken',
      id: 'relu1',
      from: 'dense1',
    });
  });

  it('refuses edges into the input and from a node to itself', () => {
    expect(checkConnection(chain, { from: 'dense1', to: 'input' })?.type).toBe('into-input');
    expect(checkConnection(chain, { from: 'dense2', to: 'dense2' })?.type).toBe('self');
  });

  it('lets a merge take one edge on each of its two ports, and refuses a third', () => {
    const first = connect(chain, { from: 'relu1', to: 'add1', toPort: 0 });
    if (!first.ok) throw new Error('port 0 refused');
    const second = connect(first.spec, { from: 'input', to: 'add1', toPort: 1 });
    if (!second.ok) throw new Error('port 1 refused');
    expect(second.spec.edges.filter((e) => e.to === 'add1').map((e) => e.toPort)).toEqual([0, 1]);
    expect(checkConnection(second.spec, { from: 'dense1', to: 'add1', toPort: 1 })).toEqual({
      type: 'port-taken',
      id: 'add1',
      port: 1,
      from: 'input',
    });
    expect(checkConnection(second.spec, { from: 'dense1', to: 'add1', toPort: 2 })?.type).toBe('bad-port');
  });

  it('lets the same node feed both ports of a merge (x + x)', () => {
    const first = connect(chain, { from: 'relu1', to: 'add1', toPort: 0 });
    if (!first.ok) throw new Error('port 0 refused');
    expect(checkConnection(first.spec, { from: 'relu1', to: 'add1', toPort: 1 })).toBeNull();
  });

  it('treats template edges by their ports (the residual block is full on both)', () => {
    const spec = residual();
    const merge = spec.nodes.find((n) => n.op === 'add')!;
    expect(checkConnection(spec, { from: 'input', to: merge.id, toPort: 0 })?.type).toBe('port-taken');
  });

  it('refuses a connection that leaves the graph unchanged', () => {
    const outcome = connect(chain, { from: 'relu1', to: 'dense1' });
    expect(outcome.ok).toBe(false);
  });
});
