// Refusals to start a run map to their message (in both languages, with the parameters the main process sends);
// anything else keeps the studio's own message.
import { describe, expect, it } from 'vitest';
import { trainMessages } from './messages';
import { refusalKey } from './refusals';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('refusalKey', () => {
  it('names the memory refusal, worded with the node and the sizes main sends', () => {
    const key = refusalKey('model-too-large', {
      nodeId: 'fc1',
      node: '20.1 GB',
      estimate: '23.5 GB',
      available: '19.0 GB',
    })!;
    expect(placeholders(trainMessages.en[key])).toEqual(['available', 'estimate', 'node', 'nodeId']);
    expect(placeholders(trainMessages['zh-CN'][key])).toEqual(['available', 'estimate', 'node', 'nodeId']);
  });

  it('names a setting out of range, worded with the setting and its range', () => {
    const key = refusalKey('setting-out-of-range', { setting: 'batchSize', value: '0', min: 1, max: 65536 })!;
    expect(placeholders(trainMessages.en[key])).toEqual(['max', 'min', 'setting', 'value']);
  });

  it('says how the graph does not fit the dataset, with the sizes main sends', () => {
    const input = refusalKey('input-mismatch', { nodeId: 'input', model: '5', data: '2', dataset: 'spirals' })!;
    expect(placeholders(trainMessages['zh-CN'][input])).toEqual(['data', 'dataset', 'model']);
    const output = refusalKey('output-mismatch', { nodeId: 'fc3', units: 3, needed: 2, dataset: 'spirals' })!;
    expect(placeholders(trainMessages.en[output])).toEqual(['dataset', 'needed', 'nodeId', 'units']);
  });

  it('says every layer is frozen, with how many layers main counted', () => {
    const key = refusalKey('all-frozen', { layers: 3 })!;
    expect(placeholders(trainMessages.en[key])).toEqual(['layers']);
    expect(placeholders(trainMessages['zh-CN'][key])).toEqual(['layers']);
  });

  it('leaves other errors alone', () => {
    expect(refusalKey('not-found', { id: 'x' })).toBeNull();
    expect(refusalKey('busy', undefined)).toBeNull();
  });
});
