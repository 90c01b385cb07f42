// Undo and redo as snapshots of the whole spec: specs are small and immutable, so a snapshot is one reference.
const LIMIT = 200;

export class History<T> {
  private past: T[] = [];
  private future: T[] = [];

  /** Call with the state an edit is about to replace; clears what could be redone. */
  record(before: T): void {
    this.past.push(before);
    if (this.past.length > LIMIT) this.past.shift();
    this.future = [];
  }

  /** The state before the last edit (null when there is none); `current` becomes redoable. */
  undo(current: T): T | null {
    const previous = this.past.pop();
    if (previous === undefined) return null;
    this.future.push(current);
    return previous;
  }

  redo(current: T): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(current);
    return next;
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
