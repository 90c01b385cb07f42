// `netwright import MODEL.onnx [--name NAME] [--json]`: an ONNX model as a graph and, when every node can run, a run
// of kind 'imported' holding its weights (predict and export use it like a trained run). Prints the layer table
// and each node Netwright cannot run with the reason; --json prints the graph id, run id and report.
import { resolve } from 'node:path';
import { analyze } from '../../engine/core/spec/analyze';
import { problemText } from '../../engine/core/spec/problemText';
import { formatSummary, summarize } from '../../engine/core/spec/summary';
import type { ModelImportResult } from '../api/types';
import { optionalString, UsageError, type ParsedArgs } from './args';
import { openStudio } from './workspace';

export const IMPORT_MODEL_USAGE = 'netwright import MODEL.onnx [--name NAME] [--json]';

const DATASET_OPTIONS = ['label', 'task', 'missing', 'split-column', 'image-size', 'fit', 'grayscale'];

export async function importModelCommand(path: string, args: ParsedArgs): Promise<number> {
  for (const option of DATASET_OPTIONS) {
    if (args.options.has(option))
      throw new UsageError('dataset-options-for-model', { option, file: path, usage: IMPORT_MODEL_USAGE });
  }
  const studio = openStudio();
  let result: ModelImportResult;
  try {
    result = await studio.importModel({ kind: 'path', path: resolve(path) }, optionalString(args, 'name'));
  } finally {
    await studio.close();
  }
  if (args.options.has('json')) {
    process.stdout.write(
      `${JSON.stringify({ graphId: result.graph.id, runId: result.runId, report: result.report })}\n`,
    );
    return 0;
  }
  process.stdout.write(`${importModelText(result)}\n`);
  return 0;
}

/** What the import made, in English: the source, the layer table, what the passes did and what must be replaced. */
export function importModelText({ graph, runId, report }: ModelImportResult): string {
  const analysis = analyze(graph.spec);
  const lines = [
    `Imported ${report.file} (${report.producer}, opset ${report.opset}): ${report.onnxNodes} ONNX nodes became ${report.layers} layers.`,
    '',
    formatSummary(summarize(graph.spec, analysis)),
    '',
  ];
  for (const { what, count } of report.rewrites) lines.push(`  ${what}: ${count}`);
  if (report.ignoredOutputs.length)
    lines.push(
      `  Outputs left out (the graph keeps the first): ${report.ignoredOutputs.map((o) => `'${o}'`).join(', ')}`,
    );
  if (report.unsupported.length) {
    lines.push(
      '',
      `${report.unsupported.length} node(s) Netwright cannot run; replace them in the editor before training or exporting:`,
    );
    for (const problem of analysis.problems.filter((p) => p.code === 'onnx-unsupported'))
      lines.push(`  - ${problemText(problem)}`);
  }
  lines.push('', `Graph '${graph.name}' (${graph.id}).`);
  lines.push(
    runId
      ? `Run '${graph.name}' (${runId}) holds the weights: netwright predict ${runId} FILE.csv, netwright export ${runId}.`
      : 'No run was made: the weights are kept only for a model that can run as it is. Replace the marked nodes, then train.',
  );
  return lines.join('\n');
}
