// Where the user left off survives closing the store (a reload, a restart, the other front end on the same home),
// and a place naming a graph, dataset or run deleted since comes back without it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATASET_VERSION } from '../../../engine/core/data/dataset';
import type { StudioPlace } from '../../api/types';
import { registerDataset, type Store } from '../store';
import { openTestStore, tempDir, testClock, tinySpec, trainConfig, type TestClock } from '../store/testFixtures';
import { GraphService } from './graphs';
import { PlaceService } from './place';

let temp: ReturnType<typeof tempDir>;
let clock: TestClock;
let store: Store;

beforeEach(() => {
  temp = tempDir('place');
  clock = testClock();
  store = openTestStore(temp.dir, clock);
});
afterEach(() => {
  store.close();
  temp.remove();
});

function dataset(id: string) {
  return registerDataset(
    store,
    {
      version: DATASET_VERSION,
      id,
      name: id,
      source: { kind: 'csv', path: `/src/${id}.csv` },
      count: 10,
      featureShape: [4],
      task: 'classification',
      classNames: ['a', 'b', 'c'],
      normalization: null,
      split: {
        seed: 1,
        train: 0.7,
        validation: 0.15,
        test: 0.15,
        stratified: false,
        counts: { train: 7, validation: 2, test: 1 },
      },
    },
    `/data/${id}`,
  );
}

describe('the place', () => {
  it('is empty before anything was saved', () => {
    expect(new PlaceService(store).get()).toEqual({ graphId: null, datasetId: null, runId: null });
  });

  it('comes back after the store is closed and opened again, settings and unsaved draft included', () => {
    const graphs = new GraphService(store);
    const graph = graphs.create('wide', tinySpec);
    const data = dataset('iris');
    const run = store.runs.createRun({ projectId: graphs.projectId(), graph: tinySpec, trainConfig: trainConfig() });
    const place: StudioPlace = {
      view: 'train',
      graphId: graph.id,
      draft: { name: 'wide', spec: { ...tinySpec, nodes: tinySpec.nodes.slice(0, 2) } },
      datasetId: data.id,
      trainConfig: { ...trainConfig(), epochs: 42 },
      runId: run.id,
      runPageId: run.id,
    };
    new PlaceService(store).save(place);
    store.close();
    store = openTestStore(temp.dir, clock);
    expect(new PlaceService(store).get()).toEqual(place);
  });

  it('leaves out a graph, dataset or run deleted since it was saved', () => {
    const graphs = new GraphService(store);
    const graph = graphs.create('gone', tinySpec);
    const data = dataset('gone-data');
    const run = store.runs.createRun({ projectId: graphs.projectId(), graph: tinySpec, trainConfig: trainConfig() });
    const places = new PlaceService(store);
    places.save({ view: 'experiments', graphId: graph.id, datasetId: data.id, runId: run.id, runPageId: run.id });
    graphs.remove(graph.id);
    store.runs.deleteRun(run.id);
    store.datasets.deleteDataset(data.id);
    expect(places.get()).toEqual({
      view: 'experiments',
      graphId: null,
      datasetId: null,
      runId: null,
      runPageId: null,
    });
  });
});
