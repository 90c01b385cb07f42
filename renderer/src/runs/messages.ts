// The run page's words: its header, settings and read-only graph.
import type { Messages } from '../lib/i18n.svelte';

const en = {
  runPage: 'Run page',
  backToRuns: '← All runs',
  loadingRun: 'Loading the run…',
  runFacts: '{dataset} · created {created} · trained {duration}',
  noDataset: 'dataset deleted',
  importedNoDataset: 'no dataset (imported)',
  bestAndLast: 'Best weights: epoch {best} · last weights: epoch {last}',
  lastOnly: 'Last weights: epoch {last} (no validation split, so no best epoch)',
  noEpochs: 'No epoch has finished yet.',
  importedNotTrained:
    'Imported from a model file, not trained here: its weights are the file’s, so there are no curves yet.',
  settings: 'Settings',
  setting: 'Setting',
  value: 'Value',
  graph: 'Graph',
  graphHelp: 'The network exactly as this run trained it (later edits of the graph do not change it).',
  graphPicture: 'The graph of {name}',
  parameters: '{count} parameters',
  openInEditor: 'Open in the editor',
  liveNote: 'Training: the page follows the run as it learns.',
} as const;

export const runMessages: Messages<keyof typeof en> = {
  en,
  'zh-CN': {
    runPage: '运行页面',
    backToRuns: '← 全部运行',
    loadingRun: '正在读取运行…',
    runFacts: '{dataset} · 创建于 {created} · 训练用时 {duration}',
    noDataset: '数据集已删除',
    importedNoDataset: '无数据集（导入）',
    bestAndLast: '最佳权重：第 {best} 轮 · 最后权重：第 {last} 轮',
    lastOnly: '最后权重：第 {last} 轮（没有验证集，因此没有最佳轮次）',
    noEpochs: '还没有完成任何一轮。',
    importedNotTrained: '从模型文件导入，未在这里训练：权重来自该文件，因此还没有曲线。',
    settings: '设置',
    setting: '设置项',
    value: '取值',
    graph: '网络图',
    graphHelp: '本次运行训练时的网络原样（之后对网络图的修改不会改变它）。',
    graphPicture: '{name} 的网络图',
    parameters: '{count} 个参数',
    openInEditor: '在编辑器中打开',
    liveNote: '训练中：页面随运行的学习实时更新。',
  },
};
