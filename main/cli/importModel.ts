// `netwright import MODEL.onnx [--name NAME] [--json]`: an ONNX model as a graph and, when every node can run, a run
// of kind 'imported' holding its weights (predict and export use it like a trained run). Prints the layer table
// and each node Netwright cannot run with the reason; --json prints the graph id, run id and report.
import { resolve } from 'node:path';
import { analyze } from '../../engine/core/spec/analyze';
import { fillMessage, problemText } from '../../engine/core/spec/problemText';
import { summarize } from '../../engine/core/spec/summary';
import { SPEC_PROBLEMS_ZH, withNodeNameZh } from '../api/specWordsZh';
import type { ModelImportResult } from '../api/types';
import { optionalString, UsageError, type ParsedArgs } from './args';
import { IMPORT_MODEL_WORDS } from './importModelWords';
import { cliLocale, speaker, type CliLocale } from './locale';
import { summaryTable } from './summaryTable';
import { receptiveFields } from '../../engine/core/spec/receptiveField';
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
  process.stdout.write(`${importModelText(result, cliLocale())}\n`);
  return 0;
}

/**
 * What the import made, in the terminal's language: the source, the layer table, what the passes did and what must
 * be replaced.
 */
export function importModelText({ graph, runId, report }: ModelImportResult, locale: CliLocale = 'en'): string {
  const words = speaker(IMPORT_MODEL_WORDS, locale);
  const analysis = analyze(graph.spec);
  const lines = [
    words('imported', {
      file: report.file,
      producer: report.producer,
      opset: report.opset,
      nodes: report.onnxNodes,
      layers: report.layers,
    }),
    '',
    summaryTable(summarize(graph.spec, analysis), graph.spec, locale, receptiveFields(graph.spec, analysis)),
    '',
  ];
  for (const { code, count } of report.rewrites)
    lines.push(words('rewrite', { what: words(`rewrite_${code}`), count }));
  if (report.ignoredOutputs.length)
    lines.push(words('outputsLeftOut', { outputs: report.ignoredOutputs.map((o) => `'${o}'`).join(', ') }));
  if (report.unsupported.length) {
    lines.push('', words('cannotRun', { count: report.unsupported.length }));
    const nodes = new Map(graph.spec.nodes.map((n) => [n.id, n]));
    for (const problem of analysis.problems.filter((p) => p.code === 'onnx-unsupported')) {
      const text =
        locale === 'zh'
          ? fillMessage(
              SPEC_PROBLEMS_ZH[problem.reason],
              withNodeNameZh(problem.args, problem.nodeId === null ? undefined : nodes.get(problem.nodeId)),
            )
          : problemText(problem);
      lines.push(`  - ${text}`);
    }
  }
  lines.push('', words('graph', { name: graph.name, id: graph.id }));
  lines.push(runId ? words('run', { name: graph.name, id: runId }) : words('noRun'));
  return lines.join('\n');
}
