// The words of what stops a command (exit code 1), in English and Simplified Chinese: the CLI's own errors (a run,
// file, dataset or group it cannot find, a run without a checkpoint) as CliErrors with a code and values, and the
// coded errors of the services it words the way the studio does (a CSV table or an image folder that cannot be
// imported, images a run cannot predict on, an ONNX file that cannot be imported, training refused before it
// started). Any other error prints its English message.
import { CodedError } from '../../engine/core/errors/coded';
import { ONNX_IMPORT_ERRORS, type OnnxImportErrorCode } from '../../engine/core/import/onnx/errors';
import { fillMessage } from '../../engine/core/spec/problemText';
import { CSV_IMPORT_PROBLEMS, type CsvImportProblem } from '../api/csvImportProblems';
import { CSV_IMPORT_PROBLEMS_ZH, CSV_PLACES_ZH } from '../api/csvImportProblemsZh';
import { IMAGE_IMPORT_PROBLEMS, type ImageImportProblem } from '../api/imageImportProblems';
import { IMAGE_PREDICTION_PROBLEMS, type ImagePredictionProblem } from '../api/imagePredictionProblems';
import {
  IMAGE_IMPORT_PROBLEMS_ZH,
  IMAGE_PREDICTION_PROBLEMS_ZH,
  MORE_NAMES_ZH,
  SYSTEM_ERRORS_ZH,
} from '../api/imageProblemsZh';
import { MORE_NAMES_ENGLISH, withMoreNames } from '../api/nameLists';
import { ONNX_IMPORT_ERRORS_ZH } from '../api/onnxImportErrorsZh';
import { exampleReasonOf, systemReasonOf } from '../api/quotedReasons';
import { SYSTEM_ERRORS, type SystemErrorCode } from '../api/systemErrors';
import { say, type CliLocale, type Words } from './locale';
import { noteText, SKIP_REASON_WORDS } from './noteWords';
import { REFUSALS_ZH, type RefusalCode } from './refusalWords';

export type CliErrorCode =
  | 'which-run'
  | 'no-run'
  | 'no-run-yet'
  | 'no-run-short-prefix'
  | 'name-matches-runs'
  | 'prefix-matches-runs'
  | 'name-matches-many-runs'
  | 'prefix-matches-many-runs'
  | 'no-such-file'
  | 'no-such-file-or-folder'
  | 'no-such-data'
  | 'no-sample'
  | 'data-matches-datasets'
  | 'no-group'
  | 'ref-matches-groups'
  | 'no-checkpoint-yet'
  | 'checkpoint-missing'
  | 'dataset-folder-missing'
  | 'no-images-to-score'
  | 'no-images-for-outputs'
  | 'folder-for-table'
  | 'no-label-to-score'
  | 'labels-empty'
  | 'no-class-to-score'
  | 'no-number-to-score'
  | 'no-column'
  | 'no-columns'
  | 'folder-for-table-rows'
  | 'no-rows-to-predict';

