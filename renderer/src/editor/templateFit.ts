// Why a template opened at its own size instead of the selected dataset's: the engine's coded refusal
// (engine/core/spec/templates.ts TemplateShapeError, 'template-input-shape') as the editor's words for it.
import type { TemplateInput } from '../../../engine/core/spec/templates';
import { StudioError } from '../lib/host';

export type TemplateFitKey = 'templateNeedsImage' | 'templateNeedsFeatures' | 'templateNeedsEither';

const KEYS: Record<TemplateInput, TemplateFitKey> = {
  image: 'templateNeedsImage',
  features: 'templateNeedsFeatures',
  'features-or-image': 'templateNeedsEither',
};

/** The message key and values for a template that cannot take the dataset's shape; null for any other failure. */
export function templateMisfit(error: unknown): { key: TemplateFitKey; params: { got: string } } | null {
  if (!(error instanceof StudioError) || error.code !== 'template-input-shape' || !error.params) return null;
  const key = KEYS[error.params.wanted as TemplateInput];
  return key ? { key, params: { got: String(error.params.got) } } : null;
}
