// `netwright train`: trains a model on a sample, a CSV file, a dataset folder or an imported dataset, recording
// the run in the studio's store (so `netwright runs` and the studio show it), with a progress bar on a terminal
// or one JSON object per epoch (--json) and a summary at the end.
import type { DatasetManifest } from '../../engine/core/data/dataset';
import { TEMPLATE_NAMES, withOutputs } from '../../engine/core/spec';
import type { Studio } from '../services/studio/studio';
import { SAMPLES } from '../services/studio/samples';
import { countOption, optionalString, parseArgs, UsageError } from './args';
import { RunFollower } from './follow';
import { checkSpecFits, modelFor, sampleTemplate } from './modelSpec';
import { resolveRun } from './runRef';
import { applyFreezeOptions, START_WEIGHTS_OPTIONS, START_WEIGHTS_USAGE, weightsTableText } from './startWeights';
import { TRAIN_CONFIG_OPTIONS, TRAIN_CONFIG_USAGE, trainConfigFrom } from './trainConfig';
import { TRAINING_DATA_OPTIONS, trainingDataset } from './trainData';
import { HELP_WORDS } from './helpWords';
import { cliLocale, inEachLanguage, speaker, type CliLocale } from './locale';
import { followAndReport } from './trainSession';
import { TRAINING_WORDS } from './trainingWords';
import { openStudio } from './workspace';

export const TRAIN_USAGE = inEachLanguage((locale) => {
  const words = speaker(HELP_WORDS, locale);
  return `netwright train (--sample NAME | --data FILE.csv --label COLUMN [--task classification|regression] [--split-column COLUMN] | --data DATASET_DIR|DATASET)
  [--model ${TEMPLATE_NAMES.join('|')}|SPEC.json] [--name NAME] [--tags a,b] [--threads N] [--json]
  ${START_WEIGHTS_USAGE}
  ${TRAIN_CONFIG_USAGE[locale]}
${words('trainFrom')}
${words('samples', { samples: SAMPLES.map((s) => s.name).join(', ') })}`;
});

export async function train(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    {
      values: [
        ...TRAINING_DATA_OPTIONS,
        'model',
        'name',
        'tags',
        'threads',
        ...START_WEIGHTS_OPTIONS,
        ...TRAIN_CONFIG_OPTIONS,
      ],
      flags: ['json'],
    },
    TRAIN_USAGE,
  );
  if (args.positional.length > 0)
    throw new UsageError('unexpected-argument', { argument: args.positional[0] }, TRAIN_USAGE);
  const json = args.options.has('json');
  const locale = cliLocale();
  const threads = args.options.has('threads') ? countOption(args, 'threads', 1) : undefined;
  const tags = optionalString(args, 'tags')
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const studio = openStudio({ threads });
  try {
    const { dataset, note } = await trainingDataset(studio, args, TRAIN_USAGE, locale);
    const fromRef = optionalString(args, 'from');
    const weightsFile = optionalString(args, 'weights');
    if (fromRef !== undefined && weightsFile !== undefined)
      throw new UsageError('not-both', { first: 'from', second: 'weights' }, TRAIN_USAGE);
    const fromRun = fromRef === undefined ? undefined : resolveRun(await studio.listRuns(), fromRef);
    const model = optionalString(args, 'model');
    const chosen =
      fromRun && model === undefined
        ? await fromRunModel(studio, fromRun.id, dataset.manifest, locale)
        : await modelFor(studio, dataset, model ?? sampleTemplate(optionalString(args, 'sample')));
    const { outputs, label } = chosen;
    const spec = applyFreezeOptions(chosen.spec, args, TRAIN_USAGE);
    const config = trainConfigFrom(args, dataset.manifest, outputs);
    if (!json) {
      const start = speaker(TRAINING_WORDS, locale)('trainingStart', {
        model: label,
        dataset: dataset.name,
        rows: dataset.manifest.count,
        epochs: config.epochs,
      });
      process.stderr.write(`${note}\n${start}\n`);
    }
    const follower = new RunFollower(studio, json, locale);
    let run;
    try {
      run = await studio.startRun({
        spec,
        config,
        datasetId: dataset.id,
        name: optionalString(args, 'name'),
        tags,
        fromRun: fromRun?.id,
        weights: weightsFile === undefined ? undefined : { kind: 'path', path: weightsFile },
      });
    } catch (error) {
      follower.dispose();
      throw error;
    }
    const initialWeights = studio.store.runs.getRun(run.id).initialWeights;
    if (initialWeights) process.stderr.write(weightsTableText(initialWeights, locale));
    return await followAndReport(studio, follower, run, dataset, json, locale);
  } finally {
    await studio.close();
  }
}

/** The graph of the run --from names, its output sized for the dataset, checked against the dataset. */
async function fromRunModel(studio: Studio, runId: string, manifest: DatasetManifest, locale: CliLocale) {
  const { run } = await studio.getRun(runId);
  const wanted =
    manifest.task === 'classification' ? (manifest.classNames?.length ?? 2) : (manifest.targetNames?.length ?? 1);
  const spec = withOutputs(run.graph, wanted);
  const label = speaker(TRAINING_WORDS, locale)('graphOfRun', { run: run.name });
  const { outputs } = checkSpecFits(spec, manifest, label);
  return { spec, outputs, label };
}
