// The words of `runs` (its table's headings, a run's best validation scores, the empty list) and of `evaluate` on a
// run's own split (which checkpoint and split, per-class accuracy, the confusion matrix) or on a file or folder
// (--data), in English and Simplified Chinese. Run statuses are trainingWords.ts's.
import type { Words } from './locale';

type ListWord =
  | 'headingId'
  | 'headingName'
  | 'headingGroup'
  | 'headingStatus'
  | 'headingEpochs'
  | 'headingBest'
  | 'headingDuration'
  | 'headingCreated'
  | 'headingDiagnosis'
  | 'bestLoss'
  | 'bestAccuracy'
  | 'bestR2'
  | 'noRunsMatch'
  | 'noRunsYet'
  | 'checkpoint_best'
  | 'checkpoint_last'
  | 'checkpoint_manual'
  | 'split_validation'
  | 'split_test'
  | 'evaluation'
  | 'rmse'
  | 'perClass'
  | 'confusionCorner'
  // evaluate --data: a run scored on a file or folder of its own
  | 'fileEvaluation'
  | 'fileScore'
  | 'ownTestSplit'
  | 'noTestRows'
  | 'hereAgainst'
  | 'importedOnFile'
  | 'importedOnImages';

export const LIST_WORDS: Words<ListWord> = {
  en: {
    headingId: 'ID',
    headingName: 'NAME',
    headingGroup: 'GROUP',
    headingStatus: 'STATUS',
    headingEpochs: 'EPOCHS',
    headingBest: 'BEST VALIDATION',
    headingDuration: 'DURATION',
    headingCreated: 'CREATED',
    headingDiagnosis: 'DIAGNOSIS',
    bestLoss: 'loss {loss}',
    bestAccuracy: 'acc {accuracy}',
    bestR2: 'R² {r2}',
    noRunsMatch: 'no runs match',
    noRunsYet: 'no runs yet: start one with `netwright train`',
    checkpoint_best: 'best',
    checkpoint_last: 'last',
    checkpoint_manual: 'manual',
    split_validation: 'validation',
    split_test: 'test',
    evaluation:
      "run {id} '{name}', {checkpoint} checkpoint (epoch {epoch}), {split} split of '{dataset}' ({rows} rows):",
    rmse: ', RMSE {rmse}',
    perClass: 'per class: {classes}',
    confusionCorner: 'true \\ predicted',
    fileEvaluation: "run {id} '{name}', {checkpoint} checkpoint (epoch {epoch}):",
    fileScore: '{data}: {score}',
    ownTestSplit: "the run's own test split: {score}{compared}",
    noTestRows: 'none (its dataset has no test rows)',
    hereAgainst: ' ({here} here against {own})',
    importedOnFile: "run {id} '{name}' (imported) on {file} ({rows} rows): {score}",
    importedOnImages:
      "run {id} '{name}' (imported) on {folder}: accuracy {accuracy} ({correct} of {labelled} labelled images)",
  },
  zh: {
    headingId: 'ID',
    headingName: '名称',
    headingGroup: '组',
    headingStatus: '状态',
    headingEpochs: '轮次',
    headingBest: '最佳验证结果',
    headingDuration: '用时',
    headingCreated: '创建时间',
    headingDiagnosis: '诊断',
    bestLoss: '损失 {loss}',
    bestAccuracy: '准确率 {accuracy}',
    bestR2: 'R² {r2}',
    noRunsMatch: '没有符合条件的运行',
    noRunsYet: '还没有运行：用 `netwright train` 开始一个',
    checkpoint_best: '最佳',
    checkpoint_last: '最后',
    checkpoint_manual: '手动保存的',
    split_validation: '验证集',
    split_test: '测试集',
    evaluation: "运行 {id} '{name}'，{checkpoint}检查点（第 {epoch} 轮），'{dataset}' 的{split}（{rows} 行）：",
    rmse: '，RMSE {rmse}',
    perClass: '各类别：{classes}',
    confusionCorner: '真实 \\ 预测',
    fileEvaluation: "运行 {id} '{name}'，{checkpoint}检查点（第 {epoch} 轮）：",
    fileScore: '{data}：{score}',
    ownTestSplit: '该运行自身的测试集：{score}{compared}',
    noTestRows: '无（其数据集没有测试行）',
    hereAgainst: '（这里 {here}，测试集 {own}）',
    importedOnFile: "运行 {id} '{name}'（导入的）在 {file}（{rows} 行）上：{score}",
    importedOnImages:
      "运行 {id} '{name}'（导入的）在 {folder} 上：准确率 {accuracy}（有标签的 {labelled} 张图片中对了 {correct} 张）",
  },
};
