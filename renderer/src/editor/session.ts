// The graph being edited with its undo history: every edit goes through apply(), so every edit can be undone.
import type { ModelSpec } from '../../../engine/core/spec/types';
import { History } from './history';

export class EditSession {
  private readonly history = new History<ModelSpec>();

  constructor(public spec: ModelSpec) {}

  /** Makes `next` the current spec (recording the old one); returns false when nothing changed. */
  apply(next: ModelSpec): boolean {
    if (next === this.spec) return false;
    this.history.record(this.spec);
    this.spec = next;
    return true;
  }

  undo(): boolean {
    const previous = this.history.undo(this.spec);
    if (previous === null) return false;
    this.spec = previous;
    return true;
  }

  redo(): boolean {
    const next = this.history.redo(this.spec);
    if (next === null) return false;
    this.spec = next;
    return true;
  }

  /** Opens another graph: the history of the previous one does not apply to it. */
  reset(spec: ModelSpec): void {
    this.history.clear();
    this.spec = spec;
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }
}
