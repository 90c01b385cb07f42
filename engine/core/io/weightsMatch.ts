// Matches the tensors of a weights file (a PyTorch state_dict saved as safetensors, a Netwright export or a run's
// checkpoint) to the tensors a model owns: by name first (`fc1.weight`), then by order and kind among the rest
// (`0.weight` -> `fc1.weight`), giving a plan of what to copy and a table of what was loaded, renamed, skipped or
// left initialized. Netwright's tensor names and layouts are PyTorch's (see export/safetensorsExport.ts), so a
// name or an order pairs tensors that need no conversion.
import { CodedError } from '../errors/coded';
import type { ExpectedTensor } from '../export/modelTensors';

/** A tensor of the file: its name, shape and element type as the safetensors header gives them. */
export interface SourceTensor {
  name: string;
  shape: readonly number[];
  dtype: string;
}

/** Why a tensor of the file was not used. */
export type SkipReason =
  | 'counter' // batch norm's num_batches_tracked: PyTorch's step counter, which Netwright does not keep
  | 'training-state' // a checkpoint's optimizer state or best-epoch copy
  | 'unmatched'; // no tensor of the model is left for it

export interface WeightsPlan {
  /** Copy file tensor `from` into model tensor `to` (same shape). */
  copies: Array<{ from: string; to: string }>;
  /** Model tensors loaded from the tensor of the same name. */
  loaded: string[];
  /** Model tensors loaded by order from a differently named tensor. */
  renamed: Array<{ from: string; to: string }>;
  skipped: Array<{ name: string; reason: SkipReason }>;
  /** Model tensors with nothing to load: they keep the seeded initialization. */
  initialized: string[];
  /** Model tensors whose file tensor has another shape (a different class count): initialized afresh ('fit' only). */
  reinitialized: Array<{ name: string; nodeId: string; fileShape: number[]; modelShape: number[] }>;
}

/**
 * 'strict' refuses a file tensor whose shape does not fit the model tensor it pairs with (a weights file meant for
 * this graph); 'fit' re-initializes that model tensor instead and lists it (fine-tuning onto a new task).
 */
export type MatchMode = 'strict' | 'fit';

/** no-checkpoint: the run to start from has no checkpoint yet (raised where checkpoints are looked up). */
export type WeightsErrorCode = 'shape-mismatch' | 'not-float' | 'nothing-matched' | 'no-checkpoint';

/** A refusal as a code with values; `message` is the English wording for the CLI and logs. */
export class WeightsError extends CodedError<WeightsErrorCode, Record<string, string>> {
  constructor(code: WeightsErrorCode, params: Readonly<Record<string, string>>, message: string) {
    super(code, params, message);
  }

  override get tableCode(): string {
    return `weights-${this.code}`;
  }
}

const FLOAT_TYPES = new Set(['F32', 'F64']);
const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;
const fieldOf = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/**
 * Source tensors in their module order: names compared part by part, numbers as numbers, so an nn.Sequential's
 * `2.weight` comes before `10.weight` (safetensors files list tensors sorted as text, not in module order).
 */
export function moduleOrder(names: readonly string[]): string[] {
  const key = (name: string) => name.split('.');
  return [...names].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] === y[i]) continue;
      const [m, n] = [Number(x[i]), Number(y[i])];
      if (x[i] !== '' && y[i] !== '' && Number.isInteger(m) && Number.isInteger(n)) return m - n;
      // The owning module decides before the field, so a layer's weight and bias stay together.
      return x[i] < y[i] ? -1 : 1;
    }
    return x.length - y.length;
  });
}

/** Consecutive items with the same key, in order. */
function groups<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const out: T[][] = [];
  let last: string | null = null;
  for (const item of items) {
    const k = key(item);
    if (k === last) out[out.length - 1].push(item);
    else out.push([item]);
    last = k;
  }
  return out;
}