export const CLI_ERROR_WORDS: Words<CliErrorCode> = {
  en: {
    'which-run': 'say which run: its id, the first characters of its id, or its name',
    'no-run': "no run '{run}'; `netwright runs` lists them",
    'no-run-yet': "no run '{run}': there are no runs yet",
    'no-run-short-prefix': "no run '{run}' (an id prefix needs at least {min} characters)",
    'name-matches-runs': "the name '{ref}' matches {count} runs: {runs}; give more of the id",
    'prefix-matches-runs': "the id prefix '{ref}' matches {count} runs: {runs}; give more of the id",
    'name-matches-many-runs': "the name '{ref}' matches {count} runs: {runs} and {more} more; give more of the id",
    'prefix-matches-many-runs':
      "the id prefix '{ref}' matches {count} runs: {runs} and {more} more; give more of the id",
    'no-such-file': '{file}: no such file',
    'no-such-file-or-folder': '{file}: no such file or folder',
    'no-such-data': '--data {ref}: there is no such file or folder, and no imported dataset has that name or id',
    'no-sample': "no sample dataset '{sample}': choose one of {samples}",
    'data-matches-datasets': "'{ref}' matches {count} datasets: {datasets}; give its id",
    'no-group': "there is no group '{ref}'; `netwright runs` shows each run's group",
    'ref-matches-groups': "'{ref}' names {count} groups: {groups}; give its id",
    'no-checkpoint-yet': "run '{run}' has no checkpoint yet: it needs at least one finished epoch",
    'checkpoint-missing': "run '{run}': its checkpoint {path} is missing",
    'dataset-folder-missing': "run '{run}': the folder of dataset '{dataset}' ({folder}) is missing",
    'no-images-to-score':
      "{data}: no images in sub-folders named for the run's classes ({classes}), so there is nothing to score",
    'no-images-for-outputs':
      "{data}: no images in sub-folders named for the model's outputs ({classes}), so there is nothing to score",
    'folder-for-table': "{data}: is a folder, but run '{run}' was trained on a table: give a CSV file",
    'no-label-to-score': "{data}: has no label column '{column}' to score against",
    'labels-empty': '{data}: every label cell is empty, so there is nothing to score',
    'no-class-to-score': "{data}: no row has a class in column '{column}' to score against",
    'no-number-to-score': "{data}: no row has a number in column '{column}' to score against",
    'no-column': "{file}: no column {missing}; the model reads {columns} (the file's header has {header})",
    'no-columns': "{file}: no columns {missing}; the model reads {columns} (the file's header has {header})",
    'folder-for-table-rows':
      "{data}: is a folder, but run '{run}' was trained on a table: give a CSV file with its feature columns",
    'no-rows-to-predict': '{file}: the file has no rows to predict',
  },
  zh: {
    'which-run': '请指明哪个运行：它的 ID、ID 的前几个字符，或它的名称',
    'no-run': "没有运行 '{run}'；`netwright runs` 会列出所有运行",
    'no-run-yet': "没有运行 '{run}'：还没有任何运行",
    'no-run-short-prefix': "没有运行 '{run}'（ID 前缀至少需要 {min} 个字符）",
    'name-matches-runs': "名称 '{ref}' 对应 {count} 个运行：{runs}；请多给出一些 ID 字符",
    'prefix-matches-runs': "ID 前缀 '{ref}' 对应 {count} 个运行：{runs}；请多给出一些 ID 字符",
    'name-matches-many-runs': "名称 '{ref}' 对应 {count} 个运行：{runs} 以及另外 {more} 个；请多给出一些 ID 字符",
    'prefix-matches-many-runs': "ID 前缀 '{ref}' 对应 {count} 个运行：{runs} 以及另外 {more} 个；请多给出一些 ID 字符",
    'no-such-file': '{file}：没有这个文件',
    'no-such-file-or-folder': '{file}：没有这个文件或文件夹',
    'no-such-data': '--data {ref}：没有这个文件或文件夹，也没有以此为名称或 ID 的已导入数据集',
    'no-sample': "没有示例数据集 '{sample}'：请从 {samples} 中选择",
    'data-matches-datasets': "'{ref}' 对应 {count} 个数据集：{datasets}；请给出它的 ID",
    'no-group': "没有组 '{ref}'；`netwright runs` 会显示每个运行所属的组",
    'ref-matches-groups': "'{ref}' 对应 {count} 个组：{groups}；请给出它的 ID",
    'no-checkpoint-yet': "运行 '{run}' 还没有检查点：至少需要完成一轮",
    'checkpoint-missing': "运行 '{run}'：它的检查点 {path} 不见了",
    'dataset-folder-missing': "运行 '{run}'：数据集 '{dataset}' 的文件夹（{folder}）不见了",
    'no-images-to-score': '{data}：没有放在以该运行的类别（{classes}）命名的子文件夹中的图片，无从评分',
    'no-images-for-outputs': '{data}：没有放在以模型输出（{classes}）命名的子文件夹中的图片，无从评分',
    'folder-for-table': "{data}：是文件夹，但运行 '{run}' 是在表格上训练的：请给出 CSV 文件",
    'no-label-to-score': "{data}：没有可用来评分的标签列 '{column}'",
    'labels-empty': '{data}：所有标签单元格都是空的，无从评分',
    'no-class-to-score': "{data}：列 '{column}' 中没有任何一行有类别可用来评分",
    'no-number-to-score': "{data}：列 '{column}' 中没有任何一行有数值可用来评分",
    'no-column': '{file}：没有列 {missing}；模型读取的列是 {columns}（文件的表头是 {header}）',
    'no-columns': '{file}：没有列 {missing}；模型读取的列是 {columns}（文件的表头是 {header}）',
    'folder-for-table-rows': "{data}：是文件夹，但运行 '{run}' 是在表格上训练的：请给出包含其特征列的 CSV 文件",
    'no-rows-to-predict': '{file}：文件中没有可预测的行',
  },
};

/**
 * An error of the command line itself, as a code with values; `message` is its English. Not a CodedError: it never
 * crosses to the studio (main/api/dispatch.ts words those), only to the terminal.
 */
export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(fillMessage(CLI_ERROR_WORDS.en[code], params));
    this.name = 'CliError';
  }
}

