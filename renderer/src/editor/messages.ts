// The model editor's words (toolbar, palette, inspector, status, refusals), and the layer catalogue's labels and
// help in both languages (English is built from the catalogue itself, so it never drifts from it).
import { CATEGORIES, LAYERS, OP_KINDS } from '../../../engine/core/spec/catalogue';
import { LAYER_NAMES_ZH } from '../../../main/api/specWordsZh';
import type { Messages } from '../lib/i18n.svelte';

export const editorMessages: Messages<
  | 'toolbar'
  | 'new'
  | 'template'
  | 'templatePick'
  | 'undo'
  | 'redo'
  | 'tidy'
  | 'zoomFit'
  | 'matchDataset'
  | 'matchDatasetHelp'
  | 'noDatasetHelp'
  | 'summary'
  | 'palette'
  | 'paletteHint'
  | 'addLayer'
  | 'canvas'
  | 'tplMlp'
  | 'tplLenet'
  | 'tplSmallCnn'
  | 'tplVggSmall'
  | 'tplMobileCnn'
  | 'tplResidual'
  | 'tplAsppCnn'
  | 'tplDropoutDemo'
  | 'tplDropoutDemoPlain'
  | 'inspector'
  | 'nothingSelected'
  | 'manySelected'
  | 'name'
  | 'nodeId'
  | 'defaultValue'
  | 'derivedDefault'
  | 'outputShape'
  | 'receptiveField'
  | 'receptiveFieldSize'
  | 'receptiveFieldWhole'
  | 'receptiveFieldHelp'
  | 'paramCount'
  | 'trainable'
  | 'loadWeights'
  | 'loadWeightsHelp'
  | 'startWeights'
  | 'startWeightsFrom'
  | 'weightsLoaded'
  | 'weightsRenamed'
  | 'weightsSkipped'
  | 'weightsInitialized'
  | 'skip_counter'
  | 'skip_training-state'
  | 'skip_unmatched'
  | 'dropWeights'
  | 'startFromImported'
  | 'trainableHelp'
  | 'trainableHelpBatchNorm'
  | 'frozen'
  | 'frozenBadge'
  | 'frozenParameters'
  | 'frozenTotal'
  | 'problemNumber'
  | 'problemList'
  | 'problemPair'
  | 'problemPadding'
  | 'listHint'
  | 'pairHint'
  | 'paddingHint'
  | 'layers'
  | 'parameters'
  | 'errors'
  | 'warnings'
  | 'oneError'
  | 'oneWarning'
  | 'oneLayer'
  | 'noProblems'
  | 'allFrozen'
  | 'colLayer'
  | 'colShape'
  | 'colParams'
  | 'total'
  | 'activations'
  | 'refuseSelf'
  | 'refuseIntoInput'
  | 'refuseInputTaken'
  | 'refusePortTaken'
  | 'refuseBadPort'
  | 'refuseCycle'
  | 'refuseUnknown'
  | 'matched'
  | 'matchedInputOnly'
  | 'noInputNode'
  | 'opened'
  | 'openedUnsized'
  | 'templateNeedsImage'
  | 'templateNeedsFeatures'
  | 'templateNeedsEither'
  | 'port'
  | 'emptyGraph'
  | 'a11yNode'
  | 'a11yNodeKeyboard'
  | 'a11yMoved'
  | 'a11yEdge'
  | 'a11yEdgeName'
  | 'a11yNodeRole'
  | 'a11yEdgeRole'
  | 'a11yUp'
  | 'a11yDown'
  | 'a11yLeft'
  | 'a11yRight'
  | 'ctlControls'
  | 'ctlZoomIn'
  | 'ctlZoomOut'
  | 'ctlFitView'
  | 'ctlInteractive'
  | 'minimap'
  | 'handle'
