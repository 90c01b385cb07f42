// How failures reach the renderer: a weights file that does not fit the graph comes as a code with its values, so
// the studio words it in the user's language (renderer/src/training/refusals.ts).
import { describe, expect, it } from 'vitest';
import { WeightsError } from '../../engine/core/io/weightsMatch';
import { errorPayload } from './dispatch';

describe('errorPayload', () => {
  it('gives a weights refusal its code and values', () => {
    const args = { tensor: '4.weight', fileShape: '[5, 64]', node: 'fc3', target: 'fc3.weight', modelShape: '[3, 64]' };
    expect(errorPayload(new WeightsError('shape-mismatch', args, 'English text'))).toEqual({
      message: 'English text',
      code: 'weights-shape-mismatch',
      params: args,
    });
  });
});
