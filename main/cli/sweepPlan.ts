// The sweep plan from `sweep` options: --grid SETTING=V1,V2 (repeatable), --random N with --range SETTING=MIN:MAX
// (repeatable; --grid values become choices to pick from), --seeds N. Mistakes are usage errors naming the option.
import {
  parseSettingKey,
  type SweepAxis,
  type SweepPlan,
  type SweepRange,
  type SweepSetting,
  type SweepValue,
} from '../../engine/core/train/sweep';
import { UsageError } from './args';
import { fillMessage } from '../../engine/core/spec/problemText';
import { HELP_WORDS } from './helpWords';
import { inEachLanguage } from './locale';

/** Options that may be given more than once. */
export const REPEATED_SWEEP_OPTIONS = ['grid', 'range'] as const;
type Repeated = (typeof REPEATED_SWEEP_OPTIONS)[number];

/** The settings a sweep can vary, as `--grid` and `--range` name them, with notes in each language. */
export const SETTING_NAMES = inEachLanguage((locale) =>
  fillMessage(HELP_WORDS[locale].sweepSettingNames, { names: 'lr, batch, optimizer, l1, l2, epochs, dropout' }),
);

/**
 * Takes the repeatable options out of argv (the strict parser keeps one value per option): `--grid x`, `--grid=x`.
 * Returns the rest of argv and every value of each, in order.
 */
export function takeRepeated(argv: string[]): { rest: string[]; values: Record<Repeated, string[]> } {
  const values: Record<Repeated, string[]> = { grid: [], range: [] };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = REPEATED_SWEEP_OPTIONS.find((n) => arg === `--${n}` || arg.startsWith(`--${n}=`));
    if (!name) {
      rest.push(arg);
      continue;
    }
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
    if (value === undefined || (!arg.includes('=') && value.startsWith('--')))
      throw new UsageError('sweep-needs-value', {
        option: name,
        example: name === 'grid' ? 'lr=0.1,0.01' : 'lr=1e-4:1e-1',
      });
    values[name].push(value);
  }
  return { rest, values };
}

function settingOf(option: string, text: string): { setting: SweepSetting; raw: string } {
  const cut = text.indexOf('=');
  if (cut < 0) throw new UsageError('sweep-write-values', { option, text });
  const setting = parseSettingKey(text.slice(0, cut));
  if (!setting)
    throw new UsageError('sweep-not-a-setting', { option, text, setting: text.slice(0, cut) }, undefined, {
      en: { settings: SETTING_NAMES.en },
      zh: { settings: SETTING_NAMES.zh },
    });
  return { setting, raw: text.slice(cut + 1) };
}

function valueOf(setting: SweepSetting, text: string, option: string): SweepValue {
  const trimmed = text.trim();
  if (setting.kind === 'optimizer') return trimmed;
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) throw new UsageError('sweep-not-a-number', { option, value: trimmed });
  return value;
}

function axisOf(text: string): SweepAxis {
  const { setting, raw } = settingOf('grid', text);
  return { setting, values: raw.split(',').map((v) => valueOf(setting, v, 'grid')) };
}

function rangeOf(text: string): SweepRange {
  const { setting, raw } = settingOf('range', text);
  const parts = raw.split(':');
  if (parts.length !== 2) throw new UsageError('sweep-write-range', { text });
  const [min, max] = parts.map((p) => valueOf(setting, p, 'range') as number);
  return { setting, min, max };
}

/** The plan the options describe; `samplingSeed` is the seed random draws start from. */
export function sweepPlanFrom(
  values: Record<Repeated, string[]>,
  random: number | undefined,
  seeds: number,
  samplingSeed: number,
): SweepPlan {
  const axes = values.grid.map(axisOf);
  const ranges = values.range.map(rangeOf);
  if (random !== undefined) {
    if (ranges.length === 0 && axes.length === 0) throw new UsageError('sweep-random-needs');
    return { kind: 'random', ranges, choices: axes, samples: random, samplingSeed, seeds };
  }
  if (ranges.length > 0) throw new UsageError('sweep-range-needs-random');
  return axes.length > 0 ? { kind: 'grid', axes, seeds } : { kind: 'seeds', seeds };
}
