// The Experiments view's words: the runs table, a run's details, comparing runs, exporting.
import type { CheckpointProblemCode } from '../../../engine/core/io/checkpointProblems';
import { CHECKPOINT_PROBLEMS_ZH } from '../../../main/api/checkpointProblemsZh';
import type { Messages } from '../lib/i18n.svelte';

export type ExperimentsMessageKey =
  | 'runs'
  | 'noRuns'
  | 'goTrain'
  | 'filterRuns'
  | 'filterPlaceholder'
  | 'status'
  | 'tag'
  | 'allStatuses'
  | 'allTags'
  | 'shown'
  | 'compare'
  | 'noMatches'
  | 'compareHint'
  | 'chooseRunToExport'
  | 'name'
  | 'graph'
  | 'settings'
  | 'bestValLoss'
  | 'bestValScore'
  | 'finalValLoss'
  | 'finalValScore'
  | 'testScore'
  | 'testEpoch'
  | 'testEpochHelp'
  | 'duration'
  | 'durationSeconds'
  | 'durationMinutes'
  | 'durationHours'
  | 'tags'
  | 'created'
  | 'selectRun'
  | 'status_queued'
  | 'status_running'
  | 'status_paused'
  | 'status_completed'
  | 'status_stopped'
  | 'status_failed'
  | 'status_interrupted'
  | 'runDetails'
  | 'closeDetails'
  | 'runName'
  | 'tagsPlaceholder'
  | 'notes'
  | 'seeds'
  | 'bestEpoch'
  | 'openGraph'
  | 'trainFromWeights'
  | 'trainFromWeightsHelp'
  | 'fineTuneName'
  | 'fineTuneStarted'
  | 'fineTuneReinitialized'
  | 'startedFrom'
  | 'startedFromFile'
  | 'weightsCounts'
  | 'openRunPage'
  | 'openRunPageOf'
  | 'continue'
  | 'exportEllipsis'
  | 'importedSettings'
  | 'delete'
  | 'confirmDeleteRun'
  | 'runDeleted'
  | 'comparison'
  | 'comparing'
  | 'closeComparison'
  | 'comparedLoss'
  | 'comparedAccuracy'
  | 'legend'
  | 'showRun'
  | 'runInCharts'
  | 'hideRun'
  | 'lineKey'
  | 'lossCurves'
  | 'accuracyCurves'
  | 'r2Curves'
  | 'comparedR2'
  | 'trainingSplit'
  | 'validationSplit'
  | 'metricsTable'
  | 'bestWeightsHead'
  | 'lastWeightsHead'
  | 'testHead'
  | 'diagnosisHead'
  | 'valLossShort'
  | 'valAccuracyShort'
  | 'valR2Short'
  | 'testAccuracyShort'
  | 'testR2Short'
  | 'byBestWeights'
  | 'byLastWeights'
  | 'weightHistograms'
  | 'showHistograms'
  | 'refreshHistograms'
  | 'tensor'
  | 'histogramOfRun'
  | 'epoch'
  | 'settingsDiff'
  | 'onlyDifferences'
  | 'setting'
  | 'sameSettings'
  | 'graphDiff'
  | 'graphVersus'
  | 'sameGraph'
  | 'nodeAdded'
  | 'nodeRemoved'
  | 'nodeChanged'
  | 'edgeAdded'
  | 'edgeRemoved'
  | 'kindChange'
  | 'paramChange'
  | 'changeSeparator'
  | 'paramOn'
  | 'paramOff'
  | 'paramDefault'
  | 'paramDerived'
  | 'exportTitle'
  | 'format'
  | 'pytorchScript'
  | 'onnxHint'
  | 'safetensorsHint'
  | 'pytorchHint'
  | 'appendSoftmax'
  | 'normalization'
  | 'normalizationFold'
  | 'normalizationMetadata'
  | 'checkpoint'
  | 'checkpointBest'
  | 'checkpointLast'
  | 'export'
  | 'exporting'
  | 'exported'
  | 'cancel'
  | 'close';

