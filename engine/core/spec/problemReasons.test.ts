// Every problem reason is one analyze() really gives, with the arguments its English wording needs.
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { PROBLEM_CASES } from './problemCases';
import { PROBLEM_REASONS } from './problemReasons';
import { PROBLEM_ENGLISH, problemText } from './problemText';

describe('problem reasons', () => {
  it.each(PROBLEM_REASONS.map((reason) => [reason] as const))(
    '%s: analyze gives it, and its English fills every argument',
    (reason) => {
      const found = analyze(PROBLEM_CASES[reason]).problems.filter((p) => p.reason === reason);
      expect(found.length, `problems: ${JSON.stringify(analyze(PROBLEM_CASES[reason]).problems)}`).toBeGreaterThan(0);
      for (const problem of found) {
        const text = problemText(problem);
        expect(text).not.toMatch(/\{\w+\}/);
        if (problem.nodeId !== null) expect(text).toContain(problem.nodeId);
      }
    },
  );

  it('words every reason in English and no reason it does not give', () => {
    expect(Object.keys(PROBLEM_ENGLISH).sort()).toEqual([...PROBLEM_REASONS].sort());
  });

  it('gives arguments as data, not sentences: node names, ids, shapes and values', () => {
    const [problem] = analyze(PROBLEM_CASES['needs-vector']).problems;
    expect(problem).toEqual({
      nodeId: 'fc',
      code: 'shape-mismatch',
      reason: 'needs-vector',
      args: { node: "Dense 'fc'", shape: '[1, 8, 8]' },
    });
    const [bad] = analyze(PROBLEM_CASES['param-not-int']).problems;
    expect(bad).toEqual({
      nodeId: 'layer',
      code: 'bad-param',
      reason: 'param-not-int',
      args: { node: "Dense 'layer'", param: 'units', value: '0', range: ' (1 ≤ units)', choices: '', lengths: '' },
    });
  });
});
