// The words of what stops a command (exit code 1), in English and Simplified Chinese: the CLI's own errors (a run,
// file, dataset or group it cannot find, a run without a checkpoint) as CliErrors with a code and values, and the
// coded errors of the services it words the way the studio does (a CSV table or an image folder that cannot be
// imported, images a run cannot predict on, an ONNX file that cannot be imported, training or a sweep refused before
// it started, a checkpoint that does not load, what a service refuses). Any other error prints its English message.
import { CodedError } from '../../engine/core/errors/coded';
import { CHECKPOINT_PROBLEM_CODES, type CheckpointProblemCode } from '../../engine/core/io/checkpointProblems';
import type { SweepProblem } from '../../engine/core/train/sweep';
import { CHECKPOINT_PROBLEMS_ZH } from '../api/checkpointProblemsZh';
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
import { SERVICE_ERRORS, serviceErrorCode, serviceErrorValues, type ServiceErrorCode } from '../api/serviceErrors';
import { SERVICE_ERRORS_ZH, SERVICE_VALUES_ZH } from '../api/serviceErrorsZh';
import { SWEEP_REFUSALS_ZH } from '../api/sweepRefusalsZh';
import { RUN_FAILURES, runFailureSentence } from '../api/runFailures';
import { RUN_FAILURES_ZH } from '../api/runFailuresZh';
import { runFailureCode } from '../../engine/core/train/runFailure';
import { say, type CliLocale, type Words } from './locale';
import { noteText, SKIP_REASON_WORDS } from './noteWords';
import { REFUSALS_ZH, refusalZh, type RefusalCode } from './refusalWords';

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
  | 'no-rows-to-predict'
  | 'group-busy'
  | 'run-failed'
  | 'run-diverged'
  | 'run-finished'
  | 'run-not-stopped'
  | 'imported-no-dataset'
  | 'imported-takes-images'
  | 'task-choice'
  | 'import-cancelled'
  | 'no-split-rows'
  | 'no-label-column'
  | 'cell-empty-number'
  | 'cell-not-number'
  | 'cell-beyond-float32'
  | 'cell-empty-category'
  | 'cell-unknown-category'
  | 'row-fields-header'
  | 'row-fields-first-row'
  | 'no-feature-column'
  | 'label-is-feature'
  | 'columns-named-count'
  | 'number-columns-count'
  | 'not-a-table'
  | 'not-a-spec'
  | 'spec-problem'
  | 'spec-input-shape'
  | 'spec-outputs-classes'
  | 'spec-outputs-target'
  | 'spec-outputs-targets';

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
    'group-busy': "group '{group}' is being trained by another Netwright process",
    'run-failed': "run {id} '{run}' failed: {reason}",
    'run-diverged': "run {id} '{run}' diverged: {reason}",
    'run-finished':
      "run {id} '{run}' is {status}: it has finished training; only stopped, failed or interrupted runs continue",
    'run-not-stopped':
      "run {id} '{run}' is {status}: it is not stopped; only stopped, failed or interrupted runs continue",
    'imported-no-dataset':
      "run '{run}' was imported from a model file and has no dataset to read rows by: export it, or train it on a dataset first",
    'imported-takes-images':
      "run '{run}' takes {shape} inputs (images), not CSV rows: predict on an image file or a folder of images",
    'task-choice': "--task is classification or regression, not '{task}'",
    'import-cancelled': 'import cancelled; nothing was written',
    'no-split-rows': "dataset '{dataset}' has no {split} rows to evaluate on",
    'no-label-column': "{file}: no label column '{column}' (the file's columns are {columns})",
    'cell-empty-number':
      "{file}, row {row} (line {line}), column '{column}': the cell is empty, but the model needs a number",
    'cell-not-number': "{file}, row {row} (line {line}), column '{column}': {value} is not a number",
    'cell-beyond-float32':
      "{file}, row {row} (line {line}), column '{column}': {value} is beyond the float32 range (±3.4e38)",
    'cell-empty-category':
      "{file}, row {row} (line {line}), column '{column}': the cell is empty, but the model needs one of {categories}",
    'cell-unknown-category':
      "{file}, row {row} (line {line}), column '{column}': {value} is a category the model never saw in training (it knows {categories})",
    'row-fields-header': '{file}, row {row} (line {line}): {fields} fields where the header has {header}',
    'row-fields-first-row': '{file}, row {row} (line {line}): {fields} fields where the first row has {header}',
    'no-feature-column': "{file}: no feature column '{column}' (the file's columns are {columns})",
    'label-is-feature': "{file}: column '{column}' is both the label and a feature",
    'columns-named-count': '{file}: the model takes {width} numbers per row, and --columns names {count} ({named})',
    'number-columns-count':
      '{file}: the model takes {width} numbers per row, and the file has {count} number columns ({named}); name {width} with --columns a,b,…',
    'not-a-table': "dataset '{dataset}' is not a table (its inputs are {shape} images): predict reads CSV tables only",
    'not-a-spec': '{file}: not a model spec ({reason})',
    'spec-problem': '{file}: {problem}',
    'spec-input-shape': "{file}: the model takes inputs of shape {model}, but dataset '{dataset}' has {data}",
    'spec-outputs-classes': "{file}: the model ends in {shape} outputs, but dataset '{dataset}' has {count} classes",
    'spec-outputs-target': "{file}: the model ends in {shape} outputs, but dataset '{dataset}' has {count} target",
    'spec-outputs-targets': "{file}: the model ends in {shape} outputs, but dataset '{dataset}' has {count} targets",
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
    'group-busy': "组 '{group}' 正由另一个 Netwright 进程训练",
    'run-failed': "运行 {id} '{run}' 失败：{reason}",
    'run-diverged': "运行 {id} '{run}' 发散了：{reason}",
    'run-finished': "运行 {id} '{run}' {status}：它已完成训练；只有已停止、失败或已中断的运行可以继续",
    'run-not-stopped': "运行 {id} '{run}' {status}：它没有停止；只有已停止、失败或已中断的运行可以继续",
    'imported-no-dataset': "运行 '{run}' 是从模型文件导入的，没有可按行读取的数据集：请导出它，或先在数据集上训练它",
    'imported-takes-images': "运行 '{run}' 的输入是 {shape} 的图片，不是 CSV 行：请对图片文件或图片文件夹做预测",
    'task-choice': "--task 只能是 classification 或 regression，不能是 '{task}'",
    'import-cancelled': '导入已取消；没有写入任何内容',
    'no-split-rows': "数据集 '{dataset}' 没有可用于评估的{split}行",
    'no-label-column': "{file}：没有标签列 '{column}'（文件的列是 {columns}）",
    'cell-empty-number': "{file}，第 {row} 行（文件第 {line} 行），列 '{column}'：单元格为空，但模型需要一个数字",
    'cell-not-number': "{file}，第 {row} 行（文件第 {line} 行），列 '{column}'：{value} 不是数字",
    'cell-beyond-float32':
      "{file}，第 {row} 行（文件第 {line} 行），列 '{column}'：{value} 超出 float32 的范围（±3.4e38）",
    'cell-empty-category':
      "{file}，第 {row} 行（文件第 {line} 行），列 '{column}'：单元格为空，但模型需要以下之一：{categories}",
    'cell-unknown-category':
      "{file}，第 {row} 行（文件第 {line} 行），列 '{column}'：{value} 是训练中从未见过的类别（模型认识 {categories}）",
    'row-fields-header': '{file}，第 {row} 行（文件第 {line} 行）：有 {fields} 个字段，而表头有 {header} 个',
    'row-fields-first-row': '{file}，第 {row} 行（文件第 {line} 行）：有 {fields} 个字段，而第一行有 {header} 个',
    'no-feature-column': "{file}：没有特征列 '{column}'（文件的列是 {columns}）",
    'label-is-feature': "{file}：列 '{column}' 既是标签又是特征",
    'columns-named-count': '{file}：模型每行读取 {width} 个数，而 --columns 给出了 {count} 列（{named}）',
    'number-columns-count':
      '{file}：模型每行读取 {width} 个数，而文件有 {count} 个数值列（{named}）；请用 --columns a,b,… 指定 {width} 列',
    'not-a-table': "数据集 '{dataset}' 不是表格（它的输入是 {shape} 的图片）：predict 只读取 CSV 表格",
    'not-a-spec': '{file}：不是模型规格（{reason}）',
    'spec-problem': '{file}：{problem}',
    'spec-input-shape': "{file}：模型的输入形状是 {model}，但数据集 '{dataset}' 的是 {data}",
    'spec-outputs-classes': "{file}：模型最后输出 {shape}，但数据集 '{dataset}' 有 {count} 个类别",
    'spec-outputs-target': "{file}：模型最后输出 {shape}，但数据集 '{dataset}' 有 {count} 个目标",
    'spec-outputs-targets': "{file}：模型最后输出 {shape}，但数据集 '{dataset}' 有 {count} 个目标",
  },
};

