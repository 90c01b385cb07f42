// The studio frame's words: tabs, header, welcome, notices, help.
import type { Messages } from '../lib/i18n.svelte';

export const appMessages: Messages<
  | 'tabModel'
  | 'tabData'
  | 'tabTrain'
  | 'tabExperiments'
  | 'theme'
  | 'themeSystem'
  | 'themeLight'
  | 'themeDark'
  | 'language'
  | 'saving'
  | 'saved'
  | 'disconnected'
  | 'dismiss'
  | 'repeated'
  | 'shortcuts'
  | 'shortcutsTitle'
  | 'close'
  | 'webMode'
  | 'desktopMode'
  | 'welcomeTitle'
  | 'welcomeLead'
  | 'welcomeSamples'
  | 'welcomeTemplates'
  | 'welcomeOwnData'
  | 'useSample'
  | 'importCsv'
  | 'importImages'
  | 'startingSample'
  | 'sampleReady'
  | 'loading'
  | 'emptyGraph'
  | 'noticeNoGraph'
  | 'noticeNoDataset'
  | 'noticeSaveFailed'
> = {
  en: {
    tabModel: 'Model',
    tabData: 'Data',
    tabTrain: 'Train',
    tabExperiments: 'Experiments',
    theme: 'Theme',
    themeSystem: 'System',
    themeLight: 'Light',
    themeDark: 'Dark',
    language: 'Language',
    saving: 'Saving…',
    saved: 'Saved',
    disconnected: 'Disconnected from the studio server; reconnecting…',
    dismiss: 'Dismiss',
    repeated: 'shown {n} times',
    shortcuts: 'Keyboard shortcuts',
    shortcutsTitle: 'Keyboard shortcuts',
    close: 'Close',
    webMode: 'web mode',
    desktopMode: 'desktop',
    welcomeTitle: 'Welcome to Netwright',
    welcomeLead:
      'Train your first network in a minute: pick a sample dataset, and the studio opens a model that suits it.',
    welcomeSamples: 'Sample datasets',
    welcomeTemplates: 'Or start from a template',
    welcomeOwnData: 'Or bring your own data',
    useSample: 'Use {name}',
    importCsv: 'Import a CSV table…',
    importImages: 'Import an image folder…',
    startingSample: 'Preparing {name}…',
    sampleReady: '{name} is ready: press Train to start.',
    loading: 'Loading…',
    emptyGraph: 'Empty graph',
    noticeNoGraph: 'Draw or pick a network first.',
    noticeNoDataset: 'Choose a dataset first (Data tab).',
    noticeSaveFailed: 'The graph could not be saved: {error}',
  },
  'zh-CN': {
    tabModel: '模型',
    tabData: '数据',
    tabTrain: '训练',
    tabExperiments: '实验',
    theme: '主题',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
    language: '语言',
    saving: '正在保存…',
    saved: '已保存',
    disconnected: '与工作室服务器的连接已断开，正在重连…',
    dismiss: '关闭',
    repeated: '已出现 {n} 次',
    shortcuts: '键盘快捷键',
    shortcutsTitle: '键盘快捷键',
    close: '关闭',
    webMode: '网页模式',
    desktopMode: '桌面版',
    welcomeTitle: '欢迎使用 Netwright',
    welcomeLead: '一分钟内训练你的第一个网络：选择一个示例数据集，工作室会打开一个适合它的模型。',
    welcomeSamples: '示例数据集',
    welcomeTemplates: '或从模板开始',
    welcomeOwnData: '或导入你自己的数据',
    useSample: '使用 {name}',
    importCsv: '导入 CSV 表格…',
    importImages: '导入图像文件夹…',
    startingSample: '正在准备 {name}…',
    sampleReady: '{name} 已就绪：点击“训练”开始。',
    loading: '加载中…',
    emptyGraph: '空白网络',
    noticeNoGraph: '请先绘制或选择一个网络。',
    noticeNoDataset: '请先选择数据集（“数据”标签页）。',
    noticeSaveFailed: '无法保存网络：{error}',
  },
};
