// The words of a usage mistake (an unknown option, a value that is not a number, a run not named …), in English and
// Simplified Chinese. Option names (--lr), values and placeholders (RUN, FILE.csv) stay as typed in both.
import type { Words } from './locale';

export type UsageMistake =
  // the parser and its option readers (args.ts)
  | 'unknown-command'
  | 'unknown-option'
  | 'switch-takes-no-value'
  | 'needs-value'
  | 'not-a-number'
  | 'not-a-count'
  | 'not-positive'
  | 'not-a-choice'
  | 'not-negative'
  | 'unexpected-argument'
  | 'unknown-language'
  | 'not-both'
  | 'goes-with'
  // which run, which file
  | 'run-to-continue'
  | 'run-to-evaluate'
  | 'run-to-export'
  | 'run-and-file'
  | 'file-or-folder-to-import'
  | 'label-to-import'
  | 'label-of-table'
  | 'label-of-evaluation'
  | 'what-to-train-on'
  | 'image-size-needed'
  | 'image-size-format'
  // options that do not fit the run, the data or each other
  | 'out-overwrites-input'
  | 'dropout-pairs'
  | 'export-format'
  | 'onnx-only'
  | 'table-options-for-images'
  | 'table-options-for-own-data'
  | 'table-options-for-own-columns'
  | 'imported-run-needs-data'
  | 'data-and-split'
  | 'table-options-not-sample'
  | 'table-options-need-csv'
  | 'image-options-for-folders'
  | 'table-options-for-tables'
  | 'dataset-options-for-model'
  | 'only-tables-and-folders'
  | 'no-layer-to-freeze'
  | 'momentum-optimizer'
  | 'milestones-needed'
  | 'milestones-numbers'
  | 'schedule-invalid'
  | 'option-range'
  | 'monitor-regression'
  | 'augmentation-for-images'
  | 'augmentation-range'
  | 'augmentation-range-whole'
  // sweep settings
  | 'sweep-continue-alone'
  | 'sweep-needs-value'
  | 'sweep-write-values'
  | 'sweep-not-a-setting'
  | 'sweep-not-a-number'
  | 'sweep-write-range'
  | 'sweep-random-needs'
  | 'sweep-range-needs-random';