> = {
  en: {
    toolbar: 'Model tools',
    new: 'New',
    template: 'Template',
    templatePick: 'Templates…',
    undo: 'Undo',
    redo: 'Redo',
    tidy: 'Tidy layout',
    zoomFit: 'Zoom to fit',
    matchDataset: 'Match dataset',
    matchDatasetHelp: "Set the input shape to {dataset}'s samples and the last Dense layer to its {outputs} outputs",
    noDatasetHelp: 'Choose a dataset (Data tab) to size the model to it',
    summary: 'Summary',
    palette: 'Layers',
    paletteHint:
      'Drag a layer onto the canvas, or double-click it (or press Enter) to add it after the selected layer.',
    addLayer: 'Add {name}',
    canvas: 'Model graph',
    tplMlp: 'Multilayer perceptron',
    tplLenet: 'LeNet-5',
    tplSmallCnn: 'Small CNN',
    tplVggSmall: 'Small VGG',
    tplMobileCnn: 'MobileNet-style CNN',
    tplResidual: 'Residual block',
    tplAsppCnn: 'Atrous pyramid CNN',
    tplDropoutDemo: 'Dropout demo',
    tplDropoutDemoPlain: 'Dropout demo (no dropout)',
    inspector: 'Layer settings',
    nothingSelected: 'Select a layer to see and change its settings.',
    manySelected: '{n} layers selected',
    name: 'Name',
    nodeId: 'Id',
    defaultValue: 'Default: {value}',
    derivedDefault: 'Default: derived',
    outputShape: 'Output shape',
    receptiveField: 'Receptive field',
    receptiveFieldSize: '{h} × {w} input pixels',
    receptiveFieldWhole: '{h} × {w}: all of the {height} × {width} input',
    receptiveFieldHelp:
      'The input pixels one output position depends on. Each window adds (its span − 1) × the spacing of the positions it reads: pooling and strides widen that spacing, and a dilation widens the span with the same weights.',
    paramCount: '{n} params',
    trainable: 'Trainable',
    loadWeights: 'Load weights…',
    loadWeightsHelp:
      "Start this graph's runs from a safetensors file (a PyTorch state_dict or a Netwright export), matched to the layers by name, else by order",
    startWeights: 'Starting weights',
    startWeightsFrom: 'Runs of this graph start from {file}:',
    weightsLoaded: 'Loaded ({n})',
    weightsRenamed: 'Renamed ({n})',
    weightsSkipped: 'Skipped ({n})',
    weightsInitialized: 'Left initialized ({n})',
    skip_counter: "PyTorch's batch counter",
    'skip_training-state': 'training state',
    skip_unmatched: 'no layer left for it',
    dropWeights: 'Start from seeded weights instead',
    startFromImported:
      'Runs of this graph start from the weights of the imported model {name}: freeze the layers to keep, pick your data, and train to fine-tune it. Layers whose shape no longer fits are re-initialized.',
    trainableHelp: 'Off freezes the layer: its weights stay as they are while the rest trains.',
    trainableHelpBatchNorm:
      'Off freezes the layer: its weights stay as they are while the rest trains, and it normalizes with its running statistics, as in evaluation, without updating them.',
    frozen: 'Frozen',
    frozenBadge: 'Frozen layer: its weights do not train',
    frozenParameters: '{n} frozen',
    frozenTotal: '{trainable} trainable, {frozen} frozen',
    problemNumber: 'Enter a number.',
    problemList: 'Enter whole numbers separated by commas, e.g. 1, 28, 28.',
    problemPair: 'Enter one number or two separated by a comma, e.g. 3 or 3, 5.',
    problemPadding: "Enter a number, two numbers, 'same' or 'valid'.",
    listHint: 'numbers separated by commas',
    pairHint: 'n or height, width',
    paddingHint: "n, height, width, 'same' or 'valid'",
    layers: '{n} layers',
    parameters: '{n} parameters',
    errors: '{n} errors',
    warnings: '{n} warnings',
    oneError: '1 error',
    oneWarning: '1 warning',
    oneLayer: '1 layer',
    noProblems: 'Ready to train',
    allFrozen: 'Every layer is frozen: nothing would train',
    colLayer: 'Layer (id)',
    colShape: 'Output shape',
    colParams: 'Parameters',
    total: 'Total',
    activations: 'Activations per sample: {n}',
    refuseSelf: "A layer cannot feed itself ('{id}').",
    refuseIntoInput: "Nothing can connect into the Input layer '{id}': data enters there.",
    refuseInputTaken:
      "'{id}' already takes its input from '{from}': delete that connection first, or use Add or Concat to combine two inputs.",
    refusePortTaken:
      "Input {port} of '{id}' is already fed by '{from}': use its other input, or delete that connection first.",
    refuseBadPort: "'{id}' has no input {port}.",
    refuseCycle: 'That connection would make a loop ({loop}): data must flow one way, from the input to the output.',
    refuseUnknown: "There is no layer '{id}' in the graph.",
    matched: 'Input set to {shape} and {id} to {n} outputs, to match {dataset}.',
    matchedInputOnly: 'Input set to {shape} to match {dataset}.',
    noInputNode: 'The graph has no Input layer to size: add one from the palette.',
    opened: 'Opened {name}.',
    openedUnsized: 'Opened {name} at its default size, since it does not fit the selected dataset: {reason}',
    templateNeedsImage: "it takes images (channels × height × width), and the dataset's samples are {got}.",
    templateNeedsFeatures: "it takes a vector of features, and the dataset's samples are {got}.",
    templateNeedsEither: "it takes a vector of features or an image, and the dataset's samples are {got}.",
    port: 'input {n}',
    emptyGraph: 'The graph is empty: drag an Input layer from the palette, or pick a template.',
    a11yNode: 'Press Enter or Space to select a layer, Delete to remove it, Escape to cancel.',
    a11yNodeKeyboard:
      'Press Enter or Space to select a layer, then the arrow keys to move it. Delete removes it, Escape cancels.',
    a11yMoved: 'Moved the selected layer {direction}. New position x {x}, y {y}.',
    a11yEdge: 'Press Enter or Space to select a connection, then Delete to remove it or Escape to cancel.',
    // An edge's accessible name (xyflow's own is English); the layers by their ids.
    a11yEdgeName: 'Edge from {from} to {to}',
    // What a screen reader calls a node and an edge (xyflow's own words).
    a11yNodeRole: 'node',
    a11yEdgeRole: 'edge',
    a11yUp: 'up',
    a11yDown: 'down',
    a11yLeft: 'left',
    a11yRight: 'right',
    ctlControls: 'View controls',
    ctlZoomIn: 'Zoom in',
    ctlZoomOut: 'Zoom out',
    ctlFitView: 'Fit view',
    ctlInteractive: 'Lock or unlock editing',
    minimap: 'Overview map',
    handle: 'Connection point',
  },
  'zh-CN': {
    toolbar: '模型工具',
    new: '新建',
    template: '模板',
    templatePick: '模板…',
    undo: '撤销',
    redo: '重做',
    tidy: '整理布局',
    zoomFit: '缩放至适合',
    matchDataset: '匹配数据集',
    matchDatasetHelp: '将输入形状设为 {dataset} 的样本形状，并将最后一个全连接层设为 {outputs} 个输出',
    noDatasetHelp: '先选择一个数据集（“数据”页），即可按它调整模型大小',
    summary: '摘要',
    palette: '网络层',
    paletteHint: '将网络层拖到画布上，或双击（或按 Enter）将其添加到所选层之后。',
    addLayer: '添加 {name}',
    canvas: '模型图',
    tplMlp: '多层感知机',
    tplLenet: 'LeNet-5',
    tplSmallCnn: '小型 CNN',
    tplVggSmall: '小型 VGG',
    tplMobileCnn: 'MobileNet 风格 CNN',
    tplResidual: '残差块',
    tplAsppCnn: '空洞金字塔 CNN',
    tplDropoutDemo: 'Dropout 演示',
    tplDropoutDemoPlain: 'Dropout 演示（无 Dropout）',
    inspector: '层设置',
    nothingSelected: '选择一个层以查看和修改它的设置。',
    manySelected: '已选择 {n} 个层',
    name: '名称',
    nodeId: 'ID',
    defaultValue: '默认值：{value}',
    derivedDefault: '默认值：自动推导',
    outputShape: '输出形状',
    receptiveField: '感受野',
    receptiveFieldSize: '{h} × {w} 个输入像素',
    receptiveFieldWhole: '{h} × {w}：整张 {height} × {width} 的输入',
    receptiveFieldHelp:
      '一个输出位置依赖的输入像素范围。每个窗口增加（其跨度 − 1）× 它所读位置之间的间距：池化和步幅会拉大这个间距，膨胀率则在权重不变的情况下拉大跨度。',
    paramCount: '{n} 个参数',
    trainable: '可训练',
    loadWeights: '加载权重…',
    loadWeightsHelp:
      '让这个图的运行从 safetensors 文件（PyTorch 的 state_dict 或 Netwright 导出的文件）开始，按名称、否则按顺序与各层对应',
    startWeights: '起始权重',
    startWeightsFrom: '这个图的运行从 {file} 开始：',
    weightsLoaded: '已加载（{n}）',
    weightsRenamed: '已重命名（{n}）',
    weightsSkipped: '已跳过（{n}）',
    weightsInitialized: '保持初始值（{n}）',
    skip_counter: 'PyTorch 的批次计数',
    'skip_training-state': '训练状态',
    skip_unmatched: '没有剩余的层与之对应',
    dropWeights: '改为从随机初始权重开始',
    startFromImported:
      '这个图的运行从导入的模型 {name} 的权重开始：冻结要保留的层，选择数据，然后训练即可微调。形状不再匹配的层会重新初始化。',
    trainableHelp: '关闭即冻结该层：其余部分训练时它的权重保持不变。',
    trainableHelpBatchNorm:
      '关闭即冻结该层：其余部分训练时它的权重保持不变，并且像评估时一样用滑动统计量做归一化，不再更新它们。',
    frozen: '已冻结',
    frozenBadge: '已冻结的层：其权重不参与训练',
    frozenParameters: '{n} 个已冻结',
    frozenTotal: '{trainable} 个可训练，{frozen} 个已冻结',
    problemNumber: '请输入一个数字。',
    problemList: '请输入用逗号分隔的整数，例如 1, 28, 28。',
    problemPair: '请输入一个数字，或用逗号分隔的两个数字，例如 3 或 3, 5。',
    problemPadding: "请输入一个数字、两个数字、'same' 或 'valid'。",
    listHint: '用逗号分隔的数字',
    pairHint: 'n 或 高, 宽',
    paddingHint: "n、高, 宽、'same' 或 'valid'",
    layers: '{n} 层',
    parameters: '{n} 个参数',
    errors: '{n} 个错误',
    warnings: '{n} 个警告',
    oneError: '1 个错误',
    oneWarning: '1 个警告',
    oneLayer: '1 层',
    noProblems: '可以开始训练',
    allFrozen: '所有层都已冻结：训练不会改变任何参数',
    colLayer: '层（ID）',
    colShape: '输出形状',
    colParams: '参数',
    total: '合计',
    activations: '每个样本的激活值：{n}',
    refuseSelf: "层不能连接到自身（'{id}'）。",
    refuseIntoInput: "不能连接到输入层 '{id}'：数据从这里进入。",
    refuseInputTaken: "'{id}' 已从 '{from}' 获得输入：请先删除那条连接，或用相加或拼接层合并两个输入。",
    refusePortTaken: "'{id}' 的输入 {port} 已由 '{from}' 提供：请使用另一个输入，或先删除那条连接。",
    refuseBadPort: "'{id}' 没有输入 {port}。",
    refuseCycle: '这条连接会形成环路（{loop}）：数据必须单向地从输入流向输出。',
    refuseUnknown: "图中没有名为 '{id}' 的层。",
    matched: '已将输入设为 {shape}，并将 {id} 设为 {n} 个输出，以匹配 {dataset}。',
    matchedInputOnly: '已将输入设为 {shape}，以匹配 {dataset}。',
    noInputNode: '图中没有可调整的输入层：请从面板添加一个。',
    opened: '已打开 {name}。',
    openedUnsized: '已按默认大小打开 {name}，因为它不适合所选数据集：{reason}',
    templateNeedsImage: '它的输入是图像（通道 × 高 × 宽），而数据集的样本形状是 {got}。',
    templateNeedsFeatures: '它的输入是特征向量，而数据集的样本形状是 {got}。',
    templateNeedsEither: '它的输入是特征向量或图像，而数据集的样本形状是 {got}。',
    port: '输入 {n}',
    emptyGraph: '图是空的：从面板拖入一个输入层，或选择一个模板。',
    a11yNode: '按 Enter 或空格选择一个层，按 Delete 删除，按 Esc 取消。',
    a11yNodeKeyboard: '按 Enter 或空格选择一个层，再用方向键移动它。Delete 删除，Esc 取消。',
    a11yMoved: '已将所选层向{direction}移动。新位置 x {x}，y {y}。',
    a11yEdge: '按 Enter 或空格选择一条连接，再按 Delete 删除或按 Esc 取消。',
    a11yEdgeName: '从 {from} 到 {to} 的连接',
    a11yNodeRole: '层',
    a11yEdgeRole: '连接',
    a11yUp: '上',
    a11yDown: '下',
    a11yLeft: '左',
    a11yRight: '右',
    ctlControls: '视图控制',
    ctlZoomIn: '放大',
    ctlZoomOut: '缩小',
    ctlFitView: '适合视图',
    ctlInteractive: '锁定或解锁编辑',
    minimap: '缩略图',
    handle: '连接点',
  },
};

