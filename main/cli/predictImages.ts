// `netwright predict RUN image.png|folder/` for a run trained on images or imported with an image input: each image
// prepared as the import prepared the run's dataset (or for the imported model's input shape), its predicted class and every class's probability, as CSV or JSON lines (--json); images in
// sub-folders named for a class are scored, and the accuracy is shown next to the run's own test accuracy.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ImagePredictionReport } from '../api/types';
import type { EngineClient } from '../../engine/host/parent/client';
import type { ImageModel } from '../services/studio/imageModel';
import { predictImages } from '../services/studio/imagePredictions';
import type { CheckpointRecord, RunSummary } from '../services/store/types';
import { csvCell } from './predictOutput';
import { percent } from './format';
import { cliLocale, say, speaker, type CliLocale } from './locale';
import { LIST_WORDS } from './listWords';
import { noteText, SKIP_REASON_WORDS } from './noteWords';
import { PREDICT_WORDS } from './predictWords';

export async function predictImagesCommand(
  engine: EngineClient,
  run: RunSummary,
  checkpoint: CheckpointRecord,
  model: ImageModel,
  path: string,
  options: { out?: string; json: boolean },
): Promise<number> {
  const report = await predictImages(engine, run, checkpoint, model, path);
  const csv = () => [
    ['file', 'predicted', ...report.classNames.map((c) => `p(${c})`), 'label'].map(csvCell).join(','),
    ...report.predictions.map((p) =>
      [p.name, p.predicted, ...p.probabilities.map((v) => v.toPrecision(6)), p.label ?? ''].map(csvCell).join(','),
    ),
  ];
  if (options.out) writeFileSync(options.out, `${csv().join('\n')}\n`);
  else if (options.json) {
    const lines = report.predictions.map((p) =>
      JSON.stringify({
        type: 'prediction',
        file: p.name,
        predicted: p.predicted,
        probabilities: Object.fromEntries(report.classNames.map((c, i) => [c, p.probabilities[i]])),
        ...(p.label !== undefined ? { label: p.label } : {}),
      }),
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } else process.stdout.write(`${csv().join('\n')}\n`);

  const locale = cliLocale();
  const words = speaker(PREDICT_WORDS, locale);
  for (const skip of report.skipped)
    process.stderr.write(
      `${words('skipped', { path: skip.path, reason: noteText(SKIP_REASON_WORDS, skip.why, locale) })}\n`,
    );
  const summary = {
    type: 'summary',
    runId: run.id,
    images: report.predictions.length,
    skipped: report.skipped.length,
    checkpoint: { kind: checkpoint.kind, epoch: checkpoint.epoch },
    ...(options.out ? { out: resolve(options.out) } : {}),
    accuracy: report.accuracy,
    runTestAccuracy: report.runTestAccuracy,
  };
  if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else process.stderr.write(`${summaryText(report, run, checkpoint, options.out, locale)}\n`);
  return 0;
}

function summaryText(
  report: ImagePredictionReport,
  run: RunSummary,
  checkpoint: CheckpointRecord,
  out: string | undefined,
  locale: CliLocale,
): string {
  const words = speaker(PREDICT_WORDS, locale);
  const count = report.predictions.length;
  const one = count === 1;
  const what = out
    ? words(one ? 'wroteImage' : 'wroteImages', { count, out })
    : words(one ? 'predictedImage' : 'predictedImages', { count });
  const parts = [predictedBy(what, run, checkpoint, locale)];
  if (report.accuracy) {
    const own =
      report.runTestAccuracy === null ? '' : words('runTestAccuracy', { accuracy: percent(report.runTestAccuracy) });
    const accuracy = percent(report.accuracy.value);
    parts.push(`${words('imagesAccuracy', { accuracy, count: report.accuracy.labelled })}${own}`);
  }
  return parts.join(words('partSeparator'));
}

/** "3 predictions (run 1a2b3c4d 'iris', best checkpoint of epoch 7)": what was predicted, by which run and weights. */
export function predictedBy(what: string, run: RunSummary, checkpoint: CheckpointRecord, locale: CliLocale): string {
  return say(PREDICT_WORDS, locale, 'byRun', {
    what,
    id: run.id.slice(0, 8),
    name: run.name,
    checkpoint: LIST_WORDS[locale][`checkpoint_${checkpoint.kind}`],
    epoch: checkpoint.epoch,
  });
}
