// Decoding a few images at once must still hand them back in file order.
import { describe, expect, it } from 'vitest';
import { mapInOrder } from './inOrder';

describe('mapInOrder', () => {
  it('yields results in item order when later items finish first, with at most `window` running', async () => {
    const finishers: Array<() => void> = [];
    let running = 0;
    let mostRunning = 0;
    const work = (item: number) =>
      new Promise<number>((done) => {
        running++;
        mostRunning = Math.max(mostRunning, running);
        finishers[item] = () => {
          running--;
          done(item * 10);
        };
      });
    const results: number[] = [];
    const consume = (async () => {
      for await (const r of mapInOrder([0, 1, 2, 3, 4], 3, work)) results.push(r);
    })();
    // Finish in reverse order of starting, as far as the window allows.
    for (const item of [2, 1, 0, 4, 3]) {
      while (!finishers[item]) await new Promise((r) => setImmediate(r));
      finishers[item]();
    }
    await consume;
    expect(results).toEqual([0, 10, 20, 30, 40]);
    expect(mostRunning).toBe(3);
  });

  it('passes a failure on when its turn comes', async () => {
    const work = async (item: number) => {
      if (item === 1) throw new Error('item 1 failed');
      return item;
    };
    const results: number[] = [];
    await expect(
      (async () => {
        for await (const r of mapInOrder([0, 1, 2], 2, work)) results.push(r);
      })(),
    ).rejects.toThrow('item 1 failed');
    expect(results).toEqual([0]);
  });
});
