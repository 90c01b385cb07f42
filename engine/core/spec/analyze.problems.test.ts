// Every problem code, each on a small graph, reported on the node that causes it and only there.
import { describe, expect, it } from 'vitest';
import { problemText } from './problemText';
import { analyze } from './analyze';
import { chain, graph } from './testSpecs';
import type { ModelSpec, ProblemCode } from './types';

const VECTOR = { shape: [4] };

/** The problems of a spec as [code, nodeId] pairs. */
function problemsOf(spec: ModelSpec): [ProblemCode, string | null][] {
  return analyze(spec).problems.map((p) => [p.code, p.nodeId]);
}

/** One case per code; the compiler makes sure no code is left out. */
const CASES: Record<ProblemCode, { spec: ModelSpec; expected: [ProblemCode, string | null][] }> = {
  'bad-version': {
    spec: {
      ...chain([
        ['in', 'input', VECTOR],
        ['fc', 'dense'],
      ]),
      version: 2,
    },
    expected: [['bad-version', null]],
  },
  'duplicate-id': {
    spec: graph(
      [
        ['in', 'input', VECTOR],
        ['fc', 'dense'],
        ['fc', 'relu'],
      ],
      [['in', 'fc']],
    ),
    expected: [['duplicate-id', 'fc']],
  },
  'dangling-edge': {
    spec: graph(
      [
        ['in', 'input', VECTOR],
        ['fc', 'dense'],
      ],
      [
        ['in', 'fc'],
        ['fc', 'ghost'],
      ],
    ),
    expected: [['dangling-edge', 'fc']],
  },
  'unknown-op': {
    spec: chain([
      ['in', 'input', VECTOR],
      ['rnn', 'lstm'],
      ['fc', 'dense'],
    ]),
    expected: [['unknown-op', 'rnn']],
  },
  'bad-param': {
    spec: chain([
      ['in', 'input', VECTOR],
      ['fc1', 'dense', { units: -3 }],
      ['fc2', 'dense'],
    ]),
    expected: [['bad-param', 'fc1']],
  },
  'no-input': {
    spec: chain([
      ['fc1', 'dense'],
      ['fc2', 'dense'],
    ]),
    expected: [
      ['no-input', null],
      ['missing-input', 'fc1'],
    ],
  },
  'multiple-inputs': {
    spec: graph(
      [
        ['in', 'input', VECTOR],
        ['in2', 'input', VECTOR],
        ['fc', 'dense'],
      ],
      [['in', 'fc']],
    ),
    expected: [['multiple-inputs', 'in2']],
  },
  'missing-input': {
    spec: graph(
      [
        ['in', 'input', VECTOR],
        ['fc1', 'dense'],
        ['sum', 'add'],
      ],
      [
        ['in', 'fc1'],
        ['fc1', 'sum'],
      ],
    ),
    expected: [['missing-input', 'sum']],
  },
  'too-many-inputs': {
    spec: graph(
      [
        ['in', 'input', VECTOR],
        ['a', 'dense'],
        ['b', 'dense'],
        ['fc', 'dense'],
      ],
      [
        ['in', 'a'],
        ['in', 'b'],
        ['a', 'fc'],
        ['b', 'fc'],
      ],
    ),
    expected: [['too-many-inputs', 'fc']],
  },
  cycle: {
    spec: graph(
      [
        ['in', 'input', VECTOR],
        ['sum', 'add'],
        ['fc', 'dense', { units: 4 }],
        ['act', 'relu'],
        ['out', 'dense'],
      ],
      [
        ['in', 'sum', 0],
        ['act', 'sum', 1],
        ['sum', 'fc'],
        ['fc', 'act'],
        ['act', 'out'],
      ],
    ),
    expected: [
      ['cycle', 'sum'],
      ['cycle', 'fc'],
      ['cycle', 'act'],
    ],
  },
  'shape-mismatch': {
    spec: chain([
      ['in', 'input', { shape: [1, 28, 28] }],
      ['fc1', 'dense'],
      ['fc2', 'dense'],
    ]),
    expected: [['shape-mismatch', 'fc1']],
  },
  'kernel-too-large': {
    spec: chain([
      ['in', 'input', { shape: [1, 3, 3] }],
      ['conv', 'conv2d', { kernelSize: 5 }],
      ['flat', 'flatten'],
    ]),
    expected: [['kernel-too-large', 'conv']],
  },
  'no-output': {
    spec: graph([['in', 'input', VECTOR]], []),
    expected: [['no-output', 'in']],
  },
  'multiple-outputs': {
    spec: graph(
      [
        ['in', 'input', VECTOR],
        ['fc1', 'dense'],
        ['act', 'relu'],
        ['fc2', 'dense'],
        ['probe', 'sigmoid'],
      ],
      [
        ['in', 'fc1'],
        ['fc1', 'act'],
        ['act', 'fc2'],
        ['fc1', 'probe'],
      ],
    ),
    expected: [['multiple-outputs', 'probe']],
  },
  unreachable: {
    spec: graph(
      [
        ['in', 'input', VECTOR],
        ['fc', 'dense'],
        ['orphan', 'dense'],
        ['after', 'relu'],
      ],
      [
        ['in', 'fc'],
        ['orphan', 'after'],
      ],
    ),
    expected: [
      ['missing-input', 'orphan'],
      ['unreachable', 'after'],
    ],
  },
  'bad-port': {
    spec: graph(
      [
        ['in', 'input', VECTOR],
        ['a', 'dense', { units: 4 }],
        ['cat', 'concat'],
        ['fc', 'dense'],
      ],
      [
        ['in', 'a'],
        ['in', 'cat', 0],
        ['a', 'cat', 0],
        ['cat', 'fc'],
      ],
    ),
    expected: [['bad-port', 'cat']],
  },
  'bad-id': {
    spec: chain([
      ['in', 'input', VECTOR],
      ['fc.1', 'dense'],
    ]),
    expected: [['bad-id', 'fc.1']],
  },
  'onnx-unsupported': {
    // An imported node Netwright cannot run breaks the chain: the dense layer after it gets no shape and no complaint.
    spec: chain([
      ['in', 'input', VECTOR],
      ['selu1', 'onnx:Selu', { reason: 'onnx-unsupported-op', opset: 17 }],
      ['fc', 'dense'],
    ]),
    expected: [['onnx-unsupported', 'selu1']],
  },
  malformed: {
    spec: { version: 1, nodes: [{ id: 'in', op: 'input' }, 'fc' as never], edges: [] },
    expected: [
      ['malformed', null],
      ['no-output', 'in'],
    ],
  },
};

