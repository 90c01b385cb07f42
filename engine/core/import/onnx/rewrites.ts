// What the import's passes did to a graph, as codes the studio and the command line word (en, zh): counted per code
// in the report (OnnxImportReport.rewrites).

export const REWRITE_CODES = [
  'shape-folded',
  'constant-folded',
  'input-standardization',
  'output-scaling',
  'log-softmax-dropped',
  'dropout-removed',
  'identity-removed',
  'gelu-erf-fused',
  'gelu-tanh-fused',
  'silu-fused',
  'hardswish-fused',
  'mish-fused',
  'layernorm-fused',
  'groupnorm-fused',
  'matmul-add-fused',
  'pad-folded',
  'concat-split',
] as const;

export type RewriteCode = (typeof REWRITE_CODES)[number];
