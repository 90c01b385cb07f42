// Where the user left off (StudioPlace): saved as the renderer changes it, read back on the next start with the
// references that no longer exist (a graph, dataset or run deleted since, perhaps from the command line) left out.
import type { StudioPlace } from '../../api/types';
import type { Store } from '../store';

const PLACE_KEY = 'place';

export class PlaceService {
  constructor(private readonly store: Store) {}

  get(): StudioPlace {
    const place = this.store.appState.get<StudioPlace>(PLACE_KEY) ?? {};
    const exists = (find: () => unknown): boolean => {
      try {
        find();
        return true;
      } catch {
        return false;
      }
    };
    const { graphId, datasetId, runId, runPageId } = place;
    const runExists = (id: string) => exists(() => this.store.runs.getRun(id));
    return {
      ...place,
      graphId: graphId && exists(() => this.store.graphs.getGraph(graphId)) ? graphId : null,
      datasetId: datasetId && exists(() => this.store.datasets.getDataset(datasetId)) ? datasetId : null,
      runId: runId && runExists(runId) ? runId : null,
      ...(runPageId === undefined ? {} : { runPageId: runPageId && runExists(runPageId) ? runPageId : null }),
    };
  }

  save(place: StudioPlace): void {
    this.store.appState.set(PLACE_KEY, place);
  }
}
