// Why a CSV table or an image folder was refused, in each language: the codes of main/api/csvImportProblems.ts and
// main/api/imageImportProblems.ts with the values main sends (file, line, column, folder, sub-folder, image…).
import { CSV_IMPORT_PROBLEMS, type CsvImportProblem } from '../../../main/api/csvImportProblems';
import { IMAGE_IMPORT_PROBLEMS, type ImageImportProblem } from '../../../main/api/imageImportProblems';
import { MORE_NAMES_ENGLISH } from '../../../main/api/nameLists';
import { SYSTEM_ERRORS, type SystemErrorCode } from '../../../main/api/systemErrors';
import type { Messages } from '../lib/i18n.svelte';
import { IMAGE_FORMATS_ZH } from './importNoteMessages';

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
    'no-readable-images': `{folder}：类别文件夹中的 {count} 个文件都不是可读取的 ${IMAGE_FORMATS_ZH} 图片（例如 {example}：{reason}）`,
    'class-folder-unreadable': '{folder}：类别文件夹 {classes} 中没有可读取的图片（例如 {example}：{reason}）',
    'class-folders-unreadable': '{folder}：类别文件夹 {classes} 中没有可读取的图片（例如 {example}：{reason}）',
    'split-failed': '{folder}：{reason}',
  },
};

/** Why the system would not read a folder, inside a refusal's sentence (main/api/systemErrors.ts). */
export const systemErrorMessages: Messages<SystemErrorCode> = {
  en: { ...SYSTEM_ERRORS },
  'zh-CN': {
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
  },
};

/** How many more names a refusal's list has, after the first five (main/api/nameLists.ts). */
export const moreNamesMessages: Messages<'more'> = {
  en: { more: MORE_NAMES_ENGLISH },
  'zh-CN': { more: ' 以及另外 {count} 个' },
};

const SPLIT_WORDS_ZH =
  '每一行都需要 train、validation 或 test（也接受 training、val、valid、dev、testing、holdout；不区分大小写）';
const STRAY_TEXT_ZH = '请修正或清空这些单元格（空单元格按缺失值处理），或排除该列。';