export const experimentsMessages: Messages<ExperimentsMessageKey> = {
  en: {
    runs: 'Runs',
    noRuns: 'No runs yet — train a model in the Train view.',
    goTrain: 'Go to the Train view',
    filterRuns: 'Filter runs',
    filterPlaceholder: 'Name, tag or note…',
    status: 'Status',
    tag: 'Tag',
    allStatuses: 'All statuses',
    allTags: 'All tags',
    shown: '{n} of {total} runs',
    compare: 'Compare',
    noMatches: 'No run matches the filter.',
    compareHint: 'Tick two or more runs to compare their curves, settings and graphs.',
    chooseRunToExport: 'Choose a run to export first: click its name in the table.',
    name: 'Name',
    graph: 'Graph',
    settings: 'Settings',
    bestValLoss: 'Best val loss',
    bestValScore: 'Best val acc / R²',
    finalValLoss: 'Final val loss',
    finalValScore: 'Final val acc / R²',
    testScore: 'Test acc / R² (end weights)',
    testEpoch: 'ep {n}',
    testEpochHelp:
      "On the test split, by the weights the run ended with: epoch {n}'s (the best epoch's when early stopping restored them). The Train view's results say which weights they use.",
    duration: 'Duration',
    durationSeconds: '{s} s',
    durationMinutes: '{min} min {s} s',
    durationHours: '{h} h {min} min',
    tags: 'Tags',
    created: 'Created',
    selectRun: 'Select run {name}',
    status_queued: 'queued',
    status_running: 'running',
    status_paused: 'paused',
    status_completed: 'completed',
    status_stopped: 'stopped',
    status_failed: 'failed',
    status_interrupted: 'interrupted',
    runDetails: 'Run details',
    closeDetails: 'Close the details',
    runName: 'Run name',
    tagsPlaceholder: 'baseline, wide, lr-sweep',
    notes: 'Notes',
    seeds: 'Seed {seed}, split seed {split}',
    bestEpoch: 'best epoch {n}',
    openGraph: 'Open graph',
    trainFromWeights: "Train from this run's weights",
    trainFromWeightsHelp:
      "Opens this run's graph, sized for the selected dataset, and trains it there starting from this run's weights (its best epoch's, else its last)",
    fineTuneName: '{name} fine-tuned',
    fineTuneStarted: "Training from {name}'s weights on {dataset}.",
    fineTuneReinitialized: 'Re-initialized, as their shape no longer fits: {layers}.',
    startedFrom: "Started from run {name}'s weights",
    startedFromFile: 'Started from the weights in {file}',
    weightsCounts: '{loaded} loaded, {renamed} renamed, {reinitialized} re-initialized, {initialized} left initialized',
    openRunPage: 'Open run page',
    openRunPageOf: 'Open the page of {name}',
    continue: 'Continue',
    exportEllipsis: 'Export…',
    importedSettings: 'imported: not trained here',
    delete: 'Delete',
    confirmDeleteRun: 'Delete the run "{name}" with its curves and checkpoints?',
    runDeleted: 'Run {name} deleted.',
    comparison: 'Comparison',
    comparing: 'Comparing {n} runs',
    closeComparison: 'Close the comparison',
    comparedLoss: 'Compared loss',
    comparedAccuracy: 'Compared accuracy',
    legend: 'Runs shown in the charts',
    showRun: 'Show {name}',
    runInCharts: '{name} in the charts',
    hideRun: 'Hide {name}',
    lineKey: 'Solid lines: training split · dashed: validation split. Click a run to hide or show it.',
    lossCurves: 'Loss',
    accuracyCurves: 'Accuracy',
    r2Curves: 'R² (validation)',
    comparedR2: 'Compared R²',
    trainingSplit: 'training',
    validationSplit: 'validation',
    metricsTable: 'Best and last epochs of each run',
    bestWeightsHead: 'Best epoch (best weights), validation split',
    lastWeightsHead: 'Last epoch (last weights), validation split',
    testHead: 'Test split',
    diagnosisHead: 'Diagnosis',
    valLossShort: 'loss',
    valAccuracyShort: 'accuracy',
    valR2Short: 'R²',
    testAccuracyShort: 'accuracy',
    testR2Short: 'R²',
    byBestWeights: 'best weights, epoch {epoch}',
    byLastWeights: 'last weights, epoch {epoch}',
    weightHistograms: 'Weight histograms (best weights)',
    showHistograms: 'Show weight histograms',
    refreshHistograms: 'Refresh',
    tensor: 'Tensor',
    histogramOfRun: 'Weight histogram of {tensor} in {name}',
    epoch: 'epoch',
    settingsDiff: 'Settings',
    onlyDifferences: 'Only differences',
    setting: 'Setting',
    sameSettings: 'The runs were trained with the same settings.',
    graphDiff: 'Graph changes',
    graphVersus: '{name} compared with {base}',
    sameGraph: 'The same graph.',
    nodeAdded: '+ {id} ({op}) added',
    nodeRemoved: '− {id} ({op}) removed',
    nodeChanged: '~ {id}: {what}',
    edgeAdded: '+ connection {from} → {to}',
    edgeRemoved: '− connection {from} → {to}',
    kindChange: '{before} → {after}',
    paramChange: '{param} {before} → {after}',
    changeSeparator: '; ',
    paramOn: 'on',
    paramOff: 'off',
    paramDefault: '{value} (default)',
    paramDerived: 'default',
    exportTitle: 'Export {name}',
    format: 'Format',
    pytorchScript: 'PyTorch script',
    onnxHint: 'One .onnx file for onnxruntime and other inference engines.',
    safetensorsHint: 'The weights only, named by node, for loading into your own code.',
    pytorchHint: 'A runnable training script with the model, data loading and the same settings, plus its weights.',
    appendSoftmax: 'Append softmax',
    normalization: 'Normalization',
    normalizationFold: 'Fold into the model',
    normalizationMetadata: 'Keep in the metadata',
    checkpoint: 'Checkpoint',
    checkpointBest: 'Best epoch',
    checkpointLast: 'Last epoch',
    export: 'Export',
    exporting: 'Exporting…',
    exported: 'Exported:',
    cancel: 'Cancel',
    close: 'Close',
  },
  'zh-CN': {
    runs: '运行',
    noRuns: '还没有运行 — 在“训练”视图中训练一个模型。',
    goTrain: '前往训练视图',
    filterRuns: '筛选运行',
    filterPlaceholder: '名称、标签或备注…',
    status: '状态',
    tag: '标签',
    allStatuses: '全部状态',
    allTags: '全部标签',
    shown: '{n} / {total} 个运行',
    compare: '比较',
    noMatches: '没有符合筛选条件的运行。',
    compareHint: '勾选两个或更多运行，比较它们的曲线、设置和图。',
    chooseRunToExport: '请先选择要导出的运行：在表格中点击它的名称。',
    name: '名称',
    graph: '图',
    settings: '设置',
    bestValLoss: '最佳验证损失',
    bestValScore: '最佳验证准确率 / R²',
    finalValLoss: '最终验证损失',
    finalValScore: '最终验证准确率 / R²',
    testScore: '测试准确率 / R²（结束时权重）',
    testEpoch: '第 {n} 轮',
    testEpochHelp:
      '在测试集上、用运行结束时的权重计算：第 {n} 轮的权重（早停恢复最佳权重时即最佳一轮）。训练视图的结果会注明所用的权重。',
    duration: '时长',
    durationSeconds: '{s} 秒',
    durationMinutes: '{min} 分 {s} 秒',
    durationHours: '{h} 小时 {min} 分',
    tags: '标签',
    created: '创建时间',
    selectRun: '选择运行 {name}',
    status_queued: '排队中',
    status_running: '运行中',
    status_paused: '已暂停',
    status_completed: '已完成',
    status_stopped: '已停止',
    status_failed: '失败',
    status_interrupted: '已中断',
    runDetails: '运行详情',
    closeDetails: '关闭详情',
    runName: '运行名称',
    tagsPlaceholder: '基线, 加宽, 学习率扫描',
    notes: '备注',
    seeds: '种子 {seed}，划分种子 {split}',
    bestEpoch: '最佳轮次 {n}',
    openGraph: '打开图',
    trainFromWeights: '从此运行的权重开始训练',
    trainFromWeightsHelp:
      '打开此运行的图（按所选数据集调整大小），并从此运行的权重（最佳轮次的，否则为最后的）开始在该数据集上训练',
    fineTuneName: '{name} 微调',
    fineTuneStarted: '正在从 {name} 的权重开始在 {dataset} 上训练。',
    fineTuneReinitialized: '以下层因形状不再匹配而重新初始化：{layers}。',
    startedFrom: '从运行 {name} 的权重开始',
    startedFromFile: '从 {file} 中的权重开始',
    weightsCounts: '{loaded} 个已加载，{renamed} 个已重命名，{reinitialized} 个重新初始化，{initialized} 个保持初始值',
    openRunPage: '打开运行页面',
    openRunPageOf: '打开 {name} 的页面',
    continue: '继续',
    exportEllipsis: '导出…',
    importedSettings: '导入：未在此训练',
    delete: '删除',
    confirmDeleteRun: '删除运行“{name}”及其曲线和检查点？',
    runDeleted: '运行 {name} 已删除。',
    comparison: '比较',
    comparing: '正在比较 {n} 个运行',
    closeComparison: '关闭比较',
    comparedLoss: '损失对比',
    comparedAccuracy: '准确率对比',
    legend: '图表中显示的运行',
    showRun: '显示 {name}',
    runInCharts: '图表中的 {name}',
    hideRun: '隐藏 {name}',
    lineKey: '实线：训练集 · 虚线：验证集。点击运行可隐藏或显示。',
    lossCurves: '损失',
    accuracyCurves: '准确率',
    r2Curves: 'R²（验证集）',
    comparedR2: 'R² 对比',
    trainingSplit: '训练',
    validationSplit: '验证',
    metricsTable: '各运行的最佳与最后一轮',
    bestWeightsHead: '最佳一轮（最佳权重），验证集',
    lastWeightsHead: '最后一轮（最后权重），验证集',
    testHead: '测试集',
    diagnosisHead: '诊断',
    valLossShort: '损失',
    valAccuracyShort: '准确率',
    valR2Short: 'R²',
    testAccuracyShort: '准确率',
    testR2Short: 'R²',
    byBestWeights: '最佳权重，第 {epoch} 轮',
    byLastWeights: '最后权重，第 {epoch} 轮',
    weightHistograms: '权重直方图（最佳权重）',
    showHistograms: '显示权重直方图',
    refreshHistograms: '刷新',
    tensor: '张量',
    histogramOfRun: '{name} 中 {tensor} 的权重直方图',
    epoch: '轮次',
    settingsDiff: '设置',
    onlyDifferences: '只看不同之处',
    setting: '设置项',
    sameSettings: '这些运行使用了相同的设置。',
    graphDiff: '图的变化',
    graphVersus: '{name} 与 {base} 相比',
    sameGraph: '图相同。',
    nodeAdded: '+ 新增 {id}（{op}）',
    nodeRemoved: '− 移除 {id}（{op}）',
    nodeChanged: '~ {id}：{what}',
    edgeAdded: '+ 连接 {from} → {to}',
    edgeRemoved: '− 连接 {from} → {to}',
    kindChange: '{before} → {after}',
    paramChange: '{param} {before} → {after}',
    changeSeparator: '；',
    paramOn: '开',
    paramOff: '关',
    paramDefault: '{value}（默认）',
    paramDerived: '默认',
    exportTitle: '导出 {name}',
    format: '格式',
    pytorchScript: 'PyTorch 脚本',
    onnxHint: '一个 .onnx 文件，可用于 onnxruntime 等推理引擎。',
    safetensorsHint: '仅权重，按节点命名，便于在你自己的代码中加载。',
    pytorchHint: '一个可运行的训练脚本，包含模型、数据加载和相同的设置，以及其权重。',
    appendSoftmax: '末尾添加 softmax',
    normalization: '标准化',
    normalizationFold: '并入模型',
    normalizationMetadata: '保留在元数据中',
    checkpoint: '检查点',
    checkpointBest: '最佳轮次',
    checkpointLast: '最后一轮',
    export: '导出',
    exporting: '正在导出…',
    exported: '已导出：',
    cancel: '取消',
    close: '关闭',
  },
};

