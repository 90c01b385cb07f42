// The notes an import or an export comes with (codes with values, main/api/importNotes.ts and exportNotes.ts) and
// why an image file was skipped, in the CLI's languages: English is main/api's own table, Simplified Chinese is
// here (worded like the studio's tables, which main/ may not import); and the line above an export's files.
// `--json` keeps the English text.
import { IMAGE_SKIP_REASONS, IMPORT_NOTES, type ImportNoteCode, type SkipReasonCode } from '../api/importNotes';
import { EXPORT_NOTES, type ExportNoteCode } from '../api/exportNotes';
import { asSkipReasons, type BmpProblem } from '../api/bmpProblems';
import { say, type CliLocale, type Words } from './locale';

const INVALID_BYTE_ADVICE =
  '已按 UTF-8 读取，每个这样的字节都替换成了 \uFFFD。如果文件使用其他编码，请将其另存为 UTF-8 后重新导入。';

export const IMPORT_NOTE_WORDS: Words<ImportNoteCode> = {
  en: IMPORT_NOTES,
  zh: {
    'csv-rows-read-header': "已读取 {rows} 行（以 '{delimiter}' 分隔，有表头）",
    'csv-rows-read-no-header': "已读取 {rows} 行（以 '{delimiter}' 分隔，无表头）",
    'csv-rows-read-tab-header': '已读取 {rows} 行（以制表符分隔，有表头）',
    'csv-rows-read-tab-no-header': '已读取 {rows} 行（以制表符分隔，无表头）',
    'csv-rows-dropped': '已删除含缺失值的 {rows} 行',
    'csv-cells-filled': '已填补 {cells} 个缺失单元格',
    'csv-features-classification': '编码后共 {features} 个特征；分类，共 {classes} 个类别',
    'csv-features-regression': '编码后共 {features} 个特征；回归',
    'csv-invalid-byte': `{file}：第 {line} 行含有字节 0x{byte}，它不是 UTF-8，而文件在此之前都能按 UTF-8 读取；${INVALID_BYTE_ADVICE}`,
    'csv-invalid-byte-bom': `{file}：第 {line} 行含有字节 0x{byte}，它不是 UTF-8，而文件以 UTF-8 字节顺序标记开头；${INVALID_BYTE_ADVICE}`,
    'split-from-column': "按列 '{column}' 划分：训练 {train} 行，验证 {validation} 行，测试 {test} 行",
    'split-from-folders': '按文件夹 {folders} 划分：训练 {train} 张，验证 {validation} 张，测试 {test} 张',
    'images-read-grayscale': '{images} 张图片，{classes} 个类别，已缩放为 {height}×{width} 灰度图',
    'images-read-rgb': '{images} 张图片，{classes} 个类别，已缩放为 {height}×{width} RGB 彩色图',
  },
};

const NESTED_ADVICE = '未导入（只导入直接放在类别文件夹中的图片：请把它们移到上一层，或把这个文件夹作为单独的类别）';

/** Why our BMP decoder refused a file (main/api/bmpProblems.ts), inside a skip reason ('bmp-<code>'). */
const BMP_PROBLEM_WORDS: Record<BmpProblem, string> = {
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

export const SKIP_REASON_WORDS: Words<SkipReasonCode> = {
  en: IMAGE_SKIP_REASONS,
  zh: {
    unreadable: '无法读取（{error}）',
    'link-or-permission': '无法读取（链接失效或没有权限）',
    'empty-file': '空文件',
    'not-an-image': '不是 PNG、JPEG、WebP、BMP 或 GIF 图片',
    'too-large':
      '{format} 图片太大，无法导入：{width}×{height} 像素（{megapixels} 百万像素；每张图片上限为 {limit} 百万像素）。请先缩小它。',
    ...asSkipReasons(BMP_PROBLEM_WORDS, (detail) => `无法读取的 BMP 文件（${detail}）`),
    damaged: '已损坏或不完整的 {format} 文件',
    'outside-class-folders': '不在类别文件夹中（请把每个类别的图片放进以该类别命名的子文件夹）',
    'not-a-file-or-folder': '既不是文件也不是文件夹',
    'not-a-file': '不是文件',
    'nested-folder-one': `类别文件夹 '{className}' 里的文件夹，含 {files} 个文件，${NESTED_ADVICE}`,
    'nested-folder': `类别文件夹 '{className}' 里的文件夹，含 {files} 个文件，${NESTED_ADVICE}`,
    'not-a-run-class': '文件夹名不是该运行的任何类别（{classes}），因此没有读取其中的图片',
  },
};

export const EXPORT_NOTE_WORDS: Words<ExportNoteCode> = {
  en: EXPORT_NOTES,
  zh: {
    'weights-best': '权重来自第 {epoch} 轮的最佳检查点',
    'weights-last': '权重来自第 {epoch} 轮的最后一个检查点',
    'weights-manual': '权重来自第 {epoch} 轮手动保存的检查点',
    'dropout-left-out': '未包含 Dropout：ONNX 保存的是模型的推理形式',
    'inputs-standardized': '模型接受标准化后的输入；统计量保存在它的元数据中',
    'standardization-folded': '输入标准化已并入模型：模型直接接受原始值',
    'script-split': '它在本次运行所用的数据行（{splitFile}）上训练和测试；--random-split 会重新抽取',
    'run-script': '运行方式：{command}',
    'run-torchrun': '或用 2 个进程运行：{command}',
  },
};

/** The line above an export's files and notes. */
export const EXPORT_WORDS: Words<'exported'> = {
  en: { exported: "exported run {id} '{name}' as {format}:" },
  zh: { exported: "已将运行 {id} '{name}' 导出为 {format}：" },
};

/** A note (or a skip reason) in `locale`, from its family's words. */
export function noteText<Code extends string>(
  words: Words<Code>,
  note: { readonly code: Code; readonly values: Readonly<Record<string, string | number>> },
  locale: CliLocale,
): string {
  return say(words, locale, note.code, note.values);
}
