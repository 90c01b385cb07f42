// Terminal output for training: a one-line progress bar that redraws in place on a TTY, epoch lines, or one
// JSON object per epoch (--json).
import type { BatchProgress as EngineBatchProgress, SplitMetrics } from '../../engine/core/train/trainer';
import type { EpochRecord } from '../services/store/types';
import { splitScore, type SplitScore } from './format';

export type BatchProgress = Omit<EngineBatchProgress, 'step'>;

/** An epoch as `train --json` prints it: the headline numbers, without per-layer norms. */
export interface EpochLine {
  type: 'epoch';
  runId: string;
  epoch: number;
  epochs: number;
  trainLoss: number | null;
  trainAccuracy?: number;
  validation: SplitScore | null;
  lr: number | null;
  seconds?: number;
  samplesPerSecond?: number;
}

export function epochLine(runId: string, record: EpochRecord, epochs: number): EpochLine {
  const validation = record.metrics.validation as SplitMetrics | null | undefined;
  const seconds = record.metrics.seconds;
  const speed = record.metrics.samplesPerSecond;
  return {
    type: 'epoch',
    runId,
    epoch: record.epoch,
    epochs,
    trainLoss: record.trainLoss,
    ...(record.trainAccuracy !== null ? { trainAccuracy: record.trainAccuracy } : {}),
    validation: validation ? splitScore(validation) : null,
    lr: record.lr,
    ...(typeof seconds === 'number' ? { seconds } : {}),
    ...(typeof speed === 'number' ? { samplesPerSecond: speed } : {}),
  };
}

const fixed = (value: number | null, digits = 4) => (value === null ? 'n/a' : value.toFixed(digits));

export function formatEpoch(line: EpochLine): string {
  const parts = [`epoch ${line.epoch}/${line.epochs}`, `loss ${fixed(line.trainLoss)}`];
  if (line.trainAccuracy !== undefined) parts.push(`acc ${(line.trainAccuracy * 100).toFixed(1)}%`);
  const v = line.validation;
  if (v) {
    parts.push(`val loss ${fixed(v.loss)}`);
    if (v.accuracy !== undefined) parts.push(`val acc ${(v.accuracy * 100).toFixed(1)}%`);
    if (v.r2 !== undefined) parts.push(`val R² ${v.r2.toFixed(3)}`);
  }
  if (line.lr !== null) parts.push(`lr ${line.lr.toPrecision(3)}`);
  if (line.samplesPerSecond !== undefined)
    parts.push(`${Math.round(line.samplesPerSecond).toLocaleString('en-US')} samples/s`);
  return parts.join('  ');
}

export class ProgressLine {
  private width = 0;
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly epochs: number,
  ) {}

  batch(p: BatchProgress): void {
    if (!this.stream.isTTY) return;
    const done = Math.round((p.batch / p.batches) * 20);
    const line = `epoch ${p.epoch}/${this.epochs} [${'#'.repeat(done)}${'.'.repeat(20 - done)}] ${p.batch}/${p.batches}  loss ${p.loss.toFixed(4)}  ${Math.round(p.samplesPerSecond).toLocaleString('en-US')} samples/s`;
    this.stream.write(`\r${line.padEnd(this.width)}`);
    this.width = line.length;
  }

  epoch(line: EpochLine): void {
    this.text(formatEpoch(line));
  }

  /** A line of its own, clearing a progress bar drawn in place. */
  text(text: string): void {
    this.stream.write(this.stream.isTTY && this.width > 0 ? `\r${text.padEnd(this.width)}\n` : `${text}\n`);
    this.width = 0;
  }
}
