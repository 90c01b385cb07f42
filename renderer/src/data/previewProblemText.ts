// A CSV preview's problems in the user's language: the file's own (rows with the wrong number of fields, a byte that
// is not UTF-8) and a column's (why it cannot be a feature as it is), from the codes main/api/csvPreviewProblems.ts
// sends, worded with the import's own tables.
import type { CsvColumnProblem, CsvPreviewProblem } from '../../../main/api/csvPreviewProblems';
import { translator } from '../lib/i18n.svelte';
import { csvImportErrorMessages } from './importErrorMessages';
import { importNoteMessages } from './importNoteMessages';
import { csvPreviewLineMessages, csvPreviewMessages } from './previewProblemMessages';

const previewWords = translator(csvPreviewMessages);
const lineWords = translator(csvPreviewLineMessages);
const importWords = translator(csvImportErrorMessages);
const noteWords = translator(importNoteMessages);

export function previewProblemText(problem: CsvPreviewProblem): string {
  switch (problem.source) {
    case 'row':
      return lineWords('onLine', {
        line: problem.values.line,
        problem: importWords(problem.code, problem.values),
      });
    case 'preview':
      return previewWords(problem.code, problem.values);
    case 'encoding':
      return noteWords(problem.code, problem.values);
    default:
      throw new Error(`no words for ${JSON.stringify(problem satisfies never)}`);
  }
}

export function columnProblemText(problem: CsvColumnProblem): string {
  return importWords(problem.code, problem.values);
}
