// The error every CSV problem becomes: names the file, and where known the line (as an editor numbers it) and column.
import { basename } from 'node:path';
import { CodedError } from '../../../../engine/core/errors/coded';

export class CsvImportError extends CodedError<'import-failed', Record<string, never>> {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super('import-failed', {}, `${basename(file)}${line === undefined ? '' : `, line ${line}`}: ${detail}`);
    this.name = 'CsvImportError';
  }
}

/** A parse problem found by the tokenizer, before it knows the file name. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'CsvSyntaxError';
  }
}
