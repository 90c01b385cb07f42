// The words `predict` prints on stderr after its CSV (which rows or images it predicted, with which run and
// checkpoint, and the score against labels the input holds), in English and Simplified Chinese. The CSV and --json
// outputs have no words to translate: column names and keys stay as they are in every language.
import type { Words } from './locale';

type PredictWord =
  | 'predictedRows'
  | 'wroteRows'
  | 'predictedImage'
  | 'predictedImages'
  | 'wroteImage'
  | 'wroteImages'
  | 'byRun'
  | 'partSeparator'
  | 'rowsAccuracy'
  | 'rowsError'
  | 'rowsR2'
  | 'imagesAccuracy'
  | 'runTestAccuracy'
  | 'skipped';

export const PREDICT_WORDS: Words<PredictWord> = {
  en: {
    predictedRows: '{count} predictions',
    wroteRows: 'wrote {count} predictions to {out}',
    predictedImage: 'predicted {count} image',
    predictedImages: 'predicted {count} images',
    wroteImage: 'wrote predictions for {count} image to {out}',
    wroteImages: 'wrote predictions for {count} images to {out}',
    byRun: "{what} (run {id} '{name}', {checkpoint} checkpoint of epoch {epoch})",
    partSeparator: '; ',
    rowsAccuracy: 'accuracy {accuracy} on the {rows} rows with a label',
    rowsError: 'MAE {mae}{r2} on the {rows} rows with a value',
    rowsR2: ', R² {r2}',
    imagesAccuracy: 'accuracy {accuracy} on the {count} images in class folders',
    runTestAccuracy: "; the run's own test accuracy: {accuracy}",
    skipped: 'skipped {path}: {reason}',
  },
  zh: {
    predictedRows: '{count} 条预测',
    wroteRows: '已将 {count} 条预测写入 {out}',
    predictedImage: '已预测 {count} 张图片',
    predictedImages: '已预测 {count} 张图片',
    wroteImage: '已将 {count} 张图片的预测写入 {out}',
    wroteImages: '已将 {count} 张图片的预测写入 {out}',
    byRun: "{what}（运行 {id} '{name}'，第 {epoch} 轮的{checkpoint}检查点）",
    partSeparator: '；',
    rowsAccuracy: '在 {rows} 个有标签的行上，准确率 {accuracy}',
    rowsError: '在 {rows} 个有值的行上，MAE {mae}{r2}',
    rowsR2: '，R² {r2}',
    imagesAccuracy: '在类别文件夹中的 {count} 张图片上，准确率 {accuracy}',
    runTestAccuracy: '；该运行自身的测试准确率：{accuracy}',
    skipped: '已跳过 {path}：{reason}',
  },
};
