// Words for predicting on the user's own images: the panel, its drop area and the results, and why a run refused
// the images (main/api/imagePredictionProblems.ts's codes; their Chinese is main/api/imageProblemsZh.ts's, which
// the command line words them with too).
import { IMAGE_PREDICTION_PROBLEMS, type ImagePredictionProblem } from '../../../main/api/imagePredictionProblems';
import { IMAGE_PREDICTION_PROBLEMS_ZH } from '../../../main/api/imageProblemsZh';
import type { Messages } from '../lib/i18n.svelte';

const en = {
  title: 'Predict on your images',
  intro: 'Drop images here or choose them: each is resized and converted as the training images were, then classified.',
  introImported:
    'Drop images here or choose them: each is resized to {width}×{height} pixels, read as {colour} values from 0 to 1, then classified by output (0, 1, …).',
  colour_1: 'grayscale',
  colour_3: 'RGB',
  importedWeights: 'By the weights imported from the model file.',
  choose: 'Choose images…',
  chooseLabel: 'Images to predict',
  drop: 'Drop images here',
  working: 'Reading and predicting {count} image(s)…',
  weights: 'By the {weights} weights (epoch {epoch}).',
  weights_best: 'best',
  weights_last: 'last',
  predicted: 'Predicted: {name}',
  probability: '{name} {percent}%',
  label: 'its folder says {name}',
  skipped: 'Skipped {path}: {reason}',
  accuracy: 'Accuracy on the {labelled} images in class folders: {percent}% (the run’s own test accuracy: {test}).',
  none: '—',
};

export type ImagePredictionKey = keyof typeof en;

export const imagePredictionMessages: Messages<ImagePredictionKey> = {
  en,
  'zh-CN': {
    title: '用你的图片预测',
    intro: '把图片拖到这里或选择图片：每张图片会按训练图片的方式缩放和转换，然后分类。',
    introImported:
      '把图片拖到这里或选择图片：每张图片会缩放到 {width}×{height} 像素，读取为 0 到 1 之间的{colour}值，然后按输出（0、1、…）分类。',
    colour_1: '灰度',
    colour_3: 'RGB',
    importedWeights: '使用从模型文件导入的权重。',
    choose: '选择图片…',
    chooseLabel: '要预测的图片',
    drop: '把图片拖到这里',
    working: '正在读取并预测 {count} 张图片…',
    weights: '使用{weights}权重（第 {epoch} 轮）。',
    weights_best: '最佳',
    weights_last: '最后一轮',
    predicted: '预测：{name}',
    probability: '{name} {percent}%',
    label: '所在文件夹为 {name}',
    skipped: '已跳过 {path}：{reason}',
    accuracy: '类别文件夹中 {labelled} 张图片的准确率：{percent}%（本次训练自身的测试准确率：{test}）。',
    none: '—',
  },
};

export const imagePredictionProblemMessages: Messages<ImagePredictionProblem> = {
  en: { ...IMAGE_PREDICTION_PROBLEMS },
  'zh-CN': { ...IMAGE_PREDICTION_PROBLEMS_ZH },
};
