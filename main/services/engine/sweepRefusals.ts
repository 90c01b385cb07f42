// Why a group of runs (seeds, sweep) is refused before anything is created: the sweep problem's code and parameters
// for the renderer's tables, and an English sentence naming the setting for the command line.
import { problemText } from '../../../engine/core/spec';
import type { SweepProblem } from '../../../engine/core/train/sweep';
import { configRefusal, RunRefusedError } from './refusals';

const shown = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'nothing'));

/** The English words for one sweep problem. */
export function sweepProblemText(p: SweepProblem): string {
  switch (p.code) {
    case 'sweep-empty':
      return `the setting ${p.setting} has no values to try`;
    case 'sweep-duplicate-setting':
      return `the setting ${p.setting} is swept twice`;
    case 'sweep-bad-value':
      return `the setting ${p.setting} cannot be ${shown(p.value)}: it takes ${
        p.expected === 'optimizer'
          ? 'an optimizer name (adam, adamw, sgd, rmsprop, adagrad)'
          : p.expected === 'whole'
            ? 'whole numbers'
            : 'numbers'
      }`;
    case 'sweep-bad-range':
      return `the range ${p.min}:${p.max} of ${p.setting} is empty or not positive (learning rate, L1 and L2 are drawn on a log scale, from above 0)`;
    case 'sweep-not-numeric':
      return `the setting ${p.setting} has no range: list its values to pick from instead`;
    case 'sweep-no-such-node':
      return `the setting ${p.setting} names layer '${p.nodeId}', which is not in the graph`;
    case 'sweep-not-dropout':
      return `the setting ${p.setting} names layer '${p.nodeId}', which is not a dropout layer`;
    case 'sweep-no-dropout':
      return `the setting ${p.setting} sweeps the dropout rate, but the graph has no dropout layer`;
    case 'sweep-not-a-count':
      return `the setting ${p.setting}: layer '${p.nodeId}' has no whole-number parameter '${p.param}'`;
    case 'sweep-seeds':
      return `the number of seeds must be a whole number from 1 to ${p.max}, not ${shown(p.value)}`;
    case 'sweep-samples':
      return `the number of random samples must be a whole number from 1 to ${p.max}, not ${shown(p.value)}`;
    case 'sweep-too-many-runs':
      return `the sweep would make ${p.runs} runs, more than ${p.max}: try fewer values or seeds`;
    case 'sweep-base-config':
      return configRefusal(p.problem).message;
    case 'sweep-base-graph':
      return `the graph cannot train: ${problemText(p.problem)}`;
    case 'sweep-config':
      return `the setting ${p.setting} = ${shown(p.value)} cannot train: ${configRefusal(p.problem).message}`;
    case 'sweep-graph':
      return `the setting ${p.setting} = ${shown(p.value)} makes a graph that cannot train: ${problemText(p.problem)}`;
    default:
      throw new Error(`unknown sweep problem ${JSON.stringify(p satisfies never)}`);
  }
}

/** A refusal for a plan's problems: coded by the first, worded with all of them. */
export function sweepRefusal(problems: SweepProblem[]): RunRefusedError {
  const [first] = problems;
  const value = 'value' in first ? shown(first.value) : '';
  const nodeId =
    first.code === 'sweep-graph' || first.code === 'sweep-base-graph' ? (first.problem.nodeId ?? undefined) : undefined;
  return new RunRefusedError(
    problems.map(sweepProblemText).join('; '),
    first.code,
    { setting: first.setting, value, count: problems.length },
    nodeId,
  );
}
