// The samples' and templates' descriptions in the user's language (the services describe them in English).
import type { Messages } from '../lib/i18n.svelte';

export const catalogMessages: Messages<
  | 'sample:spirals'
  | 'sample:two-moons'
  | 'sample:noisy-curve'
  | 'sample:noisy-curve-small'
  | 'sample:dropout-curve'
  | 'sample:shapes'
  | 'template:mlp'
  | 'template:lenet'
  | 'template:small-cnn'
  | 'template:vgg-small'
  | 'template:mobile-cnn'
  | 'template:residual'
  | 'template:aspp-cnn'
  | 'template:dropout-demo'
  | 'template:dropout-demo-plain'
> = {
  en: {
    'sample:spirals': 'Three interleaved spirals of 2-D points: a line cannot separate them, a small MLP can.',
    'sample:two-moons': 'Two interlocking half-moons with noise: the classic first non-linear boundary.',
    'sample:noisy-curve': 'A sine curve with noise: regression with a smooth target.',
    'sample:noisy-curve-small':
      '20 noisy points of a curve: a big network overfits them, dropout helps (pair with the dropout demo).',
    'sample:dropout-curve':
      '20 noisy training points of a curve, judged on 200 validation points of the same curve: the dropout lesson.',
    'sample:shapes': 'Small grayscale images of four shapes in class folders: a first convolutional network.',
    'template:mlp': 'Multilayer perceptron',
    'template:lenet': 'LeNet-5',
    'template:small-cnn': 'Small CNN',
    'template:vgg-small': 'Small VGG',
    'template:mobile-cnn': 'MobileNet-style CNN',
    'template:residual': 'Residual block',
    'template:aspp-cnn': 'Atrous pyramid CNN',
    'template:dropout-demo': 'Dropout demo',
    'template:dropout-demo-plain': 'Dropout demo (no dropout)',
  },
  'zh-CN': {
    'sample:spirals': '三条交错的二维螺旋线：一条直线分不开它们，一个小型多层感知机可以。',
    'sample:two-moons': '两个带噪声、相互咬合的半月形：经典的第一个非线性决策边界。',
    'sample:noisy-curve': '一条带噪声的正弦曲线：目标平滑的回归问题。',
    'sample:noisy-curve-small': '曲线上的 20 个噪声点：大网络会过拟合，Dropout 有帮助（与 Dropout 演示模板搭配）。',
    'sample:dropout-curve': '曲线上的 20 个带噪声的训练点，用同一曲线上的 200 个验证点来评判：Dropout 课程的数据。',
    'sample:shapes': '按类别分文件夹的四种形状的小灰度图像：第一个卷积神经网络。',
    'template:mlp': '多层感知机',
    'template:lenet': 'LeNet-5',
    'template:small-cnn': '小型 CNN',
    'template:vgg-small': '小型 VGG',
    'template:mobile-cnn': 'MobileNet 风格 CNN',
    'template:residual': '残差块',
    'template:aspp-cnn': '空洞金字塔 CNN',
    'template:dropout-demo': 'Dropout 演示',
    'template:dropout-demo-plain': 'Dropout 演示（无 Dropout）',
  },
};

type CatalogKey = keyof typeof catalogMessages.en;

/**
 * A sample's or template's description from `words` (the current language's table) by its key ("sample:spirals",
 * "template:mlp"); the service's own English `fallback` for one the table does not know (a sample added later).
 */
export function describedIn(words: Record<CatalogKey, string>, key: string, fallback: string): string {
  return Object.hasOwn(words, key) ? words[key as CatalogKey] : fallback;
}
