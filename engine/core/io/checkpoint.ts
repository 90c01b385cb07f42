// Checkpoints: a trainer snapshot as safetensors. Tensor names: model tensors as `<node>.<field>`,
// optimizer state as `optimizer.<buffer>`, best weights as `best.<node>.<field>`; the rest is JSON metadata.
import type { ModelSpec } from '../spec/types';
import type { TrainConfig } from '../train/config';
import type { TrainerSnapshot } from '../train/trainer';
import { decodeSafetensors, encodeSafetensors, type NamedArray } from './safetensors';

export const CHECKPOINT_FORMAT = 'netwright-checkpoint-1';

export interface CheckpointInfo {
  spec: ModelSpec;
  config: TrainConfig;
  normalization: unknown;
  kind: 'best' | 'last' | 'manual';
}

export function encodeCheckpoint(snapshot: TrainerSnapshot, info: CheckpointInfo): Uint8Array {
  const tensors = new Map<string, NamedArray>();
  for (const [name, t] of snapshot.tensors) tensors.set(name, { dtype: 'F32', shape: t.shape, data: t.value });
  for (const [name, buffer] of Object.entries(snapshot.optimizer)) tensors.set(`optimizer.${name}`, { dtype: 'F32', shape: [buffer.length], data: buffer });
  if (snapshot.best) {
    for (const [name, value] of snapshot.best.tensors) {
      tensors.set(`best.${name}`, { dtype: 'F32', shape: snapshot.tensors.get(name)!.shape, data: value });
    }
  }
  const metadata: Record<string, string> = {
    format: CHECKPOINT_FORMAT,
    kind: info.kind,
    epoch: String(snapshot.epoch),
    steps: String(snapshot.steps),
    optimizer_steps: String(snapshot.optimizerSteps),
    learning_rate: JSON.stringify(snapshot.learningRate),
    rng: JSON.stringify(snapshot.shuffleRng),
    schedule: JSON.stringify(snapshot.schedule),
    early_stopping: JSON.stringify(snapshot.earlyStopping),
    best_epoch: snapshot.best ? String(snapshot.best.epoch) : '',
    history: JSON.stringify(snapshot.history),
    spec: JSON.stringify(info.spec),
    config: JSON.stringify(info.config),
    normalization: JSON.stringify(info.normalization ?? null),
  };
  return encodeSafetensors(tensors, metadata);
}

export interface DecodedCheckpoint {
  snapshot: TrainerSnapshot;
  info: CheckpointInfo;
}

export function decodeCheckpoint(buffer: Uint8Array, source = 'checkpoint'): DecodedCheckpoint {
  const { tensors, metadata } = decodeSafetensors(buffer, source);
  if (metadata.format !== CHECKPOINT_FORMAT) throw new Error(`${source} is not a Netwright checkpoint (format '${metadata.format ?? 'none'}')`);
  const model = new Map<string, { shape: number[]; value: Float32Array }>();
  const optimizer: Record<string, Float32Array> = {};
  const best = new Map<string, Float32Array>();
  for (const [name, t] of tensors) {
    const data = t.data as Float32Array;
    if (name.startsWith('optimizer.')) optimizer[name.slice('optimizer.'.length)] = data;
    else if (name.startsWith('best.')) best.set(name.slice('best.'.length), data);
    else model.set(name, { shape: t.shape, value: data });
  }
  const snapshot: TrainerSnapshot = {
    epoch: Number(metadata.epoch),
    steps: Number(metadata.steps),
    optimizerSteps: Number(metadata.optimizer_steps),
    learningRate: JSON.parse(metadata.learning_rate),
    shuffleRng: JSON.parse(metadata.rng),
    schedule: JSON.parse(metadata.schedule),
    earlyStopping: JSON.parse(metadata.early_stopping),
    tensors: model,
    optimizer,
    best: metadata.best_epoch ? { epoch: Number(metadata.best_epoch), tensors: best } : null,
    history: JSON.parse(metadata.history),
  };
  return {
    snapshot,
    info: {
      spec: JSON.parse(metadata.spec),
      config: JSON.parse(metadata.config),
      normalization: JSON.parse(metadata.normalization),
      kind: metadata.kind as CheckpointInfo['kind'],
    },
  };
}