type Values = Readonly<Record<string, string | number>>;

/**
 * An error of the command line itself, as a code with values; `message` is its English. Values that are words
 * (a run's status in a list of runs, a split) come in each language in `worded`; a list of names may hold its count
 * of more beside it ('<key>.more', nameLists.ts), worded "and 3 more" in each language. Not a CodedError: it never
 * crosses to the studio (main/api/dispatch.ts words those), only to the terminal.
 */
export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    readonly params: Values = {},
    readonly worded: Partial<Record<CliLocale, Values>> = {},
  ) {
    super(fillMessage(CLI_ERROR_WORDS.en[code], cliErrorValues(params, worded, 'en')));
    this.name = 'CliError';
  }
}

/** A CliError's values in `locale`: its own, its words in that language, and each list's count of more worded. */
function cliErrorValues(params: Values, worded: Partial<Record<CliLocale, Values>>, locale: CliLocale): Values {
  return withMoreNames({ ...params, ...worded[locale] }, (count) => fillMessage(MORE_NAMES[locale], { count }));
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

export const SERVICE_ERROR_WORDS: Words<ServiceErrorCode> = { en: SERVICE_ERRORS, zh: SERVICE_ERRORS_ZH };

/**
 * A refused sweep in Chinese, by its first problem (English is the refusal's own message, naming them all): the
 * studio's words, except where they point at the studio's Model view.
 */
export const SWEEP_REFUSAL_WORDS_ZH: Readonly<Record<SweepProblem['code'], string>> = {
  ...SWEEP_REFUSALS_ZH,
  'sweep-base-graph': '未开始：该图无法训练。',
};

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
  if (error instanceof CliError)
    return say(CLI_ERROR_WORDS, locale, error.code, cliErrorValues(error.params, error.worded, locale));
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
  // Training or a sweep refused before a run was created, a checkpoint that does not load; English is the error's own
  // message (refusalWords.ts, sweepRefusals.ts, checkpointProblems.ts).
  if (locale === 'zh' && Object.hasOwn(REFUSALS_ZH, error.tableCode))
    return refusalZh(error.tableCode as RefusalCode, params);
  if (locale === 'zh' && Object.hasOwn(SWEEP_REFUSAL_WORDS_ZH, error.tableCode))
    return fillMessage(SWEEP_REFUSAL_WORDS_ZH[error.tableCode as SweepProblem['code']], params);
  if (locale === 'zh' && (CHECKPOINT_PROBLEM_CODES as readonly string[]).includes(error.tableCode))
    return fillMessage(CHECKPOINT_PROBLEMS_ZH[error.tableCode as CheckpointProblemCode], params);
  // What a service refuses: 'service-<code>', or a record that does not exist (main/api/serviceErrors.ts).
  const service = serviceErrorCode(error.tableCode);
  if (service) {
    const values = serviceErrorValues(service, params, locale === 'zh' ? SERVICE_VALUES_ZH : null);
    return say(SERVICE_ERROR_WORDS, locale, service, values);
  }
  // An ONNX file that cannot be imported at all: 'onnx-<code>' (engine/core/import/onnx/errors.ts).
  const onnx = codeIn(error.tableCode, 'onnx-', ONNX_IMPORT_ERRORS);
  if (onnx) return say(ONNX_IMPORT_WORDS, locale, onnx, params);
  // A run the engine could not start, as the run failure it is (main/api/runFailures.ts).
  const failure = runFailureCode(error.tableCode);
  if (failure) return runFailureSentence(failure, params, runFailureTable(locale));
  return undefined;
}

/** The sentences of why a run failed (main/api/runFailures.ts), in the CLI's language. */
export function runFailureTable(locale: CliLocale): typeof RUN_FAILURES {
  return locale === 'zh' ? RUN_FAILURES_ZH : RUN_FAILURES;
}
