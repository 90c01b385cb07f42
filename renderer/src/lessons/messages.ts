// The Lessons view's words in English and Simplified Chinese: each lesson's title, summary, what to look at and
// why, and the labels of its runs and controls.
import type { Messages } from '../lib/i18n.svelte';

const en = {
  tabLessons: 'Lessons',
  welcomeLessons: 'Or learn how networks learn',
  welcomeLessonsLead:
    'Short lessons with real runs: underfitting and capacity, overfitting and dropout, L1 and L2, batch norm, optimizers, learning-rate schedules, early stopping, vanishing gradients, convolution shapes, checkpoints.',
  openLessons: 'Open the lessons',
  lessonsTitle: 'Lessons',
  lessonsLead:
    'Each lesson trains a few small runs that differ in one thing, and shows the one picture that makes the point. Afterwards, open any run in the editor, change anything and train again.',
  openLesson: 'Open the lesson',
  backToLessons: '← All lessons',
  whatToLook: 'What to look at',
  trainRuns: 'Train the runs',
  trainAgain: 'Train them again',
  trainingRun: 'Training {run} ({index} of {count})…',
  importingSample: 'Importing the sample {sample}…',
  runsTrained: 'Trained {count} runs on the sample {sample}.',
  notTrainedYet: 'The runs are not trained yet: this takes a few seconds.',
  openInEditor: 'Open {run} in the editor',
  runCount: '{count} runs · sample {sample}',
  interactive: 'interactive',
  lessonCount: 'lesson {n}',

  'title:underfitting': 'Underfitting and capacity',
  'summary:underfitting':
    'Three networks on the spirals: no hidden layer, one hidden layer of 8 units, two of 64. Which of them can fit even the points it trains on?',
  'explain:underfitting':
    'A network underfits when it is too simple for the pattern in the data: it does badly even on the points it trains on. Without a hidden layer the network computes, for each class, a linear function of the two inputs, so the borders between its classes are straight lines, and no amount of training lets them follow the spirals. Its curves show it: the training loss stops falling early, at a high level, and the validation loss stays right beside it. That small gap is what tells underfitting from overfitting, where the training loss falls far below the validation loss. Training longer does not help here; more capacity does: one hidden layer of 8 ReLU units already bends the borders, and two layers of 64 follow the spirals closely. Under each network is what the diagnosis on the Train view says about its curves. Too much capacity for too few points is the opposite problem: the next lesson.',
  'run:underfitting:linear': 'No hidden layer (linear)',
  'run:underfitting:hidden-8': 'One hidden layer of 8',
  'run:underfitting:hidden-64x2': 'Two hidden layers of 64',
  underfittingClaim:
    'Without a hidden layer the network reached {accuracy}% training accuracy: its training loss ({train}) has been flat since epoch {since}, with the validation loss ({val}) right beside it. It underfits. One hidden layer of 8 reached {small}%, two of 64 {wide}%.',
  capacityClaim:
    'Training accuracy: {linear}% without a hidden layer, {small}% with one hidden layer of 8, {wide}% with two of 64.',
  finalAccuracy: 'After epoch {epoch}: {train}% accuracy on training, {val}% on validation',
  diagnosisSays: 'Diagnosis: {verdict}',

  'title:l1-l2': 'L1 against L2',
  'summary:l1-l2': 'The same network with an L1 penalty and with an L2 penalty: which one makes weights exactly zero?',
  'explain:l1-l2':
    'Compare the two weight histograms. L1 adds λ·|w| to the loss, whose pull towards zero has the same strength however small a weight is, so weights that do not earn their keep end at zero: a tall spike in the middle and a large share of near-zero weights (sparsity). L2 adds λ·w², whose pull fades as a weight shrinks, so weights become small but almost none become zero.',
  'run:l1-l2:l1': 'L1 (λ = 0.001)',
  'run:l1-l2:l2': 'L2 (λ = 0.001)',
  nearZeroShare: 'Near zero (|w| < 0.001): {share}% of {count} weights',
  sparsityRatio: 'L1 leaves {ratio}× the share of near-zero weights that L2 leaves.',

  'title:optimizers': 'Optimizers',
  'summary:optimizers':
    'SGD, momentum, Nesterov, AdaGrad, RMSProp and Adam: their paths across loss surfaces, step by step, and their curves on a real sample.',
  'explain:optimizers':
    "On the ill-conditioned bowl plain SGD zig-zags across the steep direction at every step and crawls along the flat one. Momentum gathers speed along the valley and ends far closer to the minimum, but the same speed carries it back and forth across the valley in wide, slow swings that take dozens of steps to die out; Nesterov's momentum, which takes the gradient where its step is about to land, brakes before each swing, so its swings die out within about ten steps. AdaGrad and RMSProp scale each direction by its own gradient size and head down without zig-zagging. On Rosenbrock's curved valley all of them find the valley quickly but differ in how far they follow its floor to the minimum at (1, 1). Near the saddle the gradient is almost zero, and the adaptive methods (AdaGrad, RMSProp, Adam), which divide by the gradient's size, escape much sooner. Click or drag on the map to move the start point, and change the learning rates. The paths are computed with the engine's own update rules. Below, the same optimizers train one network on the spirals sample.",
  surface: 'Surface',
  'surface:bowl': 'Ill-conditioned bowl',
  'surface:rosenbrock': 'Rosenbrock',
  'surface:saddle': 'Saddle',
  steps: 'Steps',
  learningRate: 'Learning rate of {optimizer}',
  startPoint: 'Start ({x}, {y}) — click or drag on the map to move it',
  distanceAfter: '{optimizer}: {distance} from the minimum after {steps} steps',
  diverged: '{optimizer} diverged after {steps} steps: lower its learning rate',
  pathsMap: 'Optimizer paths over the loss contours',
  sampleCurves: 'Training loss per epoch on spirals',
  'run:optimizers:sgd': 'SGD',
  'run:optimizers:momentum': 'Momentum',
  'run:optimizers:nesterov': 'Nesterov',
  'run:optimizers:adagrad': 'AdaGrad',
  'run:optimizers:rmsprop': 'RMSProp',
  'run:optimizers:adam': 'Adam',
  epoch: 'epoch',
  trainingLoss: 'training loss',

  'title:vanishing-gradients': 'Vanishing gradients',
  'summary:vanishing-gradients':
    'Seven dense layers deep, once with sigmoid and once with ReLU: how much gradient reaches the first layers?',
  'explain:vanishing-gradients':
    "The chart shows each layer's gradient norm in the first epoch, on a logarithmic scale, from the input (fc1) to the output. Backpropagation multiplies by the activation's slope at every layer; sigmoid's slope is at most 1/4, so with sigmoid the gradient shrinks several times per layer and the first layers barely learn. ReLU's slope is 1 wherever it is active, so the gradient keeps its size on the way back: fc7 to fc2 stay within a few tens of percent of one another. fc1's is a few times smaller for another reason: a weight's gradient is the signal reaching its layer times that weight's input, and fc1's inputs are a point's two coordinates where the other layers take 32 activations.",
  'run:vanishing-gradients:sigmoid': 'Sigmoid',
  'run:vanishing-gradients:relu': 'ReLU',
  gradientNorms: 'Gradient norm per layer (first epoch, log scale)',
  layer: 'layer',
  gradientNorm: 'gradient norm',
  firstLayerRatio: 'The first layer gets {ratio}× less gradient with sigmoid than with ReLU.',

  'title:conv-shapes': 'Convolution shapes',
  'summary:conv-shapes':
    'An interactive calculator of N = (W − F + 2P) / S + 1 for a convolution or pooling layer, with the window sliding over the padded input, the weights a convolution needs (and what grouped and depthwise ones save), and how a dilation widens its view.',
  'explain:conv-shapes':
    'A window of F×F pixels starts at the top-left corner of the input padded with P zeros on every side, and moves S pixels at a time. It fits (W − F + 2P) / S + 1 times along each side; when that is not a whole number the last positions do not fit and are dropped. A convolution’s dilation D spaces the window’s taps D pixels apart, so it spans D·(F − 1) + 1 pixels, which then takes F’s place. The output shape comes from the same shape inference the editor and the engine use, so what you see here is what the layer will do.',
  layerKind: 'Layer',
  inputWidth: 'Input size W',
  kernelSize: 'Window F',
  padding: 'Padding P',
  stride: 'Stride S',
  channels: 'Input channels',
  filters: 'Filters',
  groups: 'Groups',
  dilation: 'Dilation D',
  formula: 'N = ({w} − {f} + 2·{p}) / {s} + 1 = {exact}',
  dilationSpan:
    'Dilation {d} spaces the {f} taps of each side {d} pixels apart, so the window spans D·(F − 1) + 1 = {span} pixels and that span takes F’s place in the formula: a wider view with the same weights.',
  outputShape: 'Output shape: {shape}',
  weightCount: 'Parameters: {filters} filters of {perGroup}×{f}×{f} weights, plus {filters} biases = {total}',
  weightCountOne: 'Parameters: 1 filter of {perGroup}×{f}×{f} weights, plus 1 bias = {total}',
  fieldAdjusted: '{field} takes whole numbers from {low} to {high}: computed with {used}.',
  groupSaving:
    'With {groups} groups each filter sees {perGroup} of the {channels} input channels: {ratio}× fewer parameters than one group ({ungrouped}).',
  depthwiseSaving:
    'One group per channel is a depthwise convolution: each filter sees a single channel, {ratio}× fewer parameters than one group ({ungrouped}). MobileNet follows it with a 1×1 convolution that mixes the channels; the two together are far cheaper than one ordinary convolution.',
  droppedPositions: 'Not a whole number: the last {dropped} pixel(s) of the padded input are never covered.',
  slidingView: 'The window at output position {position} of {count}',
  openCalculatorInEditor: 'Open this layer in the editor',

  'title:batch-norm': 'Batch norm',
  'summary:batch-norm':
    'A small CNN on the shapes sample with and without batch normalization: how fast does each learn?',
  'explain:batch-norm':
    "Solid lines are the training loss, measured in training mode while the weights change; dashed lines are the validation loss, measured afterwards in evaluation mode. Batch norm rescales each channel to mean 0 and variance 1 over the batch, so the next layer always sees inputs of the same scale and a small learning rate goes further: its training loss falls faster from the first epoch. In evaluation mode batch norm uses the running mean and variance gathered during training instead of the batch's own, which is why its validation numbers can lag behind in the first epochs, when those running statistics are still settling.",
  'run:batch-norm:plain': 'Without batch norm',
  'run:batch-norm:batch-norm': 'With batch norm',
  lossCurves: 'Loss per epoch (solid: training, train mode; dashed: validation, eval mode)',
  trainSuffix: '{run}, training',
  validationSuffix: '{run}, validation',
  finalLosses: '{run}: training loss {train}, validation loss {validation}, validation accuracy {accuracy}',

  'title:schedules': 'Learning-rate schedules',
  'summary:schedules':
    'StepLR, MultiStepLR, ExponentialLR, cosine and plateau: the planned learning rate and the rate each run really used.',
  'explain:schedules':
    "Each small chart shows one schedule: dashed, the learning rate planned before training (the same preview as in the Train view); solid, the rate the run really used in each epoch. For the first four they coincide, since the rate depends only on the epoch. As in PyTorch, a schedule counts the epochs already finished: StepLR's first ×0.1 comes after 10 epochs, so epoch 11 is the first at the lower rate, and MultiStepLR's ×0.3 after epoch 8 first applies to epoch 9. Plateau lowers the rate only when the validation loss stops improving for a few epochs, so its real curve depends on how training goes; the preview shows its fastest possible decay. The last chart compares the training loss: large steps early make fast progress, smaller steps later let the loss settle.",
  'run:schedules:step': 'StepLR (×0.1 every 10 epochs)',
  'run:schedules:multistep': 'MultiStepLR (×0.3 after epochs 8 and 20)',
  'run:schedules:exponential': 'ExponentialLR (×0.9 per epoch)',
  'run:schedules:cosine': 'Cosine (over 30 epochs)',
  'run:schedules:plateau': 'Plateau (×0.5 after 2 stalled epochs)',
  // The loss chart's legend: five lines in one small chart, so the schedule's name only.
  'short:schedules:step': 'StepLR',
  'short:schedules:multistep': 'MultiStepLR',
  'short:schedules:exponential': 'ExponentialLR',
  'short:schedules:cosine': 'Cosine',
  'short:schedules:plateau': 'Plateau',
  plannedRate: 'planned',
  actualRate: 'used by the run',
  learningRateAxis: 'learning rate',
  scheduleLosses: 'Training loss per epoch',

  'title:early-stopping': 'Early stopping',
  'summary:early-stopping':
    "The dropout lesson's network overfits its 20 noisy points: trained to the end, and stopped early with the best weights restored.",
  'explain:early-stopping':
    "Trained to the end, the network memorizes the noise of its training points: the training loss keeps falling while the validation loss, after its lowest point, climbs again. Early stopping watches the validation loss and ends training once it has not improved for the patience (30 epochs here); with restore-best it then puts back the weights of the best epoch, so the model you keep is the one that generalized best, not the last one. The wide swings of the first ten epochs are Adam's large first steps on 20 points, which training recovers from (see the dropout lesson).",
  'run:early-stopping:to-the-end': 'Trained to the end',
  'run:early-stopping:early-stopping': 'Early stopping',
  stoppedAt:
    'Early stopping ended the run after epoch {stop}, {patience} epochs without improvement, and restored the weights of epoch {best} (validation loss {loss}; trained to the end: {last}).',
  earlyStoppingCurves:
    'Loss per epoch (faint: training; dashed: validation, trained to the end; solid: validation, with early stopping)',
  bestEpochMarker: 'best epoch (restored)',
  stopEpochMarker: 'stopped',

  'title:checkpoints': 'Checkpoints',
  'summary:checkpoints':
    'Stop a run, continue it from its checkpoint, and see the curve carry on as if it had never stopped.',
  'explain:checkpoints':
    "The same network and settings are trained twice: once straight through, once stopped after epoch 6 and continued. At the end of every epoch the run writes a checkpoint holding the weights, the optimizer's state (momentum, Adam's averages), the schedule, the epoch and the random generator's state; continuing loads all of it, so the continued run takes exactly the steps the uninterrupted one took. The two curves lie on top of each other.",
  'run:checkpoints:straight': 'Trained straight through',
  'run:checkpoints:resumed': 'Stopped after epoch 6, then continued',
  largestDifference: 'Largest difference between the two validation curves: {difference}.',
  largestDifferenceNone:
    'Largest difference between the two validation curves: 0. They are identical, value for value.',
  stopMarker: 'stopped and continued here',

  'title:dropout': 'Overfitting and dropout',
  'summary:dropout':
    'A 1-200-200-1 network on 20 noisy points of a curve, with and without dropout 0.5, judged on 200 validation points.',
  'explain:dropout':
    "Left: the loss per epoch (faint: training, solid: validation). Without dropout the training loss keeps falling towards zero while the validation loss, after its lowest point, climbs: the network is memorizing the noise of its 20 points rather than learning the curve. Right: the fitted curves over the training points and the validation points; the curve without dropout bends to pass through the noisy training points. Dropout switches off a random half of the hidden units at every step, so no unit can rely on another to memorize a point; its training loss stays higher, its validation loss lower. In evaluation mode dropout is off and the whole network is used. In the first ten epochs both runs' losses jump up and down by as much as a hundred times: Adam's first steps at 0.01 are large for a network this wide on 20 points (the Train view's diagnosis calls it a blow-up at the start), and training recovers; the lesson is about what comes after.",
  'run:dropout:plain': 'Without dropout',
  'run:dropout:dropout': 'With dropout 0.5',
  overfittingClaim:
    'Without dropout the validation loss ended at {ratio}× its best ({best}, epoch {epoch}); with dropout it ended at {dropout}.',
  fittedCurves: "Fitted curves over the points (each run's last-epoch weights)",
  trainValLossCurves: 'Loss per epoch (faint: training, solid: validation)',
  trainingPoints: 'training points (20)',
  validationPoints: 'validation points',
};

