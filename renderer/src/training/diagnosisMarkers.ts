// Where the diagnosis's verdicts sit on the loss chart: a labelled line at the epoch a verdict names (a flat stretch's
// start, the best epoch before overfitting or a rise, a spike), so the words point at the curve they are about.
import type { Verdict, VerdictCode } from '../../../engine/core/train/diagnosisCodes';
import type { ChartMarker } from '../ui/chart';

/** Which epoch of a verdict's parameters the line marks, and how its label reads. */
const MARKED: Readonly<Partial<Record<VerdictCode, { param: string; kind: 'since' | 'after' | 'at' }>>> = {
  underfitting: { param: 'sinceEpoch', kind: 'since' },
  plateau: { param: 'sinceEpoch', kind: 'since' },
  converged: { param: 'sinceEpoch', kind: 'since' },
  overfitting: { param: 'bestEpoch', kind: 'after' },
  diverging: { param: 'bestEpoch', kind: 'after' },
  'over-regularized': { param: 'lowestEpoch', kind: 'after' },
  'loss-spike': { param: 'epoch', kind: 'at' },
  'validation-spike': { param: 'epoch', kind: 'at' },
};

export type MarkerKind = 'since' | 'after' | 'at';

/**
 * One marker per verdict that names an epoch of the loss curve (epoch E is at x = E on the chart's axis), labelled by
 * `label` from the verdict's title, the kind of mark and the epoch; in the verdicts' order, most serious first.
 */
export function diagnosisMarkers(
  verdicts: readonly Verdict[],
  label: (kind: MarkerKind, verdict: Verdict, epoch: number) => string,
): ChartMarker[] {
  const markers: ChartMarker[] = [];
  for (const verdict of verdicts) {
    const marked = MARKED[verdict.code];
    const epoch = marked ? verdict.params[marked.param] : undefined;
    if (!marked || typeof epoch !== 'number' || !Number.isFinite(epoch)) continue;
    markers.push({ x: epoch, label: label(marked.kind, verdict, epoch) });
  }
  return markers;
}
