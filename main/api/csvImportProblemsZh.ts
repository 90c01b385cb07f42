// The Simplified Chinese of why a CSV table cannot be imported (main/api/csvImportProblems.ts has the codes, their
// values and the English), and of where the problem is: one table for the command line (main/cli/errorWords.ts) and,
// like importNotesZh.ts, for the studio (renderer/src/data/importErrorMessages.ts words them from here).
import type { CsvImportProblem } from './csvImportProblems';

const SPLIT_WORDS_ZH =
  '每一行都需要 train、validation 或 test（也接受 training、val、valid、dev、testing、holdout；不区分大小写）';
const STRAY_TEXT_ZH = '请修正或清空这些单元格（空单元格按缺失值处理），或排除该列。';

export const CSV_IMPORT_PROBLEMS_ZH: Record<CsvImportProblem, string> = {
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
};

/** Where a CSV problem is: its file, and its 1-based line when it is on one. */
export const CSV_PLACES_ZH = { inFile: '{file}：{problem}', onLine: '{file} 第 {line} 行：{problem}' } as const;
