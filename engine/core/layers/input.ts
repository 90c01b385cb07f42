// Input: where the data enters, one sample without the batch dimension. The model writes samples straight into its
// output tensor, so it has no op; exporters name it `input` / `x`.
import { out } from '../spec/shapes';
import type { InputDefinition } from './types';

export const input: InputDefinition = {
  catalogue: {
    kind: 'input',
    name: 'Input',
    category: 'input',
    inputs: 0,
    help: 'Where the data enters: one sample of the dataset, without the batch dimension.',
    params: [
      {
        name: 'shape',
        label: 'Shape',
        type: 'ints',
        default: [2],
        min: 1,
        lengths: [1, 3],
        help: '[features] for tables, or [channels, height, width] for images.',
      },
    ],
  },
  shape: (ctx) => out([...(ctx.params.shape as number[])]),
};