describe('analyze: problem codes', () => {
  it.each(Object.entries(CASES))('reports %s on the node that causes it', (_code, { spec, expected }) => {
    expect(problemsOf(spec)).toEqual(expected);
    expect(analyze(spec).ok).toBe(false);
  });

  it('gives each problem a sentence that names the node', () => {
    for (const { spec } of Object.values(CASES)) {
      for (const problem of analyze(spec).problems) {
        expect(problemText(problem).length).toBeGreaterThan(20);
        if (problem.nodeId !== null) expect(problemText(problem)).toContain(`'${problem.nodeId}'`);
      }
    }
  });
});

describe('analyze: structure', () => {
  it('reports a dangling edge on its existing end and does not also call the target input-less', () => {
    const into = graph(
      [
        ['in', 'input', VECTOR],
        ['fc', 'dense'],
      ],
      [['ghost', 'fc']],
    );
    expect(problemsOf(into)).toEqual([
      ['dangling-edge', 'fc'],
      ['no-output', 'in'],
    ]);
    const neither = graph(
      [
        ['in', 'input', VECTOR],
        ['fc', 'dense'],
      ],
      [
        ['in', 'fc'],
        ['ghost', 'phantom'],
      ],
    );
    expect(problemsOf(neither)).toEqual([['dangling-edge', null]]);
  });

  it('says which node a duplicate id clashes with and keeps the first', () => {
    const spec = graph(
      [
        ['in', 'input', VECTOR],
        ['fc', 'dense', { units: 3 }],
        ['fc', 'relu'],
      ],
      [['in', 'fc']],
    );
    const analysis = analyze(spec);
    expect(problemText(analysis.problems[0])).toContain("Dense 'fc'");
    expect(problemText(analysis.problems[0])).toContain("ReLU 'fc'");
    expect(analysis.nodes.fc.outputShape).toEqual([3]);
  });

  it('names a labelled node by its label and its id', () => {
    const spec = chain([
      ['in', 'input', { shape: [1, 4, 4] }],
      ['fc1', 'dense'],
    ]);
    spec.nodes[1].label = 'Hidden layer';
    expect(problemText(analyze(spec).problems[0])).toMatch(
      /^Dense 'Hidden layer' \(fc1\) needs a feature vector but gets \[1, 4, 4\]/,
    );
  });

  it('takes no incoming connection into the input', () => {
    const spec = graph(
      [
        ['in', 'input', VECTOR],
        ['fc', 'dense'],
      ],
      [
        ['in', 'fc'],
        ['fc', 'in'],
      ],
    );
    const problems = problemsOf(spec);
    expect(problems).toContainEqual(['too-many-inputs', 'in']);
  });

  it('names the nodes of a cycle in order', () => {
    const spec = CASES.cycle.spec;
    const message = problemText(analyze(spec).problems[0]);
    expect(message).toContain('sum → fc → act → sum');
  });

  it('finds a self-loop and a cycle not connected to the input', () => {
    const self = graph(
      [
        ['in', 'input', VECTOR],
        ['sum', 'add'],
        ['fc', 'dense'],
      ],
      [
        ['in', 'sum'],
        ['sum', 'sum'],
        ['sum', 'fc'],
      ],
    );
    expect(problemsOf(self)).toEqual([['cycle', 'sum']]);
    expect(problemText(analyze(self).problems[0])).toContain('sum → sum');
    const island = graph(
      [
        ['in', 'input', VECTOR],
        ['fc', 'dense'],
        ['a', 'relu'],
        ['b', 'relu'],
        ['c', 'relu'],
      ],
      [
        ['in', 'fc'],
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'c'],
      ],
    );
    expect(problemsOf(island)).toEqual([
      ['cycle', 'a'],
      ['cycle', 'b'],
      ['unreachable', 'c'],
    ]);
  });

  it('reports each extra output and picks the deepest sink as the output', () => {
    const spec = graph(
      [
        ['in', 'input', VECTOR],
        ['fc1', 'dense'],
        ['side1', 'relu'],
        ['fc2', 'dense'],
        ['side2', 'tanh'],
        ['fc3', 'dense'],
      ],
      [
        ['in', 'fc1'],
        ['fc1', 'side1'],
        ['fc1', 'fc2'],
        ['fc2', 'side2'],
        ['fc2', 'fc3'],
      ],
    );
    const analysis = analyze(spec);
    expect(analysis.outputId).toBe('fc3');
    expect(problemsOf(spec)).toEqual([
      ['multiple-outputs', 'side1'],
      ['multiple-outputs', 'side2'],
    ]);
    expect(problemText(analysis.problems[0])).toContain("'fc3'");
    // Shapes are still inferred for every branch.
    expect(analysis.nodes.side1.outputShape).toEqual([64]);
  });

  it('orders two-input nodes by toPort, or by edge order without ports', () => {
    const nodes: [string, string, Record<string, number[] | number>?][] = [
      ['in', 'input', VECTOR],
      ['a', 'dense', { units: 2 }],
      ['b', 'dense', { units: 3 }],
      ['cat', 'concat'],
    ];
    const byPort = analyze(
      graph(nodes, [
        ['in', 'a'],
        ['in', 'b'],
        ['b', 'cat', 1],
        ['a', 'cat', 0],
      ]),
    );
    expect(byPort.nodes.cat.inputs).toEqual(['a', 'b']);
    const byOrder = analyze(
      graph(nodes, [
        ['in', 'a'],
        ['in', 'b'],
        ['b', 'cat'],
        ['a', 'cat'],
      ]),
    );
    expect(byOrder.nodes.cat.inputs).toEqual(['b', 'a']);
    expect(byOrder.nodes.cat.outputShape).toEqual([5]);
  });

  it('rejects ports given on only one edge, out of range, or on a one-input layer', () => {
    const nodes: [string, string, Record<string, number[]>?][] = [
      ['in', 'input', VECTOR],
      ['a', 'relu'],
      ['sum', 'add'],
    ];
    expect(
      problemsOf(
        graph(nodes, [
          ['in', 'a'],
          ['in', 'sum', 1],
          ['a', 'sum'],
        ]),
      ),
    ).toEqual([['bad-port', 'sum']]);
    expect(
      problemsOf(
        graph(nodes, [
          ['in', 'a'],
          ['in', 'sum', 0],
          ['a', 'sum', 2],
        ]),
      ),
    ).toEqual([['bad-port', 'sum']]);
    const oneInput = graph(
      [
        ['in', 'input', VECTOR],
        ['fc', 'dense'],
      ],
      [['in', 'fc', 1]],
    );
    expect(problemsOf(oneInput)).toEqual([['bad-port', 'fc']]);
  });

  it('lets one tensor feed both slots of an add (x + x)', () => {
    const spec = graph(
      [
        ['in', 'input', VECTOR],
        ['sum', 'add'],
      ],
      [
        ['in', 'sum'],
        ['in', 'sum'],
      ],
    );
    const analysis = analyze(spec);
    expect(analysis.ok).toBe(true);
    expect(analysis.nodes.sum.inputs).toEqual(['in', 'in']);
  });

  it('is not fooled by ids that are names of Object properties', () => {
    const spec = chain([
      ['in', 'input', VECTOR],
      ['__proto__', 'dense', { units: 2 }],
      ['constructor', 'relu'],
    ]);
    const analysis = analyze(spec);
    expect(analysis.ok).toBe(true);
    expect(analysis.nodes['__proto__'].outputShape).toEqual([2]);
    const constructorId: string = 'constructor';
    expect(analysis.nodes[constructorId].outputShape).toEqual([2]);
  });

  it('survives a document that is not a model', () => {
    expect(problemsOf(null as unknown as ModelSpec)).toEqual([['malformed', null]]);
    expect(problemsOf({ version: 1 } as unknown as ModelSpec)).toEqual([
      ['malformed', null],
      ['malformed', null],
      ['no-input', null],
    ]);
  });
});