type Key = keyof typeof en;

const zh: Record<Key, string> = {
  tabLessons: '课程',
  welcomeLessons: '或学习网络是如何学习的',
  welcomeLessonsLead:
    '用真实训练讲解的短课程：欠拟合与模型容量、过拟合与 Dropout、L1 与 L2、批归一化、优化器、学习率调度、早停、梯度消失、卷积的形状、检查点。',
  openLessons: '打开课程',
  lessonsTitle: '课程',
  lessonsLead:
    '每节课训练几个只在一处不同的小运行，并展示最能说明问题的那张图。之后可以把任一运行在编辑器中打开，随意修改再训练。',
  openLesson: '打开课程',
  backToLessons: '← 全部课程',
  whatToLook: '看什么',
  trainRuns: '训练这些运行',
  trainAgain: '重新训练',
  trainingRun: '正在训练 {run}（第 {index} 个，共 {count} 个）…',
  importingSample: '正在导入示例 {sample}…',
  runsTrained: '已在示例 {sample} 上训练了 {count} 个运行。',
  notTrainedYet: '这些运行尚未训练：只需几秒钟。',
  openInEditor: '在编辑器中打开 {run}',
  runCount: '{count} 个运行 · 示例 {sample}',
  interactive: '交互式',
  lessonCount: '第 {n} 课',

  'title:underfitting': '欠拟合与模型容量',
  'summary:underfitting':
    '三个网络在 spirals 上训练：没有隐藏层、一个 8 个单元的隐藏层、两个 64 个单元的隐藏层。哪一个连自己的训练点都拟合不了？',
  'explain:underfitting':
    '当网络对数据中的规律来说过于简单时，就会欠拟合：它连自己训练的那些点都做不好。没有隐藏层时，网络为每个类别计算两个输入的一个线性函数，所以类别之间的边界都是直线，无论训练多久都无法沿着螺旋弯曲。曲线也说明了这一点：训练损失很早就不再下降，停在较高的水平，验证损失紧挨着它。正是这个很小的差距把欠拟合与过拟合区分开来：过拟合时训练损失远低于验证损失。在这里训练更久没有帮助，增加容量才有用：一个 8 个 ReLU 单元的隐藏层已经能让边界弯曲，两层各 64 个单元则能紧贴螺旋。每个网络下方是“训练”视图中的诊断对其曲线的判断。点太少而容量太大则是相反的问题：见下一课。',
  'run:underfitting:linear': '无隐藏层（线性）',
  'run:underfitting:hidden-8': '一个 8 单元隐藏层',
  'run:underfitting:hidden-64x2': '两个 64 单元隐藏层',
  underfittingClaim:
    '没有隐藏层的网络训练准确率为 {accuracy}%：它的训练损失（{train}）从第 {since} 轮起就停滞不前，验证损失（{val}）紧挨着它。它欠拟合。一个 8 单元隐藏层达到 {small}%，两个 64 单元隐藏层达到 {wide}%。',
  capacityClaim: '训练准确率：无隐藏层 {linear}%，一个 8 单元隐藏层 {small}%，两个 64 单元隐藏层 {wide}%。',
  finalAccuracy: '第 {epoch} 轮后：训练准确率 {train}%，验证 {val}%',
  diagnosisSays: '诊断：{verdict}',

  'title:l1-l2': 'L1 与 L2',
  'summary:l1-l2': '同一个网络分别加 L1 惩罚和 L2 惩罚：哪一种会让权重恰好变成零？',
  'explain:l1-l2':
    '比较两张权重直方图。L1 在损失中加入 λ·|w|，无论权重多小，它把权重拉向零的力度都一样，所以没有用处的权重最终停在零：中间出现高高的尖峰，接近零的权重占很大比例（稀疏性）。L2 加入 λ·w²，权重越小拉力越弱，所以权重会变小，但几乎不会变成零。',
  'run:l1-l2:l1': 'L1（λ = 0.001）',
  'run:l1-l2:l2': 'L2（λ = 0.001）',
  nearZeroShare: '接近零（|w| < 0.001）：{count} 个权重中占 {share}%',
  sparsityRatio: 'L1 留下的接近零的权重比例是 L2 的 {ratio} 倍。',

  'title:optimizers': '优化器',
  'summary:optimizers':
    'SGD、动量、Nesterov、AdaGrad、RMSProp 和 Adam：它们在损失曲面上一步步走过的路径，以及在真实示例上的训练曲线。',
  'explain:optimizers':
    '在病态的碗形曲面上，普通 SGD 每一步都在陡峭方向上来回折返，在平缓方向上缓慢爬行。动量沿着山谷积累速度，最终离最小值近得多，但同样的速度也让它在山谷两侧大幅度、慢慢地来回摆动，要几十步才平息；Nesterov 动量在步子将要落下的位置计算梯度，每次摆动之前就先减速，摆动在十步左右内平息。AdaGrad 和 RMSProp 按每个方向自己的梯度大小缩放步长，一路下降而不来回折返。在 Rosenbrock 弯曲的山谷中，它们都能很快找到谷底，但沿谷底走向 (1, 1) 处最小值的距离各不相同。鞍点附近梯度几乎为零，按梯度大小做缩放的自适应方法（AdaGrad、RMSProp、Adam）会早得多地逃离。在图上点击或拖动可以移动起点，也可以修改学习率。这些路径使用的就是引擎自己的更新规则。下方是同样的优化器在 spirals 示例上训练同一个网络。',
  surface: '曲面',
  'surface:bowl': '病态碗形',
  'surface:rosenbrock': 'Rosenbrock',
  'surface:saddle': '鞍点',
  steps: '步数',
  learningRate: '{optimizer} 的学习率',
  startPoint: '起点 ({x}, {y})——在图上点击或拖动来移动它',
  distanceAfter: '{optimizer}：{steps} 步后距最小值 {distance}',
  diverged: '{optimizer} 在 {steps} 步后发散：请降低它的学习率',
  pathsMap: '等高线上的优化器路径',
  sampleCurves: '在 spirals 上每轮的训练损失',
  'run:optimizers:sgd': 'SGD',
  'run:optimizers:momentum': '动量',
  'run:optimizers:nesterov': 'Nesterov',
  'run:optimizers:adagrad': 'AdaGrad',
  'run:optimizers:rmsprop': 'RMSProp',
  'run:optimizers:adam': 'Adam',
  epoch: '轮次',
  trainingLoss: '训练损失',

  'title:vanishing-gradients': '梯度消失',
  'summary:vanishing-gradients': '七层全连接网络，一次用 sigmoid，一次用 ReLU：有多少梯度能传到最前面的几层？',
  'explain:vanishing-gradients':
    '图中是第一轮里每一层的梯度范数（对数刻度），从输入端（fc1）到输出端。反向传播在每一层都要乘以激活函数的斜率；sigmoid 的斜率最大只有 1/4，所以用 sigmoid 时梯度每经过一层就缩小好几倍，前面几层几乎学不到东西。ReLU 在激活区域的斜率是 1，梯度在回传途中保持大小：从 fc7 到 fc2，彼此相差不过几成。fc1 的梯度小几倍是另一个原因：一个权重的梯度等于传到该层的信号乘以这个权重的输入，而 fc1 的输入只是一个点的两个坐标，其他各层的输入则是 32 个激活值。',
  'run:vanishing-gradients:sigmoid': 'Sigmoid',
  'run:vanishing-gradients:relu': 'ReLU',
  gradientNorms: '每层的梯度范数（第一轮，对数刻度）',
  layer: '层',
  gradientNorm: '梯度范数',
  firstLayerRatio: '使用 sigmoid 时，第一层得到的梯度比 ReLU 小 {ratio} 倍。',

  'title:conv-shapes': '卷积的形状',
  'summary:conv-shapes':
    '卷积层或池化层的 N = (W − F + 2P) / S + 1 交互式计算器，演示窗口在填充后的输入上滑动，给出卷积所需的权重数（以及分组卷积和深度卷积能省下多少），并演示膨胀率如何扩大卷积的视野。',
  'explain:conv-shapes':
    '一个 F×F 像素的窗口从四周各填充了 P 个零的输入的左上角开始，每次移动 S 个像素。它在每条边上能放下 (W − F + 2P) / S + 1 次；如果不是整数，最后放不下的位置会被舍弃。卷积的膨胀率 D 让窗口的采样点相隔 D 个像素，窗口于是跨越 D·(F − 1) + 1 个像素，在公式里代替 F。输出形状来自编辑器和引擎共用的形状推断，所以这里看到的就是该层实际的行为。',
  layerKind: '层',
  inputWidth: '输入尺寸 W',
  kernelSize: '窗口 F',
  padding: '填充 P',
  stride: '步幅 S',
  channels: '输入通道数',
  filters: '卷积核数',
  groups: '分组数',
  dilation: '膨胀率 D',
  formula: 'N = ({w} − {f} + 2·{p}) / {s} + 1 = {exact}',
  dilationSpan:
    '膨胀率 {d} 让每条边上的 {f} 个采样点相隔 {d} 个像素，所以窗口跨越 D·(F − 1) + 1 = {span} 个像素，公式里由这个跨度代替 F：权重一样多，看到的范围更大。',
  outputShape: '输出形状：{shape}',
  weightCount: '参数：{filters} 个卷积核，每个 {perGroup}×{f}×{f} 个权重，加上 {filters} 个偏置 = {total}',
  weightCountOne: '参数：1 个卷积核，{perGroup}×{f}×{f} 个权重，加上 1 个偏置 = {total}',
  fieldAdjusted: '{field}取 {low} 到 {high} 之间的整数：按 {used} 计算。',
  groupSaving:
    '分成 {groups} 组后，每个卷积核只看 {channels} 个输入通道中的 {perGroup} 个：参数量只有不分组时（{ungrouped}）的 1/{ratio}。',
  depthwiseSaving:
    '每个通道一组就是深度卷积：每个卷积核只看一个通道，参数量只有不分组时（{ungrouped}）的 1/{ratio}。MobileNet 在它之后接一个 1×1 卷积来混合各通道；两者合起来比一个普通卷积便宜得多。',
  droppedPositions: '不是整数：填充后输入的最后 {dropped} 个像素永远不会被覆盖。',
  slidingView: '窗口位于第 {position} 个输出位置（共 {count} 个）',
  openCalculatorInEditor: '在编辑器中打开这一层',

  'title:batch-norm': '批归一化',
  'summary:batch-norm': '在 shapes 示例上，一个小型 CNN 有无批归一化：各自学得多快？',
  'explain:batch-norm':
    '实线是训练损失，在训练模式下、权重不断变化时测得；虚线是验证损失，随后在评估模式下测得。批归一化把每个通道在一个批次上重新缩放到均值 0、方差 1，使下一层看到的输入尺度始终一致，较小的学习率也能走得更远：从第一轮起它的训练损失就下降得更快。在评估模式下，批归一化使用训练中累积的滑动均值和方差，而不是批次自身的统计量，所以在前几轮这些统计量还未稳定时，它的验证结果可能落后。',
  'run:batch-norm:plain': '无批归一化',
  'run:batch-norm:batch-norm': '有批归一化',
  lossCurves: '每轮损失（实线：训练，训练模式；虚线：验证，评估模式）',
  trainSuffix: '{run}，训练',
  validationSuffix: '{run}，验证',
  finalLosses: '{run}：训练损失 {train}，验证损失 {validation}，验证准确率 {accuracy}',

  'title:schedules': '学习率调度',
  'summary:schedules': 'StepLR、MultiStepLR、ExponentialLR、余弦和 plateau：计划的学习率与每个运行实际使用的学习率。',
  'explain:schedules':
    '每个小图对应一种调度：虚线是训练前计划的学习率（与训练视图中的预览相同）；实线是运行在每一轮实际使用的学习率。前四种完全重合，因为学习率只取决于轮次。与 PyTorch 一样，调度按已经完成的轮数计算：StepLR 的第一次 ×0.1 发生在 10 轮之后，所以第 11 轮才是第一个用较低学习率的轮次；MultiStepLR 在第 8 轮之后的 ×0.3 从第 9 轮开始生效。Plateau 只在验证损失连续几轮不再改善时才降低学习率，所以它的实际曲线取决于训练过程；预览显示的是它最快可能的衰减。最后一张图比较训练损失：前期步子大进展快，后期步子小让损失稳定下来。',
  'run:schedules:step': 'StepLR（每 10 轮 ×0.1）',
  'run:schedules:multistep': 'MultiStepLR（第 8、20 轮之后 ×0.3）',
  'run:schedules:exponential': 'ExponentialLR（每轮 ×0.9）',
  'run:schedules:cosine': '余弦（30 轮）',
  'run:schedules:plateau': 'Plateau（停滞 2 轮后 ×0.5）',
  'short:schedules:step': 'StepLR',
  'short:schedules:multistep': 'MultiStepLR',
  'short:schedules:exponential': 'ExponentialLR',
  'short:schedules:cosine': '余弦',
  'short:schedules:plateau': 'Plateau',
  plannedRate: '计划',
  actualRate: '运行实际使用',
  learningRateAxis: '学习率',
  scheduleLosses: '每轮训练损失',

  'title:early-stopping': '早停',
  'summary:early-stopping': 'Dropout 课程中的网络过拟合它的 20 个带噪声的点：一次训练到最后，一次早停并恢复最佳权重。',
  'explain:early-stopping':
    '一直训练到最后，网络会记住训练点上的噪声：训练损失持续下降，而验证损失在到达最低点后又回升。早停监视验证损失，在它连续若干轮（这里是 30 轮）没有改善时结束训练；启用“恢复最佳”后，它会放回最佳一轮的权重，所以你保留的是泛化最好的模型，而不是最后一个。最初十轮的大幅摆动来自 Adam 在 20 个点上过大的最初几步，训练随后会恢复（见 Dropout 一课）。',
  'run:early-stopping:to-the-end': '训练到最后',
  'run:early-stopping:early-stopping': '早停',
  stoppedAt:
    '早停在第 {stop} 轮后结束了这次运行（{patience} 轮没有改善），并恢复了第 {best} 轮的权重（验证损失 {loss}；训练到最后：{last}）。',
  earlyStoppingCurves: '每轮损失（浅色：训练；虚线：训练到最后的验证损失；实线：早停的验证损失）',
  bestEpochMarker: '最佳轮次（已恢复）',
  stopEpochMarker: '停止',

  'title:checkpoints': '检查点',
  'summary:checkpoints': '停止一个运行，从检查点继续，曲线就像从未停止过一样延续下去。',
  'explain:checkpoints':
    '同样的网络和设置训练两次：一次从头到尾，一次在第 6 轮后停止再继续。每一轮结束时，运行都会写入检查点，其中包含权重、优化器状态（动量、Adam 的滑动平均）、学习率调度、轮次和随机数生成器的状态；继续训练时全部载入，所以继续的运行与未中断的运行走的每一步完全相同。两条曲线完全重合。',
  'run:checkpoints:straight': '从头到尾训练',
  'run:checkpoints:resumed': '第 6 轮后停止，然后继续',
  largestDifference: '两条验证曲线之间的最大差异：{difference}。',
  largestDifferenceNone: '两条验证曲线之间的最大差异：0。两条曲线逐个数值完全相同。',
  stopMarker: '在此停止并继续',

  'title:dropout': '过拟合与 Dropout',
  'summary:dropout': '一个 1-200-200-1 网络在曲线上的 20 个噪声点上训练，有无 Dropout 0.5，用 200 个验证点来评判。',
  'explain:dropout':
    '左图：每轮的损失（浅色：训练，实线：验证）。没有 Dropout 时，训练损失一路降向零，而验证损失在最低点之后回升：网络在记忆 20 个点上的噪声，而不是学习这条曲线。右图：训练点和验证点上方的拟合曲线；没有 Dropout 的曲线弯折着穿过带噪声的训练点。Dropout 在每一步随机关闭一半隐藏单元，任何单元都无法依赖其他单元去记住某个点；它的训练损失更高，验证损失更低。在评估模式下 Dropout 关闭，使用整个网络。在最初十轮里，两个运行的损失都会上下跳动，幅度可达一百倍：对这么宽的网络和仅仅 20 个点来说，Adam 在 0.01 下的最初几步太大（训练视图的诊断称之为“开始时爆炸”），随后训练会恢复；本课关注的是之后发生的事。',
  'run:dropout:plain': '无 Dropout',
  'run:dropout:dropout': 'Dropout 0.5',
  overfittingClaim:
    '没有 Dropout 时，验证损失最终是其最佳值（第 {epoch} 轮的 {best}）的 {ratio} 倍；有 Dropout 时最终为 {dropout}。',
  fittedCurves: '数据点上的拟合曲线（各运行最后一轮的权重）',
  trainValLossCurves: '每轮损失（浅色：训练，实线：验证）',
  trainingPoints: '训练点（20 个）',
  validationPoints: '验证点',
};

export const lessonMessages: Messages<Key> = { en, 'zh-CN': zh };
export type LessonMessageKey = Key;
