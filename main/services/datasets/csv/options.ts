// The choices a user makes when importing a CSV (the import dialog's fields), with their defaults.
import type { Task } from '../../../../engine/core/data/dataset';

/** A column by its header name (or "column 3" without a header) or by its 0-based position. */
export type ColumnRef = string | number;

/**
 * What to do with rows holding a missing cell (empty, NA, N/A, NaN, null, ?) in a used column:
 * drop the row; fill numbers with the training mean (categories with the most frequent); or fill every column
 * with its most frequent training value. Fill values come from the training rows only. Labels are never filled.
 */
export type MissingPolicy = 'drop-row' | 'fill-mean' | 'fill-most-frequent';

export interface CsvImportOptions {
  labelColumn: ColumnRef;
  /** Default: classification if the label is text or has ≤ 20 distinct whole numbers, else regression. */
  task?: Task;
  /** Default 'drop-row'. */
  missing?: MissingPolicy;
  excludeColumns?: ColumnRef[];
  /** Columns to one-hot encode even though they hold numbers (codes such as zip or product ids). */
  categoricalColumns?: ColumnRef[];
  /** Default: detected (first row is text where the rows below hold numbers). */
  hasHeader?: boolean;
  /** ',' ';' or '\t'; default: detected from the first lines. */
  delimiter?: string;
  /** Default 70/15/15, seed 42, stratified for classification. Ignored (but for the seed) with a split column. */
  split?: { train: number; validation: number; test: number; seed?: number; stratify?: boolean };
  /**
   * A column naming each row's split (train, validation, test; also training, val, valid, dev, testing, holdout; any
   * case) used instead of the random split. It is not a feature. Default: none (the preview suggests a column
   * named `split`; the importer does not pick it by itself).
   */
  splitColumn?: ColumnRef;
  /** Record z-score statistics of the training rows in the manifest (the engine applies them). Default true. */
  standardize?: boolean;
  /**
   * Regression: whether the model learns the label standardized (manifest targetNormalization; predictions stay in
   * the label's units). 'auto' (the default) standardizes a label far from ±1 (csv/targetScale.ts).
   */
  labelScale?: LabelScale;
}

export const LABEL_SCALES = ['auto', 'standardize', 'keep'] as const;
export type LabelScale = (typeof LABEL_SCALES)[number];

export const DEFAULT_SPLIT = { train: 0.7, validation: 0.15, test: 0.15, seed: 42 } as const;
/** More distinct text values than this in a feature column is an error (an id or free text, not a category). */
export const MAX_CATEGORIES = 50;
export const MAX_CLASSES = 1000;
/** A numeric label with at most this many distinct whole numbers is taken as classes by default. */
export const MAX_INTEGER_CLASSES = 20;
/** A column at least this share numbers is "numeric with stray text", not categorical. */
export const MOSTLY_NUMERIC = 0.9;
