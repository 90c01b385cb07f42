// When a run's 'last' and 'best' checkpoints reach the disk. Each is captured at the epoch that earns it, but a kind
// is encoded and written at most once per interval (1 s by default): a small model finishes epochs in milliseconds,
// and encoding (the metrics history grows with every epoch) and flushing a file per epoch would set the pace of
// training. What is pending is written once its interval has passed (checked at every epoch) and always when the
// run ends, stops or fails; a crash of the engine loses at most one interval.
export type SavedKind = 'last' | 'best';

export interface EncodedCheckpoint {
  epoch: number;
  bytes: Uint8Array;
}

/** A checkpoint captured at an epoch (its state copied), encoded only if it is written. */
interface CapturedCheckpoint {
  epoch: number;
  encode: () => Uint8Array;
}

export const DEFAULT_CHECKPOINT_INTERVAL_MS = 1000;

export class CheckpointSaver {
  private readonly pending = new Map<SavedKind, CapturedCheckpoint>();
  private readonly writtenAt = new Map<SavedKind, number>();

  constructor(
    private readonly write: (kind: SavedKind, checkpoint: EncodedCheckpoint) => void,
    private readonly intervalMs = DEFAULT_CHECKPOINT_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(intervalMs >= 0)) throw new Error(`the checkpoint interval must be 0 ms or more, got ${intervalMs}`);
  }

  /**
   * A newer checkpoint of this kind: written now if its interval has passed (or it is the first), else kept until
   * then, replacing any older one. `encode` must produce the state as it is now, whenever it is called.
   */
  offer(kind: SavedKind, epoch: number, encode: () => Uint8Array): void {
    this.pending.set(kind, { epoch, encode });
    this.writeDue();
  }

  /** Writes every pending checkpoint whose interval has passed (call once per epoch). */
  writeDue(): void {
    for (const kind of [...this.pending.keys()]) {
      const last = this.writtenAt.get(kind);
      if (last === undefined || this.now() - last >= this.intervalMs) this.commit(kind);
    }
  }

  /** Writes everything pending, whatever the interval: the run is over. */
  flush(): void {
    for (const kind of [...this.pending.keys()]) this.commit(kind);
  }

  private commit(kind: SavedKind): void {
    const { epoch, encode } = this.pending.get(kind)!;
    this.pending.delete(kind);
    this.write(kind, { epoch, bytes: encode() });
    this.writtenAt.set(kind, this.now());
  }
}
