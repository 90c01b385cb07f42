// The Sweep dialog's form as plain data: which settings the graph offers, their suggested values and ranges around
// the current settings, and the plan the form describes (or the first mistake, naming the setting).
import { layerDef } from '../../../engine/core/spec/catalogue';
import { outputLayerId } from '../../../engine/core/spec/outputs';
import type { ModelSpec } from '../../../engine/core/spec/types';
import type { TrainConfig } from '../../../engine/core/train/config';
import {
  isLogScale,
  settingKey,
  type SweepAxis,
  type SweepPlan,
  type SweepRange,
  type SweepSetting,
} from '../../../engine/core/train/sweep';

export interface SettingRow {
  setting: SweepSetting;
  enabled: boolean;
  /** Grid values (or random choices for the optimizer), comma-separated as typed. */
  values: string;
  /** Random range "min:max" as typed. */
  range: string;
}

export interface SweepForm {
  mode: 'grid' | 'random';
  rows: SettingRow[];
  draws: number;
  seeds: number;
  parallel: number;
}

export type FormError =
  | { key: 'error_noSetting' }
  | { key: 'error_noValues' | 'error_badRange'; setting: SweepSetting }
  | { key: 'error_badNumber'; setting: SweepSetting; value: string };

/** The settings the graph and config offer to sweep: training settings, dropout when there is any, each hidden layer's size. */
export function sweepableSettings(spec: ModelSpec): SweepSetting[] {
  const settings: SweepSetting[] = [
    { kind: 'lr' },
    { kind: 'batchSize' },
    { kind: 'optimizer' },
    { kind: 'l1' },
    { kind: 'l2' },
    { kind: 'epochs' },
  ];
  if (spec.nodes.some((n) => n.op === 'dropout')) settings.push({ kind: 'dropout' });
  // The output layer's size is the data's (its classes), not a setting to try values of.
  const output = outputLayerId(spec);
  for (const node of spec.nodes) {
    if (node.id === output) continue;
    // The first whole-number parameter of a layer with weights: a dense layer's units, a convolution's filters.
    const size = layerDef(node.op)?.params.find(
      (p) => p.type === 'int' && (p.name === 'units' || p.name === 'filters'),
    );
    if (size) settings.push({ kind: 'units', nodeId: node.id, param: size.name });
  }
  return settings;
}

const round = (x: number) => Number(x.toPrecision(3));

/** Values to start from: around the current setting. */
export function suggestedValues(setting: SweepSetting, config: TrainConfig, spec: ModelSpec): string {
  switch (setting.kind) {
    case 'lr':
      return [config.optimizer.lr * 10, config.optimizer.lr, config.optimizer.lr / 10].map(round).join(', ');
    case 'batchSize':
      return [Math.max(1, config.batchSize / 2), config.batchSize, config.batchSize * 2].map(Math.round).join(', ');
    case 'optimizer':
      return config.optimizer.type === 'sgd' ? 'sgd, adam' : `${config.optimizer.type}, sgd`;
    case 'l1':
    case 'l2':
      return '0, 0.0001, 0.001';
    case 'epochs':
      return String(config.epochs);
    case 'dropout':
      return '0.2, 0.5';
    case 'units': {
      const units = Number(spec.nodes.find((n) => n.id === setting.nodeId)?.params?.[setting.param] ?? 16);
      return [Math.max(1, Math.round(units / 2)), units, units * 2].join(', ');
    }
    default:
      throw new Error(`unknown sweep setting ${JSON.stringify(setting satisfies never)}`);
  }
}

/** A range to draw from: a decade either side of the rate, otherwise the suggested values' span. */
export function suggestedRange(setting: SweepSetting, config: TrainConfig, spec: ModelSpec): string {
  if (setting.kind === 'lr') return `${round(config.optimizer.lr / 10)}:${round(config.optimizer.lr * 10)}`;
  if (setting.kind === 'l1' || setting.kind === 'l2') return '0.00001:0.01';
  if (setting.kind === 'optimizer') return '';
  const values = suggestedValues(setting, config, spec).split(',').map(Number);
  return `${Math.min(...values)}:${Math.max(...values)}`;
}

export function newForm(spec: ModelSpec, config: TrainConfig): SweepForm {
  return {
    mode: 'grid',
    rows: sweepableSettings(spec).map((setting) => ({
      setting,
      enabled: setting.kind === 'lr',
      values: suggestedValues(setting, config, spec),
      range: suggestedRange(setting, config, spec),
    })),
    draws: 8,
    seeds: 2,
    parallel: 1,
  };
}

function numbers(row: SettingRow, text: string): number[] | FormError {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const values: number[] = [];
  for (const part of parts) {
    const value = Number(part);
    if (!Number.isFinite(value)) return { key: 'error_badNumber', setting: row.setting, value: part };
    values.push(value);
  }
  return values;
}

function axisOf(row: SettingRow): SweepAxis | FormError {
  if (row.setting.kind === 'optimizer') {
    const names = row.values
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    return names.length > 0 ? { setting: row.setting, values: names } : { key: 'error_noValues', setting: row.setting };
  }
  const values = numbers(row, row.values);
  if (!Array.isArray(values)) return values;
  return values.length > 0 ? { setting: row.setting, values } : { key: 'error_noValues', setting: row.setting };
}

function rangeOf(row: SettingRow): SweepRange | FormError {
  const parts = row.range.split(':').map((p) => p.trim());
  const [min, max] = parts.map(Number);
  if (
    parts.length !== 2 ||
    !Number.isFinite(min) ||
    !Number.isFinite(max) ||
    min > max ||
    (isLogScale(row.setting) && min <= 0)
  )
    return { key: 'error_badRange', setting: row.setting };
  return { setting: row.setting, min, max };
}

const isError = (x: object): x is FormError => 'key' in x;

/** The plan the form describes; `samplingSeed` makes random draws repeatable (the config's seed). */
export function planFromForm(form: SweepForm, samplingSeed: number): { plan: SweepPlan } | { error: FormError } {
  const rows = form.rows.filter((r) => r.enabled);
  if (rows.length === 0) return { error: { key: 'error_noSetting' } };
  if (form.mode === 'grid') {
    const axes: SweepAxis[] = [];
    for (const row of rows) {
      const axis = axisOf(row);
      if (isError(axis)) return { error: axis };
      axes.push(axis);
    }
    return { plan: { kind: 'grid', axes, seeds: form.seeds } };
  }
  const ranges: SweepRange[] = [];
  const choices: SweepAxis[] = [];
  for (const row of rows) {
    const part = row.setting.kind === 'optimizer' ? axisOf(row) : rangeOf(row);
    if (isError(part)) return { error: part };
    if ('values' in part) choices.push(part);
    else ranges.push(part);
  }
  return { plan: { kind: 'random', ranges, choices, samples: form.draws, samplingSeed, seeds: form.seeds } };
}

/** How many runs a plan makes. */
export function runCount(plan: SweepPlan): number {
  switch (plan.kind) {
    case 'seeds':
      return plan.seeds;
    case 'grid':
      return plan.axes.reduce((n, a) => n * a.values.length, 1) * plan.seeds;
    case 'random':
      return plan.samples * plan.seeds;
    default:
      throw new Error(`unknown sweep kind ${JSON.stringify(plan satisfies never)}`);
  }
}

export { settingKey };
