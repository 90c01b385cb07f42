// The argument parser: values, switches, `--name=value`, and usage errors for anything else.
import { describe, expect, it } from 'vitest';
import { choiceOption, countOption, parseArgs, UsageError } from './args';
import { say } from './locale';
import { USAGE_MISTAKE_WORDS } from './usageWords';

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
    expect(() => parseArgs(['--epoch', '3'], known)).toThrow(new UsageError('unknown-option', { option: 'epoch' }));
    expect(() => parseArgs(['--epochs'], known)).toThrow('--epochs needs a value');
    expect(() => parseArgs(['--epochs', '--json'], known)).toThrow('--epochs needs a value');
    expect(() => parseArgs(['--json=yes'], known)).toThrow('--json is a switch and takes no value');
  });
});

/** The usage error `read` throws. */
function thrown(read: () => unknown): UsageError {
  try {
    read();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('no usage error');
}

describe('usage mistakes', () => {
  it('carry a code and the option as typed, worded in English as before', () => {
    const error = thrown(() => parseArgs(['--epochs=x', '--lr'], { values: ['lr'], flags: [] }));
    expect(error.code).toBe('unknown-option');
    expect(error.values).toEqual({ option: 'epochs' });
    expect(error.message).toBe('unknown option --epochs');
  });

  it('are worded in Chinese from the same code and values, option names and values kept', () => {
    const zh = (error: UsageError) => say(USAGE_MISTAKE_WORDS, 'zh', error.code, error.values);
    const args = parseArgs(['--epochs', '2.5', '--name', 'x'], known);
    expect(() => countOption(args, 'epochs', 1)).toThrow("--epochs takes a whole number of at least 1, got '2.5'");
    expect(zh(thrown(() => countOption(args, 'epochs', 1)))).toBe("--epochs 需要一个不小于 1 的整数，收到的是 '2.5'");
    expect(zh(thrown(() => choiceOption(args, 'name', ['a', 'b'] as const, 'a')))).toBe("--name 可选 a, b，不能是 'x'");
    expect(zh(thrown(() => parseArgs(['--json=yes'], known)))).toBe('--json 是开关，不带值');
    expect(zh(thrown(() => parseArgs(['--epochs'], known)))).toBe('--epochs 需要一个值');
  });
});