/** Why a CSV table cannot be imported, after where (the file, and the line when there is one). */
export const CSV_PROBLEM_WORDS: Words<CsvImportProblem> = { en: CSV_IMPORT_PROBLEMS, zh: CSV_IMPORT_PROBLEMS_ZH };

export const CSV_PLACE_WORDS: Words<'inFile' | 'onLine'> = {
  en: { inFile: '{file}: {problem}', onLine: '{file}, line {line}: {problem}' },
  zh: CSV_PLACES_ZH,
};

export const IMAGE_IMPORT_WORDS: Words<ImageImportProblem> = {
  en: IMAGE_IMPORT_PROBLEMS,
  zh: IMAGE_IMPORT_PROBLEMS_ZH,
};

export const IMAGE_PREDICTION_WORDS: Words<ImagePredictionProblem> = {
  en: IMAGE_PREDICTION_PROBLEMS,
  zh: IMAGE_PREDICTION_PROBLEMS_ZH,
};

export const ONNX_IMPORT_WORDS: Words<OnnxImportErrorCode> = { en: ONNX_IMPORT_ERRORS, zh: ONNX_IMPORT_ERRORS_ZH };

export const SYSTEM_ERROR_WORDS: Words<SystemErrorCode> = { en: SYSTEM_ERRORS, zh: SYSTEM_ERRORS_ZH };

const MORE_NAMES: Readonly<Record<CliLocale, string>> = { en: MORE_NAMES_ENGLISH, zh: MORE_NAMES_ZH };

/**
 * An image refusal's values in `locale`: the reason it quotes (an example file's reason for being skipped, or the
 * system's reason a folder could not be read) worded from its code, and each list's "and 3 more" after it.
 */
function imageValues(
  params: Readonly<Record<string, string | number>>,
  locale: CliLocale,
): Record<string, string | number> {
  const example = exampleReasonOf(params);
  const system = example ? null : systemReasonOf(params);
  const reason = example
    ? noteText(SKIP_REASON_WORDS, example, locale)
    : system
      ? noteText(SYSTEM_ERROR_WORDS, system, locale)
      : params.reason;
  const withReason = reason === undefined ? params : { ...params, reason };
  return withMoreNames(withReason, (count) => fillMessage(MORE_NAMES[locale], { count }));
}

/** `code` without `prefix` when it is one of `table`'s codes ('images-empty' → 'empty'), else null. */
function codeIn<Code extends string>(code: string, prefix: string, table: Readonly<Record<Code, string>>): Code | null {
  const own = code.startsWith(prefix) ? code.slice(prefix.length) : '';
  return Object.hasOwn(table, own) ? (own as Code) : null;
}

/** `error` in `locale` when it is one the CLI words from a code; undefined for any other error (its message). */
export function codedErrorText(error: unknown, locale: CliLocale): string | undefined {
  if (error instanceof CliError) return say(CLI_ERROR_WORDS, locale, error.code, error.params);
  if (!(error instanceof CodedError)) return undefined;
  const params = error.params as Readonly<Record<string, string | number>>;
  // A CSV table that cannot be imported: 'csv-<code>', its file and line among the values (csvImportProblems.ts).
  const csv = codeIn(error.tableCode, 'csv-', CSV_IMPORT_PROBLEMS);
  if (csv) {
    const problem = say(CSV_PROBLEM_WORDS, locale, csv, params);
    return params.line === undefined
      ? say(CSV_PLACE_WORDS, locale, 'inFile', { file: params.file, problem })
      : say(CSV_PLACE_WORDS, locale, 'onLine', { file: params.file, line: params.line, problem });
  }
  // An image folder that cannot become a dataset, images a run cannot predict on (imageImportProblems.ts,
  // imagePredictionProblems.ts).
  const images = codeIn(error.tableCode, 'images-', IMAGE_IMPORT_PROBLEMS);
  if (images) return say(IMAGE_IMPORT_WORDS, locale, images, imageValues(params, locale));
  const predict = codeIn(error.tableCode, 'predict-', IMAGE_PREDICTION_PROBLEMS);
  if (predict) return say(IMAGE_PREDICTION_WORDS, locale, predict, imageValues(params, locale));
  // Training refused before a run was created; English is the refusal's own message (refusalWords.ts).
  if (locale === 'zh' && Object.hasOwn(REFUSALS_ZH, error.tableCode))
    return fillMessage(REFUSALS_ZH[error.tableCode as RefusalCode], params);
  // An ONNX file that cannot be imported at all: 'onnx-<code>' (engine/core/import/onnx/errors.ts).
  const onnx = codeIn(error.tableCode, 'onnx-', ONNX_IMPORT_ERRORS);
  if (onnx) return say(ONNX_IMPORT_WORDS, locale, onnx, params);
  return undefined;
}
