// `netwright train`: trains a model on a sample, a CSV file, a dataset folder or an imported dataset, recording
// the run in the studio's store (so `netwright runs` and the studio show it), with a progress bar on a terminal
// or one JSON object per epoch (--json) and a summary at the end.
import { TEMPLATE_NAMES } from '../../engine/core/spec';
import { SAMPLES } from '../services/studio/samples';
import { countOption, optionalString, parseArgs, UsageError } from './args';
import { RunFollower } from './follow';
import { modelFor } from './modelSpec';
import { TRAIN_CONFIG_OPTIONS, TRAIN_CONFIG_USAGE, trainConfigFrom } from './trainConfig';
import { trainingDataset } from './trainData';
import { followAndReport } from './trainSession';
import { openStudio } from './workspace';

export const TRAIN_USAGE = `netwright train (--sample NAME | --data FILE.csv --label COLUMN [--task classification|regression] [--split-column COLUMN] | --data DATASET_DIR|DATASET)
  [--model ${TEMPLATE_NAMES.join('|')}|SPEC.json] [--name NAME] [--tags a,b] [--threads N] [--json]
  ${TRAIN_CONFIG_USAGE}
samples: ${SAMPLES.map((s) => s.name).join(', ')}`;

export async function train(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    {
      values: [
        'sample',
        'data',
        'label',
        'task',
        'split-column',
        'model',
        'name',
        'tags',
        'threads',
        ...TRAIN_CONFIG_OPTIONS,
      ],
      flags: ['json'],
    },
    TRAIN_USAGE,
  );
  if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}'`, TRAIN_USAGE);
  const json = args.options.has('json');
  const threads = args.options.has('threads') ? countOption(args, 'threads', 1) : undefined;
  const tags = optionalString(args, 'tags')
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const studio = openStudio({ threads });
  try {
    const { dataset, note } = await trainingDataset(studio, args, TRAIN_USAGE);
    const { spec, outputs, label } = await modelFor(studio, dataset, optionalString(args, 'model'));
    const config = trainConfigFrom(args, dataset.manifest, outputs);
    if (!json) {
      process.stderr.write(
        `${note}\ntraining ${label} on '${dataset.name}' (${dataset.manifest.count} rows) for ${config.epochs} epochs\n`,
      );
    }
    const follower = new RunFollower(studio, json);
    let run;
    try {
      run = await studio.startRun({ spec, config, datasetId: dataset.id, name: optionalString(args, 'name'), tags });
    } catch (error) {
      follower.dispose();
      throw error;
    }
    return await followAndReport(studio, follower, run, dataset, json);
  } finally {
    await studio.close();
  }
}
