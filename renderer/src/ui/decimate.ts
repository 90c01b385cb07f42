// Thinning long curves for drawing: a chart a few hundred pixels wide cannot show 1,000 points per run, and twelve runs
// of them make every redraw slow. Min/max per bucket keeps each bucket's extremes, so spikes and the curve's envelope
// survive, and a gap (a non-finite value, e.g. after divergence) stays a gap.
import type { Point } from './chart';

/**
 * At most `maxPoints` points of `points` (sorted by x): the first and last, then for each bucket of consecutive
 * points its lowest and highest (in x order), and one NaN point where the bucket had a gap. Short series come back
 * as they are.
 */
export function decimate(points: readonly Point[], maxPoints: number): Point[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 4)
    throw new Error(`decimate: maxPoints must be ≥ 4 (got ${maxPoints})`);
  const n = points.length;
  if (n <= maxPoints) return points.slice();
  const hasGap = points.some((p) => !Number.isFinite(p.y));
  const perBucket = hasGap ? 3 : 2;
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / perBucket));
  const interior = n - 2;
  const out: Point[] = [points[0]];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * interior) / buckets);
    const end = 1 + Math.floor(((b + 1) * interior) / buckets);
    let low = -1;
    let high = -1;
    let gap = -1;
    for (let i = start; i < end; i++) {
      const y = points[i].y;
      if (!Number.isFinite(y)) {
        if (gap < 0) gap = i;
        continue;
      }
      if (low < 0 || y < points[low].y) low = i;
      if (high < 0 || y > points[high].y) high = i;
    }
    const kept = [low, high, gap].filter((i) => i >= 0).sort((a, b) => a - b);
    for (let k = 0; k < kept.length; k++) if (k === 0 || kept[k] !== kept[k - 1]) out.push(points[kept[k]]);
  }
  out.push(points[n - 1]);
  return out;
}
