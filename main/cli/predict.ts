// `netwright predict RUN FILE.csv`: predictions of a run's best checkpoint for every row of a CSV file with the
// training table's feature columns, encoded the way the importer encoded them (an imported run: the file's number
// columns); the engine standardizes them with the statistics stored in the checkpoint. Output: CSV (--out FILE or
// stdout) or JSON lines (--json). A run trained on images, or imported with an image input: an image or a folder
// (predictImages.ts).
import { closeSync, existsSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readLayout } from '../services/datasets/csv/layout';
import { sniffFormat } from '../services/datasets/images/formats';
import { ImagePredictionError } from '../services/datasets/images/predictionError';
import { datasetImageModel, importedImageModel, takesImages, type ImageModel } from '../services/studio/imageModel';
import type { RunSummary } from '../services/store/types';
import { choiceOption, optionalString, parseArgs, UsageError } from './args';
import { HELP_WORDS } from './helpWords';
import { inEachLanguage } from './locale';
import { runCheckpoint, runDataset } from './checkpoints';
import { columnChoice, importedModel, numericRowEncoder } from './importedRows';
import { encodeFile, encodeTableFile, predictAll, predictionScoreText, type EncodedFile } from './predictFile';
import { predictImagesCommand } from './predictImages';
import { csvCell, outputShape, scoreAgainstLabels, type OutputMeaning } from './predictOutput';
import { resolveRun } from './runRef';
import { withWorkspace, type Workspace } from './workspace';
import { CliError } from './errorWords';
import { cliLocale, speaker } from './locale';
import { PREDICT_WORDS } from './predictWords';
import { predictedBy } from './predictImages';

export const PREDICT_USAGE = inEachLanguage(
  (locale) =>
    `netwright predict RUN FILE.csv|IMAGE|FOLDER/ [--out PREDICTIONS.csv] [--checkpoint best|last] [--json] [--columns A,B,… --label COLUMN${HELP_WORDS[locale].predictImported}]`,
);

/** How the run reads images, when it does: its image dataset, or an imported model's image input. */
function imageModelOf(workspace: Workspace, run: RunSummary): ImageModel | null {
  if (run.kind === 'imported' && !run.datasetId) {
    const full = workspace.store.runs.getRun(run.id);
    return takesImages(full) ? importedImageModel(full) : null;
  }
  const { manifest } = runDataset(workspace.store, run);
  return manifest.source.kind === 'images' ? datasetImageModel(run, manifest) : null;
}

/** A folder, or a file that starts as an image of a supported format does. */
function isImageInput(file: string): boolean {
  if (statSync(file).isDirectory()) return true;
  const head = new Uint8Array(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return sniffFormat(head) !== null;
}

/** The rows and output meaning for the run: its dataset's encoding, or for an imported run the graph's input width. */
async function rowsFor(
  workspace: Workspace,
  run: RunSummary,
  file: string,
  choice: { columns?: string[]; label?: string },
): Promise<{ input: EncodedFile; meaning: OutputMeaning }> {
  if (run.kind === 'imported' && !run.datasetId) {
    const { width, meaning } = importedModel(workspace.store.runs.getRun(run.id));
    if (isImageInput(file)) throw new ImagePredictionError('vector-input', { run: run.name, width });
    const layout = readLayout(file, {});
    return { input: await encodeFile(file, layout, numericRowEncoder(file, layout, width, choice)), meaning };
  }
  if (choice.columns || choice.label !== undefined)
    throw new UsageError('table-options-for-own-columns', { run: run.name }, PREDICT_USAGE);
  const { manifest } = runDataset(workspace.store, run);
  if (statSync(file).isDirectory()) throw new CliError('folder-for-table-rows', { data: file, run: run.name });
  if (isImageInput(file)) throw new ImagePredictionError('table-dataset', { run: run.name, dataset: manifest.name });
  return { input: await encodeTableFile(file, manifest), meaning: manifest };
}

export async function predict(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['out', 'checkpoint', 'columns', 'label'], flags: ['json'] }, PREDICT_USAGE);
  if (args.positional.length !== 2) throw new UsageError('run-and-file', {}, PREDICT_USAGE);
  const [ref, file] = args.positional;
  const out = optionalString(args, 'out');
  const json = args.options.has('json');
  const which = choiceOption(args, 'checkpoint', ['best', 'last'] as const, 'best');
  if (!existsSync(file)) throw new CliError('no-such-file', { file });
  if (out && resolve(out) === resolve(file)) throw new UsageError('out-overwrites-input', {}, PREDICT_USAGE);
  return withWorkspace(async (workspace) => {
    const run = resolveRun(workspace.store.runs.listRuns(), ref);
    const checkpoint = runCheckpoint(workspace.store, run, which);
    const images = imageModelOf(workspace, run);
    if (images) return predictImagesCommand(await workspace.engine(), run, checkpoint, images, file, { out, json });
    const { input, meaning } = await rowsFor(workspace, run, file, columnChoice(args));
    const predictions = await predictAll(await workspace.engine(), checkpoint.path, input);
    const shape = outputShape(meaning, predictions);
    const score = input.labels ? scoreAgainstLabels(meaning, predictions, input.labels, input.decimalComma) : null;

    const csvLines = () => [
      shape.header.map(csvCell).join(','),
      ...Array.from({ length: predictions.count }, (_, k) => shape.row(k).map(csvCell).join(',')),
    ];
    if (out) {
      writeFileSync(out, `${csvLines().join('\n')}\n`);
    } else if (json) {
      const lines = input.places.map((place, k) =>
        JSON.stringify({ type: 'prediction', row: place.row, line: place.line, ...shape.json(k) }),
      );
      process.stdout.write(`${lines.join('\n')}\n`);
    } else {
      process.stdout.write(`${csvLines().join('\n')}\n`);
    }

    const summary = {
      type: 'summary',
      runId: run.id,
      rows: predictions.count,
      checkpoint: { kind: checkpoint.kind, epoch: checkpoint.epoch },
      ...(out ? { out: resolve(out) } : {}),
      ...(score ? { score } : {}),
    };
    if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      const locale = cliLocale();
      const words = speaker(PREDICT_WORDS, locale);
      const count = predictions.count;
      const what = out ? words('wroteRows', { count, out }) : words('predictedRows', { count });
      const parts = [predictedBy(what, run, checkpoint, locale)];
      if (score) parts.push(predictionScoreText(score, locale));
      process.stderr.write(`${parts.join(words('partSeparator'))}\n`);
    }
    return 0;
  });
}
