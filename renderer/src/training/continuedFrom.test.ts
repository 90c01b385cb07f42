import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../main/api/types';
import { continuedFrom } from './continuedFrom';

const detail = (checkpoints: Array<[kind: string, epoch: number]>, lastEpoch: number) =>
  ({
    checkpoints: checkpoints.map(([kind, epoch], id) => ({ id, kind, epoch })),
    epochs: Array.from({ length: lastEpoch }, (_, i) => ({ epoch: i + 1 })),
  }) as unknown as Pick<RunDetail, 'checkpoints' | 'epochs'>;

describe('where a continued run picks up', () => {
  it('says so when its last checkpoint is behind the last recorded epoch (the engine was killed between saves)', () => {
    expect(
      continuedFrom(
        detail(
          [
            ['best', 7648],
            ['last', 10333],
          ],
          10993,
        ),
      ),
    ).toEqual({
      key: 'continuedFromEarlier',
      params: { epoch: 10333, last: 10993 },
    });
  });

  it('continues plainly from a checkpoint of its last epoch, and from the start without one', () => {
    expect(continuedFrom(detail([['last', 12]], 12)).key).toBe('continued');
    expect(continuedFrom(detail([['best', 5]], 12)).key).toBe('continuedFromStart');
  });
});
