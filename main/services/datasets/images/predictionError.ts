// The error a refused image prediction becomes: a code and its values (main/api/imagePredictionProblems.ts), with
// the English sentence as its message for the CLI.
import { fillMessage } from '../../../../engine/core/spec/problemText';
import { IMAGE_PREDICTION_PROBLEMS, type ImagePredictionProblem } from '../../../api/imagePredictionProblems';

export class ImagePredictionError extends Error {
  constructor(
    readonly code: ImagePredictionProblem,
    readonly params: Readonly<Record<string, string | number>>,
  ) {
    super(fillMessage(IMAGE_PREDICTION_PROBLEMS[code], params));
    this.name = 'ImagePredictionError';
  }
}
