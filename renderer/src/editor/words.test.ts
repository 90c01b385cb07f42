// The editor has words in English and Chinese for every layer kind (palette help, param labels and help) and for
// every problem analyze() can report, with every argument of the problem filled in.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../engine/core/spec/analyze';
import { LAYERS, OP_KINDS } from '../../../engine/core/spec/catalogue';
import { PROBLEM_CASES } from '../../../engine/core/spec/problemCases';
import { PROBLEM_REASONS } from '../../../engine/core/spec/problemReasons';
import { fillMessage } from '../../../engine/core/spec/problemText';
import type { ModelSpec, SpecNode, WarningCode } from '../../../engine/core/spec/types';
import { catalogueMessages } from './messages';
import { problemMessages, warningMessages } from './problemMessages';

// The locales (lib/i18n.svelte.ts holds runes, which run only in the compiled app).
const LOCALES = ['en', 'zh-CN'] as const;

describe('layer words', () => {
  it.each(OP_KINDS.map((kind) => [kind] as const))('%s has help and param words in every language', (kind) => {
    for (const locale of LOCALES) {
      const words = catalogueMessages[locale];
      expect(words[`layer.${kind}`]?.trim(), `${locale} layer.${kind}`).toBeTruthy();
      for (const param of LAYERS[kind].params) {
        expect(words[`param.${kind}.${param.name}`]?.trim(), `${locale} ${kind}.${param.name}`).toBeTruthy();
        expect(words[`param.${kind}.${param.name}.help`]?.trim(), `${locale} ${kind}.${param.name}.help`).toBeTruthy();
      }
    }
  });
});

describe('problem words', () => {
  it.each(PROBLEM_REASONS.map((reason) => [reason] as const))(
    '%s is worded in every language with all its arguments',
    (reason) => {
      const problems = analyze(PROBLEM_CASES[reason]).problems.filter((p) => p.reason === reason);
      expect(problems.length).toBeGreaterThan(0);
      for (const locale of LOCALES) {
        const text = problemMessages[locale][reason];
        expect(text?.trim(), `${locale} ${reason}`).toBeTruthy();
        for (const problem of problems)
          expect(fillMessage(text, problem.args), `${locale} ${reason}`).not.toMatch(/\{\w+\}/);
      }
      expect(problemMessages['zh-CN'][reason]).not.toBe(problemMessages.en[reason]);
    },
  );
});

/** input [4] -> the given layers in a chain: enough to set off each warning. */
function chain(...ops: string[]): ModelSpec {
  const nodes: SpecNode[] = [
    { id: 'input', op: 'input', params: { shape: [4] } },
    ...ops.map((op, i): SpecNode => ({ id: `n${i}`, op, params: op === 'dense' ? { units: 3 } : {} })),
  ];
  return { version: 1, nodes, edges: nodes.slice(1).map((node, i) => ({ from: nodes[i].id, to: node.id })) };
}

const WARNING_CASES: Record<WarningCode, { spec: ModelSpec; loss?: 'cross_entropy' | 'bce_with_logits' | 'mse' }> = {
  'softmax-before-loss': { spec: chain('dense', 'softmax') },
  'sigmoid-before-loss': { spec: chain('dense', 'sigmoid'), loss: 'bce_with_logits' },
  'dropout-at-output': { spec: chain('dense', 'dropout') },
  'scores-bounded': { spec: chain('dense', 'tanh') },
  'scores-floored': { spec: chain('dense', 'relu'), loss: 'bce_with_logits' },
  'predictions-bounded': { spec: chain('dense', 'sigmoid'), loss: 'mse' },
  'predictions-floored': { spec: chain('dense', 'softplus'), loss: 'mse' },
  'flatten-no-op': { spec: chain('flatten', 'dense') },
};

describe('warning words', () => {
  it.each(Object.keys(WARNING_CASES).map((code) => [code as WarningCode] as const))(
    '%s is worded in every language with the layer named',
    (code) => {
      const { spec, loss } = WARNING_CASES[code];
      const warnings = analyze(spec, { loss }).warnings.filter((w) => w.code === code);
      expect(warnings.length).toBeGreaterThan(0);
      for (const locale of LOCALES) {
        const text = fillMessage(warningMessages[locale][code], warnings[0].args);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text).toContain(warnings[0].args.node);
      }
      expect(warningMessages['zh-CN'][code]).not.toBe(warningMessages.en[code]);
    },
  );
});
