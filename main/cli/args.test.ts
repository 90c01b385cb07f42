// The argument parser: values, switches, `--name=value`, and usage errors for anything else.
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args';

const known = { values: ['epochs', 'name'], flags: ['json'] };

describe('parseArgs', () => {
  it('reads positional words, values in both spellings and switches', () => {
    const args = parseArgs(['run-1', '--epochs', '5', '--name=a=b', '--json', 'file.csv'], known);
    expect(args.positional).toEqual(['run-1', 'file.csv']);
    expect(Object.fromEntries(args.options)).toEqual({ epochs: '5', name: 'a=b', json: true });
  });

  it('keeps negative numbers as values', () => {
    expect(parseArgs(['--epochs', '-3'], known).options.get('epochs')).toBe('-3');
  });

  it('refuses unknown options, missing values and values given to switches as usage errors', () => {
    expect(() => parseArgs(['--epoch', '3'], known)).toThrow(new UsageError('unknown option --epoch'));
    expect(() => parseArgs(['--epochs'], known)).toThrow('--epochs needs a value');
    expect(() => parseArgs(['--epochs', '--json'], known)).toThrow('--epochs needs a value');
    expect(() => parseArgs(['--json=yes'], known)).toThrow('--json is a switch and takes no value');
  });
});
