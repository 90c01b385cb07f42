// The words of `netwright --help`, `netwright <command> --help` and the usage printed after a usage mistake, in
// English and Simplified Chinese: command summaries and the notes between the options. Option names, placeholders
// (RUN, FILE.csv) and examples are not words: each command's usage keeps them as they are (usageText.ts).
import type { Words } from './locale';

type HelpWord =
  | 'usageOf'
  | 'usageLine'
  | 'commands'
  | 'runRef'
  | 'home'
  | 'language'
  | 'summary_train'
  | 'summary_sweep'
  | 'summary_continue'
  | 'summary_runs'
  | 'summary_evaluate'
  | 'summary_predict'
  | 'summary_export'
  | 'summary_import'
  | 'summary_samples'
  | 'trainFrom'
  | 'samples'
  | 'imagesOptions'
  | 'augmentationNote'
  | 'sweepSettings'
  | 'sweepSettingNames'
  | 'sweepHow'
  | 'exportOnnxOnly'
  | 'exportReadme'
  | 'exportDefaultPath'
  | 'importFolderNote'
  | 'importModelNote'
  | 'evaluateImported'
  | 'predictImported'
  | 'languageUnset';

export type HelpCommand =
  'train' | 'sweep' | 'continue' | 'runs' | 'evaluate' | 'predict' | 'export' | 'import' | 'samples';

export const HELP_WORDS: Words<HelpWord> = {
  en: {
    usageOf: 'usage: {usage}',
    usageLine: 'netwright <command> [options]   (netwright <command> --help for its options)',
    commands: 'commands:',
    runRef: "RUN is a run's id, the first 4 or more characters of it, or its name.",
    home: 'Data lives in $NETWRIGHT_HOME (default ~/.netwright).',
    language:
      'NETWRIGHT_LANG=en|zh sets the language of what training prints (default: zh for a zh_* LC_ALL, LC_MESSAGES or LANG).',
    summary_train: 'train a model; the run is recorded in the store',
    summary_sweep: 'train a group of runs: settings on a grid or drawn at random, each with several seeds',
    summary_continue: 'continue a stopped, failed or interrupted run from its last checkpoint (also: resume)',
    summary_runs: 'list the recorded runs',
    summary_evaluate: "a run's metrics on the validation or test split",
    summary_predict: 'predict every row of a CSV file, or images, with a trained or imported run',
    summary_export: 'write a run as ONNX, safetensors or a PyTorch script',
    summary_import:
      'import a CSV table or a folder of images as a dataset, or an ONNX model as a graph with its weights',
    summary_samples: 'list the built-in sample datasets',
    trainFrom: `--from RUN starts from that run's weights (its best checkpoint, else its last) and, without --model, its graph;
  layers whose shape no longer fits are re-initialized and listed. --weights loads a safetensors file by name,
  else by order. --freeze-until NODE freezes every layer with parameters up to and including NODE.`,
    samples: 'samples: {samples}',
    imagesOptions: 'images:',
    augmentationNote: 'augmentation of the training images, off by default',
    sweepSettings: 'settings: {settings}',
    sweepSettingNames: '{names} (every dropout layer), dropout@NODE, units@NODE (or units@NODE.PARAM)',
    sweepHow:
      '--grid tries every combination; --random draws N (lr, l1, l2 log-uniformly); each runs once per seed (--seed, --seed+1, ...).',
    exportOnnxOnly: 'onnx only: [--softmax] (classification runs) [--normalization fold|metadata]',
    exportReadme:
      'every export writes a README beside it (<name>.onnx.README.md, <name>.safetensors.README.md, <name>-train.README.md): how to prepare inputs, read outputs, and examples',
    exportDefaultPath:
      '(default PATH: NETWRIGHT_HOME/exports/<run>/<format>/; a folder gets a file named after the run)',
    importFolderNote: '(one sub-folder of images per class)',
    importModelNote: '(a model: a graph and a run holding its weights)',
    evaluateImported:
      '; an imported run: --data FILE.csv --label COLUMN [--columns A,B,…], or --data FOLDER/ of images in sub-folders 0/, 1/, … for an image classifier',
    predictImported: ' (imported runs)',
    languageUnset: '(unset: from LC_ALL, LC_MESSAGES or LANG)',
  },
  zh: {
    usageOf: '用法：{usage}',
    usageLine: 'netwright <command> [options]   （netwright <command> --help 查看该命令的选项）',
    commands: '命令：',
    runRef: 'RUN 是运行的 ID、ID 的前 4 个或更多字符，或运行的名称。',
    home: '数据保存在 $NETWRIGHT_HOME（默认 ~/.netwright）。',
    language: 'NETWRIGHT_LANG=en|zh 设置命令行的语言（默认：LC_ALL、LC_MESSAGES 或 LANG 为 zh_* 时用中文）。',
    summary_train: '训练一个模型；运行记录保存在存储中',
    summary_sweep: '训练一组运行：设置取自网格或随机抽取，每组设置用多个种子',
    summary_continue: '从最后一个检查点继续已停止、失败或中断的运行（也可写作 resume）',
    summary_runs: '列出已记录的运行',
    summary_evaluate: '运行在验证集或测试集上的指标',
    summary_predict: '用训练好的或导入的运行预测 CSV 文件的每一行，或图片',
    summary_export: '把运行导出为 ONNX、safetensors 或 PyTorch 脚本',
    summary_import: '把 CSV 表格或图片文件夹导入为数据集，或把 ONNX 模型导入为带权重的图',
    summary_samples: '列出内置的示例数据集',
    trainFrom: `--from RUN 从该运行的权重（最佳检查点，没有则用最后一个）开始，不给 --model 时也沿用它的图；
  形状不再匹配的层会重新初始化并列出。--weights 按名称（名称对不上则按顺序）载入 safetensors 文件。
  --freeze-until NODE 冻结从第一层到 NODE（含）的所有带参数的层。`,
    samples: '示例数据集：{samples}',
    imagesOptions: '图片：',
    augmentationNote: '训练图片的数据增强，默认关闭',
    sweepSettings: '可改变的设置：{settings}',
    sweepSettingNames: '{names}（所有 Dropout 层）, dropout@NODE, units@NODE（或 units@NODE.PARAM）',
    sweepHow:
      '--grid 尝试所有组合；--random 抽取 N 组（lr、l1、l2 按对数均匀抽取）；每组按每个种子各训练一次（--seed、--seed+1、...）。',
    exportOnnxOnly: '仅用于 onnx：[--softmax]（分类运行）[--normalization fold|metadata]',
    exportReadme:
      '每次导出都在旁边写一个 README（<name>.onnx.README.md、<name>.safetensors.README.md、<name>-train.README.md）：如何准备输入、如何读输出，以及示例',
    exportDefaultPath: '（默认 PATH：NETWRIGHT_HOME/exports/<run>/<format>/；给出文件夹时，文件以运行命名）',
    importFolderNote: '（每个类别一个图片子文件夹）',
    importModelNote: '（模型：一张图，以及保存其权重的一个运行）',
    evaluateImported:
      '；导入的运行：--data FILE.csv --label COLUMN [--columns A,B,…]，图片分类器则用 --data FOLDER/，图片放在子文件夹 0/、1/、… 中',
    predictImported: '（导入的运行）',
    languageUnset: '（未设置时：取自 LC_ALL、LC_MESSAGES 或 LANG）',
  },
};