describe('analyze: errors propagate without repeating', () => {
  it('gives downstream nodes of a broken node no shape and no complaint of their own', () => {
    const spec = chain([
      ['in', 'input', { shape: [10] }],
      ['conv', 'conv2d'],
      ['act', 'relu'],
      ['pool', 'maxpool2d'],
      ['fc', 'dense'],
    ]);
    const analysis = analyze(spec);
    expect(problemsOf(spec)).toEqual([['shape-mismatch', 'conv']]);
    for (const id of ['conv', 'act', 'pool', 'fc']) expect(analysis.nodes[id].outputShape, id).toBeNull();
    expect(analysis.nodes.in.outputShape).toEqual([10]);
    expect(analysis.order).toEqual(['in', 'conv', 'act', 'pool', 'fc']);
  });

  it('still checks an independent branch when another branch is broken', () => {
    const spec = graph(
      [
        ['in', 'input', { shape: [3, 8, 8] }],
        ['bad', 'dense'],
        ['conv', 'conv2d', { filters: 4 }],
        ['bn', 'batchnorm1d'],
        ['cat', 'concat'],
      ],
      [
        ['in', 'bad'],
        ['in', 'conv'],
        ['conv', 'bn'],
        ['bad', 'cat'],
        ['bn', 'cat'],
      ],
    );
    expect(problemsOf(spec)).toEqual([
      ['shape-mismatch', 'bad'],
      ['shape-mismatch', 'bn'],
    ]);
    expect(analyze(spec).nodes.cat.outputShape).toBeNull();
  });
});
