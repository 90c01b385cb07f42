// Distinct cell texts of one column, numbered in order of first appearance, found by their characters in place:
// a cell read from a line of the file becomes a string only the first time its text is seen.

/** Slots per entry at most half full, so a probe ends after a step or two. */
const LOAD = 2;

export class TextTable {
  /** The texts by id. */
  readonly texts: string[] = [];
  private readonly hashes: Int32Array;
  /** Open addressing: id + 1 per slot, 0 when empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** `capacity`: the most texts the table holds; past it `intern` answers -1. */
  constructor(readonly capacity: number) {
    let size = 16;
    while (size < capacity * LOAD) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(capacity);
    this.mask = size - 1;
  }

  get size(): number {
    return this.texts.length;
  }

  /** The id of text[from, to), added when new; -1 when it is new and the table is full. */
  intern(text: string, from: number, to: number): number {
    let hash = 0x811c9dc5 | 0; // FNV-1a over UTF-16 code units
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const { slots, mask, texts } = this;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = slots[at];
      if (slot === 0) {
        if (texts.length >= this.capacity) return -1;
        const id = texts.length;
        texts.push(from === 0 && to === text.length ? text : text.slice(from, to));
        this.hashes[id] = hash;
        slots[at] = id + 1;
        return id;
      }
      const id = slot - 1;
      if (this.hashes[id] === hash && sameText(texts[id], text, from, to)) return id;
    }
  }
}

function sameText(known: string, text: string, from: number, to: number): boolean {
  if (known.length !== to - from) return false;
  for (let k = 0; k < known.length; k++) if (known.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  return true;
}
