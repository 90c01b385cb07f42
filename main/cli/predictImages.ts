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

  for (const skip of report.skipped) process.stderr.write(`skipped ${skip.path}: ${skip.reason}\n`);
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
  else process.stderr.write(`${summaryText(report, run, checkpoint, options.out)}\n`);
  return 0;
}

function summaryText(
  report: ImagePredictionReport,
  run: RunSummary,
  checkpoint: CheckpointRecord,
  out: string | undefined,
): string {
  const count = report.predictions.length;
  const what = `${count} image${count === 1 ? '' : 's'}`;
  const where = out ? `wrote predictions for ${what} to ${out}` : `predicted ${what}`;
  const parts = [
    `${where} (run ${run.id.slice(0, 8)} '${run.name}', ${checkpoint.kind} checkpoint of epoch ${checkpoint.epoch})`,
  ];
  if (report.accuracy) {
    const own =
      report.runTestAccuracy === null ? '' : `; the run's own test accuracy: ${percent(report.runTestAccuracy)}`;
    parts.push(
      `accuracy ${percent(report.accuracy.value)} on the ${report.accuracy.labelled} images in class folders${own}`,
    );
  }
  return parts.join('; ');
}
