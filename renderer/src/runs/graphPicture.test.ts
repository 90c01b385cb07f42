// The run page's read-only graph: every node boxed with its layer and output shape, edges joining them, top to bottom.
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../../engine/core/spec/types';
import { layerName } from '../editor/layerName';
import { catalogueMessages } from '../editor/messages';
import { BOX, graphPicture } from './graphPicture';

const spec: ModelSpec = {
  version: 1,
  nodes: [
    { id: 'input', op: 'input', params: { shape: [2] } },
    { id: 'fc1', op: 'dense', params: { units: 16 } },
    { id: 'act', op: 'relu' },
    { id: 'out', op: 'dense', params: { units: 3 } },
  ],
  edges: [
    { from: 'input', to: 'fc1' },
    { from: 'fc1', to: 'act' },
    { from: 'act', to: 'out' },
  ],
};

describe('graphPicture', () => {
  it('boxes each node with its layer, main setting and output shape, inputs at the top', () => {
    const picture = graphPicture(spec);
    const byId = Object.fromEntries(picture.boxes.map((b) => [b.id, b]));
    expect(byId.fc1.title).toBe('Dense(16)');
    expect(byId.fc1.shape).toBe('[16]');
    expect(byId.out.shape).toBe('[3]');
    expect(byId.input.y).toBeLessThan(byId.fc1.y);
    expect(byId.act.y).toBeLessThan(byId.out.y);
    expect(picture.totalParams).toBe(2 * 16 + 16 + 16 * 3 + 3);
  });

  it('joins boxes bottom to top and fits them all in its width and height', () => {
    const picture = graphPicture(spec);
    expect(picture.edges).toHaveLength(3);
    for (const e of picture.edges) expect(e.y2).toBeGreaterThan(e.y1);
    for (const b of picture.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + BOX.width).toBeLessThanOrEqual(picture.width);
      expect(b.y + BOX.height).toBeLessThanOrEqual(picture.height);
    }
  });

  it('shows "?" for the shape of a node the graph cannot size', () => {
    const broken: ModelSpec = { ...spec, edges: spec.edges.slice(1) };
    expect(graphPicture(broken).boxes.find((b) => b.id === 'fc1')!.shape).toBe('?');
  });

  it('names layer kinds in the language it is given, as the editor does', () => {
    const picture = graphPicture(spec, (op) => layerName(op, (key) => catalogueMessages['zh-CN'][key]));
    expect(picture.boxes.find((b) => b.id === 'fc1')!.title).toBe('全连接(16)');
  });
});
