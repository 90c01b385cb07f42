// Terminal output for training: a one-line progress bar that redraws in place on a TTY, or JSON lines.
import type { BatchProgress, EpochMetrics } from '../../engine/core/train/trainer';

export function formatEpoch(m: EpochMetrics): string {
  const parts = [`epoch ${m.epoch}`, `loss ${m.trainLoss.toFixed(4)}`];
  if (m.trainAccuracy !== undefined) parts.push(`acc ${(m.trainAccuracy * 100).toFixed(1)}%`);
  if (m.validation) {
    parts.push(`val loss ${m.validation.loss.toFixed(4)}`);
    if (m.validation.accuracy !== undefined) parts.push(`val acc ${(m.validation.accuracy * 100).toFixed(1)}%`);
    if (m.validation.r2 !== undefined) parts.push(`val R² ${m.validation.r2.toFixed(3)}`);
  }
  parts.push(`lr ${m.lr.toPrecision(3)}`, `${Math.round(m.samplesPerSecond).toLocaleString('en-US')} samples/s`);
  return parts.join('  ');
}

export class ProgressLine {
  private width = 0;
  constructor(private readonly stream: NodeJS.WriteStream, private readonly epochs: number) {}

  batch(p: BatchProgress): void {
    if (!this.stream.isTTY) return;
    const done = Math.round((p.batch / p.batches) * 20);
    const line = `epoch ${p.epoch}/${this.epochs} [${'#'.repeat(done)}${'.'.repeat(20 - done)}] ${p.batch}/${p.batches}  loss ${p.loss.toFixed(4)}  ${Math.round(p.samplesPerSecond).toLocaleString('en-US')} samples/s`;
    this.stream.write(`\r${line.padEnd(this.width)}`);
    this.width = line.length;
  }

  epoch(m: EpochMetrics): void {
    const text = formatEpoch(m);
    this.stream.write(this.stream.isTTY ? `\r${text.padEnd(this.width)}\n` : `${text}\n`);
    this.width = 0;
  }
}
