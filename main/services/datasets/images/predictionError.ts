// The error a refused image prediction becomes: a code and its values (main/api/imagePredictionProblems.ts), with
// the English sentence as its message for the CLI.
import { CodedError } from '../../../../engine/core/errors/coded';
import { fillMessage } from '../../../../engine/core/spec/problemText';
import { IMAGE_PREDICTION_PROBLEMS, type ImagePredictionProblem } from '../../../api/imagePredictionProblems';

export class ImagePredictionError extends CodedError<ImagePredictionProblem, Record<string, string | number>> {
  constructor(code: ImagePredictionProblem, params: Readonly<Record<string, string | number>>) {
    super(code, params, fillMessage(IMAGE_PREDICTION_PROBLEMS[code], params));
  }

  override get tableCode(): string {
    return `predict-${this.code}`;
  }
}
