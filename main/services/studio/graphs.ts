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

  list(): GraphListItem[] {
    return this.store.graphs.listGraphs(this.projectId()).map((g) => ({
      id: g.id,
      name: g.name,
      updatedAt: g.updatedAt,
      versions: this.store.graphs.listGraphVersions(g.id).length,
    }));
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

  rename(graphId: string, name: string): void {
    this.store.graphs.renameGraph(graphId, name);
  }

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
