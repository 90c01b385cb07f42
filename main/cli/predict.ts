// `netwright predict RUN FILE.csv` (a run trained on images: an image or a folder, see predictImages.ts): predictions of a run's best checkpoint for every row of a CSV file with the
// training table's feature columns, encoded the way the importer encoded them; the engine standardizes them with
// the statistics stored in the checkpoint. Output: CSV (--out FILE or stdout) or JSON lines (--json).
import { randomUUID } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DatasetManifest } from '../../engine/core/data/dataset';
import type { EngineClient } from '../../engine/host/parent/client';
import { readLayout } from '../services/datasets/csv/layout';
import { streamCsv } from '../services/datasets/csv/reader';
import { choiceOption, optionalString, parseArgs, UsageError } from './args';
import { runCheckpoint, runDataset } from './checkpoints';
import { percent } from './format';
import { csvCell, outputShape, scoreAgainstLabels, type Predictions, type PredictionScore } from './predictOutput';
import { rowEncoder, type CellPlace } from './predictRows';
import { predictImagesCommand } from './predictImages';
import { resolveRun } from './runRef';
import { withWorkspace } from './workspace';

export const PREDICT_USAGE =
  'netwright predict RUN FILE.csv|IMAGE|FOLDER/ [--out PREDICTIONS.csv] [--checkpoint best|last] [--json]';

/** Rows per engine request: bounded messages for files of any length. */
const ROWS_PER_REQUEST = 16_384;

export interface EncodedFile {
  features: Float32Array;
  width: number;
  places: CellPlace[];
  labels: string[] | null;
  decimalComma: boolean;
}

export async function encodeFile(file: string, manifest: DatasetManifest): Promise<EncodedFile> {
  const layout = readLayout(file, { hasHeader: true });
  const encoder = rowEncoder(file, layout.names, manifest, layout.decimalComma);
  let features = new Float32Array(encoder.width * 1024);
  const places: CellPlace[] = [];
  const labels: string[] | null = encoder.labelIndex === null ? null : [];
  let header = true;
  await streamCsv(file, {
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    onRecord: (fields, line) => {
      if (header) {
        header = false;
        return;
      }
      const place = { row: places.length + 1, line };
      if ((places.length + 1) * encoder.width > features.length) {
        const grown = new Float32Array(features.length * 2);
        grown.set(features);
        features = grown;
      }
      encoder.encode(fields, place, features, places.length * encoder.width);
      places.push(place);
      labels?.push(fields[encoder.labelIndex!]);
    },
  });
  if (places.length === 0) throw new Error(`${file}: the file has a header but no rows to predict`);
  return {
    features: features.subarray(0, places.length * encoder.width),
    width: encoder.width,
    places,
    labels,
    decimalComma: layout.decimalComma,
  };
}

export async function predictAll(engine: EngineClient, checkpoint: string, input: EncodedFile): Promise<Predictions> {
  const count = input.places.length;
  let outputs: Float32Array | null = null;
  let outputSize = 0;
  let classes: Int32Array | undefined;
  for (let start = 0; start < count; start += ROWS_PER_REQUEST) {
    const rows = Math.min(ROWS_PER_REQUEST, count - start);
    const inputs = input.features.slice(start * input.width, (start + rows) * input.width);
    const reply = await engine.request({ type: 'predict', requestId: randomUUID(), checkpoint, inputs, count: rows });
    if (!outputs) {
      outputSize = reply.outputSize;
      outputs = new Float32Array(count * outputSize);
      if (reply.classes) classes = new Int32Array(count);
    }
    outputs.set(reply.outputs, start * outputSize);
    if (classes && reply.classes) classes.set(reply.classes, start);
  }
  return { count, outputs: outputs!, outputSize, classes };
}

export function scoreText(score: PredictionScore): string {
  if (score.accuracy !== undefined)
    return `accuracy ${percent(score.accuracy)} on the ${score.labelled} rows with a label`;
  return `MAE ${score.mae!.toPrecision(4)}${score.r2 !== undefined ? `, R² ${score.r2.toFixed(3)}` : ''} on the ${score.labelled} rows with a value`;
}

export async function predict(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['out', 'checkpoint'], flags: ['json'] }, PREDICT_USAGE);
  if (args.positional.length !== 2) throw new UsageError('say which run and which CSV file', PREDICT_USAGE);
  const [ref, file] = args.positional;
  const out = optionalString(args, 'out');
  const json = args.options.has('json');
  const which = choiceOption(args, 'checkpoint', ['best', 'last'] as const, 'best');
  if (!existsSync(file)) throw new Error(`${file}: no such file or folder`);
  if (out && resolve(out) === resolve(file))
    throw new UsageError('--out would overwrite the input file', PREDICT_USAGE);
  return withWorkspace(async (workspace) => {
    const run = resolveRun(workspace.store.runs.listRuns(), ref);
    const checkpoint = runCheckpoint(workspace.store, run, which);
    const { manifest } = runDataset(workspace.store, run);
    if (manifest.source.kind === 'images')
      return predictImagesCommand(await workspace.engine(), run, checkpoint, manifest, file, { out, json });
    if (statSync(file).isDirectory())
      throw new Error(
        `${file}: is a folder, but run '${run.name}' was trained on a table: give a CSV file with its feature columns`,
      );
    const input = await encodeFile(file, manifest);
    const predictions = await predictAll(await workspace.engine(), checkpoint.path, input);
    const shape = outputShape(manifest, predictions);
    const score = input.labels ? scoreAgainstLabels(manifest, predictions, input.labels, input.decimalComma) : null;

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
      const where = out ? `wrote ${predictions.count} predictions to ${out}` : `${predictions.count} predictions`;
      process.stderr.write(
        `${where} (run ${run.id.slice(0, 8)} '${run.name}', ${checkpoint.kind} checkpoint of epoch ${checkpoint.epoch})` +
          `${score ? `; ${scoreText(score)}` : ''}\n`,
      );
    }
    return 0;
  });
}
