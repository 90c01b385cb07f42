// A graph that does not fit the chosen data, in the user's words (the editor's status line, the Train view's Start).
import type { DataFitProblem } from '../../../engine/core/train/dataFit';
import { translator } from '../lib/i18n.svelte';
import { fitMessages } from './messages';

const t = translator(fitMessages);

export function misfitText(problem: DataFitProblem, dataset: string): string {
  switch (problem.code) {
    case 'input-mismatch':
      return t('misfit_input-mismatch', {
        model: problem.modelShape.join('×'),
        data: problem.dataShape.join('×'),
        dataset,
      });
    case 'output-mismatch':
      return t('misfit_output-mismatch', {
        nodeId: problem.nodeId,
        units: problem.units,
        needed: problem.needed,
        dataset,
      });
    default:
      throw new Error(`unknown data fit problem ${JSON.stringify(problem satisfies never)}`);
  }
}
