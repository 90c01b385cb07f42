// The error a fatal image-folder problem becomes (files that cannot be read are skipped instead): a code and the
// values its sentence names, the folder first (main/api/imageImportProblems.ts), with the English as its message.
import { CodedError } from '../../../../engine/core/errors/coded';
import { fillMessage } from '../../../../engine/core/spec/problemText';
import { IMAGE_IMPORT_PROBLEMS, type ImageImportProblem } from '../../../api/imageImportProblems';
import { MORE_NAMES_ENGLISH, withMoreNames } from '../../../api/nameLists';
import type { CodeAndValues } from '../../../api/problemValues';

export class ImageImportError extends CodedError<ImageImportProblem, Record<string, string | number>> {
  /** A missing or stray value for the code's sentence does not compile. */
  constructor(...[code, values]: CodeAndValues<typeof IMAGE_IMPORT_PROBLEMS>) {
    const english = withMoreNames(values, (count) => fillMessage(MORE_NAMES_ENGLISH, { count }));
    super(code, values, fillMessage(IMAGE_IMPORT_PROBLEMS[code], english));
  }

  /** The folder (or file) at fault, as every sentence names it first. */
  get folder(): string {
    return String(this.params.folder);
  }

  override get tableCode(): string {
    return `images-${this.code}`;
  }
}