/** What to load from `source` into a model whose tensors are `expected` (topological order, as checkedModel gives). */
export function matchWeights(
  expected: readonly ExpectedTensor[],
  source: readonly SourceTensor[],
  mode: MatchMode,
): WeightsPlan {
  const plan: WeightsPlan = { copies: [], loaded: [], renamed: [], skipped: [], initialized: [], reinitialized: [] };
  const byName = new Map(source.map((t) => [t.name, t]));
  const used = new Set<string>();
  const candidates: SourceTensor[] = [];
  for (const name of moduleOrder(source.map((t) => t.name))) {
    if (name.endsWith('.num_batches_tracked')) plan.skipped.push({ name, reason: 'counter' });
    else if (name.startsWith('optimizer.') || name.startsWith('best.'))
      plan.skipped.push({ name, reason: 'training-state' });
    else candidates.push(byName.get(name)!);
  }
  const usable = new Set(candidates.map((t) => t.name));

  /** Pairs a file tensor with a model tensor, or refuses or re-initializes when their shapes differ. */
  const pair = (file: SourceTensor, target: ExpectedTensor): boolean => {
    used.add(file.name);
    if (!FLOAT_TYPES.has(file.dtype)) {
      throw new WeightsError(
        'not-float',
        { tensor: file.name, dtype: file.dtype, node: target.nodeId },
        `tensor '${file.name}' holds ${file.dtype} values; the weights of '${target.nodeId}' need floating point (F32 or F64)`,
      );
    }
    if (file.shape.join('x') === target.shape.join('x')) {
      plan.copies.push({ from: file.name, to: target.name });
      return true;
    }
    if (mode === 'strict') {
      throw new WeightsError(
        'shape-mismatch',
        {
          tensor: file.name,
          fileShape: shapeText(file.shape),
          node: target.nodeId,
          target: target.name,
          modelShape: shapeText(target.shape),
        },
        `tensor '${file.name}' has shape ${shapeText(file.shape)}, but layer '${target.nodeId}' needs '${target.name}' of shape ${shapeText(target.shape)}`,
      );
    }
    plan.reinitialized.push({
      name: target.name,
      nodeId: target.nodeId,
      fileShape: [...file.shape],
      modelShape: [...target.shape],
    });
    return false;
  };

  const unnamed: ExpectedTensor[] = [];
  for (const target of expected) {
    const file = usable.has(target.name) ? byName.get(target.name)! : undefined;
    if (!file) unnamed.push(target);
    else if (pair(file, target)) plan.loaded.push(target.name);
  }
  // By order: the layers left take the file's modules left, in order, each the next module holding the same
  // kinds of tensor (a Linear's weight and bias for a dense layer, a BatchNorm's four for a batch norm).
  const modules = groups(
    candidates.filter((t) => !used.has(t.name)),
    (t) => t.name.slice(0, t.name.lastIndexOf('.')),
  );
  const layers = groups(unnamed, (t) => t.nodeId);
  let cursor = 0;
  for (const layer of layers) {
    const kinds = layer
      .map((t) => t.field)
      .sort()
      .join(',');
    let j = cursor;
    while (
      j < modules.length &&
      modules[j]
        .map((t) => fieldOf(t.name))
        .sort()
        .join(',') !== kinds
    )
      j++;
    if (j === modules.length) {
      for (const target of layer) plan.initialized.push(target.name);
      continue;
    }
    cursor = j + 1;
    for (const target of layer) {
      const file = modules[j].find((t) => fieldOf(t.name) === target.field)!;
      if (pair(file, target)) plan.renamed.push({ from: file.name, to: target.name });
    }
  }
  for (const t of candidates) if (!used.has(t.name)) plan.skipped.push({ name: t.name, reason: 'unmatched' });
  if (plan.copies.length === 0 && expected.length > 0) {
    throw new WeightsError(
      'nothing-matched',
      { tensors: String(source.length) },
      `none of the file's ${source.length} tensors fits the model: its names and shapes match no layer's weights`,
    );
  }
  return plan;
}

/** Copies a plan's tensors from a decoded file into the model's tensors (F64 narrowed to float32). */
export function applyWeights(
  model: ReadonlyMap<string, { shape: readonly number[]; value: Float32Array }>,
  file: ReadonlyMap<string, { shape: readonly number[]; data: ArrayLike<number> | BigInt64Array }>,
  copies: ReadonlyArray<{ from: string; to: string }>,
  source = 'the weights file',
): void {
  for (const { from, to } of copies) {
    const given = file.get(from);
    const target = model.get(to);
    if (!target) throw new Error(`the model has no tensor '${to}' to load '${from}' of ${source} into`);
    if (!given) throw new Error(`${source} no longer holds the tensor '${from}'`);
    if (given.shape.join('x') !== target.shape.join('x') || given.data instanceof BigInt64Array)
      throw new Error(
        `tensor '${from}' of ${source} has shape ${shapeText(given.shape)}, '${to}' needs ${shapeText(target.shape)}`,
      );
    target.value.set(given.data);
  }
}

/** Where a run's starting weights came from and what was loaded: sent to the engine and kept with the run. */
export interface InitialWeights {
  /** The safetensors file read (a run's checkpoint or a weights file). */
  file: string;
  /** The run whose checkpoint it is (`netwright train --from RUN`), or null for a weights file. */
  fromRun: string | null;
  plan: WeightsPlan;
}
