// The words of `train` and `continue` as they run and end, in English and Simplified Chinese: the epoch lines and
// progress bar, the summary (splits, scores, best and final epoch, stopped early, durations, changed settings) and
// the lines around them. Terms follow the studio's Chinese tables (轮次, 训练损失, 验证损失, 早停, 检查点).
import type { RunStatus } from '../services/store/types';
import type { Words } from './locale';

type StatusWord = `status_${RunStatus | 'early-stopped'}`;

type TrainingWord =
  // epoch lines and the progress bar
  | 'epochOf'
  | 'trainLoss'
  | 'trainAccuracy'
  | 'valLoss'
  | 'valAccuracy'
  | 'valR2'
  | 'learningRate'
  | 'samplesPerSecond'
  | 'notAvailable'
  // scores, durations and changed settings
  | 'scoreLoss'
  | 'scoreAccuracy'
  | 'scoreMae'
  | 'scoreR2'
  | 'listSeparator'
  | 'milliseconds'
  | 'seconds'
  | 'minutes'
  | 'hours'
  | 'setting_learningRate'
  | 'setting_l1'
  | 'setting_l2'
  | 'setting_dropout'
  | 'setting_patience'
  | 'dropoutOf'
  | 'settingChange'
  // the summary
  | StatusWord
  | 'runEnded'
  | 'datasetSplit'
  | 'splitFromColumn'
  | 'splitFromFolders'
  | 'error'
  | 'stage'
  | 'stageBest'
  | 'stageFinal'
  | 'stageFinalRestored'
  | 'stageValidation'
  | 'stageTest'
  | 'semicolon'
  | 'noHeldOut'
  | 'settingChanged'
  | 'checkpoint'
  // around the run
  | 'trainingStart'
  | 'graphOfRun'
  | 'runStarted'
  | 'runStartedOnEngine'
  | 'resuming'
  | 'stopping'
  | 'quitting'
  | 'continueHint'
  // which dataset training uses
  | 'datasetSample'
  | 'datasetUsing'
  | 'datasetImportedBefore'
  | 'datasetImported'
  | 'datasetRegistered';

