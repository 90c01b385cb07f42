// The closing summary of a bench run: per workload and batch size, each suite's speed and netwright's ratio to it.
// With --rounds, each round's ratio pairs two figures measured moments apart; the summary gives their median and
// range, and each suite's median speed.
import type { ResultLine, SummaryLine } from './protocol';
import { median } from './timing';
import type { SuiteName, Workload } from './workloads';

/** One summary line per (workload, batch) in the order the results arrived. */
export function summarize(results: readonly ResultLine[]): SummaryLine[] {
  const groups = new Map<string, ResultLine[]>();
  for (const line of results) {
    const key = `${line.workload}@${line.batch}`;
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  return [...groups.values()].map((group) => summaryOf(group));
}

function summaryOf(group: ResultLine[]): SummaryLine {
  const first = group[0];
  const metric: SummaryLine['metric'] = first.workload.startsWith('gemm-') ? 'gflops' : 'samples_per_s';
  // Each suite's figures by round (a run without rounds is one round, 0).
  const byRound = new Map<number, Partial<Record<SuiteName, number>>>();
  const errors: Partial<Record<SuiteName, string>> = {};
  for (const line of group) {
    const value = line[metric];
    if (line.error !== undefined) errors[line.suite] = line.error;
    else if (typeof value === 'number' && value > 0) {
      const round = line.round ?? 0;
      byRound.set(round, { ...byRound.get(round), [line.suite]: value });
    }
  }
  const rounds = [...byRound.values()];
  const suites = [...new Set(rounds.flatMap((r) => Object.keys(r) as SuiteName[]))];
  const values: Partial<Record<SuiteName, number>> = {};
  for (const suite of suites) {
    // Four significant digits, as the children round their figures (bench/child.ts).
    values[suite] = Number(median(rounds.flatMap((r) => (r[suite] === undefined ? [] : [r[suite]]))).toPrecision(4));
  }
  const ratios: Partial<Record<SuiteName, number>> = {};
  const counted: Partial<Record<SuiteName, number>> = {};
  const range: Partial<Record<SuiteName, [number, number]>> = {};
  for (const suite of suites.filter((s) => s !== 'netwright')) {
    const each = rounds.flatMap((r) =>
      r.netwright === undefined || r[suite] === undefined ? [] : [r.netwright / r[suite]],
    );
    if (each.length === 0) continue;
    ratios[suite] = Number(median(each).toPrecision(3));
    counted[suite] = each.length;
    range[suite] = [Math.min(...each), Math.max(...each)].map((x) => Number(x.toPrecision(3))) as [number, number];
  }
  const summary: SummaryLine = {
    suite: 'summary',
    workload: first.workload as Workload['name'],
    batch: first.batch,
    threads: first.threads_requested,
    metric,
    values,
    ratios,
  };
  if (group.some((line) => line.round !== undefined)) {
    summary.rounds = counted;
    summary.ratio_range = range;
  }
  if (Object.keys(errors).length) summary.errors = errors;
  return summary;
}