/**
 * English catalogue text, keyed 'category.<c>', 'name.<kind>' (the layer's name), 'layer.<kind>' (help),
 * 'param.<kind>.<name>' and 'param.<kind>.<name>.help'.
 */
function catalogueEnglish(): Record<string, string> {
  const en: Record<string, string> = {};
  for (const c of CATEGORIES) en[`category.${c}`] = c.charAt(0).toUpperCase() + c.slice(1);
  for (const kind of OP_KINDS) {
    const layer = LAYERS[kind];
    en[`name.${kind}`] = layer.name;
    en[`layer.${kind}`] = layer.help;
    for (const p of layer.params) {
      en[`param.${kind}.${p.name}`] = p.label;
      en[`param.${kind}.${p.name}.help`] = p.help;
    }
  }
  return en;
}

const zhInit = "初始权重的抽取方式；'auto' 在 ReLU 类激活之前使用 Kaiming（He）初始化，否则使用 Xavier。";
const zhBias = '为每个输出加上一个可学习的偏移；紧接批归一化之前可以关闭它，因为批归一化有自己的偏移。';
const zhPool = (what: string): Record<string, string> => ({
  kernelSize: '窗口',
  'kernelSize.help': `取${what}的窗口大小：n 或 [高, 宽]。`,
  stride: '步幅',
  'stride.help': '窗口之间的步长：n 或 [高, 宽]；留空则等于窗口大小（不重叠）。',
  padding: '填充',
  'padding.help': '在图像四周添加的行和列：n 或 [高, 宽]，最多为窗口的一半。',
});
const zhNorm: Record<string, string> = {
  momentum: '动量',
  'momentum.help': '评估时使用的滑动均值和方差中每个新批次的权重（0.1 = 10% 新数据）。',
  eps: 'Epsilon',
  'eps.help': '加到方差上的小数，避免除以零。',
};
const zhParams: Record<string, Record<string, string>> = {
  input: { shape: '形状', 'shape.help': '表格数据为 [特征数]，图像为 [通道, 高, 宽]。' },
  dense: {
    units: '单元数',
    'units.help': '输出（神经元）的数量。',
    bias: '偏置',
    'bias.help': zhBias,
    init: '初始化',
    'init.help': zhInit,
  },
  conv2d: {
    filters: '卷积核数',
    'filters.help': '卷积核的数量，即输出通道数。',
    kernelSize: '卷积核大小',
    'kernelSize.help': '卷积核大小：n 表示 n×n，或 [高, 宽]。',
    stride: '步幅',
    'stride.help': '卷积核每次移动的步长：n 或 [高, 宽]；2 会使图像尺寸减半。',
    padding: '填充',
    'padding.help': "在图像四周补零：n、[高, 宽]、'same'（保持尺寸）或 'valid'（不填充）。",
    dilation: '膨胀率',
    'dilation.help':
      '卷积核各元素之间的间距：n 或 [高, 宽]；2 会把 3×3 卷积核铺开到 5×5 的范围（空洞卷积），用同样多的权重看到更大的区域。需要步幅为 1。',
    groups: '分组数',
    'groups.help':
      '把通道分成这么多组，每组单独卷积（权重更少）；组数等于输入通道数时就是深度卷积。必须能整除输入通道数和卷积核数。',
    bias: '偏置',
    'bias.help': zhBias,
    init: '初始化',
    'init.help': zhInit,
  },
  maxpool2d: zhPool('最大值'),
  avgpool2d: zhPool('平均值'),
  dropout: { p: '丢弃概率', 'p.help': '训练时被丢弃的值所占比例，从 0 到（不含）1。' },
  batchnorm1d: zhNorm,
  batchnorm2d: zhNorm,
  layernorm: { eps: zhNorm.eps, 'eps.help': zhNorm['eps.help'] },
  groupnorm: {
    groups: '分组数',
    'groups.help':
      '把通道分成多少组；必须能整除通道数。1 表示所有通道一起归一化，等于通道数表示每个通道单独归一化。默认值 2 能整除任何偶数的通道数。',
    eps: zhNorm.eps,
    'eps.help': zhNorm['eps.help'],
  },
  leakyrelu: { negativeSlope: '负斜率', 'negativeSlope.help': '负输入所乘的系数。' },
  prelu: {
    perChannel: '每个通道一个斜率',
    'perChannel.help': '为图像的每个通道（向量的每个特征）各学习一个斜率，而不是整层共用一个。',
  },
  gelu: { approximate: '近似方式', 'approximate.help': "'none' 用 erf 精确计算；'tanh' 使用更快的 tanh 公式。" },
  elu: { alpha: 'Alpha', 'alpha.help': '很负的输入所趋近的值为 -alpha（通常取 1）。' },
};
const zhLayers: Record<string, string> = {
  input: '数据的入口：数据集中的一个样本，不含批次维度。',
  dense: '全连接层：每个输出都是所有输入特征的加权和再加上偏置。',
  conv2d: '在图像上滑动可学习的小卷积核；每个卷积核产生一个输出通道。',
  maxpool2d: '保留每个窗口中的最大值，在缩小图像的同时保留显著特征。',
  avgpool2d: '对每个窗口取平均（补的零也计入平均），平滑地缩小图像。',
  globalavgpool2d: '在整幅图像上对每个通道取平均：[通道, 高, 宽] 变为 [通道]。',
  flatten: '将图像展开成一个长向量，以便全连接层使用：[C, H, W] 变为 [C·H·W]。',
  dropout: '训练时以概率 p 将每个值置零（其余的值相应放大），使网络不能依赖任何单个特征。',
  batchnorm1d: '在批次上对向量的每个特征做归一化，再用可学习的值缩放和平移。',
  batchnorm2d: '在批次和所有位置上对图像的每个通道做归一化，再缩放和平移。',
  layernorm: '在每个样本自身的特征上对其特征向量做归一化，再用可学习的值对每个特征缩放和平移。',
  groupnorm:
    '把每幅图像的通道分成若干组，在每组自身的通道和所有位置上做归一化，再用可学习的值对每个通道缩放和平移。训练和评估时相同，与批次大小无关。',
  relu: '保留正值，将负值替换为零。',
  leakyrelu: '类似 ReLU，但负值乘以一个小斜率而不是变为零。',
  prelu: '类似 LeakyReLU，但负值的斜率在训练中学习（初始为 0.25）。',
  sigmoid: '将每个值压缩到 (0, 1)。',
  tanh: '将每个值压缩到 (-1, 1)。',
  softmax: '将一组分数转换为总和为 1 的概率。',
  gelu: 'Transformer 中使用的平滑 ReLU：x 乘以标准正态分布小于 x 的概率。',
  elu: '正值与 ReLU 相同；负值平滑地向 -alpha 弯曲，而不是变为零。',
  silu: 'x 乘以 sigmoid(x)（又称 swish）：平滑的 ReLU，负值处略低于零。',
  hardswish: '由直线段拼成的廉价 SiLU：小于 -3 时为零，大于 3 时等于输入，中间平滑过渡。',
  relu6: '上限为 6 的 ReLU：负值变为零，大于 6 的值变为 6。',
  softplus: 'log(1 + exp(x))：ReLU 的平滑版本，输出始终为正；输入为负时趋近于零，输入较大时接近输入本身。',
  mish: 'x 乘以 tanh(softplus(x))：与 SiLU 相似的平滑 ReLU，负值处略低于零。',
  identity: '原样传递输入（占位或命名的观察点）。',
  add: '将两个形状相同的张量逐元素相加，如残差（跳跃）连接。',
  concat: '沿通道（图像）或特征（向量）拼接两个张量；其他维度必须一致。',
};
const zhCategories: Record<string, string> = {
  input: '输入',
  dense: '全连接',
  convolution: '卷积',
  pooling: '池化',
  normalization: '归一化',
  regularization: '正则化',
  activation: '激活',
  merge: '合并',
};

