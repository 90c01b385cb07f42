// What an import made of a CSV table or an image folder, and why an image file was skipped, in each language: the
// codes of main/api/importNotes.ts with the values main sends (rows, a delimiter, a file and a line, pixels…).
import {
  IMAGE_SKIP_REASONS,
  IMPORT_NOTES,
  type ImportNoteCode,
  type SkipReasonCode,
} from '../../../main/api/importNotes';
import type { Messages } from '../lib/i18n.svelte';

const INVALID_BYTE_ADVICE_ZH =
  '已按 UTF-8 读取，每个这样的字节都替换成了 \uFFFD。如果文件使用其他编码，请将其另存为 UTF-8 后重新导入。';

export const importNoteMessages: Messages<ImportNoteCode> = {
  en: { ...IMPORT_NOTES },
  'zh-CN': {
    'csv-rows-read-header': "已读取 {rows} 行（以 '{delimiter}' 分隔，有表头）",
    'csv-rows-read-no-header': "已读取 {rows} 行（以 '{delimiter}' 分隔，无表头）",
    'csv-rows-read-tab-header': '已读取 {rows} 行（以制表符分隔，有表头）',
    'csv-rows-read-tab-no-header': '已读取 {rows} 行（以制表符分隔，无表头）',
    'csv-rows-dropped': '已删除含缺失值的 {rows} 行',
    'csv-cells-filled': '已填补 {cells} 个缺失单元格',
    'csv-features-classification': '编码后共 {features} 个特征；分类，共 {classes} 个类别',
    'csv-features-regression': '编码后共 {features} 个特征；回归',
    'csv-invalid-byte': `{file}：第 {line} 行含有字节 0x{byte}，它不是 UTF-8，而文件在此之前都能按 UTF-8 读取；${INVALID_BYTE_ADVICE_ZH}`,
    'csv-invalid-byte-bom': `{file}：第 {line} 行含有字节 0x{byte}，它不是 UTF-8，而文件以 UTF-8 字节顺序标记开头；${INVALID_BYTE_ADVICE_ZH}`,
    'split-from-column': "按列 '{column}' 划分：训练 {train} 行，验证 {validation} 行，测试 {test} 行",
    'split-from-folders': '按文件夹 {folders} 划分：训练 {train} 张，验证 {validation} 张，测试 {test} 张',
    'images-read-grayscale': '{images} 张图片，{classes} 个类别，已缩放为 {height}×{width} 灰度图',
    'images-read-rgb': '{images} 张图片，{classes} 个类别，已缩放为 {height}×{width} RGB 彩色图',
  },
};

const NESTED_ADVICE_ZH = '未导入（只导入直接放在类别文件夹中的图片：请把它们移到上一层，或把这个文件夹作为单独的类别）';

/** Why a file was not read as an image, after its path. */
export const skipReasonMessages: Messages<SkipReasonCode> = {
  en: { ...IMAGE_SKIP_REASONS },
  'zh-CN': {
    unreadable: '无法读取（{error}）',
    'link-or-permission': '无法读取（链接失效或没有权限）',
    'empty-file': '空文件',
    'not-an-image': '不是 PNG、JPEG、WebP、BMP 或 GIF 图片',
    'too-large':
      '{format} 图片太大，无法导入：{width}×{height} 像素（{megapixels} 百万像素；每张图片上限为 {limit} 百万像素）。请先缩小它。',
    'bmp-unreadable': '无法读取的 BMP 文件（{detail}）',
    damaged: '已损坏或不完整的 {format} 文件',
    'outside-class-folders': '不在类别文件夹中（请把每个类别的图片放进以该类别命名的子文件夹）',
    'not-a-file-or-folder': '既不是文件也不是文件夹',
    'not-a-file': '不是文件',
    'nested-folder-one': `类别文件夹 '{className}' 里的文件夹，含 {files} 个文件，${NESTED_ADVICE_ZH}`,
    'nested-folder': `类别文件夹 '{className}' 里的文件夹，含 {files} 个文件，${NESTED_ADVICE_ZH}`,
    'not-a-run-class': '文件夹名不是该运行的任何类别（{classes}），因此没有读取其中的图片',
  },
};
