// Checks every StudioApi call that crosses a process boundary (Electron IPC, WebSocket) before it reaches the
// services: argument count and types, with an error naming the method and the argument. Specs and configs are
// checked for shape here and in full by the engine's own analysis.
import { CodedError } from '../../engine/core/errors/coded';
import type { StudioMethod } from './types';
import { STUDIO_METHODS } from './types';

export class InvalidCallError extends CodedError<'invalid-argument', Record<string, never>> {
  constructor(message: string) {
    super('invalid-argument', {}, message);
  }
}

type Check = (value: unknown, what: string) => void;

const fail = (what: string, expected: string, value: unknown): never => {
  const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
  throw new InvalidCallError(`${what} must be ${expected}, not ${got}`);
};

const string: Check = (v, what) => {
  if (typeof v !== 'string') fail(what, 'text', v);
};
const id: Check = (v, what) => {
  if (typeof v !== 'string' || v.length === 0 || v.length > 200) fail(what, 'an id', v);
};
const number: Check = (v, what) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(what, 'a number', v);
};
const integer: Check = (v, what) => {
  if (!Number.isInteger(v)) fail(what, 'a whole number', v);
};
const boolean: Check = (v, what) => {
  if (typeof v !== 'boolean') fail(what, 'true or false', v);
};
const object: Check = (v, what) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(what, 'an object', v);
};
const oneOf =
  (...options: string[]): Check =>
  (v, what) => {
    if (typeof v !== 'string' || !options.includes(v)) fail(what, `one of ${options.join(', ')}`, v);
  };
const listOf =
  (item: Check): Check =>
  (v, what) => {
    if (!Array.isArray(v)) fail(what, 'a list', v);
    (v as unknown[]).forEach((x, i) => item(x, `${what}[${i}]`));
  };
const optional =
  (check: Check): Check =>
  (v, what) => {
    if (v !== undefined && v !== null) check(v, what);
  };
/** An object whose listed fields pass their checks; unknown fields are refused (they are typos or attacks). */
const shape =
  (fields: Record<string, Check>): Check =>
  (v, what) => {
    object(v, what);
    for (const key of Object.keys(v as object)) {
      if (!(key in fields)) throw new InvalidCallError(`${what} has an unknown field '${key}'`);
    }
    for (const [key, check] of Object.entries(fields)) check((v as Record<string, unknown>)[key], `${what}.${key}`);
  };

const fileRef: Check = (v, what) => {
  object(v, what);
  const kind = (v as { kind?: unknown }).kind;
  if (kind === 'path') shape({ kind: string, path: string })(v, what);
  else if (kind === 'upload') shape({ kind: string, uploadId: id, name: string })(v, what);
  else fail(`${what}.kind`, "'path' or 'upload'", kind);
};

const modelSpec: Check = (v, what) => {
  object(v, what);
  const spec = v as { version?: unknown; nodes?: unknown; edges?: unknown };
  integer(spec.version, `${what}.version`);
  listOf(object)(spec.nodes, `${what}.nodes`);
  listOf(object)(spec.edges, `${what}.edges`);
};

const trainConfig: Check = (v, what) => {
  object(v, what);
  const config = v as Record<string, unknown>;
  oneOf('cross_entropy', 'bce_with_logits', 'mse')(config.loss, `${what}.loss`);
  object(config.optimizer, `${what}.optimizer`);
  oneOf(
    'sgd',
    'adagrad',
    'rmsprop',
    'adam',
    'adamw',
  )((config.optimizer as { type?: unknown }).type, `${what}.optimizer.type`);
  number((config.optimizer as { lr?: unknown }).lr, `${what}.optimizer.lr`);
  object(config.schedule, `${what}.schedule`);
  integer(config.epochs, `${what}.epochs`);
  integer(config.batchSize, `${what}.batchSize`);
  integer(config.seed, `${what}.seed`);
  object(config.split, `${what}.split`);
};

const split = optional(shape({ train: number, validation: number, test: number, seed: integer }));

const runQuery = optional(
  shape({
    projectId: optional(id),
    status: optional((v, what) => (Array.isArray(v) ? listOf(string)(v, what) : string(v, what))),
    tag: optional(string),
    nameContains: optional(string),
    datasetId: optional(id),
    groupId: optional(id),
    sortBy: optional((v, what) =>
      typeof v === 'string'
        ? string(v, what)
        : shape({ metric: string, of: optional(oneOf('best', 'final')) })(v, what),
    ),
    order: optional(oneOf('asc', 'desc')),
    limit: optional(integer),
    offset: optional(integer),
  }),
);

const sweepValue: Check = (v, what) => {
  if (typeof v !== 'string') number(v, what);
};
const sweepSetting: Check = shape({
  kind: oneOf('lr', 'batchSize', 'optimizer', 'l1', 'l2', 'epochs', 'dropout', 'units'),
  nodeId: optional(id),
  param: optional(string),
});
const sweepAxis = shape({ setting: sweepSetting, values: listOf(sweepValue) });
const sweepPlan: Check = (v, what) => {
  object(v, what);
  const kind = (v as { kind?: unknown }).kind;
  if (kind === 'seeds') shape({ kind: string, seeds: integer })(v, what);
  else if (kind === 'grid') shape({ kind: string, axes: listOf(sweepAxis), seeds: integer })(v, what);
  else if (kind === 'random')
    shape({
      kind: string,
      ranges: listOf(shape({ setting: sweepSetting, min: number, max: number })),
      choices: listOf(sweepAxis),
      samples: integer,
      samplingSeed: integer,
      seeds: integer,
    })(v, what);
  else fail(`${what}.kind`, "'seeds', 'grid' or 'random'", kind);
};