/** What a CSV problem is, after where it is (csvPlaceMessages). */
export const csvImportErrorMessages: Messages<CsvImportProblem> = {
  en: { ...CSV_IMPORT_PROBLEMS },
  'zh-CN': {
    'after-closing-quote':
      '字段的右引号（引号开于第 {quoteLine} 行）后面出现了意外的 {char}；带引号字段内的引号要写两次（""）',
    'too-many-fields': '一条记录中超过 {max} 个字段',
    'quote-not-closed': '有一个带引号的字段没有结束：缺少右引号',
    'field-too-long': '有一个字段超过 {max} 个字符。',
    'field-too-long-quote': '有一个字段超过 {max} 个字符。第 {quoteLine} 行开始的引号是否缺少右引号？',
    unreadable: '无法读取：{reason}',
    'empty-file': '文件是空的',
    'bad-delimiter': '分隔符必须是一个字符，且不能是引号或换行符（实际为 {delimiter}）',
    'dataset-exists': '数据集文件夹 {dataset} 已经存在',
    'unknown-missing-policy': '未知的缺失值处理方式 {policy}',
    'no-label-column': "没有名为 '{ref}' 的标签列；文件中的列为 {columns}",
    'no-excluded-column': "没有名为 '{ref}' 的要排除的列；文件中的列为 {columns}",
    'no-categorical-column': "没有名为 '{ref}' 的类别特征列；文件中的列为 {columns}",
    'no-split-column': "没有名为 '{ref}' 的划分列；文件中的列为 {columns}",
    'label-column-index': '标签列序号 {index} 超出范围：文件有 {count} 列（0 到 {last}）',
    'excluded-column-index': '要排除的列序号 {index} 超出范围：文件有 {count} 列（0 到 {last}）',
    'categorical-column-index': '类别特征列序号 {index} 超出范围：文件有 {count} 列（0 到 {last}）',
    'split-column-index': '划分列序号 {index} 超出范围：文件有 {count} 列（0 到 {last}）',
    'label-excluded': "标签列 '{column}' 不能同时被排除",
    'split-is-label': "划分列 '{column}' 不能同时作为标签列",
    'split-excluded': "划分列 '{column}' 不能同时被排除",
    'split-categorical': "划分列 '{column}' 不能同时作为类别特征",
    'no-data-rows': '文件中没有数据行',
    'header-no-data-rows': '文件有表头，但没有数据行',
    'ragged-row-one': '只有 {fields} 个字段，应为 {expected} 个',
    'ragged-row': '有 {fields} 个字段，应为 {expected} 个',
    'label-cell-missing': "标签列 '{column}' 在这一行是空的（{value}）；请补上，或选择缺失值处理方式“删除所在行”",
    'split-cell-empty': `划分列 '{column}' 在这一行是空的；${SPLIT_WORDS_ZH}`,
    'split-cell-unknown': `划分列 '{column}' 的值是 {value}；${SPLIT_WORDS_ZH}`,
    'split-no-train':
      "划分列 '{column}' 没有把 {rows} 行中的任何一行分到 train（validation {validation} 行，test {test} 行）；模型需要训练行",
    'all-rows-dropped-one':
      "全部 {rows} 行在所用的列中都有缺失单元格，因此一行也不剩（缺失：{missing}）；请排除列 '{column}'，或填补缺失值而不是删除行",
    'all-rows-dropped':
      '全部 {rows} 行在所用的列中都有缺失单元格，因此一行也不剩（缺失：{missing}）；请排除列出的列，或填补缺失值而不是删除行',
    'stray-text': `列 '{column}' 除第 {exampleLine} 行外都是数字：{value}。${STRAY_TEXT_ZH}`,
    'stray-text-one-more': `列 '{column}' 除第 {exampleLine} 行（{value}）和另外 1 行外都是数字。${STRAY_TEXT_ZH}`,
    'stray-text-more': `列 '{column}' 除第 {exampleLine} 行（{value}）和另外 {more} 行外都是数字。${STRAY_TEXT_ZH}`,
    'beyond-float32': "列 '{column}' 中有 {value}，超出了 float32 的范围（±3.4e38）",
    'column-empty': "列 '{column}' 没有任何值（每个单元格都缺失）；请排除它",
    'too-many-categories':
      "列 '{column}' 有超过 {max} 个不同的值（{examples}, ...）：它看起来是标识符或自由文本，而不是类别。请排除它。",
    'label-empty': "标签列 '{column}' 没有任何值",
    'label-not-numeric': "标签列 '{column}' 不是数字（{value}），因此不能作为回归目标",
    'label-one-class': "标签列 '{column}' 只有一个类别（{value}）；分类器至少需要两个",
    'label-too-many-numbers': "标签列 '{column}' 有超过 {max} 个不同的值，类别太多；如果是数值目标，请选择任务“回归”",
    'label-too-many-classes': "标签列 '{column}' 有超过 {max} 个不同的值，类别太多；它是正确的标签列吗？",
    'label-too-many-ways': "标签列 '{column}' 的写法超过 {max} 种",
    'no-features': "除标签 '{column}' 外没有剩下任何特征列；请至少保留另外一列",
    'nothing-to-fill':
      "列 '{column}' 在训练行中没有任何值，无法用来填补其缺失单元格；请排除它，或选择缺失值处理方式“删除所在行”",
    'file-changed': '导入过程中文件发生了变化；请重新导入',
    'worker-stopped': '导入的第二个线程停止了：{reason}。请重新导入该文件',
    'split-failed': '{reason}',
  },
};

/** Where a CSV problem is: its file, and its 1-based line when it is on one. */
export const csvPlaceMessages: Messages<'inFile' | 'onLine'> = {
  en: { inFile: '{file}: {problem}', onLine: '{file}, line {line}: {problem}' },
  'zh-CN': { inFile: '{file}：{problem}', onLine: '{file} 第 {line} 行：{problem}' },
};
