// Sweep expansion: grids are cartesian in order, random draws are seeded and log-uniform where they should be, each
// combination repeats per seed, and plans that would make an untrainable run are refused naming the setting.
import { describe, expect, it } from 'vitest';
import { config, mlp } from '../../test/models';
import { expandSweep, parseSettingKey, settingKey, type SweepPlan, type SweepProblem } from './sweep';
import { bandOf, combinationTable, spreadOf } from './sweepStats';

const spec = mlp(2, [16], 3, (i) => [{ id: `drop${i + 1}`, op: 'dropout', params: { p: 0.2 } }]);
const base = config({ seed: 10 });

function trials(plan: SweepPlan) {
  const result = expandSweep(spec, base, plan);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.trials;
}

function problems(plan: SweepPlan, c = base, s = spec): SweepProblem[] {
  const result = expandSweep(s, c, plan);
  if (result.ok) throw new Error('expected the plan to be refused');
  return result.problems;
}

describe('expandSweep', () => {
  it('repeats the base settings once per seed, counting up from the base seed', () => {
    const runs = trials({ kind: 'seeds', seeds: 3 });
    expect(runs.map((t) => t.seed)).toEqual([10, 11, 12]);
    expect(runs.map((t) => t.config.seed)).toEqual([10, 11, 12]);
    expect(runs.every((t) => t.combination === 0 && t.config.optimizer.lr === 0.01)).toBe(true);
  });

  it('crosses grid axes in order, each combination once per seed', () => {
    const runs = trials({
      kind: 'grid',
      axes: [
        { setting: { kind: 'lr' }, values: [0.1, 0.01] },
        { setting: { kind: 'batchSize' }, values: [16, 64] },
      ],
      seeds: 2,
    });
    expect(runs).toHaveLength(8);
    expect(runs.map((t) => [t.config.optimizer.lr, t.config.batchSize, t.seed])).toEqual([
      [0.1, 16, 10],
      [0.1, 16, 11],
      [0.1, 64, 10],
      [0.1, 64, 11],
      [0.01, 16, 10],
      [0.01, 16, 11],
      [0.01, 64, 10],
      [0.01, 64, 11],
    ]);
    expect(runs[2].assignment).toEqual({ lr: 0.1, batch: 64 });
    expect(runs.map((t) => t.combination)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('sets optimizer before learning rate, penalties, epochs, dropout rates and a layer’s units', () => {
    const [run] = trials({
      kind: 'grid',
      axes: [
        { setting: { kind: 'lr' }, values: [0.05] },
        { setting: { kind: 'optimizer' }, values: ['sgd'] },
        { setting: { kind: 'l1' }, values: [1e-4] },
        { setting: { kind: 'l2' }, values: [0] },
        { setting: { kind: 'epochs' }, values: [3] },
        { setting: { kind: 'dropout' }, values: [0.4] },
        { setting: { kind: 'units', nodeId: 'fc1', param: 'units' }, values: [8] },
      ],
      seeds: 1,
    });
    expect(run.config.optimizer).toEqual({ type: 'sgd', lr: 0.05, momentum: 0.9 });
    expect(run.config.l1).toBe(1e-4);
    expect('l2' in run.config).toBe(false);
    expect(run.config.epochs).toBe(3);
    expect(run.spec.nodes.find((n) => n.id === 'drop1')?.params?.p).toBe(0.4);
    expect(run.spec.nodes.find((n) => n.id === 'fc1')?.params?.units).toBe(8);
    // The base is untouched.
    expect(spec.nodes.find((n) => n.id === 'fc1')?.params?.units).toBe(16);
    expect(base.optimizer).toEqual({ type: 'adam', lr: 0.01 });
  });

  it('draws random samples log-uniformly for the learning rate, the same draws for the same sampling seed', () => {
    const plan: SweepPlan = {
      kind: 'random',
      ranges: [
        { setting: { kind: 'lr' }, min: 1e-4, max: 1e-1 },
        { setting: { kind: 'batchSize' }, min: 8, max: 128 },
      ],
      choices: [{ setting: { kind: 'optimizer' }, values: ['adam', 'sgd'] }],
      samples: 400,
      samplingSeed: 5,
      seeds: 1,
    };
    const runs = trials(plan);
    const lrs = runs.map((t) => t.config.optimizer.lr);
    expect(Math.min(...lrs)).toBeGreaterThanOrEqual(1e-4);
    expect(Math.max(...lrs)).toBeLessThanOrEqual(1e-1);
    // Log-uniform: about a third of the draws in each decade (uniform would put 90% in the top one).
    const lowDecade = lrs.filter((lr) => lr < 1e-3).length / lrs.length;
    expect(lowDecade).toBeGreaterThan(0.25);
    expect(lowDecade).toBeLessThan(0.42);
    expect(runs.every((t) => Number.isInteger(t.config.batchSize))).toBe(true);
    expect(new Set(runs.map((t) => t.config.optimizer.type))).toEqual(new Set(['adam', 'sgd']));
    expect(trials(plan).map((t) => t.assignment)).toEqual(runs.map((t) => t.assignment));
    expect(trials({ ...plan, samplingSeed: 6 }).map((t) => t.assignment)).not.toEqual(runs.map((t) => t.assignment));
  });

  it('refuses a value that makes a config out of range, naming the setting and the value', () => {
    const found = problems({
      kind: 'grid',
      axes: [{ setting: { kind: 'lr' }, values: [0.01, 50] }],
      seeds: 2,
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'sweep-config', setting: 'lr', value: 50 });
  });

  it('refuses a dropout rate or a layer size the graph cannot take, naming the setting', () => {
    expect(
      problems({ kind: 'grid', axes: [{ setting: { kind: 'dropout' }, values: [1.5] }], seeds: 1 })[0],
    ).toMatchObject({
      code: 'sweep-graph',
      setting: 'dropout',
      value: 1.5,
    });
    expect(
      problems({
        kind: 'grid',
        axes: [{ setting: { kind: 'units', nodeId: 'fc1', param: 'units' }, values: [0] }],
        seeds: 1,
      })[0],
    ).toMatchObject({ code: 'sweep-graph', setting: 'units@fc1.units', value: 0 });
  });

  it('refuses settings that point nowhere, values of the wrong kind and empty or oversized plans', () => {
    const codes = (plan: SweepPlan, s = spec) => problems(plan, base, s).map((p) => [p.code, p.setting]);
    expect(
      codes({
        kind: 'grid',
        axes: [{ setting: { kind: 'units', nodeId: 'nope', param: 'units' }, values: [4] }],
        seeds: 1,
      }),
    ).toEqual([['sweep-no-such-node', 'units@nope.units']]);
    expect(
      codes({
        kind: 'grid',
        axes: [{ setting: { kind: 'units', nodeId: 'fc1', param: 'bias' }, values: [4] }],
        seeds: 1,
      }),
    ).toEqual([['sweep-not-a-count', 'units@fc1.bias']]);
    expect(
      codes({ kind: 'grid', axes: [{ setting: { kind: 'dropout' }, values: [0.1] }], seeds: 1 }, mlp(2, [4], 3)),
    ).toEqual([['sweep-no-dropout', 'dropout']]);
    expect(
      codes({ kind: 'grid', axes: [{ setting: { kind: 'dropout', nodeId: 'fc1' }, values: [0.1] }], seeds: 1 }),
    ).toEqual([['sweep-not-dropout', 'dropout@fc1']]);
    expect(codes({ kind: 'grid', axes: [{ setting: { kind: 'optimizer' }, values: ['adamx'] }], seeds: 1 })).toEqual([
      ['sweep-bad-value', 'optimizer'],
    ]);
    expect(codes({ kind: 'grid', axes: [{ setting: { kind: 'batchSize' }, values: [12.5] }], seeds: 1 })).toEqual([
      ['sweep-bad-value', 'batch'],
    ]);
    expect(codes({ kind: 'grid', axes: [{ setting: { kind: 'lr' }, values: [] }], seeds: 1 })).toEqual([
      ['sweep-empty', 'lr'],
    ]);
    expect(codes({ kind: 'seeds', seeds: 0 })).toEqual([['sweep-seeds', 'seeds']]);
    expect(
      codes({
        kind: 'random',
        ranges: [{ setting: { kind: 'lr' }, min: 0, max: 0.1 }],
        choices: [],
        samples: 2,
        samplingSeed: 1,
        seeds: 1,
      }),
    ).toEqual([['sweep-bad-range', 'lr']]);
    expect(
      codes({
        kind: 'grid',
        axes: [
          { setting: { kind: 'lr' }, values: Array.from({ length: 30 }, (_, i) => 0.001 * (i + 1)) },
          { setting: { kind: 'batchSize' }, values: Array.from({ length: 30 }, (_, i) => i + 1) },
        ],
        seeds: 1,
      }),
    ).toEqual([['sweep-too-many-runs', 'runs']]);
  });

  it('refuses a base config or graph that cannot train before expanding anything', () => {
    expect(problems({ kind: 'seeds', seeds: 2 }, config({ batchSize: 0 }))[0]).toMatchObject({
      code: 'sweep-base-config',
      setting: 'batchSize',
    });
    const broken = { ...spec, edges: [] };
    expect(problems({ kind: 'seeds', seeds: 2 }, base, broken)[0].code).toBe('sweep-base-graph');
  });
});

describe('setting keys', () => {
  it('round-trip through their names', () => {
    for (const key of ['lr', 'batch', 'optimizer', 'l1', 'l2', 'epochs', 'dropout', 'dropout@d1', 'units@fc1.units'])
      expect(settingKey(parseSettingKey(key)!)).toBe(key);
    expect(parseSettingKey('units@fc1')).toEqual({ kind: 'units', nodeId: 'fc1', param: 'units' });
    expect(parseSettingKey('momentum')).toBeNull();
  });
});

describe('spreads across seeds', () => {
  it('gives mean, sample standard deviation, min and max of the finite values', () => {
    const spread = spreadOf([1, 2, 3, 4, null, Number.NaN]);
    expect(spread).toMatchObject({ n: 4, mean: 2.5, min: 1, max: 4 });
    expect(spread!.std).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(spreadOf([7])).toMatchObject({ n: 1, mean: 7, std: 0 });
    expect(spreadOf([null])).toBeNull();
  });

  it('bands curves per epoch, counting only the runs that reached each epoch', () => {
    const band = bandOf([
      [1, 0.5, 0.25],
      [3, 1.5],
    ]);
    expect(band.map((p) => [p.epoch, p.n, p.mean, p.min, p.max])).toEqual([
      [1, 2, 2, 1, 3],
      [2, 2, 1, 0.5, 1.5],
      [3, 1, 0.25, 0.25, 0.25],
    ]);
  });
});

describe('the combination table', () => {
  it('gives each combination the spread of its completed runs only', () => {
    const run = (combination: number, status: string, acc: number, loss: number) => ({
      status,
      combination,
      assignment: { lr: combination === 0 ? 0.1 : 0.01 },
      finalMetrics: { val_accuracy: acc },
      bestMetrics: { val_loss: loss },
    });
    const rows = combinationTable(
      [
        run(1, 'completed', 0.9, 0.3),
        run(0, 'completed', 0.5, 1),
        run(0, 'completed', 0.7, 0.5),
        run(1, 'failed', 0.1, 9),
      ],
      ['val_accuracy'],
    );
    expect(rows.map((r) => [r.combination, r.assignment, r.runs, r.completed])).toEqual([
      [0, { lr: 0.1 }, 2, 2],
      [1, { lr: 0.01 }, 2, 1],
    ]);
    expect(rows[0].final.val_accuracy?.mean).toBeCloseTo(0.6, 12);
    expect(rows[0].final.val_accuracy?.std).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(rows[1].final.val_accuracy).toMatchObject({ n: 1, mean: 0.9 });
    expect(rows[1].bestValLoss).toMatchObject({ n: 1, mean: 0.3 });
  });
});
