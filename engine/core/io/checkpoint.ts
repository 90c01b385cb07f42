// Checkpoints: a trainer snapshot as safetensors. Tensor names: model tensors as `<node>.<field>`,
// optimizer state as `optimizer.<buffer>`, best weights as `best.<node>.<field>`; the rest is JSON metadata.
// Loading checks everything (checkpointChecks.ts) and fails with a CheckpointError naming the file and the part.
import type { TargetNormalization } from '../data/dataset';
import type { ModelSpec } from '../spec/types';
import type { TrainConfig } from '../train/config';
import type { TrainerSnapshot } from '../train/trainer';
import { isSettingChangeList, type SettingChange } from '../train/settingChanges';
import { finiteFloat32, isFiniteNumber, isObject, MetadataReader, modelTensors } from './checkpointChecks';
import { CheckpointError } from './checkpointProblems';
import { decodeSafetensors, encodeSafetensors, type NamedArray } from './safetensors';

export const CHECKPOINT_FORMAT = 'netwright-checkpoint-1';

export interface CheckpointInfo {
  spec: ModelSpec;
  config: TrainConfig;
  normalization: unknown;
  /**
   * The regression targets' standardization the weights were trained on (DatasetManifest.targetNormalization): the
   * model's outputs times std plus mean are in the label's units. Null: none (and in checkpoints from before it).
   */
  targetNormalization?: TargetNormalization | null;
  kind: 'best' | 'last' | 'manual';
}

export function encodeCheckpoint(snapshot: TrainerSnapshot, info: CheckpointInfo): Uint8Array {
  const tensors = new Map<string, NamedArray>();
  for (const [name, t] of snapshot.tensors) tensors.set(name, { dtype: 'F32', shape: t.shape, data: t.value });
  for (const [name, buffer] of Object.entries(snapshot.optimizer))
    tensors.set(`optimizer.${name}`, { dtype: 'F32', shape: [buffer.length], data: buffer });
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
    setting_changes: JSON.stringify(snapshot.changes ?? []),
    spec: JSON.stringify(info.spec),
    config: JSON.stringify(info.config),
    normalization: JSON.stringify(info.normalization ?? null),
    target_normalization: JSON.stringify(info.targetNormalization ?? null),
  };
  return encodeSafetensors(tensors, metadata);
}

export interface DecodedCheckpoint {
  snapshot: TrainerSnapshot;
  info: CheckpointInfo;
}

/**
 * Parses a checkpoint and checks all of it before anything uses it: every metadata field, and every tensor's dtype
 * (float32), shape (the spec's own parameters) and values (finite). `source` names the file in every error.
 */
export function decodeCheckpoint(buffer: Uint8Array, source = 'checkpoint'): DecodedCheckpoint {
  let decoded;
  try {
    decoded = decodeSafetensors(buffer, source);
  } catch (error) {
    throw new CheckpointError('checkpoint-unreadable', {
      file: source,
      reason: (error as Error).message.replace(`${source} is not a valid safetensors file: `, ''),
    });
  }
  const { tensors, metadata } = decoded;
  if (metadata.format !== CHECKPOINT_FORMAT)
    throw new CheckpointError('checkpoint-not-netwright', { file: source, found: metadata.format ?? 'none' });
  const read = new MetadataReader(metadata, source);
  const spec = read.json<ModelSpec>('spec', 'a model spec (JSON object)', isObject);
  const model = modelTensors(source, spec, tensors, '');
  const bestEpoch = read.optionalCount('best_epoch');
  const best =
    bestEpoch === null
      ? null
      : new Map([...modelTensors(source, spec, tensors, 'best.')].map(([k, t]) => [k, t.value]));
  const optimizer: Record<string, Float32Array> = {};
  for (const [name, t] of tensors) {
    if (name.startsWith('optimizer.')) optimizer[name.slice('optimizer.'.length)] = finiteFloat32(source, name, t);
    else if (!model.has(name) && !(best && name.startsWith('best.') && best.has(name.slice('best.'.length)))) {
      throw new CheckpointError('checkpoint-tensor-unexpected', { file: source, tensor: name });
    }
  }
  const snapshot: TrainerSnapshot = {
    epoch: read.count('epoch'),
    steps: read.count('steps'),
    optimizerSteps: read.count('optimizer_steps'),
    learningRate: read.json('learning_rate', 'a finite number', isFiniteNumber),
    shuffleRng: read.json(
      'rng',
      'four 32-bit whole numbers',
      (v) => Array.isArray(v) && v.length === 4 && v.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffffffff),
    ),
    schedule: read.json(
      'schedule',
      'a schedule state (JSON object with a type)',
      (v) => isObject(v) && typeof v.type === 'string',
    ),
    earlyStopping: read.json(
      'early_stopping',
      'an early-stopping state (JSON object) or null',
      (v) => v === null || isObject(v),
    ),
    tensors: model,
    optimizer,
    best: bestEpoch === null ? null : { epoch: bestEpoch, tensors: best! },
    history: read.json('history', 'a list of epoch metrics', (v) => Array.isArray(v) && v.every(isObject)),
    changes: read.optionalJson<SettingChange[]>(
      'setting_changes',
      'a list of setting changes { epoch, step, setting, from, to }',
      isSettingChangeList,
      [],
    ),
  };
  return {
    snapshot,
    info: {
      spec,
      config: read.json('config', 'a training configuration (JSON object)', isTrainConfig),
      normalization: read.json('normalization', 'null or statistics { axis, mean, std }', isNormalization),
      targetNormalization: read.optionalJson<TargetNormalization | null>(
        'target_normalization',
        'null or statistics { mean, std }, one of each per target',
        isTargetNormalization,
        null,
      ),
      kind: read.oneOf('kind', ['best', 'last', 'manual'] as const),
    },
  };
}

function isTrainConfig(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.loss === 'string' &&
    isObject(v.optimizer) &&
    typeof v.optimizer.type === 'string' &&
    isFiniteNumber(v.optimizer.lr) &&
    Number.isInteger(v.epochs) &&
    Number.isInteger(v.batchSize) &&
    Number.isInteger(v.seed) &&
    isObject(v.split)
  );
}

/** null, or per-feature / per-channel statistics: as many finite means as standard deviations (≥ 0). */
function isTargetNormalization(v: unknown): boolean {
  if (v === null) return true;
  if (!isObject(v) || !Array.isArray(v.mean) || !Array.isArray(v.std) || v.mean.length === 0) return false;
  return (
    v.mean.length === v.std.length && v.mean.every(isFiniteNumber) && v.std.every((s) => isFiniteNumber(s) && s >= 0)
  );
}

function isNormalization(v: unknown): boolean {
  if (v === null) return true;
  if (!isObject(v) || (v.axis !== 'feature' && v.axis !== 'channel') || !Array.isArray(v.mean) || !Array.isArray(v.std))
    return false;
  return (
    v.mean.length === v.std.length && v.mean.every(isFiniteNumber) && v.std.every((s) => isFiniteNumber(s) && s >= 0)
  );
}
