// Why a CSV table or an image folder was refused, in each language: the codes of main/api/csvImportProblems.ts and
// main/api/imageImportProblems.ts with the values main sends (file, line, column, folder, sub-folder, image…).
import { IMAGE_IMPORT_PROBLEMS, type ImageImportProblem } from '../../../main/api/imageImportProblems';
import type { Messages } from '../lib/i18n.svelte';

export const imageImportErrorMessages: Messages<ImageImportProblem> = {
  en: { ...IMAGE_IMPORT_PROBLEMS },
  'zh-CN': {
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
    'no-readable-images':
      '{folder}：类别文件夹中的 {count} 个文件都不是可读取的 {formats} 图片（例如 {example}：{reason}）',
    'class-folder-unreadable': '{folder}：类别文件夹 {classes} 中没有可读取的图片（例如 {example}：{reason}）',
    'class-folders-unreadable': '{folder}：类别文件夹 {classes} 中没有可读取的图片（例如 {example}：{reason}）',
    'split-failed': '{folder}：{reason}',
  },
};
