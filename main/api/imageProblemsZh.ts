// The Simplified Chinese of why an image folder cannot become a dataset (main/api/imageImportProblems.ts), why a run
// cannot predict on the images it was given (imagePredictionProblems.ts), why the system would not read a file
// (systemErrors.ts) and of a list's "and 3 more" (nameLists.ts): one table for the command line
// (main/cli/errorWords.ts) and, like importNotesZh.ts, for the studio (renderer/src/data/importErrorMessages.ts and
// renderer/src/imagePredictions/messages.ts word them from here).
import type { ImageImportProblem } from './imageImportProblems';
import type { ImagePredictionProblem } from './imagePredictionProblems';
import { IMAGE_FORMATS_ZH } from './importNotesZh';
import type { SystemErrorCode } from './systemErrors';

export const IMAGE_IMPORT_PROBLEMS_ZH: Record<ImageImportProblem, string> = {
  'no-such-path': '{folder}：没有这个文件或文件夹',
  'path-unreadable': '{folder}：无法读取',
  'no-such-folder': '{folder}：没有这个文件夹',
  'folder-unreadable': '{folder}：无法读取（{reason}）',
  'not-a-folder': '{folder}：不是文件夹：请选择每个类别各有一个图片子文件夹的那个文件夹',
  'folder-unlistable': '{folder}：无法读取该文件夹（{reason}）',
  'class-folder-unlistable': "{folder}：无法读取类别文件夹 '{subfolder}'（{reason}）",
  'bad-size': '{folder}：图片尺寸必须是 [高, 宽]，取 1 到 {max} 之间的整数像素，实际为 {value}',
  'bad-fit': '{folder}：适配方式必须是 {fits} 之一，实际为 {value}',
  'split-classes-missing':
    '{folder}：它的类别文件夹与 {train}/ 的（{classes}）不同：它缺少 {missing}；每个划分文件夹都需要相同的类别',
  'split-classes-extra':
    '{folder}：它的类别文件夹与 {train}/ 的（{classes}）不同：它多出 {extra}，而 {train}/ 没有；每个划分文件夹都需要相同的类别',
  'split-classes-differ':
    '{folder}：它的类别文件夹与 {train}/ 的（{classes}）不同：它缺少 {missing}，并多出 {extra}，而 {train}/ 没有；每个划分文件夹都需要相同的类别',
  'dataset-exists': '{folder}：数据集文件夹 {dataset} 已经存在',
  'train-folder-no-images': '{folder}：训练文件夹 {train}/ 中没有可读取的图片',
  'no-class-folders': '{folder}：没有类别文件夹：请把图片按类别放进各自的子文件夹，并以类别命名（例如 cats/、dogs/）',
  empty: '{folder}：是空的：它应当为每个类别各包含一个图片子文件夹',
  'one-class': "{folder}：只有一个类别文件夹（'{className}'）；分类器至少需要 2 个，每个类别一个图片子文件夹",
  'images-nested':
    '{folder}：类别文件夹（{classes}）里没有直接存放的图片，图片只在它们内部的文件夹中（{nested}）；请选择以类别为子文件夹的那个文件夹，例如 {suggestion}',
  'all-class-folders-empty': '{folder}：没有图片：它的类别文件夹（{classes}）都是空的',
  'class-folder-empty': '{folder}：类别文件夹 {classes} 中没有图片；请添加图片或删除该文件夹',
  'class-folders-empty': '{folder}：类别文件夹 {classes} 中没有图片；请添加图片或删除这些文件夹',
  'no-readable-images': `{folder}：类别文件夹中的 {count} 个文件都不是可读取的 ${IMAGE_FORMATS_ZH} 图片（例如 {example}：{reason}）`,
  'class-folder-unreadable': '{folder}：类别文件夹 {classes} 中没有可读取的图片（例如 {example}：{reason}）',
  'class-folders-unreadable': '{folder}：类别文件夹 {classes} 中没有可读取的图片（例如 {example}：{reason}）',
  'split-failed': '{folder}：{reason}',
};

export const IMAGE_PREDICTION_PROBLEMS_ZH: Record<ImagePredictionProblem, string> = {
  'table-dataset': "运行 '{run}' 是在 '{dataset}' 上训练的，它不是图片数据集：请用包含其各列的 CSV 文件预测",
  'vector-input': "运行 '{run}' 接收每行 {width} 个数字，而不是图片：请用包含这些数字列的 CSV 文件预测",
  'input-channels':
    "运行 '{run}' 的输入形状为 {shape}：图片只能读取为 1 个通道（灰度）或 3 个通道（RGB），不能是 {channels} 个",
  'predicts-numbers': "运行 '{run}' 预测的是数值而不是类别：图片预测需要分类运行",
  'table-file': "{path}：运行 '{run}' 接收图片（{shape}），而不是表格：请给出一个图片文件或一个图片文件夹",
  'not-an-image': `{path}：不是可读取的 ${IMAGE_FORMATS_ZH} 图片（{reason}）`,
  'no-images-one': `{path}：没有可用于预测的 ${IMAGE_FORMATS_ZH} 图片（跳过了 1 个文件，例如 {example}：{reason}）`,
  'no-images': `{path}：没有可用于预测的 ${IMAGE_FORMATS_ZH} 图片（跳过了 {skipped} 个文件，例如 {example}：{reason}）`,
  'no-files': `{path}：没有可用于预测的 ${IMAGE_FORMATS_ZH} 图片`,
};

export const SYSTEM_ERRORS_ZH: Record<SystemErrorCode, string> = {
  EACCES: '没有读取权限',
  EPERM: '系统不允许读取',
  ENOENT: '它已不存在',
  ENOTDIR: '路径中有一部分不是文件夹',
  ELOOP: '链接形成了循环',
  ENAMETOOLONG: '路径太长',
  EIO: '磁盘报告了输入/输出错误',
  EMFILE: '打开的文件太多',
  ENFILE: '打开的文件太多',
  EBUSY: '它正被占用',
  other: '系统错误 {error}',
};

/** How many more names a list has, after the first five (MORE_NAMES_ENGLISH in English). */
export const MORE_NAMES_ZH = ' 以及另外 {count} 个';
