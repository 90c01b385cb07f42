// Seeds and sweeps: which training settings can vary across a group of runs, and the expansion of a plan (repeat
// with seeds, a grid, or random samples) into one spec and config per run, each checked before any run exists.
import { layerDef } from '../spec/catalogue';
import { analyze } from '../spec/analyze';
import type { ModelSpec, Problem } from '../spec/types';
import { Rng } from '../rng';
import type { OptimizerKind, TrainConfig } from './config';
import { checkTrainConfig, MAX_SEED, type ConfigProblem } from './configCheck';

/** A setting a sweep can vary. Dropout without a node id sets every dropout layer's rate. */
export type SweepSetting =
  | { kind: 'lr' }
  | { kind: 'batchSize' }
  | { kind: 'optimizer' }
  | { kind: 'l1' }
  | { kind: 'l2' }
  | { kind: 'epochs' }
  | { kind: 'dropout'; nodeId?: string }
  /** An integer parameter of one layer: a dense layer's units, a convolution's filters. */
  | { kind: 'units'; nodeId: string; param: string };

export type SweepSettingKind = SweepSetting['kind'];
export type SweepValue = number | string;

export const SWEEP_OPTIMIZERS: readonly OptimizerKind[] = ['adam', 'adamw', 'sgd', 'rmsprop', 'adagrad'];

/** One swept setting with the values a grid takes (or a random sweep picks from). */
export interface SweepAxis {
  setting: SweepSetting;
  values: SweepValue[];
}

/** A numeric setting drawn between min and max: log-uniform for lr, L1 and L2, uniform otherwise. */
export interface SweepRange {
  setting: SweepSetting;
  min: number;
  max: number;
}

/** What a group runs: each combination of settings once per seed. */
export type SweepPlan =
  | { kind: 'seeds'; seeds: number }
  | { kind: 'grid'; axes: SweepAxis[]; seeds: number }
  /** `samples` combinations, each value drawn from its range (or picked from `choices`) by a generator seeded with samplingSeed. */
  | {
      kind: 'random';
      ranges: SweepRange[];
      choices: SweepAxis[];
      samples: number;
      samplingSeed: number;
      seeds: number;
    };

export type SweepKind = SweepPlan['kind'];

/** Setting key → value of one combination, keys as settingKey() writes them. */
export type Assignment = Record<string, SweepValue>;

export interface SweepTrial {
  /** Which combination (0-based, in plan order); the seeds of one combination share it. */
  combination: number;
  /** Which of the combination's seeds (0-based). */
  repeat: number;
  assignment: Assignment;
  seed: number;
  spec: ModelSpec;
  config: TrainConfig;
}

/** Groups larger than this are almost always a typo (3 axes of 10 values × 10 seeds); each run trains in full. */
export const MAX_SWEEP_RUNS = 500;
export const MAX_SEEDS = 100;

export type SweepProblem =
  | { code: 'sweep-empty'; setting: string }
  | { code: 'sweep-duplicate-setting'; setting: string }
  | { code: 'sweep-bad-value'; setting: string; value: unknown; expected: 'number' | 'whole' | 'optimizer' }
  | { code: 'sweep-bad-range'; setting: string; min: number; max: number }
  | { code: 'sweep-not-numeric'; setting: string }
  | { code: 'sweep-no-such-node'; setting: string; nodeId: string }
  | { code: 'sweep-not-dropout'; setting: string; nodeId: string }
  | { code: 'sweep-no-dropout'; setting: string }
  | { code: 'sweep-not-a-count'; setting: string; nodeId: string; param: string }
  | { code: 'sweep-seeds'; setting: 'seeds'; value: unknown; max: number }
  | { code: 'sweep-samples'; setting: 'samples'; value: unknown; max: number }
  | { code: 'sweep-too-many-runs'; setting: 'runs'; runs: number; max: number }
  /** The base settings themselves (before any sweep) cannot train. */
  | { code: 'sweep-base-config'; setting: string; problem: ConfigProblem }
  | { code: 'sweep-base-graph'; setting: string; problem: Problem }
  /** Setting `setting` at `value` (in combination `assignment`) makes a config or graph that cannot train. */
  | { code: 'sweep-config'; setting: string; value: SweepValue; assignment: Assignment; problem: ConfigProblem }
  | { code: 'sweep-graph'; setting: string; value: SweepValue; assignment: Assignment; problem: Problem };

