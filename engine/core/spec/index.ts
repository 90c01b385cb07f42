// The model spec's public API: types, the layer catalogue, param resolution and window geometry, analysis
// (validation, shapes, parameter counts; problems as reasons with arguments and their English wording), summaries and templates. Pure TypeScript: no Node or DOM imports.

export * from './types';
export { LAYERS, OP_KINDS, CATEGORIES, isOpKind, layerDef } from './catalogue';
export type { LayerCategory, LayerDef, ParamDef, ParamType } from './catalogue';
export { resolveParams, windowGeometry, pairOf, paddingOf } from './params';
export type { ResolvedParams, WindowGeometry, WindowOp } from './params';
export { analyze } from './analyze';
export { emptySpec } from './empty';
export type { AnalyzeOptions } from './analyze';
export type { ShapeContext, ShapeOutcome, ShapeRule } from './shapes';
export { PROBLEM_REASONS } from './problemReasons';
export type { ProblemArgs, ProblemReason } from './problemReasons';
export { PROBLEM_ENGLISH, fillMessage, problemText } from './problemText';
export { summarize } from './summary';
export { freezeLayers, freezeUntil, trainsNothing } from './freeze';
export { withOutputs } from './outputs';
export type { FreezeResult } from './freeze';
export type { ModelSummary, SummaryRow } from './summary';
export { nodeName, shapeText } from './names';
export {
  TEMPLATES,
  TEMPLATE_NAMES,
  templateByName,
  mlp,
  lenet,
  smallCnn,
  vggSmall,
  mobileCnn,
  residual,
  asppCnn,
  dropoutDemo,
} from './templates';
export type { TemplateInfo, TemplateName, TemplateOptions } from './templates';