/**
 * A checkpoint that fails its load checks (engine/core/io/checkpointProblems.ts): the code's words, with its parameters
 * (Chinese from main/api/checkpointProblemsZh.ts, which the command line words them with too).
 */
export const checkpointProblemMessages: Messages<CheckpointProblemCode> = {
  en: {
    'checkpoint-unreadable': '{file} is not a readable checkpoint: {reason}',
    'checkpoint-not-netwright': '{file} is not a Netwright checkpoint (format “{found}”).',
    'checkpoint-field-missing': '{file}: the checkpoint’s metadata field “{field}” is missing.',
    'checkpoint-field-invalid': '{file}: the checkpoint’s metadata field “{field}” is not {expected}.',
    'checkpoint-tensor-dtype': '{file}: tensor “{tensor}” is {dtype}, but weights must be F32 (float32).',
    'checkpoint-tensor-missing': '{file}: tensor “{tensor}” {expected} is missing.',
    'checkpoint-tensor-unexpected': '{file}: tensor “{tensor}” does not belong to the checkpoint’s model.',
    'checkpoint-tensor-shape': '{file}: tensor “{tensor}” has shape {shape}, the model needs {expected}.',
    'checkpoint-tensor-not-finite':
      '{file}: tensor “{tensor}” holds {value} at element {index}; the weights are not usable.',
  },
  'zh-CN': CHECKPOINT_PROBLEMS_ZH,
};
