// The Data view's words: datasets, samples, the CSV and image import dialogs, dropping files.
import type { Messages } from '../lib/i18n.svelte';

export type DataMessageKey =
  | 'datasets'
  | 'importCsv'
  | 'importImages'
  | 'dropHint'
  | 'samples'
  | 'addingSample'
  | 'useSampleNamed'
  | 'sampleAdded'
  | 'noDatasets'
  | 'selected'
  | 'selectDataset'
  | 'name'
  | 'kind'
  | 'task'
  | 'rows'
  | 'featuresOrSize'
  | 'classes'
  | 'splitCounts'
  | 'seed'
  | 'actions'
  | 'rename'
  | 'delete'
  | 'renameDataset'
  | 'deleteDataset'
  | 'confirmDelete'
  | 'deletedNotice'
  | 'kindCsv'
  | 'kindImages'
  | 'kindGenerated'
  | 'classification'
  | 'regression'
  | 'datasetName'
  | 'csvTitle'
  | 'csvFile'
  | 'chooseFile'
  | 'fileFacts'
  | 'uploading'
  | 'reading'
  | 'firstRows'
  | 'columns'
  | 'column'
  | 'type'
  | 'missing'
  | 'min'
  | 'max'
  | 'mean'
  | 'std'
  | 'frequentValues'
  | 'exclude'
  | 'oneHot'
  | 'excludeColumn'
  | 'oneHotColumn'
  | 'labelBadge'
  | 'distinct'
  | 'missingCell'
  | 'typeNumeric'
  | 'typeCategorical'
  | 'typeEmpty'
  | 'labelColumn'
  | 'missingValues'
  | 'dropRows'
  | 'fillMean'
  | 'fillMostFrequent'
  | 'missingHint'
  | 'standardize'
  | 'standardizeHint'
  | 'labelScale'
  | 'labelScaleAuto'
  | 'labelScaleStandardize'
  | 'labelScaleKeep'
  | 'labelScaleHint'
  | 'labelStandardized'
  | 'labelStandardizedTitle'
  | 'split'
  | 'trainShare'
  | 'splitColumn'
  | 'splitColumnNone'
  | 'splitColumnHint'
  | 'splitBadge'
  | 'validationShare'
  | 'testShare'
  | 'splitSeed'
  | 'seedInvalid'
  | 'import'
  | 'cancel'
  | 'done'
  | 'importing'
  | 'importProgress'
  | 'importedNotice'
  | 'imagesTitle'
  | 'imagesHint'
  | 'imagesDetected'
  | 'imagesDetectedShrunk'
  | 'fixedSplit'
  | 'fixedSplitNoValidation'
  | 'colourGray'
  | 'colourRgb'
  | 'imageFolder'
  | 'chooseFolder'
  | 'folderFacts'
  | 'uploadingFiles'
  | 'emptyFolder'
  | 'height'
  | 'width'
  | 'pixels'
  | 'sizeInvalid'
  | 'grayscale'
  | 'classCounts'
  | 'samplesPerClass'
  | 'thumbnailOf'
  | 'skippedFiles'
  | 'skippedFile'
  | 'dropHere'
  | 'dropUnknown';

