// Words for groups of runs: repeating with seeds and sweeping settings on the Train view, and a group's view in
// Experiments (bands across seeds, the table of combinations, the setting-against-metric plot).
import type { SweepProblem } from '../../../engine/core/train/sweep';
import { SWEEP_REFUSALS_ZH } from '../../../main/api/sweepRefusalsZh';
import type { Messages } from '../lib/i18n.svelte';

type Refused = `refused_${SweepProblem['code']}`;

/** A table keyed by sweep problem code as this table keys it ('sweep-empty' → 'refused_sweep-empty'). */
function refusedWords(table: Record<SweepProblem['code'], string>): Record<Refused, string> {
  return Object.fromEntries(Object.entries(table).map(([code, text]) => [`refused_${code}`, text])) as Record<
    Refused,
    string
  >;
}

export type GroupMessageKey =
  | Refused
  | 'seedsCount'
  | 'repeatWithSeeds'
  | 'sweepEllipsis'
  | 'sweepTitle'
  | 'gridMode'
  | 'randomMode'
  | 'draws'
  | 'values'
  | 'valuesHint'
  | 'range'
  | 'rangeHint'
  | 'seedsPerCombination'
  | 'parallel'
  | 'parallelHint'
  | 'runsPlanned'
  | 'startSweep'
  | 'cancel'
  | 'error_noSetting'
  | 'error_noValues'
  | 'error_badNumber'
  | 'error_badRange'
  | 'groups'
  | 'kind_seeds'
  | 'kind_grid'
  | 'kind_random'
  | 'status_queued'
  | 'status_running'
  | 'status_completed'
  | 'status_cancelled'
  | 'runsDone'
  | 'groupTraining'
  | 'openGroup'
  | 'open'
  | 'closeGroup'
  | 'cancelGroup'
  | 'groupCancelled'
  | 'groupStarted'
  | 'bandNote'
  | 'validationLoss'
  | 'validationMetric_classification'
  | 'validationMetric_regression'
  | 'epoch'
  | 'combination'
  | 'runs'
  | 'bestValLoss'
  | 'finalMetric_classification'
  | 'finalMetric_regression'
  | 'tableNote'
  | 'scatterTitle'
  | 'scatterSetting'
  | 'scatterLog'
  | 'noScatter'
  | 'parallelTitle'
  | 'parallelNote'
  | 'parallelLine'
  | 'seedsOnly';