/** The setting's name in commands, stored assignments and tables: lr, batch, optimizer, l1, l2, epochs, dropout[@node], units@node.param. */
export function settingKey(setting: SweepSetting): string {
  switch (setting.kind) {
    case 'lr':
    case 'optimizer':
    case 'l1':
    case 'l2':
    case 'epochs':
      return setting.kind;
    case 'batchSize':
      return 'batch';
    case 'dropout':
      return setting.nodeId ? `dropout@${setting.nodeId}` : 'dropout';
    case 'units':
      return `units@${setting.nodeId}.${setting.param}`;
    default:
      throw new Error(`unknown sweep setting ${JSON.stringify(setting satisfies never)}`);
  }
}

/** The inverse of settingKey (also accepts 'batch-size' and 'batchSize'); null for anything else. */
export function parseSettingKey(key: string): SweepSetting | null {
  const text = key.trim();
  switch (text) {
    case 'lr':
    case 'optimizer':
    case 'l1':
    case 'l2':
    case 'epochs':
    case 'dropout':
      return { kind: text };
    case 'batch':
    case 'batch-size':
    case 'batchSize':
      return { kind: 'batchSize' };
    default:
      break;
  }
  const dropout = /^dropout@([A-Za-z0-9_-]+)$/.exec(text);
  if (dropout) return { kind: 'dropout', nodeId: dropout[1] };
  const units = /^units@([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_]+))?$/.exec(text);
  if (units) return { kind: 'units', nodeId: units[1], param: units[2] ?? 'units' };
  return null;
}

/** Learning rate and penalties span orders of magnitude: sampled and plotted on a log scale. */
export function isLogScale(setting: SweepSetting): boolean {
  return setting.kind === 'lr' || setting.kind === 'l1' || setting.kind === 'l2';
}

function wholeSetting(setting: SweepSetting): boolean {
  return setting.kind === 'batchSize' || setting.kind === 'epochs' || setting.kind === 'units';
}

/** Whether `value` has the setting's kind (a number, a whole number, or an optimizer name). */
function valueProblem(setting: SweepSetting, value: unknown): SweepProblem | null {
  const key = settingKey(setting);
  if (setting.kind === 'optimizer')
    return typeof value === 'string' && (SWEEP_OPTIMIZERS as readonly string[]).includes(value)
      ? null
      : { code: 'sweep-bad-value', setting: key, value, expected: 'optimizer' };
  if (typeof value !== 'number' || !Number.isFinite(value))
    return { code: 'sweep-bad-value', setting: key, value, expected: 'number' };
  if (wholeSetting(setting) && !Number.isInteger(value))
    return { code: 'sweep-bad-value', setting: key, value, expected: 'whole' };
  return null;
}

/** Problems with where a setting points in the graph (a node that is not there, not a dropout, no such count). */
function targetProblem(setting: SweepSetting, spec: ModelSpec): SweepProblem | null {
  const key = settingKey(setting);
  if (setting.kind === 'dropout') {
    if (setting.nodeId === undefined)
      return spec.nodes.some((n) => n.op === 'dropout') ? null : { code: 'sweep-no-dropout', setting: key };
    const node = spec.nodes.find((n) => n.id === setting.nodeId);
    if (!node) return { code: 'sweep-no-such-node', setting: key, nodeId: setting.nodeId };
    return node.op === 'dropout' ? null : { code: 'sweep-not-dropout', setting: key, nodeId: setting.nodeId };
  }
  if (setting.kind === 'units') {
    const node = spec.nodes.find((n) => n.id === setting.nodeId);
    if (!node) return { code: 'sweep-no-such-node', setting: key, nodeId: setting.nodeId };
    const param = layerDef(node.op)?.params.find((p) => p.name === setting.param);
    if (param?.type !== 'int')
      return { code: 'sweep-not-a-count', setting: key, nodeId: setting.nodeId, param: setting.param };
  }
  return null;
}

/** Sets one setting in a copy-on-write spec and config (the caller passes copies it owns). */
function applySetting(setting: SweepSetting, value: SweepValue, spec: ModelSpec, config: TrainConfig): void {
  switch (setting.kind) {
    case 'lr':
      config.optimizer = { ...config.optimizer, lr: value as number };
      break;
    case 'batchSize':
      config.batchSize = value as number;
      break;
    case 'optimizer': {
      const type = value as OptimizerKind;
      if (type === config.optimizer.type) break;
      // Another optimizer keeps the rate and weight decay; its own options start from their defaults (momentum
      // 0.9 for SGD, as `netwright train` does).
      const { lr, weightDecay } = config.optimizer;
      const decay = weightDecay ? { weightDecay } : {};
      config.optimizer = type === 'sgd' ? { type, lr, momentum: 0.9, ...decay } : { type, lr, ...decay };
      break;
    }
    case 'l1':
    case 'l2':
      if (value === 0) delete config[setting.kind];
      else config[setting.kind] = value as number;
      break;
    case 'epochs':
      config.epochs = value as number;
      break;
    case 'dropout':
      spec.nodes = spec.nodes.map((n) =>
        n.op === 'dropout' && (setting.nodeId === undefined || n.id === setting.nodeId)
          ? { ...n, params: { ...n.params, p: value } }
          : n,
      );
      break;
    case 'units':
      spec.nodes = spec.nodes.map((n) =>
        n.id === setting.nodeId ? { ...n, params: { ...n.params, [setting.param]: value } } : n,
      );
      break;
    default:
      throw new Error(`unknown sweep setting ${JSON.stringify(setting satisfies never)}`);
  }
}

