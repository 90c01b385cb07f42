// `netwright sweep`: a group of runs from one model and dataset, each combination of the swept settings once per
// seed, queued and trained one after another (or K at once, the cores divided between them) and recorded as a group;
// a line per run as it ends, then a table of mean ± std across seeds (or one JSON document with --json). A group cut
// off by a killed or closed command goes on with `netwright sweep --continue GROUP`.
import { TEMPLATE_NAMES } from '../../engine/core/spec';
import type { RunGroup } from '../services/store/types';
import type { Studio } from '../services/studio/studio';
import { countOption, optionalString, parseArgs, UsageError } from './args';
import { lossText } from './format';
import { modelFor, sampleTemplate } from './modelSpec';
import { groupReport, groupReportText } from './sweepReport';
import { SETTING_NAMES, sweepPlanFrom, takeRepeated } from './sweepPlan';
import { TRAIN_CONFIG_OPTIONS, TRAIN_CONFIG_USAGE, trainConfigFrom } from './trainConfig';
import { HELP_WORDS } from './helpWords';
import { cliLocale, inEachLanguage, say, speaker } from './locale';
import { TRAINING_DATA_OPTIONS, trainingDataset } from './trainData';
import { INTERRUPTED_EXIT } from './trainSession';
import { openStudio } from './workspace';
import { CliError } from './errorWords';
import { SWEEP_WORDS } from './sweepWords';
import { TRAINING_WORDS } from './trainingWords';

export const SWEEP_USAGE = inEachLanguage((locale) => {
  const words = speaker(HELP_WORDS, locale);
  return `netwright sweep (--sample NAME | --data FILE.csv --label COLUMN | --data DATASET_DIR|DATASET) [--model ${TEMPLATE_NAMES.join('|')}|SPEC.json]
  [--grid SETTING=V1,V2,... ...] [--random N --range SETTING=MIN:MAX ... [--sampling-seed S]] [--seeds N]
  [--parallel K] [--threads CORES] [--name NAME] [--json]
  ${TRAIN_CONFIG_USAGE[locale]}
netwright sweep --continue GROUP [--json]
${words('sweepSettings', { settings: SETTING_NAMES[locale] })}
${words('sweepHow')}`;
});

/** The group `ref` names: its id, an id prefix of 4 or more characters, or its exact name. */
export function resolveGroup(groups: RunGroup[], ref: string): RunGroup {
  const matches = groups.filter((g) => g.id === ref || g.name === ref);
  const found = matches.length > 0 ? matches : ref.length >= 4 ? groups.filter((g) => g.id.startsWith(ref)) : [];
  if (found.length === 1) return found[0];
  if (found.length > 1)
    throw new CliError('ref-matches-groups', {
      ref,
      count: found.length,
      groups: found.map((g) => g.id.slice(0, 8)).join(', '),
    });
  throw new CliError('no-group', { ref });
}

/** Prints a line per run as it starts and ends (not with --json), and turns Ctrl-C into a clean hand-back. */
async function follow(studio: Studio, groupId: string, json: boolean): Promise<boolean> {
  const locale = cliLocale();
  const words = speaker(SWEEP_WORDS, locale);
  const runs = new Map((await studio.getGroup(groupId)).runs.map((r, i) => [r.id, i + 1]));
  const total = runs.size;
  const off = studio.onEvent((event) => {
    if (json || !('runId' in event) || !runs.has(event.runId)) return;
    const position = `[${runs.get(event.runId)}/${total}]`;
    if (event.type === 'run-status' && event.status === 'running')
      process.stderr.write(`${words('runTraining', { position, id: event.runId.slice(0, 8) })}\n`);
    if (event.type === 'run-finished') {
      const m = event.run.finalMetrics;
      const loss = m?.val_loss !== undefined ? words('finishedLoss', { loss: lossText(m.val_loss) }) : '';
      const metric =
        m?.val_accuracy !== undefined
          ? words('finishedAccuracy', { accuracy: `${(m.val_accuracy * 100).toFixed(1)}%` })
          : m?.val_r2 !== undefined
            ? words('finishedR2', { r2: m.val_r2.toFixed(3) })
            : '';
      const status = TRAINING_WORDS[locale][`status_${event.run.status}`];
      process.stderr.write(`${words('runFinished', { position, name: event.run.name, status, loss, metric })}\n`);
    }
  });
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(INTERRUPTED_EXIT);
    interrupted = true;
    process.stderr.write(`${words('stopping')}\n`);
    void studio.groupRunner.close();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await studio.groupRunner.whenDone(groupId);
  } finally {
    off();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return interrupted;
}

