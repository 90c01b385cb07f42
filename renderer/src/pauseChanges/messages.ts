// Words for settings changed at a pause: the form shown while a run is paused, the curve markers, and refusals.
import type { Messages } from '../lib/i18n.svelte';

const en = {
  title: 'Change settings while paused',
  intro:
    'The new values apply from the next step; the change is recorded on the curves, in the checkpoint and in exports.',
  learningRate: 'Learning rate',
  learningRateHelp: 'The schedule continues from this rate (a step schedule multiplies it by gamma at its next steps).',
  l1: 'L1',
  l2: 'L2',
  dropoutAll: 'Dropout (all layers)',
  dropoutLayer: 'Dropout of {node}',
  patience: 'Early-stopping patience (epochs)',
  apply: 'Apply changes',
  applied: '{count} setting(s) changed at epoch {epoch}.',
  nothingChanged: 'Nothing changed: every value is as it was.',
  notANumber: 'Not changed: {field} is not a number.',
  marker_learningRate: 'lr {from} → {to}',
  marker_l1: 'L1 {from} → {to}',
  marker_l2: 'L2 {from} → {to}',
  marker_dropout: 'dropout {node} {from} → {to}',
  marker_patience: 'patience {from} → {to}',
  history: 'Settings changed',
  'refused_not-paused': 'Settings change only while the run is paused.',
  'refused_setting-out-of-range': 'Not changed: {setting} is {value}; it must be between {min} and {max}.',
  'refused_change-empty': 'Not changed: give at least one new value.',
  'refused_change-no-dropout-layer': 'Not changed: {nodeId} is not a dropout layer of this model.',
  'refused_change-no-early-stopping': 'Not changed: this run does not use early stopping, so it has no patience.',
};

export type ChangeKey = keyof typeof en;

export const changeMessages: Messages<ChangeKey> = {
  en,
  'zh-CN': {
    title: '暂停时修改设置',
    intro: '新值从下一步开始生效；修改会记录在曲线、检查点和导出文件中。',
    learningRate: '学习率',
    learningRateHelp: '学习率调度从这个值继续（阶梯调度在之后的每一步再乘以 gamma）。',
    l1: 'L1',
    l2: 'L2',
    dropoutAll: 'Dropout（所有层）',
    dropoutLayer: '{node} 的 Dropout',
    patience: '早停耐心（轮数）',
    apply: '应用修改',
    applied: '已在第 {epoch} 轮修改 {count} 项设置。',
    nothingChanged: '没有修改：所有值都与原来相同。',
    notANumber: '未修改：{field} 不是数字。',
    marker_learningRate: '学习率 {from} → {to}',
    marker_l1: 'L1 {from} → {to}',
    marker_l2: 'L2 {from} → {to}',
    marker_dropout: 'Dropout {node} {from} → {to}',
    marker_patience: '耐心 {from} → {to}',
    history: '已修改的设置',
    'refused_not-paused': '只有在训练暂停时才能修改设置。',
    'refused_setting-out-of-range': '未修改：{setting} 的值为 {value}，必须在 {min} 到 {max} 之间。',
    'refused_change-empty': '未修改：请至少给出一个新值。',
    'refused_change-no-dropout-layer': '未修改：{nodeId} 不是这个模型的 Dropout 层。',
    'refused_change-no-early-stopping': '未修改：这次训练没有使用早停，因此没有耐心值。',
  },
};
