// The Graphs list: last modified first, with the runs that trained each graph; duplicate copies the newest version
// into a graph of its own; deleting a graph keeps the runs that trained it, with their own copy of it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mlp } from '../../../engine/core/spec/templates';
import type { Store } from '../store';
import { openTestStore, tempDir, testClock, tinySpec, trainConfig, type TestClock } from '../store/testFixtures';
import { GraphService } from './graphs';

let temp: ReturnType<typeof tempDir>;
let clock: TestClock;
let store: Store;
let graphs: GraphService;

beforeEach(() => {
  temp = tempDir('graphs');
  clock = testClock();
  store = openTestStore(temp.dir, clock);
  graphs = new GraphService(store);
});
afterEach(() => {
  store.close();
  temp.remove();
});

function trainRun(graphId: string, name: string) {
  return store.runs.createRun({
    projectId: graphs.projectId(),
    name,
    graph: graphs.open(graphId).spec,
    graphVersionId: graphs.latestVersionId(graphId),
    trainConfig: trainConfig(),
  });
}

describe('the Graphs list', () => {
  it('lists graphs last modified first, each with its versions and the runs that trained it', () => {
    const older = graphs.create('older', tinySpec);
    clock.advance(1000);
    const newer = graphs.create('newer', tinySpec);
    trainRun(older.id, 'first run');
    clock.advance(1000);
    graphs.save(older.id, mlp(4, 3, [16]), 'wider');
    trainRun(older.id, 'second run');
    const list = graphs.list();
    expect(list.map((g) => g.name)).toEqual(['older', 'newer']);
    expect(list[0]).toMatchObject({ versions: 2, updatedAt: clock.now() });
    expect(list[0].runs.map((r) => r.name)).toEqual(['first run', 'second run']);
    expect(list[1]).toMatchObject({ id: newer.id, versions: 1, runs: [] });
  });

  it('duplicates the newest version into a new graph with its own history', () => {
    const original = graphs.create('cnn', tinySpec);
    graphs.save(original.id, mlp(4, 3, [32]));
    const copy = graphs.duplicate(original.id, 'cnn (copy)');
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({ name: 'cnn (copy)', version: 1, spec: mlp(4, 3, [32]) });
    graphs.save(copy.id, tinySpec);
    expect(graphs.open(original.id).spec).toEqual(mlp(4, 3, [32]));
  });

  it('renames a graph and keeps its versions', () => {
    const graph = graphs.create('draft', tinySpec);
    graphs.rename(graph.id, 'final');
    expect(graphs.open(graph.id)).toMatchObject({ name: 'final', spec: tinySpec });
  });

  it('deletes a graph but keeps the runs that trained it, with the graph they trained', () => {
    const graph = graphs.create('doomed', tinySpec);
    const run = trainRun(graph.id, 'kept');
    graphs.remove(graph.id);
    expect(graphs.list()).toEqual([]);
    expect(store.runs.getRun(run.id)).toMatchObject({ name: 'kept', graph: tinySpec, graphVersionId: null });
  });
});
