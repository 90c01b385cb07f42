// Words for predicting on the user's own images: the panel, its drop area and the results.
import type { Messages } from '../lib/i18n.svelte';

const en = {
  title: 'Predict on your images',
  intro: 'Drop images here or choose them: each is resized and converted as the training images were, then classified.',
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
