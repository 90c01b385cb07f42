// The error every CSV problem becomes: a code and the values its sentence names (main/api/csvImportProblems.ts), with
// the file and, where known, the line (as an editor numbers it); its message is the English "<file>, line <n>: …".
import { basename } from 'node:path';
import { CodedError } from '../../../../engine/core/errors/coded';
import { fillMessage } from '../../../../engine/core/spec/problemText';
import { CSV_IMPORT_PROBLEMS, CSV_SYNTAX_PROBLEMS, type CsvImportProblem } from '../../../api/csvImportProblems';
import type { CodeAndValues } from '../../../api/problemValues';

/** Where a CSV problem is: the file (its path) and the 1-based line, when the problem is on one. */
export interface CsvPlace {
  file: string;
  line?: number;
}

export class CsvImportError extends CodedError<CsvImportProblem, Record<string, string | number>> {
  readonly file: string;
  readonly line?: number;
  /** The English sentence after the file and line (a column's problem in the preview). */
  readonly detail: string;

  /** A missing or stray value for the code's sentence does not compile. */
  constructor({ file, line }: CsvPlace, ...[code, values]: CodeAndValues<typeof CSV_IMPORT_PROBLEMS>) {
    const detail = fillMessage(CSV_IMPORT_PROBLEMS[code], values);
    super(
      code,
      { file: basename(file), ...(line === undefined ? {} : { line }), ...values },
      `${basename(file)}${line === undefined ? '' : `, line ${line}`}: ${detail}`,
    );
    this.file = file;
    this.line = line;
    this.detail = detail;
  }

  /** The column at fault, when the sentence names one. */
  get column(): string | undefined {
    return typeof this.params.column === 'string' ? this.params.column : undefined;
  }

  override get tableCode(): string {
    return `csv-${this.code}`;
  }
}

/** A parse problem found by the tokenizer, before it knows the file name. */
export class CsvSyntaxError extends Error {
  readonly problem: CodeAndValues<typeof CSV_SYNTAX_PROBLEMS>;
  readonly detail: string;

  constructor(
    readonly line: number,
    ...problem: CodeAndValues<typeof CSV_SYNTAX_PROBLEMS>
  ) {
    const detail = fillMessage(CSV_SYNTAX_PROBLEMS[problem[0]], problem[1]);
    super(`line ${line}: ${detail}`);
    this.name = 'CsvSyntaxError';
    this.problem = problem;
    this.detail = detail;
  }

  /** The same problem in `file`, as the import reports it. */
  inFile(file: string): CsvImportError {
    return new CsvImportError({ file, line: this.line }, ...this.problem);
  }
}
