import { describe, expect, it } from 'vitest';
import { analyze } from '../../../engine/core/spec/analyze';
import { mlp, smallCnn } from '../../../engine/core/spec/templates';
import { fitToDataset, matchDataset } from './matchDataset';
import { emptySpec } from '../../../engine/core/spec/empty';

describe('match dataset', () => {
  it('sets the input shape to the samples and the last Dense to the number of classes', () => {
    const spec = mlp(2, 2);
    const outcome = matchDataset(spec, analyze(spec), {
      featureShape: [4],
      task: 'classification',
      classNames: ['a', 'b', 'c'],
    });
    if (outcome.type !== 'matched') throw new Error('not matched');
    expect(outcome.denseId).toBe('fc3');
    const after = analyze(outcome.spec);
    expect(after.nodes.input.outputShape).toEqual([4]);
    expect(after.nodes.fc3.outputShape).toEqual([3]);
    expect(after.ok).toBe(true);
  });

  it('sizes a regression model to its targets', () => {
    const spec = mlp(2, 2);
    const outcome = matchDataset(spec, analyze(spec), { featureShape: [1], task: 'regression', targetNames: ['y'] });
    if (outcome.type !== 'matched') throw new Error('not matched');
    expect(analyze(outcome.spec).nodes.fc3.outputShape).toEqual([1]);
  });

  it('sets only the input of a graph without Dense layers, and reports a graph without input', () => {
    const only = matchDataset(emptySpec(), analyze(emptySpec()), {
      featureShape: [1, 28, 28],
      task: 'classification',
      classNames: ['a'],
    });
    expect(only).toMatchObject({ type: 'matched', denseId: null });
    const none = { version: 1, nodes: [], edges: [] };
    expect(matchDataset(none, analyze(none), { featureShape: [2], task: 'regression' }).type).toBe('no-input');
  });
});

describe('fitting the graph to new data', () => {
  const classes = (features: number, n: number) => ({
    featureShape: [features],
    task: 'classification' as const,
    classNames: Array.from({ length: n }, (_, i) => `c${i}`),
  });

  it('leaves a graph that fits alone', () => {
    expect(fitToDataset(mlp(4, 3), classes(4, 3), 'cross_entropy')).toEqual({ type: 'fits' });
  });

  it('matches a table model to a CSV of another width and class count on its own', () => {
    const outcome = fitToDataset(mlp(2, 3), classes(7, 4), 'cross_entropy');
    if (outcome.type !== 'matched') throw new Error(`not matched: ${outcome.type}`);
    const after = analyze(outcome.spec);
    expect(after.nodes.input.outputShape).toEqual([7]);
    expect(after.nodes.fc3.outputShape).toEqual([4]);
  });

  it('leaves a convolutional model facing a table to the user, with the reason', () => {
    const cnn = smallCnn({ inputShape: [1, 28, 28], outputs: 3 });
    expect(fitToDataset(cnn, classes(5, 3), 'cross_entropy')).toEqual({
      type: 'misfit',
      problem: { code: 'input-mismatch', nodeId: 'input', modelShape: [1, 28, 28], dataShape: [5] },
    });
  });
});
