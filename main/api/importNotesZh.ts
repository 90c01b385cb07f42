// The Simplified Chinese of the import notes and of why an image file was skipped (main/api/importNotes.ts has the
// codes, their values and the English): one table for the studio (renderer/src/data/importNoteMessages.ts) and the
// command line (main/cli/noteWords.ts), so both say the same.
import { asSkipReasons, type BmpProblem } from './bmpProblems';
import type { ImportNoteCode, SkipReasonCode } from './importNotes';

const INVALID_BYTE_ADVICE_ZH =
  '已按 UTF-8 读取，每个这样的字节都替换成了 \uFFFD。如果文件使用其他编码，请将其另存为 UTF-8 后重新导入。';

export const IMPORT_NOTES_ZH: Record<ImportNoteCode, string> = {
  'csv-rows-read-header': "已读取 {rows} 行（以 '{delimiter}' 分隔，有表头）",
  'csv-rows-read-no-header': "已读取 {rows} 行（以 '{delimiter}' 分隔，无表头）",
  'csv-rows-read-tab-header': '已读取 {rows} 行（以制表符分隔，有表头）',
  'csv-rows-read-tab-no-header': '已读取 {rows} 行（以制表符分隔，无表头）',
  'csv-rows-dropped': '已删除含缺失值的 {rows} 行',
  'csv-cells-filled': '已填补 {cells} 个缺失单元格',
  'csv-columns-renamed': '表头中有 {count} 个名称重复或为空，已重命名：{columns}',
  'csv-features-classification': '编码后共 {features} 个特征；分类，共 {classes} 个类别',
  'csv-features-regression': '编码后共 {features} 个特征；回归',
  'csv-label-large':
    "标签列 '{column}' 在训练行上为 {mean} ± {std}：网络的输出从 0 附近开始，目标在 ±1 左右时学得最好，所以一开始的误差和梯度就有这么大（普通 SGD 可能发散为 NaN；Adam 需要很多步才能把输出增长到这个量级）。请以标准化标签导入（默认做法），或在导入前把该列除以 {divisor}，取值会变为 {scaledMean} ± {scaledStd}。",
  'csv-label-standardized':
    "标签列 '{column}' 在训练行上为 {mean} ± {std}：模型学习的是标准化后的标签 (值 − {mean}) / {std}，在 ±1 附近，网络在这个量级上学得最好。损失按这个尺度计算；预测值、MAE 和 RMSE 仍以标签本身的单位给出。",
  'csv-invalid-byte': `{file}：第 {line} 行含有字节 0x{byte}，它不是 UTF-8，而文件在此之前都能按 UTF-8 读取；${INVALID_BYTE_ADVICE_ZH}`,
  'csv-invalid-byte-bom': `{file}：第 {line} 行含有字节 0x{byte}，它不是 UTF-8，而文件以 UTF-8 字节顺序标记开头；${INVALID_BYTE_ADVICE_ZH}`,
  'split-from-column': "按列 '{column}' 划分：训练 {train} 行，验证 {validation} 行，测试 {test} 行",
  'split-from-folders': '按文件夹 {folders} 划分：训练 {train} 张，验证 {validation} 张，测试 {test} 张',
  'images-read-grayscale': '{images} 张图片，{classes} 个类别，已缩放为 {height}×{width} 灰度图',
  'images-read-rgb': '{images} 张图片，{classes} 个类别，已缩放为 {height}×{width} RGB 彩色图',
};

/** The formats an image folder's files may be in, written out in Chinese (IMAGE_FORMATS_TEXT in English). */
export const IMAGE_FORMATS_ZH = 'PNG、JPEG、WebP、BMP 或 GIF';

/** Why our BMP decoder refused a file (main/api/bmpProblems.ts), inside a skip reason's sentence. */
const BMP_PROBLEMS_ZH: Record<BmpProblem, string> = {
  'not-bmp': '文件不是以 "BM" 开头',
  'truncated-header': '文件在文件头内就截断了',
  'header-size': '未知的文件头大小 {size}',
  'truncated-pixels': '文件不完整：它的 {width}×{height} 像素需要 {needed} 字节，实际只有 {bytes} 字节',
  planes: '颜色平面数为 {planes}（必须为 1）',
  'bad-size': '图片尺寸为 {width}×{height} 像素',
  'too-many-pixels': '{width}×{height} 像素超过了允许的 {limit} 像素',
  'bit-depth': '不支持每像素 {bits} 位',
  compressed: '不支持 {method} 压缩的文件（请另存为未压缩格式）',
  'unknown-compression': '未知的压缩方式 {compression}',
  'masks-bit-depth': '每像素 {bits} 位的文件不能使用位域掩码',
  'os2-top-down': 'OS/2 文件头中的高度为负数',
  'pixel-offset': '像素数据偏移量 {offset} 指向了文件头内部',
  'palette-too-long': '调色板声称有 {colors} 种颜色，超过了 {bits} 位能索引的数量',
  'no-palette': '{bits} 位图片没有调色板',
  'palette-index': '像素 ({x}, {y}) 使用了第 {index} 种颜色，而调色板只有 {colors} 种颜色',
  'masks-overlap': '位域掩码与像素数据重叠',
  'mask-too-wide': '颜色掩码 0x{mask} 超过了 {bits} 位',
  'mask-not-contiguous': '颜色掩码 0x{mask} 不是连续的一段位',
  'masks-zero': '颜色掩码全为零',
};

const NESTED_ADVICE_ZH = '未导入（只导入直接放在类别文件夹中的图片：请把它们移到上一层，或把这个文件夹作为单独的类别）';

/** Why a file was not read as an image, after its path. */
export const IMAGE_SKIP_REASONS_ZH: Record<SkipReasonCode, string> = {
  unreadable: '无法读取（{error}）',
  'link-or-permission': '无法读取（链接失效或没有权限）',
  'empty-file': '空文件',
  'not-an-image': `不是 ${IMAGE_FORMATS_ZH} 图片`,
  'too-large':
    '{format} 图片太大，无法导入：{width}×{height} 像素（{megapixels} 百万像素；每张图片上限为 {limit} 百万像素）。请先缩小它。',
  ...asSkipReasons(BMP_PROBLEMS_ZH, (detail) => `无法读取的 BMP 文件（${detail}）`),
  damaged: '已损坏或不完整的 {format} 文件',
  'outside-class-folders': '不在类别文件夹中（请把每个类别的图片放进以该类别命名的子文件夹）',
  'not-a-file-or-folder': '既不是文件也不是文件夹',
  'not-a-file': '不是文件',
  'nested-folder-one': `类别文件夹 '{className}' 里的文件夹，含 {files} 个文件，${NESTED_ADVICE_ZH}`,
  'nested-folder': `类别文件夹 '{className}' 里的文件夹，含 {files} 个文件，${NESTED_ADVICE_ZH}`,
  'not-a-run-class': '文件夹名不是该运行的任何类别（{classes}），因此没有读取其中的图片',
};
