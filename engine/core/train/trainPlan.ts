// The training passes as lists of steps: a layer with forwardWithRelu (batch norm) whose only consumer is a ReLU runs
// with it in one kernel each way, and the ReLU's own steps are dropped; every other layer runs alone. The fused
// kernels give the separate layers' bits, so values and gradients are unchanged; only the folded layer's output
// tensor and its gradient are not written (CompiledModel.forward's everyLayer runs each layer when a caller reads
// those). In a W5-like network that saves the ReLUs' two passes over every activation: 5 % of a step.
import type { PlanLayer } from './evalPlan';

export type ForwardStep = (batch: number, training: boolean, step: number) => void;
export type BackwardStep = (batch: number) => void;

export interface TrainPlan {
  /** In the layers' (topological) order. */
  forward: ForwardStep[];
  /** In reverse order: a fused step stands where its first layer stood. */
  backward: BackwardStep[];
}

/** With `fuse` false every layer runs alone (CompileOptions.fuseTraining). */
export function trainPlan(layers: readonly PlanLayer[], fuse: boolean): TrainPlan {
  const byId = new Map(layers.map((layer) => [layer.nodeId, layer]));
  const folded = new Set<string>();
  const forward: ForwardStep[] = [];
  const backward: BackwardStep[] = [];
  for (const layer of layers) {
    if (folded.has(layer.nodeId)) continue;
    const { runtime } = layer;
    const relu = layer.consumers.length === 1 ? byId.get(layer.consumers[0]) : undefined;
    // A ReLU has one input, so it reads this layer only, and only it reads this layer: running both at this layer's
    // place changes nothing another layer reads, forward (the ReLU's output is ready earlier) or backward (its
    // gradient is complete once every later layer has run).
    if (fuse && runtime.forwardWithRelu && runtime.backwardWithRelu && relu?.op === 'relu') {
      folded.add(relu.nodeId);
      forward.push((batch, training, step) => runtime.forwardWithRelu!(batch, training, step, relu.output));
      backward.push((batch) => runtime.backwardWithRelu!(batch, relu.output));
      continue;
    }
    forward.push((batch, training, step) => runtime.forward(batch, training, step));
    backward.push((batch) => runtime.backward(batch));
  }
  backward.reverse();
  return { forward, backward };
}
