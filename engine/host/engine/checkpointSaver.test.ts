import { describe, expect, it } from 'vitest';
import { CheckpointSaver, type SavedKind } from './checkpointSaver';

function harness(intervalMs: number) {
  let clock = 0;
  const written: [SavedKind, number][] = [];
  let encoded = 0;
  const saver = new CheckpointSaver(
    (kind, c) => written.push([kind, c.epoch]),
    intervalMs,
    () => clock,
  );
  const offer = (kind: SavedKind, epoch: number) =>
    saver.offer(kind, epoch, () => {
      encoded++;
      return new Uint8Array([epoch]);
    });
  return {
    saver,
    written,
    offer,
    advance: (ms: number) => {
      clock += ms;
    },
    encodedCount: () => encoded,
  };
}

describe('checkpoint saver', () => {
  it('writes the first checkpoint of each kind at once, then at most one per interval', () => {
    const h = harness(1000);
    h.offer('last', 1);
    h.offer('best', 1);
    for (let epoch = 2; epoch <= 10; epoch++) {
      h.advance(100);
      h.offer('last', epoch);
    }
    h.advance(100); // 1000 ms since epoch 1's write
    h.offer('last', 11);
    expect(h.written).toEqual([
      ['last', 1],
      ['best', 1],
      ['last', 11],
    ]);
    expect(h.encodedCount()).toBe(3); // only what is written is encoded
  });

  it('writes a pending checkpoint once its interval has passed even if no newer one comes', () => {
    const h = harness(1000);
    h.offer('best', 1);
    h.advance(10);
    h.offer('best', 2); // improved soon after: kept
    h.advance(2000);
    h.saver.writeDue();
    expect(h.written).toEqual([
      ['best', 1],
      ['best', 2],
    ]);
    h.saver.writeDue();
    expect(h.written).toHaveLength(2); // nothing left to write
  });

  it('writes everything pending when the run ends, and only the newest of each kind', () => {
    const h = harness(1000);
    h.offer('last', 1);
    h.offer('last', 2);
    h.offer('last', 3);
    h.offer('best', 1);
    h.offer('best', 3);
    h.saver.flush();
    expect(h.written).toEqual([
      ['last', 1],
      ['best', 1],
      ['last', 3],
      ['best', 3],
    ]);
  });

  it('writes every checkpoint with an interval of 0', () => {
    const h = harness(0);
    for (let epoch = 1; epoch <= 3; epoch++) h.offer('last', epoch);
    expect(h.written.map(([, epoch]) => epoch)).toEqual([1, 2, 3]);
  });

  it('refuses a negative interval', () => {
    expect(() => new CheckpointSaver(() => {}, -1)).toThrow('0 ms or more');
  });
});
