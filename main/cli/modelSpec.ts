// The model `train` trains: a template by name sized for the dataset, or a spec file saved from the editor,
// checked against the dataset's input shape and outputs before a run is recorded.
import { existsSync, readFileSync } from 'node:fs';
import type { DatasetManifest } from '../../engine/core/data/dataset';
import { analyze, nodeName, problemText } from '../../engine/core/spec';
import { fillMessage } from '../../engine/core/spec/problemText';
import type { ModelSpec } from '../../engine/core/spec/types';
import type { DatasetRecord } from '../services/store/types';
import { SAMPLES } from '../services/studio/samples';
import type { Studio } from '../services/studio/studio';
import { layerNameZh, SPEC_PROBLEMS_ZH, withNodeNameZh } from '../api/specWordsZh';
import { CliError } from './errorWords';

/** The template for a dataset when no --model is given. */
export function defaultTemplate(manifest: DatasetManifest): string {
  return manifest.featureShape.length === 3 ? 'small-cnn' : 'mlp';
}

/**
 * The model `--sample NAME` trains without --model: the one `netwright samples` lists beside it and the studio opens
 * for it (the dropout curves' dropout demo, LeNet on shapes), else the default for its data.
 */
export function sampleTemplate(sample: string | undefined): string | undefined {
  return SAMPLES.find((s) => s.name === sample)?.suggestedTemplate;
}

function outputsOf(manifest: DatasetManifest): number {
  return manifest.task === 'classification' ? (manifest.classNames?.length ?? 2) : (manifest.targetNames?.length ?? 1);
}

function readSpecFile(path: string): ModelSpec {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError('not-a-spec', { file: path, reason: (error as Error).message });
  }
  // A graph saved by the studio holds its spec under "spec".
  const spec = (
    parsed && typeof parsed === 'object' && 'spec' in parsed ? (parsed as { spec: unknown }).spec : parsed
  ) as ModelSpec;
  return spec;
}

/** The spec's problems, or a mismatch with the dataset, as one message naming the file and the node. */
export function checkSpecFits(spec: ModelSpec, manifest: DatasetManifest, file: string): { outputs: number } {
  const analysis = analyze(spec);
  if (!analysis.ok) {
    const problem = analysis.problems[0];
    const node = spec.nodes?.find((n) => n.id === problem.nodeId);
    // The problem's sentence in each language (the engine's English, the editor's Chinese), led by its node's name
    // unless the sentence names it already.
    const english = problemText(problem);
    const lead = (name: string) => (node && !english.includes(node.id) ? name : '');
    const chinese = fillMessage(SPEC_PROBLEMS_ZH[problem.reason], withNodeNameZh(problem.args, node));
    throw new CliError(
      'spec-problem',
      { file },
      {
        en: { problem: `${lead(node ? `${nodeName(node)}: ` : '')}${english}` },
        zh: { problem: `${lead(node ? `${nodeName(node, layerNameZh)}：` : '')}${chinese}` },
      },
    );
  }
  const input = analysis.nodes[analysis.inputId!].outputShape ?? [];
  const output = analysis.nodes[analysis.outputId!].outputShape ?? [];
  const same = input.length === manifest.featureShape.length && input.every((d, i) => d === manifest.featureShape[i]);
  if (!same) {
    throw new CliError('spec-input-shape', {
      file,
      model: `[${input.join(', ')}]`,
      dataset: manifest.name,
      data: `[${manifest.featureShape.join(', ')}]`,
    });
  }
  const outputs = output.reduce((a, b) => a * b, 1);
  const wanted = outputsOf(manifest);
  const binary = manifest.task === 'classification' && wanted === 2 && outputs === 1;
  if (output.length !== 1 || (outputs !== wanted && !binary)) {
    const code =
      manifest.task === 'classification'
        ? 'spec-outputs-classes'
        : wanted === 1
          ? 'spec-outputs-target'
          : 'spec-outputs-targets';
    throw new CliError(code, { file, shape: `[${output.join(', ')}]`, dataset: manifest.name, count: wanted });
  }
  return { outputs };
}

export async function modelFor(
  studio: Studio,
  dataset: DatasetRecord,
  model: string | undefined,
): Promise<{ spec: ModelSpec; outputs: number; label: string }> {
  const choice = model ?? defaultTemplate(dataset.manifest);
  if (choice.toLowerCase().endsWith('.json') || existsSync(choice)) {
    if (!existsSync(choice)) throw new CliError('no-such-file', { file: choice });
    const spec = readSpecFile(choice);
    const { outputs } = checkSpecFits(spec, dataset.manifest, choice);
    return { spec, outputs, label: spec.name ?? choice };
  }
  const spec = await studio.templateSpec(choice, dataset.id);
  return { spec, outputs: outputsOf(dataset.manifest), label: spec.name ?? choice };
}