function catalogueChinese(): Record<string, string> {
  const zh: Record<string, string> = {};
  for (const [c, text] of Object.entries(zhCategories)) zh[`category.${c}`] = text;
  for (const [kind, text] of Object.entries(LAYER_NAMES_ZH)) zh[`name.${kind}`] = text;
  for (const [kind, text] of Object.entries(zhLayers)) zh[`layer.${kind}`] = text;
  for (const [kind, params] of Object.entries(zhParams))
    for (const [key, text] of Object.entries(params)) zh[`param.${kind}.${key}`] = text;
  return zh;
}

export const catalogueMessages: Messages = { en: catalogueEnglish(), 'zh-CN': catalogueChinese() };

// The model's problems (one message per analysis reason) live in their own file; listed here so the translation
// test finds them with the other tables.
export { problemMessages } from './problemMessages';

/** Whether the graph fits the chosen data (editor status line, Train view's Start), and the Graphs list. */
export const fitMessages: Messages<
  | 'misfit_input-mismatch'
  | 'misfit_output-mismatch'
  | 'fixMatch'
  | 'autoMatched'
  | 'graphs'
  | 'graphsTitle'
  | 'graphsEmpty'
  | 'graphName'
  | 'graphModified'
  | 'graphRuns'
  | 'graphNoRuns'
  | 'graphOpen'
  | 'graphOpenNow'
  | 'graphRename'
  | 'graphDuplicate'
  | 'graphDelete'
  | 'graphCopyName'
  | 'graphDeleteConfirm'
  | 'graphDeleteKeepsRuns'
  | 'graphDeleted'
  | 'graphOpened'
  | 'graphVersions'
  | 'graphVersionsOne'
  | 'save'
  | 'cancel'
