// The Sweep dialog's form: the settings a graph offers, values suggested around the current settings, and the plan
// (or the first mistake, naming the setting) the form describes.
import { describe, expect, it } from 'vitest';
import { mlp } from '../../../engine/core/spec/templates';
import { defaultTrainConfig } from '../state/config';
import { newForm, planFromForm, runCount, sweepableSettings } from './sweepForm';

const spec = mlp(2, 3, [8]);
const config = { ...defaultTrainConfig(null), optimizer: { type: 'adam' as const, lr: 0.01 } };

describe('the sweep form', () => {
  it('offers the training settings and each hidden layer’s size, dropout only when the graph has some', () => {
    const keys = sweepableSettings(spec).map((s) => (s.kind === 'units' ? `units@${s.nodeId}` : s.kind));
    expect(keys).toEqual(expect.arrayContaining(['lr', 'batchSize', 'optimizer', 'l1', 'l2', 'epochs']));
    expect(keys).not.toContain('dropout');
    // Not the output layer: its size is the data's class count, and any other value is refused.
    const dense = spec.nodes.filter((n) => n.op === 'dense').map((n) => n.id);
    expect(keys.filter((k) => k.startsWith('units@'))).toEqual(dense.slice(0, -1).map((id) => `units@${id}`));
  });

  it('starts with the learning rate a decade either side of the current one, two seeds', () => {
    const form = newForm(spec, config);
    const { plan } = planFromForm(form, 42) as {
      plan: Extract<ReturnType<typeof planFromForm>, { plan: unknown }>['plan'];
    };
    expect(plan).toEqual({ kind: 'grid', axes: [{ setting: { kind: 'lr' }, values: [0.1, 0.01, 0.001] }], seeds: 2 });
    expect(runCount(plan)).toBe(6);
  });

  it('makes a random plan from ranges, with the optimizer picked from its names', () => {
    const form = newForm(spec, config);
    form.mode = 'random';
    form.draws = 5;
    for (const row of form.rows) row.enabled = row.setting.kind === 'lr' || row.setting.kind === 'optimizer';
    const result = planFromForm(form, 9);
    expect(result).toEqual({
      plan: {
        kind: 'random',
        ranges: [{ setting: { kind: 'lr' }, min: 0.001, max: 0.1 }],
        choices: [{ setting: { kind: 'optimizer' }, values: ['adam', 'sgd'] }],
        samples: 5,
        samplingSeed: 9,
        seeds: 2,
      },
    });
    expect(runCount((result as { plan: Parameters<typeof runCount>[0] }).plan)).toBe(10);
  });

  it('names the setting with a mistake: no setting, a word among numbers, a bad range', () => {
    const form = newForm(spec, config);
    form.rows[0].enabled = false;
    expect(planFromForm(form, 1)).toEqual({ error: { key: 'error_noSetting' } });
    form.rows[0].enabled = true;
    form.rows[0].values = '0.1, fast';
    expect(planFromForm(form, 1)).toEqual({
      error: { key: 'error_badNumber', setting: { kind: 'lr' }, value: 'fast' },
    });
    form.mode = 'random';
    form.rows[0].range = '0:0.1';
    expect(planFromForm(form, 1)).toEqual({ error: { key: 'error_badRange', setting: { kind: 'lr' } } });
  });
});
