// analyze() on 200-node graphs: checks the results and prints the time (no timed assertion: machines differ).
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { chain, graph, type EdgeRow, type NodeRow } from './testSpecs';
import type { ModelSpec } from './types';

/** input -> (dense, relu) repeated, 200 nodes in all. */
function longChain(): ModelSpec {
  const nodes: NodeRow[] = [['in', 'input', { shape: [32] }]];
  for (let i = 1; i < 200; i++) nodes.push(i % 2 === 1 ? [`fc${i}`, 'dense', { units: 32 }] : [`act${i}`, 'relu']);
  return chain(nodes);
}

/** input -> stem, then residual blocks x -> dense -> relu -> dense -> add(x) -> relu, padded to 200 nodes. */
function residualTower(): ModelSpec {
  const nodes: NodeRow[] = [
    ['in', 'input', { shape: [32] }],
    ['stem', 'dense', { units: 32 }],
  ];
  const edges: EdgeRow[] = [['in', 'stem']];
  let x = 'stem';
  for (let b = 0; nodes.length + 5 <= 200; b++) {
    nodes.push(
      [`b${b}_fc1`, 'dense', { units: 32 }],
      [`b${b}_act1`, 'relu'],
      [`b${b}_fc2`, 'dense', { units: 32 }],
      [`b${b}_add`, 'add'],
      [`b${b}_act2`, 'relu'],
    );
    edges.push(
      [x, `b${b}_fc1`],
      [`b${b}_fc1`, `b${b}_act1`],
      [`b${b}_act1`, `b${b}_fc2`],
      [`b${b}_fc2`, `b${b}_add`, 0],
      [x, `b${b}_add`, 1],
      [`b${b}_add`, `b${b}_act2`],
    );
    x = `b${b}_act2`;
  }
  while (nodes.length < 200) {
    const id = `tail${nodes.length}`;
    nodes.push([id, 'identity']);
    edges.push([x, id]);
    x = id;
  }
  return graph(nodes, edges);
}

function timeIt(spec: ModelSpec): { firstMs: number; medianMs: number } {
  const start = performance.now();
  analyze(spec);
  const firstMs = performance.now() - start;
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    analyze(spec);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { firstMs, medianMs: times[times.length >> 1] };
}

describe('analyze speed on 200 nodes', () => {
  it.each([
    ['a 200-node chain', longChain],
    ['a 200-node residual tower', residualTower],
  ] as const)('%s', (what, build) => {
    const spec = build();
    expect(spec.nodes).toHaveLength(200);
    const analysis = analyze(spec);
    expect(analysis.problems).toEqual([]);
    expect(analysis.order).toHaveLength(200);
    expect(analysis.totalParams).toBe(spec.nodes.filter((n) => n.op === 'dense').length * (32 * 32 + 32));
    const { firstMs, medianMs } = timeIt(spec);
    console.log(`analyze(${what}): first call ${firstMs.toFixed(2)} ms, median of 50 ${medianMs.toFixed(3)} ms`);
  });
});
