// A small, strict argument parser: `--name value`, `--flag`, and positional words; unknown options are errors.

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], known: { values: string[]; flags: string[] }): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2);
    if (known.flags.includes(name)) {
      options.set(name, true);
    } else if (known.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      options.set(name, value);
    } else {
      throw new Error(`unknown option --${name}`);
    }
  }
  return { positional, options };
}

export function numberOption(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isFinite(value)) throw new Error(`--${name} takes a number, got '${raw}'`);
  return value;
}

export function stringOption(args: ParsedArgs, name: string, fallback: string): string {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  if (raw === true) throw new Error(`--${name} needs a value`);
  return raw;
}