export const TRAINING_WORDS: Words<TrainingWord> = {
  en: {
    epochOf: 'epoch {epoch}/{epochs}',
    trainLoss: 'loss {loss}',
    trainAccuracy: 'acc {accuracy}',
    valLoss: 'val loss {loss}',
    valAccuracy: 'val acc {accuracy}',
    valR2: 'val R² {r2}',
    learningRate: 'lr {lr}',
    samplesPerSecond: '{speed} samples/s',
    notAvailable: 'n/a',
    scoreLoss: 'loss {loss}',
    scoreAccuracy: 'accuracy {accuracy}',
    scoreMae: 'MAE {mae}',
    scoreR2: 'R² {r2}',
    listSeparator: ', ',
    milliseconds: '{ms} ms',
    seconds: '{seconds} s',
    minutes: '{minutes}m {seconds}s',
    hours: '{hours}h {minutes}m',
    setting_learningRate: 'learning rate',
    setting_l1: 'L1',
    setting_l2: 'L2',
    setting_dropout: 'dropout',
    setting_patience: 'early-stopping patience',
    dropoutOf: 'dropout of {node}',
    settingChange: 'at epoch {epoch} (step {step}): {setting} {from} → {to}',
    status_queued: 'queued',
    status_running: 'running',
    status_paused: 'paused',
    status_completed: 'completed',
    status_stopped: 'stopped',
    status_failed: 'failed',
    status_interrupted: 'interrupted',
    'status_early-stopped': 'stopped early',
    runEnded: "run {id} '{name}' {status}: {epochs} of {planned} epochs in {duration}",
    datasetSplit: "dataset '{name}': {rows} rows ({train} train / {validation} validation / {test} test{from})",
    splitFromColumn: ", split from column '{column}'",
    splitFromFolders: ', split from folders {folders}',
    error: 'error: {error}',
    stage: '{title} (epoch {epoch}): {scores}',
    stageBest: 'best',
    stageFinal: 'final',
    stageFinalRestored: 'final, the restored weights',
    stageValidation: 'validation {score}',
    stageTest: 'test {score}',
    semicolon: '; ',
    noHeldOut: 'no held-out metrics',
    settingChanged: 'changed {change}',
    checkpoint: 'checkpoint: {path}',
    trainingStart: "training {model} on '{dataset}' ({rows} rows) for {epochs} epochs",
    graphOfRun: "the graph of run '{run}'",
    runStarted: "run {id} '{name}'; Ctrl-C stops it",
    runStartedOnEngine: "run {id} '{name}' (engine: {isa}, {threads} threads); Ctrl-C stops it",
    resuming: 'resuming from the checkpoint of epoch {epoch}',
    stopping:
      'stopping the run after the current batch (its last whole-epoch checkpoint is kept); press Ctrl-C again to quit at once',
    quitting: 'quitting without waiting: the run will show as interrupted; `netwright continue` continues it',
    continueHint: 'continue it with: netwright continue {id}',
    datasetSample: "sample dataset '{name}'",
    datasetUsing: "using dataset '{name}' ({id})",
    datasetImportedBefore: "using dataset '{name}' ({id}), imported from this file before",
    datasetImported: "imported {file} as dataset '{name}' ({id}): {notes}",
    datasetRegistered: "registered dataset folder {folder} as '{name}' ({id})",
  },
  zh: {
    epochOf: '轮次 {epoch}/{epochs}',
    trainLoss: '训练损失 {loss}',
    trainAccuracy: '训练准确率 {accuracy}',
    valLoss: '验证损失 {loss}',
    valAccuracy: '验证准确率 {accuracy}',
    valR2: '验证 R² {r2}',
    learningRate: '学习率 {lr}',
    samplesPerSecond: '{speed} 样本/秒',
    notAvailable: '无',
    scoreLoss: '损失 {loss}',
    scoreAccuracy: '准确率 {accuracy}',
    scoreMae: 'MAE {mae}',
    scoreR2: 'R² {r2}',
    listSeparator: '，',
    milliseconds: '{ms} 毫秒',
    seconds: '{seconds} 秒',
    minutes: '{minutes} 分 {seconds} 秒',
    hours: '{hours} 小时 {minutes} 分',
    setting_learningRate: '学习率',
    setting_l1: 'L1',
    setting_l2: 'L2',
    setting_dropout: 'Dropout',
    setting_patience: '早停耐心值',
    dropoutOf: '{node} 的 Dropout',
    settingChange: '第 {epoch} 轮（第 {step} 步）：{setting} {from} → {to}',
    status_queued: '排队中',
    status_running: '运行中',
    status_paused: '已暂停',
    status_completed: '已完成',
    status_stopped: '已停止',
    status_failed: '失败',
    status_interrupted: '已中断',
    'status_early-stopped': '已早停',
    runEnded: "运行 {id} '{name}' {status}：{epochs}/{planned} 轮，用时 {duration}",
    datasetSplit: "数据集 '{name}'：{rows} 行（训练 {train} / 验证 {validation} / 测试 {test}{from}）",
    splitFromColumn: "，按列 '{column}' 划分",
    splitFromFolders: '，按文件夹 {folders} 划分',
    error: '错误：{error}',
    stage: '{title}（第 {epoch} 轮）：{scores}',
    stageBest: '最佳',
    stageFinal: '最终',
    stageFinalRestored: '最终，即恢复的权重',
    stageValidation: '验证集 {score}',
    stageTest: '测试集 {score}',
    semicolon: '；',
    noHeldOut: '没有验证集或测试集指标',
    settingChanged: '已更改：{change}',
    checkpoint: '检查点：{path}',
    trainingStart: "在 '{dataset}'（{rows} 行）上训练 {model}，共 {epochs} 轮",
    graphOfRun: "运行 '{run}' 的图",
    runStarted: "运行 {id} '{name}'；按 Ctrl-C 停止",
    runStartedOnEngine: "运行 {id} '{name}'（引擎：{isa}，{threads} 个线程）；按 Ctrl-C 停止",
    resuming: '从第 {epoch} 轮的检查点继续训练',
    stopping: '当前批次结束后停止运行（保留最后一个完整轮次的检查点）；再按一次 Ctrl-C 立即退出',
    quitting: '不等待直接退出：该运行将显示为已中断；`netwright continue` 可以继续训练',
    continueHint: '继续训练：netwright continue {id}',
    datasetSample: "示例数据集 '{name}'",
    datasetUsing: "使用数据集 '{name}'（{id}）",
    datasetImportedBefore: "使用数据集 '{name}'（{id}），之前已从这个文件导入",
    datasetImported: "已将 {file} 导入为数据集 '{name}'（{id}）：{notes}",
    datasetRegistered: "已将数据集文件夹 {folder} 登记为 '{name}'（{id}）",
  },
};
