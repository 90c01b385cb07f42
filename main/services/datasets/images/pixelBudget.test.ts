// The pixel budget: never more pixels in flight than the limit (but one oversized job runs alone), first come first served.
import { describe, expect, it } from 'vitest';
import { PixelBudget } from './pixelBudget';

/** A job that finishes when the test says so, recording when it started. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { done, open };
}

describe('PixelBudget', () => {
  it('runs jobs together while they fit, holds the next until pixels are released, and lets an oversized one run alone', async () => {
    const budget = new PixelBudget(100);
    const started: string[] = [];
    const gates = { a: gate(), b: gate(), huge: gate(), c: gate() };
    const job = (name: keyof typeof gates, pixels: number) =>
      budget.run(pixels, async () => {
        started.push(name);
        await gates[name].done;
      });
    const all = [job('a', 60), job('b', 40), job('huge', 250), job('c', 10)];
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    gates.a.open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b']); // 'huge' waits for the budget to empty; 'c' waits behind it (first come first served)
    gates.b.open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b', 'huge']);
    gates.huge.open();
    gates.c.open();
    await Promise.all(all);
    expect(started).toEqual(['a', 'b', 'huge', 'c']);
    expect(budget.peak).toBe(250);
  });

  it('releases the pixels of a job that fails', async () => {
    const budget = new PixelBudget(10);
    await expect(
      budget.run(10, async () => {
        throw new Error('bad file');
      }),
    ).rejects.toThrow('bad file');
    await expect(budget.run(10, async () => 'next')).resolves.toBe('next');
  });
});
