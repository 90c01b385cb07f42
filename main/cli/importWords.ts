// The words of `import` around its notes (noteWords.ts): what a table or an image folder became, the skipped files,
// the split and where the dataset folder is, in English and Simplified Chinese.
import type { Words } from './locale';

type ImportWord =
  | 'note'
  | 'tableImported'
  | 'task_classification'
  | 'task_regression'
  | 'classCount'
  | 'imagesImported'
  | 'colour_grayscale'
  | 'colour_rgb'
  | 'classes'
  | 'skippedOne'
  | 'skippedMany'
  | 'skippedMore'
  | 'split'
  | 'splitSeed'
  | 'splitFromColumn'
  | 'splitFromFolders'
  | 'datasetFolder'
  | 'trainIt';

export const IMPORT_WORDS: Words<ImportWord> = {
  en: {
    note: 'note: {text}',
    tableImported: "imported {rows} rows of {file} as '{name}' ({task}{classes}, {features} features)",
    task_classification: 'classification',
    task_regression: 'regression',
    classCount: ', {classes} classes',
    imagesImported:
      "imported {images} images of {folder} as '{name}' ({classes} classes, {colour} {height}×{width} (height×width) with fit '{fit}': {channels}×{height}×{width} values per image)",
    colour_grayscale: 'grayscale',
    colour_rgb: 'RGB',
    classes: 'classes: {classes}',
    skippedOne: 'skipped {files} file:',
    skippedMany: 'skipped {files} files:',
    skippedMore: '  ... and {files} more (--json lists them all)',
    split: 'split: {train} train / {validation} validation / {test} test ({source})',
    splitSeed: 'seed {seed}',
    splitFromColumn: "from column '{column}'",
    splitFromFolders: 'from folders {folders}',
    datasetFolder: 'dataset folder: {folder}',
    trainIt: 'train it: {command}',
  },
  zh: {
    note: '注：{text}',
    tableImported: "已将 {file} 的 {rows} 行导入为 '{name}'（{task}{classes}，{features} 个特征）",
    task_classification: '分类',
    task_regression: '回归',
    classCount: '，{classes} 个类别',
    imagesImported:
      "已将 {folder} 的 {images} 张图片导入为 '{name}'（{classes} 个类别，{colour} {height}×{width}（高×宽），适配方式 '{fit}'：每张图片 {channels}×{height}×{width} 个值）",
    colour_grayscale: '灰度',
    colour_rgb: 'RGB',
    classes: '类别：{classes}',
    skippedOne: '跳过了 {files} 个文件：',
    skippedMany: '跳过了 {files} 个文件：',
    skippedMore: '  ……另有 {files} 个（--json 会全部列出）',
    split: '划分：训练 {train} / 验证 {validation} / 测试 {test}（{source}）',
    splitSeed: '种子 {seed}',
    splitFromColumn: "按列 '{column}'",
    splitFromFolders: '按文件夹 {folders}',
    datasetFolder: '数据集文件夹：{folder}',
    trainIt: '训练它：{command}',
  },
};