export const dataMessages: Messages<DataMessageKey> = {
  en: {
    datasets: 'Datasets',
    importCsv: 'Import CSV',
    importImages: 'Import image folder',
    dropHint: 'Or drop a CSV file or an image folder (one subfolder per class) anywhere on the window.',
    samples: 'Sample datasets',
    addingSample: 'Adding…',
    useSampleNamed: 'Use {name}',
    sampleAdded: '{name} is ready and selected.',
    noDatasets: 'No datasets yet: import a CSV table or an image folder, or use a sample below.',
    selected: 'Selected',
    selectDataset: 'Select dataset {name}',
    name: 'Name',
    kind: 'Kind',
    task: 'Task',
    rows: 'Rows',
    featuresOrSize: 'Features / image size',
    classes: 'Classes / targets',
    splitCounts: 'Train / val / test',
    seed: 'Seed',
    actions: 'Actions',
    rename: 'Rename',
    delete: 'Delete',
    renameDataset: 'Rename dataset {name}',
    deleteDataset: 'Delete dataset {name}',
    confirmDelete: 'Delete the dataset "{name}"? Its files are removed; runs trained on it keep their results.',
    deletedNotice: 'Dataset {name} deleted.',
    kindCsv: 'CSV table',
    kindImages: 'Images',
    kindGenerated: 'Generated',
    classification: 'Classification',
    regression: 'Regression',
    datasetName: 'Dataset name',
    csvTitle: 'Import a CSV table',
    csvFile: 'CSV file',
    chooseFile: 'Choose a file…',
    fileFacts: '{file}: {rows} rows, {columns} columns, delimiter “{delimiter}”, {encoding}',
    uploading: 'Uploading the file…',
    reading: 'Reading the file…',
    firstRows: 'First rows',
    columns: 'Columns',
    column: 'Column',
    type: 'Type',
    missing: 'Missing',
    min: 'Min',
    max: 'Max',
    mean: 'Mean',
    std: 'Std',
    frequentValues: 'Frequent values',
    exclude: 'Exclude',
    oneHot: 'One-hot',
    excludeColumn: 'Exclude {name}',
    oneHotColumn: 'One-hot encode {name}',
    labelBadge: 'label',
    distinct: '{n} distinct',
    missingCell: 'missing',
    typeNumeric: 'number',
    typeCategorical: 'category',
    typeEmpty: 'empty',
    labelColumn: 'Label column',
    missingValues: 'Missing values',
    dropRows: 'Drop rows',
    fillMean: 'Fill with mean',
    fillMostFrequent: 'Fill with most frequent',
    missingHint: '{n} missing cells in the columns used.',
    standardize: 'Standardize',
    standardizeHint: 'Rescale number features to mean 0, std 1 (from the training split only).',
    labelScale: 'Label scale',
    labelStandardized: 'standardized',
    labelStandardizedTitle: "Learned as ('{label}' − {mean}) / {std}; predictions, MAE and RMSE in the label's units",
    labelScaleAuto: 'Automatic: if far from ±1',
    labelScaleStandardize: 'Standardize',
    labelScaleKeep: 'Keep as it is',
    labelScaleHint:
      "A network learns targets near ±1 best: a standardized label is learned as (value − mean) / std (training split), while predictions, MAE and RMSE stay in the label's units.",
    split: 'Split',
    trainShare: 'Train share',
    splitColumn: 'Split column',
    splitColumnNone: 'None: split at random',
    splitColumnHint:
      'Each row goes to the split its cell names: train, validation (also val, dev) or test (also holdout).',
    splitBadge: 'split',
    validationShare: 'Validation share',
    testShare: 'Test share',
    splitSeed: 'Split seed',
    seedInvalid: 'a whole number ≥ 0',
    import: 'Import',
    cancel: 'Cancel',
    done: 'Done',
    importing: 'Importing…',
    importProgress: 'Import progress',
    importedNotice: 'Dataset {name} imported and selected.',
    imagesTitle: 'Import images',
    imagesHint:
      'The folder holds one subfolder per class (e.g. cats/, dogs/); every image is resized to the size below.',
    imageFolder: 'Image folder',
    chooseFolder: 'Choose a folder…',
    folderFacts: '{folder}: {n} files',
    uploadingFiles: 'Uploading {n} files…',
    emptyFolder: 'The folder holds no files.',
    height: 'Height',
    width: 'Width',
    pixels: 'pixels',
    sizeInvalid: 'Height and width must be whole numbers from 1 to 512.',
    grayscale: 'Grayscale',
    imagesDetected: '{classes} classes; the images are {size} {colour}, so they import at that size.',
    imagesDetectedShrunk: '{classes} classes; the images are {size} {colour}, proposed at {proposed} to train quickly.',
    fixedSplit:
      'This folder fixes its own split with its folders {folders}: {train} training, {validation} validation and {test} test images, kept as they are (no split to choose).',
    fixedSplitNoValidation:
      'It has no validation folder, so runs will have no validation curve to show over-fitting or to stop early on: add a validation/ (or val/) folder with the same classes.',
    colourGray: 'grayscale',
    colourRgb: 'colour (RGB)',
    classCounts: 'Images per class',
    samplesPerClass: 'Samples per class',
    thumbnailOf: '{name} sample {n}',
    skippedFiles: 'Skipped files ({n})',
    skippedFile: '{path}: {reason}',
    dropHere: 'Drop a CSV file, an image folder or an ONNX model to open it',
    dropUnknown: '{name} is not a table (.csv, .tsv, .txt), a folder of images or an ONNX model (.onnx).',
  },
  'zh-CN': {
    datasets: '数据集',
    importCsv: '导入 CSV',
    importImages: '导入图像文件夹',
    dropHint: '也可以把 CSV 文件或图像文件夹（每个类别一个子文件夹）拖放到窗口任意位置。',
    samples: '示例数据集',
    addingSample: '正在添加…',
    useSampleNamed: '使用 {name}',
    sampleAdded: '{name} 已就绪并已选中。',
    noDatasets: '还没有数据集：导入 CSV 表格或图像文件夹，或使用下方的示例。',
    selected: '已选',
    selectDataset: '选择数据集 {name}',
    name: '名称',
    kind: '类型',
    task: '任务',
    rows: '行数',
    featuresOrSize: '特征数 / 图像尺寸',
    classes: '类别 / 目标',
    splitCounts: '训练 / 验证 / 测试',
    seed: '种子',
    actions: '操作',
    rename: '重命名',
    delete: '删除',
    renameDataset: '重命名数据集 {name}',
    deleteDataset: '删除数据集 {name}',
    confirmDelete: '删除数据集“{name}”？其文件将被移除；用它训练的运行会保留结果。',
    deletedNotice: '数据集 {name} 已删除。',
    kindCsv: 'CSV 表格',
    kindImages: '图像',
    kindGenerated: '生成',
    classification: '分类',
    regression: '回归',
    datasetName: '数据集名称',
    csvTitle: '导入 CSV 表格',
    csvFile: 'CSV 文件',
    chooseFile: '选择文件…',
    fileFacts: '{file}：{rows} 行，{columns} 列，分隔符“{delimiter}”，{encoding}',
    uploading: '正在上传文件…',
    reading: '正在读取文件…',
    firstRows: '前几行',
    columns: '列',
    column: '列',
    type: '类型',
    missing: '缺失',
    min: '最小值',
    max: '最大值',
    mean: '均值',
    std: '标准差',
    frequentValues: '常见值',
    exclude: '排除',
    oneHot: '独热',
    excludeColumn: '排除 {name}',
    oneHotColumn: '对 {name} 做独热编码',
    labelBadge: '标签',
    distinct: '{n} 个不同值',
    missingCell: '缺失',
    typeNumeric: '数值',
    typeCategorical: '类别',
    typeEmpty: '空',
    labelColumn: '标签列',
    missingValues: '缺失值',
    dropRows: '删除所在行',
    fillMean: '用均值填充',
    fillMostFrequent: '用最常见值填充',
    missingHint: '所用列中有 {n} 个缺失单元格。',
    standardize: '标准化',
    standardizeHint: '把数值特征缩放为均值 0、标准差 1（只用训练集计算）。',
    labelScale: '标签尺度',
    labelStandardized: '已标准化',
    labelStandardizedTitle: "按 ('{label}' − {mean}) / {std} 学习；预测值、MAE 和 RMSE 以标签本身的单位给出",
    labelScaleAuto: '自动：远离 ±1 时标准化',
    labelScaleStandardize: '标准化',
    labelScaleKeep: '保持原样',
    labelScaleHint:
      '网络在目标接近 ±1 时学得最好：标准化的标签按 (值 − 均值) / 标准差（训练集）来学习，而预测值、MAE 和 RMSE 仍以标签本身的单位给出。',
    split: '划分',
    trainShare: '训练集比例',
    validationShare: '验证集比例',
    testShare: '测试集比例',
    splitColumn: '划分列',
    splitColumnNone: '无：随机划分',
    splitColumnHint: '每行进入其单元格所写的划分：train、validation（也可写 val、dev）或 test（也可写 holdout）。',
    splitBadge: '划分',
    splitSeed: '划分种子',
    seedInvalid: '须为 ≥ 0 的整数',
    import: '导入',
    cancel: '取消',
    done: '完成',
    importing: '正在导入…',
    importProgress: '导入进度',
    importedNotice: '数据集 {name} 已导入并选中。',
    imagesTitle: '导入图像',
    imagesHint: '文件夹中每个类别一个子文件夹（例如 cats/、dogs/）；每张图像都会缩放到下面的尺寸。',
    imageFolder: '图像文件夹',
    chooseFolder: '选择文件夹…',
    folderFacts: '{folder}：{n} 个文件',
    uploadingFiles: '正在上传 {n} 个文件…',
    emptyFolder: '该文件夹中没有文件。',
    height: '高度',
    width: '宽度',
    pixels: '像素',
    sizeInvalid: '高度和宽度须为 1 到 512 之间的整数。',
    grayscale: '灰度',
    imagesDetected: '{classes} 个类别；图像为 {size} {colour}，将按此尺寸导入。',
    imagesDetectedShrunk: '{classes} 个类别；图像为 {size} {colour}，建议缩放到 {proposed} 以便快速训练。',
    fixedSplit:
      '该文件夹用其子文件夹 {folders} 固定了划分：训练 {train} 张、验证 {validation} 张、测试 {test} 张图像，按原样保留（无需选择划分）。',
    fixedSplitNoValidation:
      '它没有验证文件夹，因此训练时没有验证曲线来显示过拟合，也无法据此早停：请添加一个包含相同类别的 validation/（或 val/）文件夹。',
    colourGray: '灰度',
    colourRgb: '彩色（RGB）',
    classCounts: '每类图像数',
    samplesPerClass: '各类样本',
    thumbnailOf: '{name} 样本 {n}',
    skippedFiles: '跳过的文件（{n}）',
    skippedFile: '{path}：{reason}',
    dropHere: '拖放 CSV 文件、图像文件夹或 ONNX 模型以打开',
    dropUnknown: '{name} 不是表格（.csv、.tsv、.txt）、图像文件夹或 ONNX 模型（.onnx）。',
  },
};
