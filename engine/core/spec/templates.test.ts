// Every template builds a valid model laid out top to bottom; options change input and output sizes.
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { TEMPLATES, TEMPLATE_NAMES, dropoutDemo, mlp, templateByName } from './templates';

describe('templates', () => {
  it('has the nine names the CLI knows', () => {
    expect([...TEMPLATE_NAMES].sort()).toEqual([
      'aspp-cnn',
      'dropout-demo',
      'dropout-demo-plain',
      'lenet',
      'mlp',
      'mobile-cnn',
      'residual',
      'small-cnn',
      'vgg-small',
    ]);
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))('%s analyses without problems or warnings', (_name, template) => {
    const spec = template.build();
    const analysis = analyze(spec, { loss: template.name.startsWith('dropout-demo') ? 'mse' : 'cross_entropy' });
    expect(analysis.problems).toEqual([]);
    expect(analysis.warnings).toEqual([]);
    expect(spec.name).toBe(template.name);
    expect(spec.description?.length).toBeGreaterThan(20);
    expect(template.description.length).toBeGreaterThan(20);
    expect(analysis.nodes[analysis.inputId!].outputShape).toEqual(template.defaults.inputShape);
    expect(analysis.nodes[analysis.outputId!].outputShape).toEqual([template.defaults.outputs]);
    expect(analysis.order).toHaveLength(spec.nodes.length);
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))(
    '%s is laid out top to bottom: every connection points down',
    (_name, template) => {
      const spec = template.build();
      const at = new Map(spec.nodes.map((n) => [n.id, n.position!]));
      for (const edge of spec.edges)
        expect(at.get(edge.to)!.y, `${edge.from} -> ${edge.to}`).toBeGreaterThan(at.get(edge.from)!.y);
      const spots = new Set(spec.nodes.map((n) => `${n.position!.x},${n.position!.y}`));
      expect(spots.size).toBe(spec.nodes.length);
    },
  );

  it('lenet has 61,706 parameters and small-cnn 69,738 (no conv bias before batch norm)', () => {
    expect(analyze(templateByName('lenet')).totalParams).toBe(61706);
    // conv 864 + 9216 + 18432, batch norm 64 + 64 + 128, dense 4096 * 10 + 10
    expect(analyze(templateByName('small-cnn')).totalParams).toBe(864 + 9216 + 18432 + 64 + 64 + 128 + 40970);
  });

  it('builds an mlp of the requested widths, flattening an image input', () => {
    const spec = mlp(4, 3, [16]);
    expect(spec.nodes.map((n) => n.op)).toEqual(['input', 'dense', 'relu', 'dense']);
    expect(analyze(spec).totalParams).toBe(4 * 16 + 16 + 16 * 3 + 3);
    const images = templateByName('mlp', { inputShape: [1, 28, 28], outputs: 10 });
    expect(images.nodes.map((n) => n.op)).toEqual(['input', 'flatten', 'dense', 'relu', 'dense', 'relu', 'dense']);
    expect(analyze(images).totalParams).toBe(784 * 64 + 64 + 64 * 64 + 64 + 64 * 10 + 10);
  });

  it('passes inputShape and outputs through templateByName', () => {
    const spec = templateByName('small-cnn', { inputShape: [1, 28, 28], outputs: 7 });
    const analysis = analyze(spec);
    expect(analysis.ok).toBe(true);
    expect(analysis.nodes.flatten.outputShape).toEqual([64 * 7 * 7]);
    expect(analysis.nodes[analysis.outputId!].outputShape).toEqual([7]);
    expect(analyze(templateByName('residual', { outputs: 4 })).nodes.fc.outputShape).toEqual([4]);
  });

  it('wires the residual block: add takes the block output and the skip from the stem', () => {
    const analysis = analyze(templateByName('residual'));
    expect(analysis.nodes.add.inputs).toEqual(['block_bn2', 'stem_relu']);
    expect(analysis.nodes.add.outputShape).toEqual([16, 32, 32]);
  });

  it('wires the atrous pyramid: three rates side by side on one map, joined by two concats (28,250 parameters)', () => {
    const spec = templateByName('aspp-cnn');
    const analysis = analyze(spec);
    const branches = ['aspp_1x1', 'aspp_rate2', 'aspp_rate4'];
    const params = branches.map((id) => spec.nodes.find((n) => n.id === id)!.params);
    expect(params.map((p) => [p!.kernelSize, p!.dilation ?? 1, p!.padding ?? 0])).toEqual([
      [1, 1, 0],
      [3, 2, 2],
      [3, 4, 4],
    ]);
    for (const id of branches) {
      expect(analysis.nodes[id].inputs).toEqual(['conv2_relu']);
      expect(analysis.nodes[id].outputShape).toEqual([32, 16, 16]);
    }
    const at = (id: string) => spec.nodes.find((n) => n.id === id)!.position!;
    expect(new Set(branches.map((id) => at(id).y)).size).toBe(1);
    expect(new Set(branches.map((id) => at(id).x)).size).toBe(3);
    expect(analysis.nodes.concat_1x1_rate2.inputs).toEqual(['aspp_1x1_relu', 'aspp_rate2_relu']);
    expect(analysis.nodes.concat_all.inputs).toEqual(['concat_1x1_rate2', 'aspp_rate4_relu']);
    expect(analysis.nodes.concat_all.outputShape).toEqual([96, 16, 16]);
    // conv 432 + 4608 + 1024 + 2 * 9216 + 3072, six batch norms 32 + 5 * 64, dense 32 * 10 + 10
    expect(analysis.totalParams).toBe(432 + 4608 + 1024 + 2 * 9216 + 3072 + 32 + 5 * 64 + 330);
  });

  it('dropout-demo puts dropout 0.5 after each hidden layer and has the same weights as the plain one', () => {
    const withDropout = dropoutDemo(true);
    const plain = dropoutDemo(false);
    expect(withDropout.nodes.map((n) => n.op)).toEqual([
      'input',
      'dense',
      'relu',
      'dropout',
      'dense',
      'relu',
      'dropout',
      'dense',
    ]);
    expect(withDropout.nodes.filter((n) => n.op === 'dropout').every((n) => n.params?.p === 0.5)).toBe(true);
    expect(plain.nodes.map((n) => n.op)).toEqual(['input', 'dense', 'relu', 'dense', 'relu', 'dense']);
    const count = 1 * 200 + 200 + 200 * 200 + 200 + 200 * 1 + 1;
    expect(analyze(withDropout).totalParams).toBe(count);
    expect(analyze(plain).totalParams).toBe(count);
  });

  it('refuses unknown names and unusable options with a clear message', () => {
    expect(() => templateByName('resnet50')).toThrow(/no model template 'resnet50': choose one of mlp, lenet/);
    expect(() => templateByName('lenet', { inputShape: [784] })).toThrow(/lenet.*\[channels, height, width\]/);
    expect(() => templateByName('mlp', { outputs: 0 })).toThrow(/outputs must be a positive whole number/);
    expect(() => templateByName('dropout-demo', { inputShape: [1, 8, 8] })).toThrow(/\[features\]/);
    expect(() => mlp(4, 2, [16, 0])).toThrow(/hidden layer width/);
  });

  it('builds a fresh spec each time (editing one never changes another)', () => {
    const a = templateByName('lenet');
    (a.nodes[0].params!.shape as number[])[0] = 3;
    expect(templateByName('lenet').nodes[0].params!.shape).toEqual([1, 28, 28]);
  });
});
