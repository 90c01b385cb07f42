// Graphs the editor works on: every save is a new version (autosave), all in the studio's default project.
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import { templateByName } from '../../../engine/core/spec';
import type { ModelSpec } from '../../../engine/core/spec/types';
import type { GraphDocument, GraphListItem } from '../../api/types';
import type { Store } from '../store';
import type { GraphVersionSummary } from '../store/types';

const DEFAULT_PROJECT = 'My work';

export class GraphService {
  constructor(private readonly store: Store) {}

  /** The project graphs and runs belong to (created on first use). */
  projectId(): string {
    const existing = this.store.projects.listProjects()[0];
    return existing ? existing.id : this.store.projects.createProject({ name: DEFAULT_PROJECT }).id;
  }

  /** The project's graphs, last modified first, each with the runs that trained it. */
  list(): GraphListItem[] {
    const projectId = this.projectId();
    const runs = this.store.graphs.runsByGraph(projectId);
    return this.store.graphs
      .listGraphs(projectId)
      .map((g) => ({
        id: g.id,
        name: g.name,
        updatedAt: g.updatedAt,
        versions: this.store.graphs.listGraphVersions(g.id).length,
        runs: runs.get(g.id) ?? [],
      }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }

  create(name: string, spec: ModelSpec): GraphDocument {
    const graph = this.store.graphs.createGraph({ projectId: this.projectId(), name });
    this.store.graphs.saveGraphVersion(graph.id, spec, 'created');
    return this.open(graph.id);
  }

  save(graphId: string, spec: ModelSpec, note = ''): GraphVersionSummary {
    const { spec: _spec, ...summary } = this.store.graphs.saveGraphVersion(graphId, spec, note);
    return summary;
  }

  open(graphId: string): GraphDocument {
    const graph = this.store.graphs.getGraph(graphId);
    const latest = this.store.graphs.latestGraphVersion(graphId);
    if (!latest) throw new Error(`graph '${graph.name}' has no saved version`);
    return { id: graph.id, name: graph.name, updatedAt: graph.updatedAt, version: latest.version, spec: latest.spec };
  }

  /** The newest version id of a graph (a run records which version it trained). */
  latestVersionId(graphId: string): number | undefined {
    return this.store.graphs.latestGraphVersion(graphId)?.id;
  }

  /** A new graph named `name` holding the newest version of `graphId` (the copy starts its own history). */
  duplicate(graphId: string, name: string): GraphDocument {
    return this.create(name, this.open(graphId).spec);
  }

  rename(graphId: string, name: string): void {
    this.store.graphs.renameGraph(graphId, name);
  }

  /** Runs that trained the graph keep their own copy of it (store/graphs.ts). */
  remove(graphId: string): void {
    this.store.graphs.deleteGraph(graphId);
  }

  /** A template sized for a dataset: its input shape, and its classes or targets as outputs. */
  template(name: string, manifest?: DatasetManifest): ModelSpec {
    if (!manifest) return templateByName(name);
    const outputs =
      manifest.task === 'classification' ? (manifest.classNames?.length ?? 2) : (manifest.targetNames?.length ?? 1);
    return templateByName(name, { inputShape: manifest.featureShape, outputs });
  }
}