async function report(studio: Studio, groupId: string, json: boolean, interrupted: boolean): Promise<number> {
  const result = groupReport(await studio.getGroup(groupId));
  const locale = cliLocale();
  process.stdout.write(
    json
      ? `${JSON.stringify(interrupted ? { ...result, interrupted } : result)}\n`
      : groupReportText(result, locale, interrupted),
  );
  if (interrupted) {
    process.stderr.write(`${say(SWEEP_WORDS, locale, 'continueWith', { id: groupId.slice(0, 8) })}\n`);
    return INTERRUPTED_EXIT;
  }
  return 0;
}

export async function sweep(argv: string[]): Promise<number> {
  const { rest, values } = takeRepeated(argv);
  const args = parseArgs(
    rest,
    {
      values: [
        ...TRAINING_DATA_OPTIONS,
        'model',
        'name',
        'threads',
        'parallel',
        'seeds',
        'random',
        'sampling-seed',
        'continue',
        ...TRAIN_CONFIG_OPTIONS,
      ],
      flags: ['json'],
    },
    SWEEP_USAGE,
  );
  if (args.positional.length > 0)
    throw new UsageError('unexpected-argument', { argument: args.positional[0] }, SWEEP_USAGE);
  const json = args.options.has('json');
  const threads = args.options.has('threads') ? countOption(args, 'threads', 1) : undefined;
  const parallel = countOption(args, 'parallel', 1);
  const continued = optionalString(args, 'continue');
  if (continued !== undefined && [...args.options.keys()].some((k) => k !== 'continue' && k !== 'json'))
    throw new UsageError('sweep-continue-alone', {}, SWEEP_USAGE);
  const studio = openStudio({ threads: parallel === 1 ? threads : undefined, cores: threads });
  try {
    if (continued !== undefined) {
      const group = resolveGroup(studio.store.groups.listGroups(), continued);
      if (group.status === 'completed' || group.status === 'cancelled')
        return await report(studio, group.id, json, false);
      if (!studio.groupRunner.run(group.id)) throw new CliError('group-busy', { group: group.name });
      return await report(studio, group.id, json, await follow(studio, group.id, json));
    }
    const locale = cliLocale();
    const { dataset, note } = await trainingDataset(studio, args, SWEEP_USAGE, locale);
    const { spec, outputs, label } = await modelFor(
      studio,
      dataset,
      optionalString(args, 'model') ?? sampleTemplate(optionalString(args, 'sample')),
    );
    const config = trainConfigFrom(args, dataset.manifest, outputs);
    const seeds = countOption(args, 'seeds', 1);
    const random = args.options.has('random') ? countOption(args, 'random', 1) : undefined;
    const plan = sweepPlanFrom(values, random, seeds, countOption(args, 'sampling-seed', config.seed, 0));
    const { group, counts } = await studio.createGroup({
      spec,
      config,
      datasetId: dataset.id,
      name: optionalString(args, 'name'),
      plan,
      parallel,
    });
    if (!json) {
      const runs = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
      const words = speaker(SWEEP_WORDS, locale);
      const how = parallel > 1 ? words('atOnce', { parallel }) : words('oneAfterAnother');
      const id = group.id.slice(0, 8);
      const created = words('groupCreated', { id, name: group.name, runs, model: label, dataset: dataset.name, how });
      process.stderr.write(`${note}\n${created}\n`);
    }
    return await report(studio, group.id, json, await follow(studio, group.id, json));
  } finally {
    await studio.close();
  }
}