/** Per method: the checks of its arguments in order (trailing optional ones may be left out). */
const SIGNATURES: Record<StudioMethod, Check[]> = {
  getInfo: [],
  listGraphs: [],
  createGraph: [string, modelSpec],
  saveGraph: [id, modelSpec, optional(string)],
  openGraph: [id],
  renameGraph: [id, string],
  duplicateGraph: [id, string],
  deleteGraph: [id],
  templateSpec: [string, optional(id)],
  getPlace: [],
  savePlace: [
    shape({
      view: optional(oneOf('model', 'data', 'train', 'experiments', 'lessons')),
      graphId: optional(id),
      draft: optional(shape({ name: string, spec: modelSpec })),
      datasetId: optional(id),
      trainConfig: optional(trainConfig),
      runId: optional(id),
      runPageId: optional(id),
    }),
  ],
  listDatasets: [],
  useSample: [string],
  previewCsv: [fileRef],
  importCsv: [
    fileRef,
    shape({
      label: string,
      task: optional(oneOf('classification', 'regression')),
      missing: optional(oneOf('drop-row', 'fill-mean', 'fill-most-frequent')),
      exclude: optional(listOf(string)),
      categorical: optional(listOf(string)),
      standardize: optional(boolean),
      labelScale: optional(oneOf('auto', 'standardize', 'keep')),
      split,
      splitColumn: optional(string),
      name: optional(string),
    }),
    optional(id),
  ],
  importModel: [fileRef, optional(string)],
  previewImages: [fileRef],
  importImages: [
    fileRef,
    shape({ size: listOf(integer), grayscale: optional(boolean), split, name: optional(string) }),
    optional(id),
  ],
  renameDataset: [id, string],
  deleteDataset: [id],
  planWeights: [fileRef, modelSpec],
  startRun: [
    shape({
      graphId: optional(id),
      spec: modelSpec,
      config: trainConfig,
      datasetId: id,
      name: optional(string),
      tags: optional(listOf(string)),
      fromRun: optional(id),
      weights: optional(fileRef),
    }),
  ],
  pauseRun: [id],
  unpauseRun: [id],
  stopRun: [id],
  saveCheckpoint: [id],
  changeSettings: [id, settingsChange],
  continueRun: [id, optional(settingsChange)],
  listRuns: [runQuery],
  getRun: [id],
  getRunGraph: [id],
  updateRun: [id, shape({ name: optional(string), tags: optional(listOf(string)), notes: optional(string) })],
  deleteRun: [id],
  listTags: [],
  createGroup: [
    shape({
      graphId: optional(id),
      spec: modelSpec,
      config: trainConfig,
      datasetId: id,
      name: optional(string),
      plan: sweepPlan,
      parallel: optional(integer),
    }),
  ],
  listGroups: [],
  getGroup: [id],
  cancelGroup: [id],
  predictions: [id, optional(oneOf('validation', 'test')), optional(integer), optional(oneOf('best', 'last'))],
  predictImages: [id, fileRef, optional(oneOf('best', 'last'))],
  layerWeights: [id],
  featureMaps: [id, id, integer],
  augmentPreview: [
    id,
    shape({
      horizontalFlip: optional(number),
      verticalFlip: optional(number),
      cropPadding: optional(integer),
      rotationDegrees: optional(number),
      brightness: optional(number),
      contrast: optional(number),
      cutoutSize: optional(integer),
      cutoutCount: optional(integer),
    }),
    integer,
    optional(integer),
    optional(integer),
  ],
  boundary: [id, optional(integer)],
  exportRun: [
    id,
    oneOf('onnx', 'safetensors', 'pytorch'),
    optional(
      shape({
        softmax: optional(boolean),
        normalization: optional(oneOf('fold', 'metadata')),
        checkpoint: optional(oneOf('best', 'last')),
        path: optional(string),
      }),
    ),
  ],
};

/** A settings change's shape (ranges are checked by the services with checkSettingsChange, worded by code). */
function settingsChange(v: unknown, what: string): void {
  shape({
    learningRate: optional(number),
    l1: optional(number),
    l2: optional(number),
    dropout: optional((rates, where) => {
      if (typeof rates === 'number') return number(rates, where);
      object(rates, where);
      for (const [nodeId, rate] of Object.entries(rates as object)) number(rate, `${where}.${nodeId}`);
    }),
    patience: optional(integer),
  })(v, what);
}

export function isStudioMethod(name: unknown): name is StudioMethod {
  return typeof name === 'string' && (STUDIO_METHODS as readonly string[]).includes(name);
}

/** Throws InvalidCallError unless `args` fit the method's signature. */
export function validateCall(method: unknown, args: unknown): asserts method is StudioMethod {
  if (!isStudioMethod(method)) throw new InvalidCallError(`there is no studio method ${JSON.stringify(method)}`);
  if (!Array.isArray(args)) throw new InvalidCallError(`${method}: arguments must be a list`);
  const checks = SIGNATURES[method];
  if (args.length > checks.length)
    throw new InvalidCallError(`${method} takes at most ${checks.length} arguments, got ${args.length}`);
  checks.forEach((check, i) => check(args[i], `${method} argument ${i + 1}`));
}
