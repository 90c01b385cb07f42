// Side-by-side settings of compared runs: each training configuration flattened to key paths
// ("optimizer.lr", "split.train"), one row per path, marked when the runs disagree.
import { compareSettings } from '../settingNames/settingOrder';

export type FlatValue = string | number | boolean | null;

/** Nested objects become dotted paths; arrays are compared as a whole ("[30, 60]"). */
export function flatten(value: unknown, prefix = '', out: Record<string, FlatValue> = {}): Record<string, FlatValue> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>))
      flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    return out;
  }
  if (!prefix) return out;
  if (Array.isArray(value)) out[prefix] = `[${value.map((v) => String(v)).join(', ')}]`;
  else if (value === undefined) out[prefix] = null;
  else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
    out[prefix] = value;
  else out[prefix] = String(value);
  return out;
}

export interface SettingsRow {
  path: string;
  /** One value per run, in the runs' order; null where the run does not have the setting. */
  values: FlatValue[];
  differs: boolean;
}

/**
 * Every key path any run has, in the training form's order (settingNames/settingOrder.ts), with each run's value;
 * `differs` when not all values are the same.
 */
export function diffSettings(configs: unknown[]): SettingsRow[] {
  const flats = configs.map((c) => flatten(c));
  const paths = [...new Set(flats.flatMap((f) => Object.keys(f)))].sort(compareSettings);
  return paths.map((path) => {
    const values = flats.map((f) => (path in f ? f[path] : null));
    return { path, values, differs: values.some((v) => v !== values[0]) };
  });
}

/** The training form's word keys for the values of its choices (training/messages.ts: loss_mse, opt_adam…). */
const CHOICE_PREFIXES: Readonly<Record<string, string>> = {
  loss: 'loss_',
  'optimizer.type': 'opt_',
  'schedule.type': 'sched_',
};

/**
 * A value as the settings tables show it: a switch as on/off (settingNames' words), a choice (loss, optimizer,
 * schedule) as the training form names it where `choices` (the form's table in the user's language) has it.
 */
export function formatValue(
  value: FlatValue,
  words: { switchOn: string; switchOff: string },
  path = '',
  choices: Readonly<Record<string, string>> = {},
): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? words.switchOn : words.switchOff;
  const prefix = CHOICE_PREFIXES[path];
  if (prefix !== undefined && typeof value === 'string' && Object.hasOwn(choices, prefix + value))
    return choices[prefix + value];
  if (typeof value === 'number') return String(Number(value.toPrecision(6)));
  return String(value);
}
