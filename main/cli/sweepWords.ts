// The words of `sweep` as it runs (a line per run as it starts and ends, how to stop and go on) and of its report
// (the group, the table's headings, failed runs), in English and Simplified Chinese. The settings' names in the
// table (LR, BATCH) and --json stay as they are.
import type { GroupStatus } from '../services/store/types';
import type { SweepKind } from '../../engine/core/train/sweep';
import type { Words } from './locale';

type SweepWord =
  | 'groupCreated'
  | 'atOnce'
  | 'oneAfterAnother'
  | 'runTraining'
  | 'runFinished'
  | 'finishedLoss'
  | 'finishedAccuracy'
  | 'finishedR2'
  | 'stopping'
  | 'continueWith'
  | 'groupLine'
  | `kind_${SweepKind}`
  | `groupStatus_${GroupStatus}`
  | 'groupStatus_interrupted'
  | 'headingRuns'
  | 'headingBestLoss'
  | 'headingFinalAccuracy'
  | 'headingFinalR2'
  | 'spreadNote'
  | 'failedRun'
  | 'noReason';

export const SWEEP_WORDS: Words<SweepWord> = {
  en: {
    groupCreated:
      "group {id} '{name}': {runs} runs of {model} on '{dataset}', {how}; Ctrl-C stops it (netwright sweep --continue goes on)",
    atOnce: '{parallel} at once',
    oneAfterAnother: 'one after another',
    runTraining: '{position} training {id}',
    runFinished: "{position} '{name}' {status}{loss}{metric}",
    finishedLoss: ': val loss {loss}',
    finishedAccuracy: ', val accuracy {accuracy}',
    finishedR2: ', val R² {r2}',
    stopping: 'stopping the group after the current batch; press Ctrl-C again to quit at once',
    continueWith: 'continue it with: netwright sweep --continue {id}',
    groupLine: "group {id} '{name}' ({kind}): {status}",
    kind_grid: 'grid',
    kind_random: 'random',
    kind_seeds: 'seeds',
    groupStatus_queued: 'queued',
    groupStatus_running: 'running',
    groupStatus_completed: 'completed',
    groupStatus_cancelled: 'cancelled',
    groupStatus_interrupted: 'interrupted',
    headingRuns: 'RUNS',
    headingBestLoss: 'VAL LOSS (BEST)',
    headingFinalAccuracy: 'VAL ACCURACY (FINAL)',
    headingFinalR2: 'VAL R² (FINAL)',
    spreadNote: 'mean ± sample standard deviation across seeds, over completed runs',
    failedRun: "failed: '{name}': {error}",
    noReason: 'no reason was given',
  },
  zh: {
    groupCreated:
      "组 {id} '{name}'：在 '{dataset}' 上训练 {model} 共 {runs} 个运行，{how}；按 Ctrl-C 停止（netwright sweep --continue 可继续）",
    atOnce: '同时运行 {parallel} 个',
    oneAfterAnother: '逐个运行',
    runTraining: '{position} 正在训练 {id}',
    runFinished: "{position} '{name}' {status}{loss}{metric}",
    finishedLoss: '：验证损失 {loss}',
    finishedAccuracy: '，验证准确率 {accuracy}',
    finishedR2: '，验证 R² {r2}',
    stopping: '当前这批运行结束后停止该组；再按一次 Ctrl-C 立即退出',
    continueWith: '继续该组：netwright sweep --continue {id}',
    groupLine: "组 {id} '{name}'（{kind}）：{status}",
    kind_grid: '网格',
    kind_random: '随机',
    kind_seeds: '多种子',
    groupStatus_queued: '排队中',
    groupStatus_running: '运行中',
    groupStatus_completed: '已完成',
    groupStatus_cancelled: '已取消',
    groupStatus_interrupted: '已中断',
    headingRuns: '运行数',
    headingBestLoss: '验证损失（最佳）',
    headingFinalAccuracy: '验证准确率（最终）',
    headingFinalR2: '验证 R²（最终）',
    spreadNote: '各种子之间的均值 ± 样本标准差，只计已完成的运行',
    failedRun: "失败：'{name}'：{error}",
    noReason: '没有给出原因',
  },
};
