// A model's layer table for the terminal, like torchsummary's: each layer (its name in the terminal's language) with
// its output shape and parameters (and, in an image model, each image layer's receptive field), then the totals;
// Chinese cells take two columns a character (format.ts table).
import { shapeText } from '../../engine/core/spec/names';
import type { ReceptiveField } from '../../engine/core/spec/receptiveField';
import type { ModelSummary } from '../../engine/core/spec/summary';
import type { ModelSpec } from '../../engine/core/spec/types';
import { layerNameZh } from '../api/specWordsZh';
import { table } from './format';
import { IMPORT_MODEL_WORDS } from './importModelWords';
import { speaker, type CliLocale } from './locale';

/** The layer table, like torchsummary's, with the layers' names in the terminal's language. */
export function summaryTable(
  summary: ModelSummary,
  spec: ModelSpec,
  locale: CliLocale,
  fields: ReadonlyMap<string, ReceptiveField> = new Map(),
): string {
  const words = speaker(IMPORT_MODEL_WORDS, locale);
  const ops = new Map(spec.nodes.map((n) => [n.id, n]));
  const name = (row: ModelSummary['rows'][number]) => {
    const node = ops.get(row.nodeId);
    return locale === 'zh' && !node?.label?.trim() ? layerNameZh(row.op) : row.label;
  };
  const withFields = summary.rows.some((row) => fields.has(row.nodeId));
  const fieldText = (id: string) => {
    const field = fields.get(id);
    return field ? `${field.size[0]} × ${field.size[1]}` : '';
  };
  const rows = summary.rows.map((row) => [
    `${name(row)} (${row.nodeId})${row.frozen ? words('frozen') : ''}`,
    row.outputShape ? shapeText(row.outputShape) : '?',
    row.params.toLocaleString('en-US'),
    ...(withFields ? [fieldText(row.nodeId)] : []),
  ]);
  const headers = [words('layerHeader'), words('shapeHeader'), words('paramsHeader')];
  if (withFields) headers.push(words('fieldHeader'));
  const body = table(headers, rows, new Set([2, 3]));
  const total = (value: number) => value.toLocaleString('en-US');
  return [
    body,
    words('totalParams', { params: total(summary.totalParams) }),
    words('trainableParams', { params: total(summary.trainableParams) }),
    words('frozenParams', { params: total(summary.frozenParams) }),
    words('activations', { values: total(summary.activationsPerSample) }),
  ].join('\n');
}
