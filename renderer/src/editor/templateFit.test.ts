// A template that cannot take the dataset's shape opens at its own size, and says why in the user's language: the
// engine's coded refusal, not its English sentence.
import { describe, expect, it } from 'vitest';
import { TemplateShapeError, templateByName } from '../../../engine/core/spec/templates';
import { errorPayload } from '../../../main/api/dispatch';
import { StudioError } from '../lib/host';
import { fillMessage } from '../../../engine/core/spec/problemText';
import { editorMessages } from './messages';
import { templateMisfit } from './templateFit';

/** The refusal as the renderer receives it from templateSpec. */
function received(template: string, inputShape: number[]): StudioError {
  try {
    templateByName(template, { inputShape, outputs: 3 });
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateShapeError);
    return new StudioError(errorPayload(error));
  }
  throw new Error(`${template} took ${JSON.stringify(inputShape)}`);
}

describe('a template that does not fit the dataset', () => {
  it('names what the template takes and the samples it was given, in English and Chinese', () => {
    const lenet = templateMisfit(received('lenet', [2]));
    expect(lenet).toEqual({ key: 'templateNeedsImage', params: { got: '[2]' } });
    expect(fillMessage(editorMessages.en[lenet!.key], lenet!.params)).toBe(
      "it takes images (channels × height × width), and the dataset's samples are [2].",
    );
    expect(fillMessage(editorMessages['zh-CN'][lenet!.key], lenet!.params)).toBe(
      '它的输入是图像（通道 × 高 × 宽），而数据集的样本形状是 [2]。',
    );
    expect(templateMisfit(received('dropout-demo', [1, 28, 28]))).toEqual({
      key: 'templateNeedsFeatures',
      params: { got: '[1,28,28]' },
    });
    expect(templateMisfit(received('mlp', [2, 3]))).toEqual({ key: 'templateNeedsEither', params: { got: '[2,3]' } });
  });

  it('leaves any other failure to its own message', () => {
    expect(templateMisfit(new Error('disk full'))).toBeNull();
    expect(templateMisfit(new StudioError({ code: 'failed', message: 'disk full' }))).toBeNull();
  });
});
