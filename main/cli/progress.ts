// Terminal output for training: a one-line progress bar that redraws in place on a TTY, epoch lines, or one
// JSON object per epoch (--json), whose numbers are the same in every language.
import type { BatchProgress as EngineBatchProgress, SplitMetrics } from '../../engine/core/train/trainer';
import type { EpochRecord } from '../services/store/types';
import { displayWidth, lossText, padToWidth, percent, splitScore, type SplitScore } from './format';
import { speaker, type CliLocale } from './locale';
import { TRAINING_WORDS } from './trainingWords';

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

const speedText = (samplesPerSecond: number) => Math.round(samplesPerSecond).toLocaleString('en-US');

export function formatEpoch(line: EpochLine, locale: CliLocale): string {
  const words = speaker(TRAINING_WORDS, locale);
  const fixed = (value: number | null) => (value === null ? words('notAvailable') : lossText(value));
  const parts = [
    words('epochOf', { epoch: line.epoch, epochs: line.epochs }),
    words('trainLoss', { loss: fixed(line.trainLoss) }),
  ];
  if (line.trainAccuracy !== undefined) parts.push(words('trainAccuracy', { accuracy: percent(line.trainAccuracy) }));
  const v = line.validation;
  if (v) {
    parts.push(words('valLoss', { loss: fixed(v.loss) }));
    if (v.accuracy !== undefined) parts.push(words('valAccuracy', { accuracy: percent(v.accuracy) }));
    if (v.r2 !== undefined) parts.push(words('valR2', { r2: v.r2.toFixed(3) }));
  }
  if (line.lr !== null) parts.push(words('learningRate', { lr: line.lr.toPrecision(3) }));
  if (line.samplesPerSecond !== undefined)
    parts.push(words('samplesPerSecond', { speed: speedText(line.samplesPerSecond) }));
  return parts.join('  ');
}

export class ProgressLine {
  private width = 0;
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly epochs: number,
    private readonly locale: CliLocale,
  ) {}

  batch(p: BatchProgress): void {
    if (!this.stream.isTTY) return;
    const done = Math.round((p.batch / p.batches) * 20);
    const words = speaker(TRAINING_WORDS, this.locale);
    const line =
      `${words('epochOf', { epoch: p.epoch, epochs: this.epochs })} [${'#'.repeat(done)}${'.'.repeat(20 - done)}] ` +
      `${p.batch}/${p.batches}  ${words('trainLoss', { loss: lossText(p.loss) })}  ` +
      words('samplesPerSecond', { speed: speedText(p.samplesPerSecond) });
    this.stream.write(`\r${padToWidth(line, this.width)}`);
    this.width = displayWidth(line);
  }

  epoch(line: EpochLine): void {
    this.text(formatEpoch(line, this.locale));
  }

  /** A line of its own, clearing a progress bar drawn in place. */
  text(text: string): void {
    this.stream.write(this.stream.isTTY && this.width > 0 ? `\r${padToWidth(text, this.width)}\n` : `${text}\n`);
    this.width = 0;
  }
}
