// A model spec file must fit the dataset it trains on; the error names the file and what does not fit.
import { describe, expect, it } from 'vitest';
import type { DatasetManifest } from '../../engine/core/data/dataset';
import { templateByName } from '../../engine/core/spec';
import { codedErrorText } from './errorWords';
import { checkSpecFits } from './modelSpec';

const table: DatasetManifest = {
  version: 1,
  id: 'd',
  name: 'flowers',
  source: { kind: 'csv', path: '/flowers.csv' },
  count: 10,
  featureShape: [4],
  task: 'classification',
  classNames: ['a', 'b', 'c'],
  normalization: null,
  split: {
    seed: 1,
    train: 0.8,
    validation: 0.1,
    test: 0.1,
    stratified: true,
    counts: { train: 8, validation: 1, test: 1 },
  },
};

describe('checkSpecFits', () => {
  it('accepts a spec sized for the dataset and reports its outputs', () => {
    expect(checkSpecFits(templateByName('mlp', { inputShape: [4], outputs: 3 }), table, 'model.json')).toEqual({
      outputs: 3,
    });
  });

  it('accepts one output for two classes (a sigmoid classifier)', () => {
    const binary = { ...table, classNames: ['no', 'yes'] };
    expect(checkSpecFits(templateByName('mlp', { inputShape: [4], outputs: 1 }), binary, 'model.json')).toEqual({
      outputs: 1,
    });
  });

  it('names the file and the shapes when the input or the outputs do not fit', () => {
    expect(() => checkSpecFits(templateByName('mlp', { inputShape: [5], outputs: 3 }), table, 'model.json')).toThrow(
      "model.json: the model takes inputs of shape [5], but dataset 'flowers' has [4]",
    );
    expect(() => checkSpecFits(templateByName('mlp', { inputShape: [4], outputs: 2 }), table, 'model.json')).toThrow(
      "model.json: the model ends in [2] outputs, but dataset 'flowers' has 3 classes",
    );
  });

  it('names the file and the node of a spec that does not compile', () => {
    const spec = templateByName('mlp', { inputShape: [4], outputs: 3 });
    const broken = {
      ...spec,
      nodes: spec.nodes.map((n) => (n.op === 'dense' ? { ...n, params: { ...n.params, units: -1 } } : n)),
    };
    expect(() => checkSpecFits(broken, table, 'model.json')).toThrow(
      /^model\.json: Dense 'fc1': 'units' must be a whole number/,
    );
  });

  it("words a spec's problem in Chinese with the editor's words, its node named in Chinese", () => {
    const spec = templateByName('mlp', { inputShape: [4], outputs: 3 });
    const broken = {
      ...spec,
      nodes: spec.nodes.map((n) => (n.op === 'dense' ? { ...n, params: { ...n.params, units: -1 } } : n)),
    };
    let error: unknown;
    try {
      checkSpecFits(broken, table, 'model.json');
    } catch (thrown) {
      error = thrown;
    }
    expect(codedErrorText(error, 'zh')).toBe("model.json：全连接 'fc1'：'units' 必须是整数 (1 ≤ units)，实际是 -1。");
    expect(codedErrorText(error, 'en')).toBe((error as Error).message);
  });
});
