import { describe, expect, it } from 'vitest';
import { lenet } from '../../../engine/core/spec/templates';
import { copyNodes, pasteNodes } from './clipboard';

describe('copy and paste', () => {
  it('pastes under fresh unique ids, moved by the offset, keeping the edges between the copied nodes', () => {
    const spec = lenet();
    const clip = copyNodes(spec, ['conv1', 'relu1', 'pool1']);
    expect(clip.edges).toEqual([
      { from: 'conv1', to: 'relu1' },
      { from: 'relu1', to: 'pool1' },
    ]);
    const { spec: pasted, ids } = pasteNodes(spec, clip, { x: 40, y: 30 });

    const allIds = pasted.nodes.map((n) => n.id);
    expect(new Set(allIds).size).toBe(allIds.length);
    expect(ids.some((id) => spec.nodes.some((n) => n.id === id))).toBe(false);
    const [conv, relu, pool] = ids.map((id) => pasted.nodes.find((n) => n.id === id)!);
    expect([conv.op, relu.op, pool.op]).toEqual(['conv2d', 'relu', 'maxpool2d']);
    expect(conv.params).toEqual(spec.nodes[1].params);
    expect(conv.position).toEqual({ x: spec.nodes[1].position!.x + 40, y: spec.nodes[1].position!.y + 30 });
    expect(pasted.edges.slice(spec.edges.length)).toEqual([
      { from: conv.id, to: relu.id },
      { from: relu.id, to: pool.id },
    ]);
  });

  it('leaves out edges to nodes outside the copy', () => {
    const clip = copyNodes(lenet(), ['relu1']);
    expect(clip.edges).toEqual([]);
  });

  it('gives each paste of the same clipboard new ids', () => {
    const spec = lenet();
    const clip = copyNodes(spec, ['fc1']);
    const once = pasteNodes(spec, clip, { x: 0, y: 0 });
    const twice = pasteNodes(once.spec, clip, { x: 0, y: 0 });
    expect(once.ids[0]).not.toBe(twice.ids[0]);
  });

  it('does not share params between the copy and the original', () => {
    const spec = lenet();
    const { spec: pasted, ids } = pasteNodes(spec, copyNodes(spec, ['input']), { x: 0, y: 0 });
    const copy = pasted.nodes.find((n) => n.id === ids[0])!;
    expect(copy.params).not.toBe(spec.nodes[0].params);
    expect(copy.params).toEqual(spec.nodes[0].params);
  });
});
