// A finished run's diagnosis from its record, the same verdicts the Diagnosis panel shows for it (which diagnoses a
// live run itself, throttled): for the pages that show many runs' verdicts at once (a lesson, the comparison).
import type { DatasetRecord, EpochRecord, Run } from '../../../main/api/types';
import type { Verdict } from '../../../engine/core/train/diagnosisCodes';
import { diagnoseRecordedRun } from '../../../engine/core/train/diagnosisHistory';
import { divergedAt } from '../../../engine/core/train/runFailure';

export function runVerdicts(
  run: Pick<Run, 'trainConfig' | 'graph' | 'failure'>,
  epochs: readonly EpochRecord[],
  dataset: DatasetRecord | null | undefined,
): Verdict[] {
  return diagnoseRecordedRun({
    epochs,
    config: run.trainConfig,
    spec: run.graph,
    numClasses: dataset?.manifest.task === 'classification' ? dataset.manifest.classNames?.length : undefined,
    diverged: divergedAt(run.failure),
  });
}