> = {
  en: {
    'misfit_input-mismatch':
      'The Input takes samples of shape {model}, but the samples of {dataset} have shape {data}.',
    'misfit_output-mismatch': 'The last layer {nodeId} has {units} outputs but {dataset} needs {needed}.',
    fixMatch: 'Match dataset',
    autoMatched: 'The network was sized to {dataset}: Input {shape}, {outputs} outputs.',
    graphs: 'Graphs…',
    graphsTitle: 'Saved graphs',
    graphsEmpty: 'No saved graphs yet: the graph you draw is saved as you edit it.',
    graphName: 'Name',
    graphModified: 'Last modified',
    graphRuns: 'Runs that used it',
    graphNoRuns: 'none',
    graphOpen: 'Open',
    graphOpenNow: 'open',
    graphRename: 'Rename',
    graphDuplicate: 'Duplicate',
    graphDelete: 'Delete',
    graphCopyName: '{name} (copy)',
    graphDeleteConfirm: 'Delete {name} and its {versions} saved versions?',
    graphDeleteKeepsRuns: 'Its {n} runs stay in Experiments with their own copy of the graph.',
    graphDeleted: '{name} was deleted.',
    graphOpened: '{name} is open.',
    graphVersions: '{n} versions',
    graphVersionsOne: '1 version',
    save: 'Save',
    cancel: 'Cancel',
  },
  'zh-CN': {
    'misfit_input-mismatch': '输入层接收形状为 {model} 的样本，而 {dataset} 的样本是 {data}。',
    'misfit_output-mismatch': '最后一层 {nodeId} 有 {units} 个输出，而 {dataset} 需要 {needed} 个。',
    fixMatch: '匹配数据集',
    autoMatched: '网络已按 {dataset} 调整：输入 {shape}，{outputs} 个输出。',
    graphs: '图列表…',
    graphsTitle: '已保存的图',
    graphsEmpty: '还没有保存的图：你绘制的图会在编辑时自动保存。',
    graphName: '名称',
    graphModified: '最后修改',
    graphRuns: '使用过它的运行',
    graphNoRuns: '无',
    graphOpen: '打开',
    graphOpenNow: '已打开',
    graphRename: '重命名',
    graphDuplicate: '复制',
    graphDelete: '删除',
    graphCopyName: '{name}（副本）',
    graphDeleteConfirm: '删除 {name} 及其 {versions} 个已保存版本？',
    graphDeleteKeepsRuns: '它的 {n} 个运行仍保留在实验中，并各自保存着图的副本。',
    graphDeleted: '已删除 {name}。',
    graphOpened: '已打开 {name}。',
    graphVersions: '{n} 个版本',
    graphVersionsOne: '1 个版本',
    save: '保存',
    cancel: '取消',
  },
};
