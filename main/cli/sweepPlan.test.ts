// `sweep` options into a plan: repeated --grid and --range, random draws, seeds, and usage errors naming the option.
import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { sweepPlanFrom, takeRepeated } from './sweepPlan';
import { errorReport } from './errors';

describe('sweep options', () => {
  it('take every --grid and --range, in either spelling, out of the arguments', () => {
    const { rest, values } = takeRepeated([
      '--sample',
      'spirals',
      '--grid',
      'lr=0.1,0.01',
      '--grid=batch=32,64',
      '--range',
      'l2=1e-5:1e-2',
      '--json',
    ]);
    expect(rest).toEqual(['--sample', 'spirals', '--json']);
    expect(values).toEqual({ grid: ['lr=0.1,0.01', 'batch=32,64'], range: ['l2=1e-5:1e-2'] });
    expect(() => takeRepeated(['--grid'])).toThrow(UsageError);
  });

  it('make a grid, a random sweep with choices, or a repeat with seeds', () => {
    expect(sweepPlanFrom({ grid: ['lr=0.1,0.01', 'optimizer=adam,sgd'], range: [] }, undefined, 3, 42)).toEqual({
      kind: 'grid',
      axes: [
        { setting: { kind: 'lr' }, values: [0.1, 0.01] },
        { setting: { kind: 'optimizer' }, values: ['adam', 'sgd'] },
      ],
      seeds: 3,
    });
    expect(sweepPlanFrom({ grid: ['units@fc1=8,16'], range: ['lr=1e-4:1e-1'] }, 8, 1, 5)).toEqual({
      kind: 'random',
      ranges: [{ setting: { kind: 'lr' }, min: 1e-4, max: 1e-1 }],
      choices: [{ setting: { kind: 'units', nodeId: 'fc1', param: 'units' }, values: [8, 16] }],
      samples: 8,
      samplingSeed: 5,
      seeds: 1,
    });
    expect(sweepPlanFrom({ grid: [], range: [] }, undefined, 4, 42)).toEqual({ kind: 'seeds', seeds: 4 });
  });

  it('refuse unknown settings, non-numbers, malformed ranges and a range without --random', () => {
    const plan =
      (grid: string[], range: string[] = [], random?: number) =>
      () =>
        sweepPlanFrom({ grid, range }, random, 1, 1);
    expect(plan(['momentum=0.9'])).toThrow(/'momentum' is not a setting a sweep can vary/);
    expect(plan(['lr=0.1,fast'])).toThrow(/'fast' is not a number/);
    expect(plan(['lr'])).toThrow(/write SETTING=VALUES/);
    expect(plan([], ['lr=0.1'], 4)).toThrow(/write SETTING=MIN:MAX/);
    expect(plan([], ['lr=0.1:1'])).toThrow(/--range goes with --random/);
    expect(plan([], [], 4)).toThrow(/--random N draws settings from --range/);
  });

  it('list the settings a sweep can vary with their notes in the words of each language', () => {
    let error: unknown;
    try {
      sweepPlanFrom({ grid: ['momentum=0.9'], range: [] }, undefined, 1, 1);
    } catch (thrown) {
      error = thrown;
    }
    expect((error as Error).message).toContain(
      'dropout (every dropout layer), dropout@NODE, units@NODE (or units@NODE.PARAM)',
    );
    const [chinese] = errorReport(error, { en: '', zh: '' }, 'zh').text.split('\n');
    expect(chinese).toContain('dropout（所有 Dropout 层）, dropout@NODE, units@NODE（或 units@NODE.PARAM）');
    expect(chinese).not.toMatch(/every dropout layer/);
  });
});