export const groupMessages: Messages<GroupMessageKey> = {
  en: {
    'refused_sweep-empty': 'Not started: {setting} has no values to try.',
    'refused_sweep-duplicate-setting': 'Not started: {setting} is swept twice.',
    'refused_sweep-bad-value': 'Not started: {setting} cannot be {value}.',
    'refused_sweep-bad-range': 'Not started: the range of {setting} is empty, or not above 0 on a log scale.',
    'refused_sweep-not-numeric': 'Not started: {setting} has no range; list its values instead.',
    'refused_sweep-no-such-node': 'Not started: {setting} names a layer that is not in the graph.',
    'refused_sweep-not-dropout': 'Not started: {setting} names a layer that is not a dropout layer.',
    'refused_sweep-no-dropout': 'Not started: the graph has no dropout layer whose rate could be swept.',
    'refused_sweep-not-a-count': 'Not started: {setting} is not a whole-number parameter of that layer.',
    'refused_sweep-seeds': 'Not started: the number of seeds is {value}; it must be a whole number from 1.',
    'refused_sweep-samples': 'Not started: the number of random draws is {value}; it must be a whole number from 1.',
    'refused_sweep-too-many-runs': 'Not started: the sweep would make too many runs; try fewer values or seeds.',
    'refused_sweep-base-config': 'Not started: the training setting {setting} is out of range.',
    'refused_sweep-base-graph': 'Not started: the graph cannot train; see the Model view.',
    'refused_sweep-config': 'Not started: {setting} = {value} is out of range for training.',
    'refused_sweep-graph': 'Not started: {setting} = {value} makes a graph that cannot train.',
    seedsCount: 'Seeds',
    repeatWithSeeds: 'Repeat with {n} seeds',
    sweepEllipsis: 'Sweep…',
    sweepTitle: 'Sweep settings',
    gridMode: 'Grid: every combination of the values',
    randomMode: 'Random: draw combinations from ranges',
    draws: 'Draws',
    values: 'Values',
    valuesHint: 'separated by commas',
    range: 'Range',
    rangeHint: 'min:max (learning rate and penalties are drawn on a log scale)',
    seedsPerCombination: 'Seeds per combination',
    parallel: 'Runs at once',
    parallelHint: 'The processor cores are divided between the runs training at once.',
    runsPlanned: '{n} runs',
    startSweep: 'Start sweep',
    cancel: 'Cancel',
    error_noSetting: 'Choose at least one setting to sweep.',
    error_noValues: '{setting}: give at least one value.',
    error_badNumber: '{setting}: “{value}” is not a number.',
    error_badRange: '{setting}: write the range as min:max, e.g. 0.0001:0.1.',
    groups: 'Groups',
    kind_seeds: 'Seeds',
    kind_grid: 'Grid',
    kind_random: 'Random',
    status_queued: 'Queued',
    status_running: 'Running',
    status_completed: 'Completed',
    status_cancelled: 'Cancelled',
    runsDone: '{done} of {total} runs done',
    groupTraining: 'Group “{name}” is training: {done} of {total} runs done.',
    openGroup: 'See its curves',
    open: 'Open',
    closeGroup: 'Close group',
    cancelGroup: 'Cancel group',
    groupCancelled: 'Group cancelled: its queued runs will not start.',
    groupStarted: 'Group “{name}” queued: {n} runs.',
    bandNote: 'Lines: the mean across seeds. Shaded band: ± 1 standard deviation across seeds.',
    validationLoss: 'Validation loss',
    validationMetric_classification: 'Validation accuracy',
    validationMetric_regression: 'Validation R²',
    epoch: 'Epoch',
    combination: 'Settings',
    runs: 'Runs',
    bestValLoss: 'Best val loss',
    finalMetric_classification: 'Final val accuracy',
    finalMetric_regression: 'Final val R²',
    tableNote: 'Mean ± sample standard deviation across seeds, over completed runs.',
    scatterTitle: '{setting} against {metric} (final)',
    scatterSetting: 'Setting',
    scatterLog: 'log scale',
    noScatter: 'This setting takes names, not numbers: compare its rows in the table.',
    parallelTitle: 'All swept settings against {metric} (final)',
    parallelNote:
      'Each line is one finished run through its settings to its final score; yellow lines scored best, purple worst. Where the yellow lines cross an axis is the range of that setting that worked.',
    parallelLine: 'Run {run}: {values}',
    seedsOnly:
      'Repeated with seeds: no setting varies, so the bands and the table show the spread from the seed alone.',
  },
  'zh-CN': {
    ...refusedWords(SWEEP_REFUSALS_ZH),
    seedsCount: '种子数',
    repeatWithSeeds: '用 {n} 个种子重复',
    sweepEllipsis: '扫描…',
    sweepTitle: '扫描设置',
    gridMode: '网格：取值的所有组合',
    randomMode: '随机：从范围中抽取组合',
    draws: '抽取次数',
    values: '取值',
    valuesHint: '用逗号分隔',
    range: '范围',
    rangeHint: '最小值:最大值（学习率和惩罚按对数刻度抽取）',
    seedsPerCombination: '每个组合的种子数',
    parallel: '同时训练的运行数',
    parallelHint: '处理器核心在同时训练的运行之间平分。',
    runsPlanned: '{n} 个运行',
    startSweep: '开始扫描',
    cancel: '取消',
    error_noSetting: '请至少选择一个要扫描的设置。',
    error_noValues: '{setting}：请至少给出一个取值。',
    error_badNumber: '{setting}：“{value}”不是数字。',
    error_badRange: '{setting}：请把范围写成 最小值:最大值，例如 0.0001:0.1。',
    groups: '运行组',
    kind_seeds: '种子',
    kind_grid: '网格',
    kind_random: '随机',
    status_queued: '排队中',
    status_running: '运行中',
    status_completed: '已完成',
    status_cancelled: '已取消',
    runsDone: '已完成 {done} / {total} 个运行',
    groupTraining: '运行组“{name}”正在训练：已完成 {done} / {total} 个运行。',
    openGroup: '查看其曲线',
    open: '打开',
    closeGroup: '关闭运行组',
    cancelGroup: '取消运行组',
    groupCancelled: '运行组已取消：排队中的运行不会开始。',
    groupStarted: '运行组“{name}”已排队：{n} 个运行。',
    bandNote: '线条：各种子的平均值。阴影带：各种子之间的 ± 1 个标准差。',
    validationLoss: '验证损失',
    validationMetric_classification: '验证准确率',
    validationMetric_regression: '验证 R²',
    epoch: '轮次',
    combination: '设置',
    runs: '运行',
    bestValLoss: '最佳验证损失',
    finalMetric_classification: '最终验证准确率',
    finalMetric_regression: '最终验证 R²',
    tableNote: '已完成运行在各种子之间的平均值 ± 样本标准差。',
    scatterTitle: '{setting} 与{metric}（最终）',
    scatterSetting: '设置',
    scatterLog: '对数刻度',
    noScatter: '该设置的取值是名称而不是数字：请在表格中比较各行。',
    parallelTitle: '所有扫描设置与{metric}（最终）',
    parallelNote:
      '每条线是一次已完成的训练，依次经过它的各项设置，终点是最终得分；黄色的线得分最高，紫色最低。黄色线穿过某条轴的位置，就是该设置效果好的取值范围。',
    parallelLine: '训练 {run}：{values}',
    seedsOnly: '用种子重复：没有设置变化，因此阴影带和表格只显示种子带来的差异。',
  },
};
