// What a CSV preview found wrong before anything is imported, as codes with values the renderer words in each
// language (renderer/src/data/previewProblemText.ts): the file's own problems (rows with the wrong number of fields, a
// byte that is not UTF-8) and why a column cannot be a feature as it is. English here for tests and logs.
import { fillMessage } from '../../engine/core/spec/problemText';
import { CSV_IMPORT_PROBLEMS, type CsvImportProblem } from './csvImportProblems';
import { IMPORT_NOTES, type InvalidByteNote } from './importNotes';
import type { CodedNote } from './notes';

export const CSV_PREVIEW_PROBLEMS = {
  'more-ragged-rows': '… and {count} more rows with the wrong number of fields',
} as const;

type RaggedRowCode = Extract<CsvImportProblem, 'ragged-row' | 'ragged-row-one'>;

/** A problem of the file itself, the first few; `source` names the table that words it. */
export type CsvPreviewProblem =
  /** A row with the wrong number of fields: the import's own refusal (CSV_IMPORT_PROBLEMS), at its line. */
  | {
      readonly source: 'row';
      readonly code: RaggedRowCode;
      readonly values: { readonly line: number; readonly fields: number; readonly expected: number };
    }
  | ({ readonly source: 'preview' } & CodedNote<typeof CSV_PREVIEW_PROBLEMS>)
  /** The first byte that is not UTF-8 (the import's note on it). */
  | ({ readonly source: 'encoding' } & InvalidByteNote);

/** Why a column cannot be a feature as it is (stray text among numbers, too many categories): the import's refusal. */
export interface CsvColumnProblem {
  readonly code: CsvImportProblem;
  readonly values: Readonly<Record<string, string | number>>;
}

/** The problem in English: "line 3: 1 field, expected 2". */
export function previewProblemInEnglish(problem: CsvPreviewProblem): string {
  switch (problem.source) {
    case 'row':
      return `line ${problem.values.line}: ${fillMessage(CSV_IMPORT_PROBLEMS[problem.code], problem.values)}`;
    case 'preview':
      return fillMessage(CSV_PREVIEW_PROBLEMS[problem.code], problem.values);
    case 'encoding':
      return fillMessage(IMPORT_NOTES[problem.code], problem.values);
    default:
      throw new Error(`no words for ${JSON.stringify(problem satisfies never)}`);
  }
}

/** The column's problem in English: "more than 50 distinct values". */
export function columnProblemInEnglish(problem: CsvColumnProblem): string {
  return fillMessage(CSV_IMPORT_PROBLEMS[problem.code], problem.values);
}
