// The eval-mode forward pass as a list of steps: a dense or convolution layer whose only consumer is a ReLU runs with
// it in one kernel, and a convolution's ReLU whose only consumer is a 2x2 stride-2 max pool takes the pool along too;
// every other layer runs alone. The fused kernels give the separate layers' bits, so outputs are unchanged; only the
// output tensors of the layers folded into the next one are not written (CompiledModel.forward's everyLayer runs
// each layer when a caller reads those).
import type { LayerRuntime, Tensor } from '../ops';
import { windowGeometry } from '../spec/window';
import type { ParamValue } from '../spec/types';

export interface PlanLayer {
  nodeId: string;
  op: string;
  runtime: LayerRuntime;
  params: Record<string, ParamValue>;
  output: Tensor;
  /** Ids of the nodes that read this layer's output. */
  consumers: readonly string[];
}

export type EvalStep = (batch: number) => void;

/** A max pool the fused convolution kernel can apply: a 2x2 window, stride 2, no padding. */
function isPool2x2(pool: PlanLayer, input: Tensor): boolean {
  if (pool.op !== 'maxpool2d') return false;
  const g = windowGeometry('maxpool2d', pool.params, input.shape);
  return g.kh === 2 && g.kw === 2 && g.sh === 2 && g.sw === 2 && g.ph === 0 && g.pw === 0;
}

/** Steps in the layers' (topological) order; a fused step stands where its first layer stood. */
export function evalSteps(layers: readonly PlanLayer[]): EvalStep[] {
  const byId = new Map(layers.map((layer) => [layer.nodeId, layer]));
  const soleConsumer = (layer: PlanLayer) => (layer.consumers.length === 1 ? byId.get(layer.consumers[0]) : undefined);
  const folded = new Set<string>();
  const steps: EvalStep[] = [];
  for (const layer of layers) {
    if (folded.has(layer.nodeId)) continue;
    const { runtime } = layer;
    const relu = soleConsumer(layer);
    // A ReLU has one input, so it reads this layer only; running it (and its pool) early changes nothing that
    // the layers between them read.
    if (runtime.forwardRelu && relu?.op === 'relu') {
      folded.add(relu.nodeId);
      const pool = soleConsumer(relu);
      if (runtime.forwardReluPool && pool && isPool2x2(pool, relu.output)) {
        folded.add(pool.nodeId);
        steps.push((batch) => runtime.forwardReluPool!(batch, relu.output, pool.output));
      } else {
        steps.push((batch) => runtime.forwardRelu!(batch, relu.output));
      }
      continue;
    }
    steps.push((batch) => runtime.forward(batch, false, 0));
  }
  return steps;
}
