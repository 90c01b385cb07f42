// A small, strict argument parser: `--name value`, `--name=value`, `--flag`, and positional words. Unknown options
// and malformed values are usage errors (exit code 2).

import { fillMessage } from '../../engine/core/spec/problemText';
import type { CliLocale, InEachLanguage } from './locale';
import { USAGE_MISTAKE_WORDS, type UsageMistake } from './usageWords';

/**
 * A mistake in how the command was called, as a code with values (worded in the user's language when reported, with
 * the command's usage, exit code 2); `message` is its English. Values that are words (a list of settings with notes)
 * come in each language in `worded`.
 */
export class UsageError extends Error {
  constructor(
    readonly code: UsageMistake,
    readonly values: Readonly<Record<string, string | number>> = {},
    readonly usage?: InEachLanguage,
    readonly worded: Partial<Record<CliLocale, Readonly<Record<string, string | number>>>> = {},
  ) {
    super(fillMessage(USAGE_MISTAKE_WORDS.en[code], { ...values, ...worded.en }));
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

export function parseArgs(
  argv: string[],
  known: { values: string[]; flags: string[] },
  usage?: InEachLanguage,
): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const cut = arg.indexOf('=');
    const name = cut < 0 ? arg.slice(2) : arg.slice(2, cut);
    const inline = cut < 0 ? undefined : arg.slice(cut + 1);
    if (known.flags.includes(name)) {
      if (inline !== undefined) throw new UsageError('switch-takes-no-value', { option: name }, usage);
      options.set(name, true);
    } else if (known.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError('needs-value', { option: name }, usage);
      options.set(name, value);
    } else {
      throw new UsageError('unknown-option', { option: name }, usage);
    }
  }
  return { positional, options };
}

export function numberOption(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || raw.trim() === '' || !Number.isFinite(value))
    throw new UsageError('not-a-number', { option: name, value: String(raw) });
  return value;
}

/** A whole number ≥ `min` (epochs, batch size, patience ...). */
export function countOption(args: ParsedArgs, name: string, fallback: number, min = 1): number {
  const value = numberOption(args, name, fallback);
  if (!Number.isInteger(value) || value < min)
    throw new UsageError('not-a-count', { option: name, min, value: String(args.options.get(name)) });
  return value;
}

/** A number > 0 (learning rate, gamma ...). */
export function positiveOption(args: ParsedArgs, name: string, fallback: number): number {
  const value = numberOption(args, name, fallback);
  if (!(value > 0)) throw new UsageError('not-positive', { option: name, value: String(args.options.get(name)) });
  return value;
}

export function stringOption(args: ParsedArgs, name: string, fallback: string): string {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  if (raw === true) throw new UsageError('needs-value', { option: name });
  return raw;
}

/** The option's value when given, else undefined. */
export function optionalString(args: ParsedArgs, name: string): string | undefined {
  return args.options.has(name) ? stringOption(args, name, '') : undefined;
}

/** One of `choices`, named in the error when the value is none of them. */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const value = stringOption(args, name, fallback);
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError('not-a-choice', { option: name, choices: choices.join(', '), value });
  return value as T;
}
