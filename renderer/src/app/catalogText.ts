// The samples' and templates' descriptions in the user's language (the services describe them in English).
import { SAMPLE_DESCRIPTIONS_ZH } from '../../../main/api/sampleWordsZh';
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
    'sample:spirals': SAMPLE_DESCRIPTIONS_ZH.spirals,
    'sample:two-moons': SAMPLE_DESCRIPTIONS_ZH['two-moons'],
    'sample:noisy-curve': SAMPLE_DESCRIPTIONS_ZH['noisy-curve'],
    'sample:noisy-curve-small': SAMPLE_DESCRIPTIONS_ZH['noisy-curve-small'],
    'sample:dropout-curve': SAMPLE_DESCRIPTIONS_ZH['dropout-curve'],
    'sample:shapes': SAMPLE_DESCRIPTIONS_ZH.shapes,
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
