// Saving the editor's graph to the store one write at a time. A save asked for while another is on its way (Start
// training right after an edit, whose autosave is still creating the graph) waits for it, then writes what is open
// then: two overlapping first saves used to create two graphs, the run going to one and the editor keeping the other.
import type { GraphDocument, GraphVersionSummary, ModelSpec } from '../../../main/api/types';

/** The graph in the editor: its store id once saved (null: never saved), its name and spec. */
export interface OpenGraph {
  readonly id: string | null;
  readonly name: string;
  readonly spec: ModelSpec;
}

export interface GraphStore {
  createGraph(name: string, spec: ModelSpec): Promise<GraphDocument>;
  saveGraph(graphId: string, spec: ModelSpec, note?: string): Promise<GraphVersionSummary>;
}

export interface GraphSaverHost {
  readonly store: GraphStore;
  /** The graph open now (read when a write starts, so a queued save writes the latest edit). */
  current(): OpenGraph | null;
  /** Gives the open graph the id its first save created. */
  created(id: string): void;
  /** A write failed (the graph stays open; the next save tries again). */
  failed(error: Error): void;
}

export class GraphSaver {
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly host: GraphSaverHost) {}

  /** Whether a save is queued or writing. */
  get busy(): boolean {
    return this.waiting > 0;
  }

  /**
   * Saves the open graph after any save already on its way; resolves to its store id (null when none is open).
   * With `graph`, saves that one instead: the graph being left when another opens, whose last edit is still waiting.
   */
  save(note = '', graph?: OpenGraph): Promise<string | null> {
    this.waiting += 1;
    const write = this.queue.then(() => this.write(note, graph));
    this.queue = write.finally(() => {
      this.waiting -= 1;
    });
    return write;
  }

  private async write(note: string, given?: OpenGraph): Promise<string | null> {
    const graph = given ?? this.host.current();
    if (!graph) return null;
    try {
      if (graph.id !== null) {
        await this.host.store.saveGraph(graph.id, graph.spec, note);
        return graph.id;
      }
      const doc = await this.host.store.createGraph(graph.name, graph.spec);
      // The id goes to the open graph only if it is the one just created (not a new graph opened meanwhile).
      const open = this.host.current();
      if (open && open.id === null && (given === undefined || open === given)) this.host.created(doc.id);
      return doc.id;
    } catch (error) {
      this.host.failed(error as Error);
      return graph.id;
    }
  }
}
