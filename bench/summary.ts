// The closing summary of a bench run: per workload and batch size, each suite's speed and netwright's ratio to it.
import type { ResultLine, SummaryLine } from './protocol';
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
  const values: Partial<Record<SuiteName, number>> = {};
  const errors: Partial<Record<SuiteName, string>> = {};
  for (const line of group) {
    const value = line[metric];
    if (line.error !== undefined) errors[line.suite] = line.error;
    else if (typeof value === 'number' && value > 0) values[line.suite] = value;
  }
  const ratios: Partial<Record<SuiteName, number>> = {};
  const ours = values.netwright;
  if (ours !== undefined) {
    for (const [suite, value] of Object.entries(values) as [SuiteName, number][]) {
      if (suite !== 'netwright') ratios[suite] = Number((ours / value).toPrecision(3));
    }
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
  if (Object.keys(errors).length) summary.errors = errors;
  return summary;
}