/** The optimizer is applied first, so a swept learning rate applies to the swept optimizer. */
const APPLY_ORDER: Record<SweepSettingKind, number> = {
  optimizer: 0,
  lr: 1,
  batchSize: 2,
  l1: 3,
  l2: 4,
  epochs: 5,
  dropout: 6,
  units: 7,
};

/** Which swept setting a config problem belongs to (its path in the config), if any. */
function sweptSettingOf(problem: ConfigProblem, settings: SweepSetting[]): SweepSetting | undefined {
  const kind: SweepSettingKind | undefined =
    problem.setting === 'optimizer.lr'
      ? 'lr'
      : problem.setting === 'batchSize'
        ? 'batchSize'
        : problem.setting.startsWith('optimizer')
          ? 'optimizer'
          : problem.setting === 'l1' || problem.setting === 'l2' || problem.setting === 'epochs'
            ? problem.setting
            : undefined;
  return settings.find((s) => s.kind === kind);
}

/** Which swept setting a graph problem belongs to: the one pointing at its node (or a shape it changed), if any. */
function sweptSettingOfNode(problem: Problem, settings: SweepSetting[]): SweepSetting | undefined {
  const onNode = settings.find(
    (s) => (s.kind === 'units' || s.kind === 'dropout') && 'nodeId' in s && s.nodeId === problem.nodeId,
  );
  return onNode ?? settings.find((s) => s.kind === 'units' || s.kind === 'dropout');
}

function cartesian(axes: SweepAxis[]): Assignment[] {
  let combos: Assignment[] = [{}];
  for (const axis of axes) {
    const key = settingKey(axis.setting);
    combos = combos.flatMap((combo) => axis.values.map((value) => ({ ...combo, [key]: value })));
  }
  return combos;
}

function drawn(range: SweepRange, rng: Rng): number {
  const u = rng.uniform();
  let value = isLogScale(range.setting)
    ? Math.exp(Math.log(range.min) + u * (Math.log(range.max) - Math.log(range.min)))
    : range.min + u * (range.max - range.min);
  if (wholeSetting(range.setting)) value = Math.min(range.max, Math.floor(value + 0.5));
  else value = Number(value.toPrecision(4)); // readable in tables; four digits is finer than any sweep resolves
  return value;
}

function sampled(plan: Extract<SweepPlan, { kind: 'random' }>): Assignment[] {
  const rng = new Rng(plan.samplingSeed);
  const combos: Assignment[] = [];
  for (let i = 0; i < plan.samples; i++) {
    const combo: Assignment = {};
    for (const range of plan.ranges) combo[settingKey(range.setting)] = drawn(range, rng);
    for (const axis of plan.choices) combo[settingKey(axis.setting)] = axis.values[rng.int(axis.values.length)];
    combos.push(combo);
  }
  return combos;
}

/** Every setting the plan varies, in the order given. */
export function sweptSettings(plan: SweepPlan): SweepSetting[] {
  switch (plan.kind) {
    case 'seeds':
      return [];
    case 'grid':
      return plan.axes.map((a) => a.setting);
    case 'random':
      return [...plan.ranges.map((r) => r.setting), ...plan.choices.map((a) => a.setting)];
    default:
      throw new Error(`unknown sweep kind ${JSON.stringify(plan satisfies never)}`);
  }
}

