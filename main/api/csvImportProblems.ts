// Why a CSV table cannot be imported, as codes with values: English here for the CLI, logs and thrown messages; the
// renderer words the same codes from its own table (renderer/src/data/importErrorMessages.ts). Each sentence is
// what follows "<file>: " or "<file>, line <line>: " (the file and the line travel as values `file` and `line`).
/** Problems the tokenizer finds (csv/parser.ts), before it knows the file's name. */
export const CSV_SYNTAX_PROBLEMS = {
  'after-closing-quote':
    'unexpected {char} after the closing quote of a field (opened on line {quoteLine}); a quote inside a quoted field is written twice ("")',
  'too-many-fields': 'more than {max} fields in one record',
  'quote-not-closed': 'a quoted field is never closed: its closing quote is missing',
  'field-too-long': 'a field is longer than {max} characters.',
  'field-too-long-quote':
    'a field is longer than {max} characters. Is the quote opened on line {quoteLine} missing its closing quote?',
} as const;

/** The roles a column is named for in an import's options (csv/plan.ts resolveColumn). */
export type ColumnRole = 'label' | 'excluded' | 'categorical' | 'split';

export const CSV_IMPORT_PROBLEMS = {
  ...CSV_SYNTAX_PROBLEMS,
  unreadable: 'cannot be read: {reason}',
  'empty-file': 'the file is empty',
  'bad-delimiter': 'the delimiter must be one character other than a quote or a line break (got {delimiter})',
  'dataset-exists': 'a dataset folder {dataset} already exists',
  'unknown-missing-policy': 'unknown missing-value policy {policy}',
  'no-label-column': "there is no label column named '{ref}'; the columns are {columns}",
  'no-excluded-column': "there is no excluded column named '{ref}'; the columns are {columns}",
  'no-categorical-column': "there is no categorical column named '{ref}'; the columns are {columns}",
  'no-split-column': "there is no split column named '{ref}'; the columns are {columns}",
  'label-column-index': 'the label column index {index} is out of range: the file has {count} columns (0 to {last})',
  'excluded-column-index':
    'the excluded column index {index} is out of range: the file has {count} columns (0 to {last})',
  'categorical-column-index':
    'the categorical column index {index} is out of range: the file has {count} columns (0 to {last})',
  'split-column-index': 'the split column index {index} is out of range: the file has {count} columns (0 to {last})',
  'label-excluded': "the label column '{column}' cannot also be excluded",
  'split-is-label': "the split column '{column}' cannot also be the label column",
  'split-excluded': "the split column '{column}' cannot also be excluded",
  'split-categorical': "the split column '{column}' cannot also be a categorical feature",
  'no-data-rows': 'the file has no data rows',
  'header-no-data-rows': 'the file has a header but no data rows',
  'ragged-row-one': '{fields} field, expected {expected}',
  'ragged-row': '{fields} fields, expected {expected}',
  'label-cell-missing':
    "the label column '{column}' is empty here ({value}); fix it, or choose the 'drop rows with missing values' policy",
  'split-cell-empty':
    "the split column '{column}' is empty; each row needs train, validation or test (also accepted: training, val, valid, dev, testing, holdout; any case)",
  'split-cell-unknown':
    "the split column '{column}' holds {value}; each row needs train, validation or test (also accepted: training, val, valid, dev, testing, holdout; any case)",
  'split-no-train':
    "the split column '{column}' puts none of the {rows} rows in train ({validation} validation, {test} test); a model needs training rows",
  'all-rows-dropped-one':
    "every one of the {rows} rows has a missing cell in a used column, so none is left (missing: {missing}); exclude column '{column}', or fill missing values instead of dropping rows",
  'all-rows-dropped':
    'every one of the {rows} rows has a missing cell in a used column, so none is left (missing: {missing}); exclude the columns listed, or fill missing values instead of dropping rows',
  'stray-text':
    "column '{column}' is numeric except line {exampleLine}: {value}. Fix or empty those cells (empty cells count as missing), or exclude the column.",
  'stray-text-one-more':
    "column '{column}' is numeric except line {exampleLine}: {value} and 1 more line. Fix or empty those cells (empty cells count as missing), or exclude the column.",
  'stray-text-more':
    "column '{column}' is numeric except line {exampleLine}: {value} and {more} more lines. Fix or empty those cells (empty cells count as missing), or exclude the column.",
  'beyond-float32': "column '{column}' holds {value}, beyond the float32 range (±3.4e38)",
  'column-empty': "column '{column}' has no values (every cell is missing); exclude it",
  'too-many-categories':
    "column '{column}' has more than {max} distinct values ({examples}, ...): it looks like an identifier or free text, not a category. Exclude it.",
  'label-empty': "the label column '{column}' has no values",
  'label-not-numeric': "the label column '{column}' is not numeric ({value}), so it cannot be a regression target",
  'label-one-class': "the label column '{column}' has only one class ({value}); a classifier needs at least two",
  'label-too-many-numbers':
    "the label column '{column}' has more than {max} distinct values, too many classes; for a numeric target choose the task 'regression'",
  'label-too-many-classes':
    "the label column '{column}' has more than {max} distinct values, too many classes; is it the right label column?",
  'label-too-many-ways': "the label column '{column}' is written in more than {max} different ways",
  'no-features': "no feature columns are left besides the label '{column}'; include at least one other column",
  'nothing-to-fill':
    "column '{column}' has no values in the training rows to fill its missing cells from; exclude it, or choose the 'drop rows with missing values' policy",
  'file-changed': 'the file changed while it was being imported; import it again',
  'worker-stopped': "the import's second thread stopped: {reason}. Import the file again",
  'split-failed': '{reason}',
} as const;

export type CsvImportProblem = keyof typeof CSV_IMPORT_PROBLEMS;
export type CsvSyntaxProblem = keyof typeof CSV_SYNTAX_PROBLEMS;

/** The code of a row with `fields` fields where another number was expected (one field, or several). */
export function raggedRowCode(fields: number): 'ragged-row' | 'ragged-row-one' {
  return fields === 1 ? 'ragged-row-one' : 'ragged-row';
}
