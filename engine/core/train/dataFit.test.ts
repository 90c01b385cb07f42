// checkDataFit: a graph whose Input or output size differs from the data is caught before a run is created, with
// the node and the sizes; a graph that fits, or one with problems of its own, passes (the editor shows those).
import { describe, expect, it } from 'vitest';
import { analyze } from '../spec/analyze';
import { mlp, smallCnn } from '../spec/templates';
import { checkDataFit, checkSettingsFit, outputsNeeded, type DataShape, type SettingsData } from './dataFit';

const table = (features: number, classes: string[]): DataShape => ({
  featureShape: [features],
  task: 'classification',
  classNames: classes,
});

describe('checkDataFit', () => {
  it('passes a graph sized to the data', () => {
    expect(checkDataFit(analyze(mlp(4, 3, [8])), table(4, ['a', 'b', 'c']), 'cross_entropy')).toBeNull();
  });

  it("names the Input and both shapes when the sample size differs (a CSV wider than the graph's input)", () => {
    const problem = checkDataFit(analyze(mlp(2, 3, [8])), table(5, ['a', 'b', 'c']), 'cross_entropy');
    expect(problem).toEqual({ code: 'input-mismatch', nodeId: 'input', modelShape: [2], dataShape: [5] });
  });

  it('compares sizes as the trainer does: an image flattened into a vector Input of the same size fits', () => {
    const data: DataShape = { featureShape: [1, 8, 8], task: 'classification', classNames: ['a', 'b'] };
    expect(checkDataFit(analyze(mlp(64, 2, [8])), data, 'cross_entropy')).toBeNull();
    expect(
      checkDataFit(analyze(smallCnn({ inputShape: [1, 28, 28], outputs: 2 })), data, 'cross_entropy'),
    ).toMatchObject({ code: 'input-mismatch', modelShape: [1, 28, 28], dataShape: [1, 8, 8] });
  });

  it('names the output layer when its units differ from what the loss needs', () => {
    const spec = mlp(4, 3, [8]);
    const problem = checkDataFit(analyze(spec), table(4, ['a', 'b']), 'cross_entropy');
    expect(problem).toEqual({ code: 'output-mismatch', nodeId: analyze(spec).outputId, units: 3, needed: 2 });
    expect(checkDataFit(analyze(mlp(4, 1, [8])), table(4, ['a', 'b']), 'bce_with_logits')).toBeNull();
    const regression: DataShape = { featureShape: [4], task: 'regression', targetNames: ['y', 'z'] };
    expect(checkDataFit(analyze(spec), regression, 'mse')).toMatchObject({ units: 3, needed: 2 });
  });

  it('leaves a graph with its own problems, and a loss that does not suit the task, to their own messages', () => {
    const broken = { version: 1, nodes: [{ id: 'd', op: 'dense' as const, params: { units: 3 } }], edges: [] };
    expect(checkDataFit(analyze(broken), table(4, ['a', 'b']), 'cross_entropy')).toBeNull();
    expect(outputsNeeded(table(4, ['a', 'b', 'c']), 'mse')).toBeNull();
    expect(checkDataFit(analyze(mlp(4, 7, [8])), table(4, ['a', 'b', 'c']), 'mse')).toBeNull();
  });
});

describe('checkSettingsFit', () => {
  const classes = (names: string[], validation = 20): SettingsData => ({
    task: 'classification',
    classNames: names,
    split: { counts: { validation } },
  });
  const targets = (validation = 20): SettingsData => ({ task: 'regression', split: { counts: { validation } } });
  const watch = (metric: 'val_loss' | 'val_accuracy') => ({ metric, patience: 5 });

  it('passes the loss each task is trained with, with or without early stopping', () => {
    expect(checkSettingsFit(classes(['a', 'b', 'c']), { loss: 'cross_entropy' })).toBeNull();
    expect(checkSettingsFit(classes(['no', 'yes']), { loss: 'bce_with_logits' })).toBeNull();
    expect(checkSettingsFit(targets(), { loss: 'mse', earlyStopping: watch('val_loss') })).toBeNull();
    expect(
      checkSettingsFit(classes(['a', 'b']), { loss: 'cross_entropy', earlyStopping: watch('val_accuracy') }),
    ).toBeNull();
  });

  it('refuses a loss of the other task, naming it', () => {
    expect(checkSettingsFit(classes(['a', 'b']), { loss: 'mse' })).toEqual({ code: 'loss-needs-targets', loss: 'mse' });
    for (const loss of ['cross_entropy', 'bce_with_logits'] as const)
      expect(checkSettingsFit(targets(), { loss })).toEqual({ code: 'loss-needs-classes', loss });
  });

  it('refuses binary cross-entropy on other than two classes, as the trainer does', () => {
    expect(checkSettingsFit(classes(['a', 'b', 'c']), { loss: 'bce_with_logits' })).toEqual({
      code: 'binary-needs-two-classes',
      classes: 3,
    });
    expect(
      outputsNeeded({ featureShape: [2], task: 'classification', classNames: ['a', 'b', 'c'] }, 'bce_with_logits'),
    ).toBeNull();
  });

  it('refuses early stopping on accuracy for regression, and on a dataset with no validation rows', () => {
    expect(checkSettingsFit(targets(), { loss: 'mse', earlyStopping: watch('val_accuracy') })).toEqual({
      code: 'accuracy-needs-classes',
    });
    expect(
      checkSettingsFit(classes(['a', 'b'], 0), { loss: 'cross_entropy', earlyStopping: watch('val_loss') }),
    ).toEqual({ code: 'early-stopping-no-validation' });
    expect(checkSettingsFit(classes(['a', 'b'], 0), { loss: 'cross_entropy' })).toBeNull();
  });
});
