// The canvas's nodes and edges from the spec and back: families, handles, reuse, and accessible names in the
// user's language.
import { describe, expect, it } from 'vitest';
import { LAYERS, OP_KINDS } from '../../../engine/core/spec/catalogue';
import { analyze } from '../../../engine/core/spec/analyze';
import { fillMessage } from '../../../engine/core/spec/problemText';
import { TEMPLATES } from '../../../engine/core/spec/templates';
import { edgeOfConnection, flowToSpec, specToFlow } from './flow';
import { layerName, withLayerName } from './layerName';
import { catalogueMessages } from './messages';
import { problemMessages } from './problemMessages';
import { setParam, setTrainable } from './ops';

describe('spec ↔ flow conversion', () => {
  for (const template of TEMPLATES) {
    it(`round-trips the ${template.name} template`, () => {
      const spec = template.build();
      const { nodes, edges } = specToFlow(spec);
      expect(flowToSpec(nodes, edges, spec)).toEqual(spec);
    });
  }

  it('keeps a frozen layer frozen through the canvas, and unfreezing leaves the default out of the spec', () => {
    const spec = setTrainable(TEMPLATES[0].build(), 'fc1', false);
    expect(spec.nodes.find((n) => n.id === 'fc1')!.trainable).toBe(false);
    const { nodes, edges } = specToFlow(spec);
    expect(flowToSpec(nodes, edges, spec)).toEqual(spec);
    const thawed = setTrainable(spec, 'fc1', true);
    expect('trainable' in thawed.nodes.find((n) => n.id === 'fc1')!).toBe(false);
  });

  it('gives nodes their family, accessible name and merge handles', () => {
    const spec = TEMPLATES.find((t) => t.name === 'residual')!.build();
    const { nodes, edges } = specToFlow(spec);
    expect(nodes[0]).toMatchObject({ type: 'entry', ariaLabel: 'Input input' });
    const merge = nodes.find((n) => n.data.op === 'add')!;
    expect(merge.type).toBe('merge');
    expect(
      edges
        .filter((e) => e.target === merge.id)
        .map((e) => e.targetHandle)
        .sort(),
    ).toEqual(['in0', 'in1']);
  });

  it('reuses unchanged nodes and keeps the selection', () => {
    const spec = TEMPLATES[0].build();
    const first = specToFlow(spec, { select: new Set(['fc1']) });
    const edited = setParam(spec, 'fc2', 'units', 5);
    const second = specToFlow(edited, { previous: first });
    expect(second.nodes[0]).toBe(first.nodes[0]);
    const fc2 = second.nodes.findIndex((n) => n.id === 'fc2');
    expect(second.nodes[fc2]).not.toBe(first.nodes[fc2]);
    expect(second.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['fc1']);
  });

  it('reads the port of a drawn connection from the target handle', () => {
    expect(edgeOfConnection({ source: 'a', target: 'm', targetHandle: 'in1' })).toEqual({
      from: 'a',
      to: 'm',
      toPort: 1,
    });
    expect(edgeOfConnection({ source: 'a', target: 'b', targetHandle: 'in' })).toEqual({ from: 'a', to: 'b' });
  });

  it('names nodes and edges in Chinese, and renames reused ones when the language changes', () => {
    const spec = TEMPLATES.find((t) => t.name === 'small-cnn')!.build();
    const english = specToFlow(spec);
    const chinese = specToFlow(spec, { previous: english, locale: 'zh-CN' });
    const pool = spec.nodes.find((n) => n.op === 'globalavgpool2d' || n.op === 'maxpool2d')!;
    const poolNode = chinese.nodes.find((n) => n.id === pool.id)!;
    expect(poolNode.ariaLabel).toBe(`${pool.op === 'maxpool2d' ? '最大池化' : '全局平均池化'} ${pool.id}`);
    expect(poolNode).not.toBe(english.nodes.find((n) => n.id === pool.id));
    const [first] = spec.edges;
    expect(chinese.edges[0].ariaLabel).toBe(`从 ${first.from} 到 ${first.to} 的连接`);
    expect(chinese.edges[0].domAttributes).toEqual({ 'aria-roledescription': '连接' });
    // A ReLU is named alike in both languages; what a screen reader calls it is not.
    const relu = chinese.nodes.find((n) => n.data.op === 'relu')!;
    expect(relu.ariaLabel).toBe(english.nodes.find((n) => n.id === relu.id)!.ariaLabel);
    expect(relu.domAttributes).toEqual({ 'aria-roledescription': '层' });
    expect(english.edges[0].ariaLabel).toBe(`Edge from ${first.from} to ${first.to}`);
    // Back to English: the labels follow again.
    expect(specToFlow(spec, { previous: chinese }).nodes[0].ariaLabel).toBe(english.nodes[0].ariaLabel);
  });
});

describe('layer names', () => {
  const zh = (key: string) => catalogueMessages['zh-CN'][key];

  it('names layers as Chinese courses do, and keeps the terms they keep', () => {
    expect(layerName('globalavgpool2d', zh)).toBe('全局平均池化');
    expect(layerName('batchnorm2d', zh)).toContain('批归一化');
    expect(layerName('dense', zh)).toBe('全连接');
    expect(layerName('dropout', zh)).toBe('Dropout');
    expect(layerName('onnx:Softplus', zh)).toBe('ONNX Softplus');
  });

  it('keeps every layer’s English name, the catalogue’s own (specs, exports and the CLI use it too)', () => {
    for (const kind of OP_KINDS) expect(layerName(kind, (key) => catalogueMessages.en[key])).toBe(LAYERS[kind].name);
  });

  it('names a problem’s node in Chinese, and leaves values of no node alone', () => {
    const spec = setParam(TEMPLATES[0].build(), 'fc1', 'units', 0);
    const problem = analyze(spec).problems.find((p) => p.nodeId === 'fc1')!;
    expect(problem.args.node).toBe("Dense 'fc1'");
    const args = withLayerName(
      problem.args,
      spec.nodes.find((n) => n.id === 'fc1'),
      zh,
    );
    expect(fillMessage(problemMessages['zh-CN'][problem.reason], args)).toContain("全连接 'fc1'");
    expect(withLayerName({ count: 2 }, spec.nodes[0], zh)).toEqual({ count: 2 });
    expect(withLayerName(problem.args, undefined, zh)).toBe(problem.args);
  });
});