/** Problems of the plan itself (before combinations): values of the wrong kind, empty axes, bad ranges, counts. */
function planProblems(plan: SweepPlan, spec: ModelSpec): SweepProblem[] {
  const problems: SweepProblem[] = [];
  if (!Number.isInteger(plan.seeds) || plan.seeds < 1 || plan.seeds > MAX_SEEDS)
    problems.push({ code: 'sweep-seeds', setting: 'seeds', value: plan.seeds, max: MAX_SEEDS });
  const seen = new Set<string>();
  for (const setting of sweptSettings(plan)) {
    const key = settingKey(setting);
    if (seen.has(key)) problems.push({ code: 'sweep-duplicate-setting', setting: key });
    seen.add(key);
    const target = targetProblem(setting, spec);
    if (target) problems.push(target);
  }
  const axes = plan.kind === 'grid' ? plan.axes : plan.kind === 'random' ? plan.choices : [];
  for (const axis of axes) {
    if (axis.values.length === 0) problems.push({ code: 'sweep-empty', setting: settingKey(axis.setting) });
    for (const value of axis.values) {
      const problem = valueProblem(axis.setting, value);
      if (problem) problems.push(problem);
    }
  }
  if (plan.kind === 'random') {
    if (!Number.isInteger(plan.samples) || plan.samples < 1 || plan.samples > MAX_SWEEP_RUNS)
      problems.push({ code: 'sweep-samples', setting: 'samples', value: plan.samples, max: MAX_SWEEP_RUNS });
    for (const range of plan.ranges) {
      const key = settingKey(range.setting);
      if (range.setting.kind === 'optimizer') problems.push({ code: 'sweep-not-numeric', setting: key });
      else if (
        !Number.isFinite(range.min) ||
        !Number.isFinite(range.max) ||
        range.min > range.max ||
        (isLogScale(range.setting) && range.min <= 0)
      )
        problems.push({ code: 'sweep-bad-range', setting: key, min: range.min, max: range.max });
    }
  }
  return problems;
}

/**
 * The runs of a plan over a base spec and config: each combination of settings (grid: all of them in order; random:
 * `samples` draws), each once per seed (the base seed, then base + 1, ...). Returns every problem instead when the
 * base, the plan or any resulting config or graph cannot train, each naming the setting responsible.
 */
export function expandSweep(
  spec: ModelSpec,
  config: TrainConfig,
  plan: SweepPlan,
): { ok: true; trials: SweepTrial[] } | { ok: false; problems: SweepProblem[] } {
  const problems: SweepProblem[] = [];
  for (const problem of checkTrainConfig(config))
    problems.push({ code: 'sweep-base-config', setting: problem.setting, problem });
  const base = analyze(spec, { loss: config.loss });
  for (const problem of base.problems)
    problems.push({ code: 'sweep-base-graph', setting: problem.nodeId ?? 'graph', problem });
  problems.push(...planProblems(plan, spec));
  if (problems.length > 0) return { ok: false, problems };

  const settings = sweptSettings(plan).sort((a, b) => APPLY_ORDER[a.kind] - APPLY_ORDER[b.kind]);
  const combos = plan.kind === 'seeds' ? [{}] : plan.kind === 'grid' ? cartesian(plan.axes) : sampled(plan);
  const runs = combos.length * plan.seeds;
  if (runs > MAX_SWEEP_RUNS)
    return { ok: false, problems: [{ code: 'sweep-too-many-runs', setting: 'runs', runs, max: MAX_SWEEP_RUNS }] };
  if (config.seed + plan.seeds - 1 > MAX_SEED)
    return {
      ok: false,
      problems: [{ code: 'sweep-seeds', setting: 'seeds', value: plan.seeds, max: MAX_SEED - config.seed + 1 }],
    };

  const trials: SweepTrial[] = [];
  const reported = new Set<string>();
  combos.forEach((assignment, combination) => {
    const trialSpec: ModelSpec = { ...spec, nodes: [...spec.nodes] };
    const trialConfig: TrainConfig = structuredCopy(config);
    for (const setting of settings) applySetting(setting, assignment[settingKey(setting)], trialSpec, trialConfig);
    const blame = (setting: SweepSetting | undefined) => {
      const key = settingKey(setting ?? settings[0]);
      return { setting: key, value: assignment[key], assignment };
    };
    // The same bad value in several combinations is reported once.
    const once = (problem: SweepProblem) => {
      const id = JSON.stringify([problem.setting, 'value' in problem ? problem.value : null, problem.code]);
      if (!reported.has(id)) problems.push(problem);
      reported.add(id);
    };
    for (const problem of checkTrainConfig(trialConfig))
      once({ code: 'sweep-config', ...blame(sweptSettingOf(problem, settings)), problem });
    if (settings.some((s) => s.kind === 'units' || s.kind === 'dropout')) {
      for (const problem of analyze(trialSpec, { loss: config.loss }).problems)
        once({ code: 'sweep-graph', ...blame(sweptSettingOfNode(problem, settings)), problem });
    }
    for (let repeat = 0; repeat < plan.seeds; repeat++) {
      const seed = config.seed + repeat;
      trials.push({
        combination,
        repeat,
        assignment,
        seed,
        spec: trialSpec,
        config: { ...trialConfig, seed },
      });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, trials };
}

/** A deep copy of plain JSON data (configs are JSON documents). */
function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
