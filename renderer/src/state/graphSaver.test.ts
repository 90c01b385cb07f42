import { describe, expect, it } from 'vitest';
import type { GraphDocument, GraphVersionSummary, ModelSpec } from '../../../main/api/types';
import { GraphSaver, type OpenGraph } from './graphSaver';

const spec = (units: number): ModelSpec =>
  ({ version: 1, nodes: [{ id: 'fc', type: 'dense', params: { units } }], edges: [] }) as unknown as ModelSpec;

/** Lets queued promise callbacks run (a save starts writing a few microtasks after it is asked for). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** A store whose writes wait until the test lets them finish, recording what was asked of it. */
function slowStore() {
  const calls: string[] = [];
  const pending: Array<() => void> = [];
  let next = 0;
  const later = <T>(value: () => T): Promise<T> =>
    new Promise<T>((resolve) => {
      pending.push(() => resolve(value()));
    });
  return {
    calls,
    /** Lets the oldest waiting write finish, then lets the saver start the next. */
    async finishOne(): Promise<void> {
      pending.shift()?.();
      await settle();
    },
    get waiting() {
      return pending.length;
    },
    createGraph(name: string, s: ModelSpec): Promise<GraphDocument> {
      const id = `g${++next}`;
      calls.push(`create ${name} ${JSON.stringify(s.nodes[0]?.params)}`);
      return later(() => ({ id, name, spec: s }) as unknown as GraphDocument);
    },
    saveGraph(id: string, s: ModelSpec, note?: string): Promise<GraphVersionSummary> {
      calls.push(`save ${id} ${JSON.stringify(s.nodes[0]?.params)} ${note ?? ''}`.trim());
      return later(() => ({}) as GraphVersionSummary);
    },
  };
}

function saverOver(store: ReturnType<typeof slowStore>, first: OpenGraph | null) {
  const state = { graph: first, errors: [] as string[] };
  const saver = new GraphSaver({
    store,
    current: () => state.graph,
    created: (id) => {
      if (state.graph) state.graph = { ...state.graph, id };
    },
    failed: (error) => state.errors.push(error.message),
  });
  return { saver, state };
}

describe('GraphSaver', () => {
  it('a save asked for while the first is creating the graph waits, then saves that graph: one graph, not two', async () => {
    const store = slowStore();
    const { saver, state } = saverOver(store, { id: null, name: 'net', spec: spec(4) });
    const autosave = saver.save();
    await settle();
    state.graph = { ...state.graph!, spec: spec(8) }; // an edit, then Start training at once
    const training = saver.save('trained');
    expect(saver.busy).toBe(true);
    expect(store.calls).toEqual(['create net {"units":4}']);

    await store.finishOne();
    expect(state.graph?.id).toBe('g1');
    expect(store.calls).toEqual(['create net {"units":4}', 'save g1 {"units":8} trained']);
    await store.finishOne();
    expect(await autosave).toBe('g1');
    expect(await training).toBe('g1');
    expect(saver.busy).toBe(false);
  });

  it('writes one at a time, each the graph open when it starts', async () => {
    const store = slowStore();
    const { saver, state } = saverOver(store, { id: 'g7', name: 'net', spec: spec(1) });
    const saves = [saver.save(), saver.save(), saver.save()];
    await settle();
    expect(store.waiting).toBe(1);
    state.graph = { ...state.graph!, spec: spec(2) };
    await store.finishOne();
    expect(store.waiting).toBe(1);
    state.graph = { ...state.graph!, spec: spec(3) };
    await store.finishOne();
    await store.finishOne();
    expect(await Promise.all(saves)).toEqual(['g7', 'g7', 'g7']);
    expect(store.calls).toEqual(['save g7 {"units":1}', 'save g7 {"units":2}', 'save g7 {"units":3}']);
  });

  it('a graph opened while the first one was being created keeps its own id', async () => {
    const store = slowStore();
    const { saver, state } = saverOver(store, { id: null, name: 'first', spec: spec(1) });
    const created = saver.save();
    await settle();
    state.graph = { id: 'g9', name: 'other', spec: spec(2) };
    await store.finishOne();
    expect(await created).toBe('g1');
    expect(state.graph.id).toBe('g9');
  });

  it('a failed write is reported and the next save still runs; nothing open saves nothing', async () => {
    const store = slowStore();
    const { saver, state } = saverOver(store, { id: 'g2', name: 'net', spec: spec(1) });
    store.saveGraph = () => Promise.reject(new Error('disk full'));
    expect(await saver.save()).toBe('g2');
    expect(state.errors).toEqual(['disk full']);
    state.graph = null;
    expect(await saver.save()).toBeNull();
    expect(saver.busy).toBe(false);
  });

  it('saves the graph being left when asked to, and does not give its new id to the graph opened since', async () => {
    const store = slowStore();
    const left: OpenGraph = { id: null, name: 'old', spec: spec(4) };
    const { saver, state } = saverOver(store, left);
    const saved = saver.save('', left);
    state.graph = { id: null, name: 'template', spec: spec(8) }; // another graph opened before the write finished
    await settle();
    await store.finishOne();
    expect(await saved).toBe('g1');
    expect(store.calls).toEqual(['create old {"units":4}']);
    expect(state.graph).toEqual({ id: null, name: 'template', spec: spec(8) }); // still unsaved, its own document
  });
});