export const USAGE_MISTAKE_WORDS: Words<UsageMistake> = {
  en: {
    'unknown-command': "unknown command '{command}'",
    'unknown-option': 'unknown option --{option}',
    'switch-takes-no-value': '--{option} is a switch and takes no value',
    'needs-value': '--{option} needs a value',
    'not-a-number': "--{option} takes a number, got '{value}'",
    'not-a-count': "--{option} takes a whole number of at least {min}, got '{value}'",
    'not-positive': "--{option} must be greater than 0, got '{value}'",
    'not-a-choice': "--{option} is one of {choices}, not '{value}'",
    'not-negative': '--{option} must be 0 or more, got {value}',
    'unexpected-argument': "unexpected argument '{argument}'",
    'unknown-language': "NETWRIGHT_LANG is {choices}, not '{value}'",
    'not-both': 'give --{first} or --{second}, not both',
    'goes-with': '--{option} goes with {needs}',
    'run-to-continue': 'say which run to continue',
    'run-to-evaluate': 'say which run to evaluate',
    'run-to-export': 'say which run to export',
    'run-and-file': 'say which run and which CSV file',
    'file-or-folder-to-import': 'say which file or folder to import',
    'label-to-import': '--label COLUMN names the column to predict',
    'label-of-table': '{file} is a table: say which column to predict with --label COLUMN',
    'label-of-evaluation': 'say which column of {file} holds the labels (--label COLUMN)',
    'what-to-train-on': 'say what to train on: --sample NAME or --data FILE.csv|DATASET_DIR|DATASET',
    'image-size-needed': '--image-size HEIGHTxWIDTH says what size to make every image, e.g. --image-size 28x28',
    'image-size-format': "--image-size is HEIGHTxWIDTH in pixels (e.g. 28x28), not '{value}'",
    'out-overwrites-input': '--out would overwrite the input file',
    'dropout-pairs': "--dropout takes a rate or NODE=RATE pairs separated by commas, got '{value}'",
    'export-format': '--format is one of {choices}',
    'onnx-only': '--softmax and --normalization apply to --format onnx only',
    'table-options-for-images':
      "--label and --columns are for tables; run '{run}' takes images, labelled by their sub-folder (0/, 1/, …)",
    'table-options-for-own-data':
      "--label and --columns are for imported runs; run '{run}' is scored by its dataset's label column",
    'table-options-for-own-columns':
      "--columns and --label are for imported runs; run '{run}' reads its dataset's columns",
    'imported-run-needs-data':
      "run '{run}' was imported from a model file and has no dataset: give a CSV file (--data FILE.csv) and the column of its labels (--label COLUMN)",
    'data-and-split': '--data and --split are two different things to evaluate on',
    'table-options-not-sample': '--label, --task and --split-column go with a CSV file (--data FILE.csv), not a sample',
    'table-options-need-csv': '--label, --task and --split-column go with a CSV file (--data FILE.csv)',
    'image-options-for-folders': '--{option} is for image folders, and {file} is a file',
    'table-options-for-tables': "--{option} is for CSV tables: an image folder's classes are its sub-folders",
    'dataset-options-for-model': '--{option} is for datasets, and {file} is a model ({usage})',
    'only-tables-and-folders':
      '{file}: only CSV tables (.csv, .tsv, .txt) and image folders import from the command line',
    'no-layer-to-freeze': 'the model has no layer {unknown} to freeze (its layers: {layers})',
    'momentum-optimizer': '--momentum applies to sgd and rmsprop, not {optimizer}',
    'milestones-needed': '--schedule multistep needs --milestones, the epochs after which the rate drops, e.g. 10,20',
    'milestones-numbers': "--milestones takes whole epoch numbers separated by commas, got '{value}'",
    'schedule-invalid': '--schedule {schedule}: {reason}',
    'option-range': '--{option} {rule}, got {value}',
    'monitor-regression': '--monitor val_accuracy needs a classification dataset',
    'augmentation-for-images': '--{option}: augmentation changes images, and this dataset is a table',
    'augmentation-range': '--{option} must be from {min} to {max}, got {value}',
    'augmentation-range-whole': '--{option} must be a whole number from {min} to {max}, got {value}',
    'sweep-continue-alone': '--continue GROUP goes on with a group as it was made: give no other settings',
    'sweep-needs-value': '--{option} needs a value, e.g. --{option} {example}',
    'sweep-write-values': '--{option} {text}: write SETTING=VALUES, e.g. lr=0.1,0.01',
    'sweep-not-a-setting': "--{option} {text}: '{setting}' is not a setting a sweep can vary ({settings})",
    'sweep-not-a-number': "--{option}: '{value}' is not a number",
    'sweep-write-range': '--range {text}: write SETTING=MIN:MAX, e.g. lr=1e-4:1e-1',
    'sweep-random-needs': '--random N draws settings from --range SETTING=MIN:MAX (or picks from --grid values)',
    'sweep-range-needs-random': '--range goes with --random N (how many combinations to draw)',
  },
  zh: {
    'unknown-command': "未知命令 '{command}'",
    'unknown-option': '未知选项 --{option}',
    'switch-takes-no-value': '--{option} 是开关，不带值',
    'needs-value': '--{option} 需要一个值',
    'not-a-number': "--{option} 需要一个数，收到的是 '{value}'",
    'not-a-count': "--{option} 需要一个不小于 {min} 的整数，收到的是 '{value}'",
    'not-positive': "--{option} 必须大于 0，收到的是 '{value}'",
    'not-a-choice': "--{option} 可选 {choices}，不能是 '{value}'",
    'not-negative': '--{option} 必须大于或等于 0，收到的是 {value}',
    'unexpected-argument': "多余的参数 '{argument}'",
    'unknown-language': "NETWRIGHT_LANG 可选 {choices}，不能是 '{value}'",
    'not-both': '--{first} 和 --{second} 只能给一个',
    'goes-with': '--{option} 要和 {needs} 一起用',
    'run-to-continue': '请指明要继续哪个运行',
    'run-to-evaluate': '请指明要评估哪个运行',
    'run-to-export': '请指明要导出哪个运行',
    'run-and-file': '请指明用哪个运行、预测哪个 CSV 文件',
    'file-or-folder-to-import': '请指明要导入哪个文件或文件夹',
    'label-to-import': '用 --label COLUMN 指明要预测的列',
    'label-of-table': '{file} 是表格：请用 --label COLUMN 指明要预测哪一列',
    'label-of-evaluation': '请指明 {file} 的哪一列是标签（--label COLUMN）',
    'what-to-train-on': '请指明用什么数据训练：--sample NAME 或 --data FILE.csv|DATASET_DIR|DATASET',
    'image-size-needed': '请用 --image-size HEIGHTxWIDTH 指明每张图片缩放到的大小，例如 --image-size 28x28',
    'image-size-format': "--image-size 应写作以像素为单位的 HEIGHTxWIDTH（例如 28x28），不能是 '{value}'",
    'out-overwrites-input': '--out 会覆盖输入文件',
    'dropout-pairs': "--dropout 需要一个比率，或用逗号分隔的 NODE=RATE，收到的是 '{value}'",
    'export-format': '--format 可选 {choices}',
    'onnx-only': '--softmax 和 --normalization 只用于 --format onnx',
    'table-options-for-images':
      "--label 和 --columns 用于表格；运行 '{run}' 的输入是图片，标签是其所在的子文件夹（0/、1/、…）",
    'table-options-for-own-data': "--label 和 --columns 用于导入的运行；运行 '{run}' 按其数据集的标签列评分",
    'table-options-for-own-columns': "--columns 和 --label 用于导入的运行；运行 '{run}' 读取其数据集的列",
    'imported-run-needs-data':
      "运行 '{run}' 是从模型文件导入的，没有数据集：请给出 CSV 文件（--data FILE.csv）和其标签列（--label COLUMN）",
    'data-and-split': '--data 和 --split 是两种不同的评估对象，只能给一个',
    'table-options-not-sample': '--label、--task 和 --split-column 用于 CSV 文件（--data FILE.csv），不用于示例数据集',
    'table-options-need-csv': '--label、--task 和 --split-column 用于 CSV 文件（--data FILE.csv）',
    'image-options-for-folders': '--{option} 用于图片文件夹，而 {file} 是文件',
    'table-options-for-tables': '--{option} 用于 CSV 表格：图片文件夹的类别就是它的子文件夹',
    'dataset-options-for-model': '--{option} 用于数据集，而 {file} 是模型（{usage}）',
    'only-tables-and-folders': '{file}：命令行只能导入 CSV 表格（.csv、.tsv、.txt）和图片文件夹',
    'no-layer-to-freeze': '模型中没有要冻结的层 {unknown}（它的层：{layers}）',
    'momentum-optimizer': '--momentum 用于 sgd 和 rmsprop，不用于 {optimizer}',
    'milestones-needed': '--schedule multistep 需要 --milestones，即学习率在哪些轮次之后下降，例如 10,20',
    'milestones-numbers': "--milestones 需要用逗号分隔的整数轮次，收到的是 '{value}'",
    'schedule-invalid': '--schedule {schedule}：{reason}',
    'option-range': '--{option} {rule}，收到的是 {value}',
    'monitor-regression': '--monitor val_accuracy 需要分类数据集',
    'augmentation-for-images': '--{option}：数据增强作用于图片，而这个数据集是表格',
    'augmentation-range': '--{option} 必须在 {min} 到 {max} 之间，收到的是 {value}',
    'augmentation-range-whole': '--{option} 必须是 {min} 到 {max} 之间的整数，收到的是 {value}',
    'sweep-continue-alone': '--continue GROUP 按原样继续一个组：不要再给其他设置',
    'sweep-needs-value': '--{option} 需要一个值，例如 --{option} {example}',
    'sweep-write-values': '--{option} {text}：请写成 SETTING=VALUES，例如 lr=0.1,0.01',
    'sweep-not-a-setting': "--{option} {text}：'{setting}' 不是扫描可以改变的设置（{settings}）",
    'sweep-not-a-number': "--{option}：'{value}' 不是数",
    'sweep-write-range': '--range {text}：请写成 SETTING=MIN:MAX，例如 lr=1e-4:1e-1',
    'sweep-random-needs': '--random N 从 --range SETTING=MIN:MAX 中抽取设置（或从 --grid 的值中挑选）',
    'sweep-range-needs-random': '--range 要和 --random N（抽取多少组组合）一起用',
  },
};
