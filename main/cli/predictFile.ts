// Shared by `predict` and `evaluate`: a CSV file's rows encoded into one feature matrix (rows × width), sent to the
// engine in bounded requests, and the score against label cells said in English.
import { randomUUID } from 'node:crypto';
import type { EngineClient } from '../../engine/host/parent/client';
import type { DatasetManifest } from '../../engine/core/data/dataset';
import { readLayout, type CsvLayout } from '../services/datasets/csv/layout';
import { streamCsv } from '../services/datasets/csv/reader';
import { errorText, percent } from './format';
import type { Predictions, PredictionScore } from './predictOutput';
import { rowEncoder, type CellPlace, type RowEncoder } from './predictRows';
import { speaker, type CliLocale } from './locale';
import { PREDICT_WORDS } from './predictWords';
import { CliError } from './errorWords';

/** Rows per engine request: bounded messages for files of any length. */
const ROWS_PER_REQUEST = 16_384;

export interface EncodedFile {
  features: Float32Array;
  width: number;
  places: CellPlace[];
  labels: string[] | null;
  decimalComma: boolean;
}

export async function encodeFile(file: string, layout: CsvLayout, encoder: RowEncoder): Promise<EncodedFile> {
  let features = new Float32Array(encoder.width * 1024);
  const places: CellPlace[] = [];
  const labels: string[] | null = encoder.labelIndex === null ? null : [];
  let header = layout.hasHeader;
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
  if (places.length === 0) throw new CliError('no-rows-to-predict', { file });
  return {
    features: features.subarray(0, places.length * encoder.width),
    width: encoder.width,
    places,
    labels,
    decimalComma: layout.decimalComma,
  };
}

/** A CSV file with the training table's columns (a header row), encoded as the importer encoded the table. */
export async function encodeTableFile(file: string, manifest: DatasetManifest): Promise<EncodedFile> {
  const layout = readLayout(file, { hasHeader: true });
  return encodeFile(file, layout, rowEncoder(file, layout.names, manifest, layout.decimalComma));
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

export function predictionScoreText(score: PredictionScore, locale: CliLocale): string {
  const words = speaker(PREDICT_WORDS, locale);
  if (score.accuracy !== undefined)
    return words('rowsAccuracy', { accuracy: percent(score.accuracy), rows: score.labelled });
  const r2 = score.r2 !== undefined ? words('rowsR2', { r2: score.r2.toFixed(3) }) : '';
  return words('rowsError', { mae: errorText(score.mae!), r2, rows: score.labelled });
}
