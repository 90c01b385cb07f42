// Small statistics for the diagnosis: medians (robust to a one-epoch bump), trailing medians, rounding for display.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Each value replaced by the median of it and the window - 1 values before it (fewer at the start). */
export function trailingMedian(values: readonly number[], window: number): number[] {
  const size = Math.max(1, Math.round(window));
  // A NaN has no place in a sorted window: such a series takes the slow way, each window sorted as median() does.
  if (!values.every(Number.isFinite))
    return values.map((_, i) => median(values.slice(Math.max(0, i - size + 1), i + 1)));
  const windows = new SlidingMedian(values);
  return values.map((_, i) => windows.median(Math.max(0, i - size + 1), i + 1));
}

/**
 * Medians of the finite values of `values[lo..hi)` for windows that slide forward, as median() of those values
 * would give: a window whose ends did not move back from the last one's is updated value by value (a binary search
 * and a splice each), any other is sorted afresh. A diagnosis redone at every refresh of a run of 50,000 epochs
 * would otherwise sort a window per epoch. NaN when the window holds no finite value.
 */
export class SlidingMedian {
  private sorted: number[] = [];
  private lo = 0;
  private hi = 0;

  constructor(private readonly values: readonly number[]) {}

  median(lo: number, hi: number): number {
    const end = Math.max(lo, hi);
    if (lo < this.lo || end < this.hi || lo >= this.hi) {
      this.sorted = this.values.slice(lo, end).filter(Number.isFinite);
      this.sorted.sort((a, b) => a - b);
    } else {
      for (let i = this.hi; i < end; i++) if (Number.isFinite(this.values[i])) this.insert(this.values[i]);
      for (let i = this.lo; i < lo; i++) if (Number.isFinite(this.values[i])) this.remove(this.values[i]);
    }
    this.lo = lo;
    this.hi = end;
    const n = this.sorted.length;
    if (n === 0) return NaN;
    const mid = n >> 1;
    return n % 2 ? this.sorted[mid] : (this.sorted[mid - 1] + this.sorted[mid]) / 2;
  }

  /** The first index whose value is not below `value` (after: above it). */
  private place(value: number, after: boolean): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle] < value || (after && this.sorted[middle] === value)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  // Equal values stay in the order they came, as a stable sort leaves them (0 and -0 compare equal, yet the median
  // shows which one it is): a new value goes after its equals, and the one leaving, the oldest, is the first of them.
  private insert(value: number): void {
    this.sorted.splice(this.place(value, true), 0, value);
  }

  private remove(value: number): void {
    this.sorted.splice(this.place(value, false), 1);
  }
}

/** Index of the smallest value, the earliest on ties. */
export function argMin(values: readonly number[], end = values.length): number {
  let best = 0;
  for (let i = 1; i < end; i++) if (values[i] < values[best]) best = i;
  return best;
}

/** Four significant digits, so parameters read cleanly in JSON and in sentences: 0.0001234, 2.346. */
export function round4(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : x;
}

/** A fraction as a percentage with three significant digits: 0.0123 → 1.23. */
export function percent(fraction: number): number {
  return Number.isFinite(fraction) ? Number((fraction * 100).toPrecision(3)) : fraction;
}
