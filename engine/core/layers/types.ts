// What one layer kind is: its catalogue entry, shape rule, forward/backward op, the tensors it owns and its ONNX and
// PyTorch translations. Each kind is one module in this folder; index.ts lists them all.

import type { OnnxEmitter } from '../export/onnxEmit';
import type { PytorchLayer } from '../export/pytorchLayer';
import type { OpBuilder } from '../ops/types';
import type { LayerDef } from '../spec/layerTypes';
import type { ShapeRule } from '../spec/shapes';
import type { ParamValue, Shape } from '../spec/types';

export type TensorField = 'weight' | 'bias' | 'running_mean' | 'running_var';

/** A tensor a layer owns, named `<node id>.<field>` in checkpoints and exports. */
export interface TensorDecl {
  field: TensorField;
  shape: number[];
  /** Running statistics are saved with the model but not trained. */
  trainable: boolean;
  /** Weights that L1/L2 penalties apply to (dense and conv kernels; not biases or normalization). */
  regularized: boolean;
}

/** What a layer's tensor declaration needs: its resolved params and its (first) input and output shapes. */
export interface TensorContext {
  params: Record<string, ParamValue>;
  inputShape: Shape;
  outputShape: Shape;
}

/** Every layer but the input: all parts required, so a missing one is a type error. */
export interface LayerDefinition<K extends string> {
  catalogue: LayerDef<K>;
  shape: ShapeRule;
  op: OpBuilder;
  /** The tensors the layer owns (none when left out), as the op declares them through ctx.param and ctx.state. */
  tensors?: (ctx: TensorContext) => TensorDecl[];
  onnx: OnnxEmitter;
  pytorch: PytorchLayer;
}

/** The input layer: the model writes samples straight into its output, so it has no op and no translation. */
export interface InputDefinition {
  catalogue: LayerDef<'input'>;
  shape: ShapeRule;
}
