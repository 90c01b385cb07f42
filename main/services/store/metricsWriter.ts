// Buffers step and epoch metrics as the engine streams them and writes them in one transaction at least every
// flush interval (1 s by default), on demand and on close: a crash loses at most the last interval.
import type { MetricsRepository, RunEpoch, RunStep } from './metrics';
import type { EpochRecord, StepRecord } from './types';

export interface MetricsWriterOptions {
  /** Longest time a metric waits in memory, in ms. */
  flushIntervalMs?: number;
  /** Flush at once when this many rows are waiting (bounds memory when steps arrive very fast). */
  maxBuffered?: number;
  /** Where errors of timed flushes go (they have no caller); default console.error. The rows stay buffered. */
  onError?(error: Error): void;
}

export class MetricsWriter {
  private epochs: RunEpoch[] = [];
  private steps: RunStep[] = [];
  private timer: ReturnType<typeof setInterval> | null;
  private readonly maxBuffered: number;
  private readonly onError: (error: Error) => void;
  private closed = false;

  /** `onClosed` lets the owner (the store) forget the writer once it is closed. */
  constructor(
    private readonly metrics: MetricsRepository,
    options: MetricsWriterOptions = {},
    private readonly onClosed?: () => void,
  ) {
    const interval = options.flushIntervalMs ?? 1000;
    if (!(interval > 0)) throw new Error(`MetricsWriter: flushIntervalMs must be above 0 (got ${interval})`);
    this.maxBuffered = options.maxBuffered ?? 50_000;
    this.onError = options.onError ?? ((error) => console.error(`metrics could not be saved: ${error.message}`));
    this.timer = setInterval(() => this.timedFlush(), interval);
    // The writer must not keep a finished process alive; close() flushes what is left.
    this.timer.unref?.();
  }

  /** Rows waiting to be written. */
  get pending(): number {
    return this.epochs.length + this.steps.length;
  }

  step(runId: string, record: StepRecord): void {
    this.checkOpen();
    this.steps.push({ runId, record });
    if (this.pending >= this.maxBuffered) this.flush();
  }

  epoch(runId: string, record: EpochRecord): void {
    this.checkOpen();
    this.epochs.push({ runId, record });
    if (this.pending >= this.maxBuffered) this.flush();
  }

  /** Writes everything waiting in one transaction; returns the rows written. Throws if the write fails (rows kept). */
  flush(): number {
    if (this.pending === 0) return 0;
    const written = this.metrics.writeBatch(this.epochs, this.steps);
    // Only now, after the commit: a failed write leaves the rows for the next flush.
    this.epochs = [];
    this.steps = [];
    return written;
  }

  /** Flushes and stops the timer; further metrics are refused. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    try {
      this.flush();
    } finally {
      this.onClosed?.();
    }
  }

  private timedFlush(): void {
    try {
      this.flush();
    } catch (error) {
      this.onError(error as Error);
    }
  }

  private checkOpen(): void {
    if (this.closed) throw new Error('MetricsWriter is closed: metrics arrived after the run was finished');
  }
}
