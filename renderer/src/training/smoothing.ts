// Exponential moving average for the displayed curves: noisy per-step losses become readable trends.

export interface Point {
  x: number;
  y: number;
}

/**
 * Smooths y with weight `amount` on the past (0 = unchanged, 0.99 = very smooth). The first value is kept as is
 * (no warm-up from zero, which would drag the start of the curve down); non-finite values pass through without
 * disturbing the average, so a diverged step shows as a gap rather than poisoning the rest of the curve.
 */
export function smooth(points: readonly Point[], amount: number): Point[] {
  if (!(amount >= 0 && amount < 1)) throw new Error(`smoothing must be in [0, 1) (got ${amount})`);
  if (amount === 0) return points.slice();
  const out: Point[] = [];
  let average: number | null = null;
  for (const p of points) {
    if (!Number.isFinite(p.y)) {
      out.push(p);
      continue;
    }
    average = average === null ? p.y : amount * average + (1 - amount) * p.y;
    out.push({ x: p.x, y: average });
  }
  return out;
}
