// The runs table's row window: only rows near the view are rendered, and the space of the others is kept.
import { describe, expect, it } from 'vitest';
import { rowWindow } from './rowWindow';

describe('rowWindow', () => {
  it('renders the rows in view plus the overscan at the top of 500 runs', () => {
    const w = rowWindow(0, 600, 30, 500, 8);
    expect([w.start, w.end]).toEqual([0, 29]);
    expect(w.above).toBe(0);
    expect(w.below).toBe((500 - 29) * 30);
  });

  it('keeps the rendered rows and the spaces summing to the whole table wherever it is scrolled', () => {
    for (const top of [0, 45, 3000, 7000, 14_400, 20_000]) {
      const w = rowWindow(top, 600, 30, 500, 8);
      expect(w.above + (w.end - w.start) * 30 + w.below).toBe(500 * 30);
      // Every row whose top is in view is rendered.
      const firstVisible = Math.min(499, Math.floor(top / 30));
      expect(w.start).toBeLessThanOrEqual(firstVisible);
      expect(w.end).toBeGreaterThanOrEqual(Math.min(500, Math.ceil((top + 600) / 30)));
      expect(w.end - w.start).toBeLessThanOrEqual(600 / 30 + 1 + 16 + 1);
    }
  });

  it('renders every row of a short table', () => {
    expect(rowWindow(0, 600, 30, 5)).toEqual({ start: 0, end: 5, above: 0, below: 0 });
  });

  it('copes with a scroll offset past the end (the table just shrank under a filter)', () => {
    const w = rowWindow(9000, 600, 30, 10);
    expect(w.start).toBeLessThanOrEqual(w.end);
    expect(w.end).toBe(10);
    expect(w.above + (w.end - w.start) * 30 + w.below).toBe(300);
  });
});
