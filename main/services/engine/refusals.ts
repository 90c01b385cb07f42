// Why a run is refused before it is created: settings out of range (engine/core/train/configCheck.ts), a loss or
// early stopping the dataset cannot take and a graph that does not fit it (engine/core/train/dataFit.ts), a model whose
// every layer with parameters is frozen, a model too large for this machine's memory
// (engine/core/train/memoryEstimate.ts), or another run still training here. The error carries the code and its
// parameters (the renderer words them in its own tables) and an English message (the command line prints it).
import { freemem, totalmem } from 'node:os';
import { CodedError } from '../../../engine/core/errors/coded';
import { analyze } from '../../../engine/core/spec/analyze';
import { trainsNothing } from '../../../engine/core/spec/freeze';
import type { ModelSpec } from '../../../engine/core/spec/types';
import type { TrainConfig } from '../../../engine/core/train/config';
import { checkTrainConfig, type ConfigProblem } from '../../../engine/core/train/configCheck';
import {
  checkDataFit,
  checkSettingsFit,
  type DataFitProblem,
  type DataShape,
  type SettingsData,
  type SettingsFitProblem,
} from '../../../engine/core/train/dataFit';
import { checkMemory, estimateTrainingMemory, type MemoryProblem } from '../../../engine/core/train/memoryEstimate';
import {
  checkSettingsChange,
  type SettingsChangeProblem,
  type SettingsChangeRequest,
} from '../../../engine/core/train/settingChanges';

export type RefusalParams = Record<string, string | number>;

export class RunRefusedError extends CodedError<string, RefusalParams> {
  constructor(message: string, code: string, params: RefusalParams, nodeId?: string) {
    super(code, params, message, nodeId);
  }
}

/** Training may use at most this share of the machine's memory, and never more than is free now. */
const MAX_SHARE_OF_MEMORY = 0.8;

export function trainingMemoryBudget(): number {
  return Math.min(totalmem() * MAX_SHARE_OF_MEMORY, freemem());
}

function gigabytes(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(bytes < 1024 ** 3 ? 2 : 1)} GB`;
}

function allowedText(p: Extract<ConfigProblem, { code: 'setting-out-of-range' }>): string {
  const kind = p.integer ? 'a whole number' : 'a number';
  if (p.min === p.max) return `exactly ${p.min}`;
  const upper = p.max === Number.MAX_VALUE ? '' : ` and at most ${p.max}`;
  return `${kind} ${p.minExclusive ? 'above' : 'from'} ${p.min}${upper}`;
}

export function configRefusal(p: ConfigProblem): RunRefusedError {
  switch (p.code) {
    case 'setting-out-of-range': {
      const allowed = allowedText(p);
      return new RunRefusedError(
        `the setting ${p.setting} is ${JSON.stringify(p.value) ?? 'missing'}: it must be ${allowed}`,
        p.code,
        {
          setting: p.setting,
          value: JSON.stringify(p.value) ?? 'missing',
          min: p.min,
          max: p.max === Number.MAX_VALUE ? '∞' : p.max,
        },
      );
    }
    case 'setting-not-a-choice':
      return new RunRefusedError(
        `the setting ${p.setting} is ${JSON.stringify(p.value) ?? 'missing'}: it must be one of ${p.choices.join(', ')}`,
        p.code,
        { setting: p.setting, value: JSON.stringify(p.value) ?? 'missing', choices: p.choices.join(', ') },
      );
    case 'split-sum':
      return new RunRefusedError(
        `the split fractions add up to ${p.sum}: train, validation and test must add up to 1`,
        p.code,
        { setting: p.setting, sum: p.sum },
      );
    case 'augmentation-needs-images':
      return new RunRefusedError(
        `augmentation changes images, and this dataset's rows are [${p.shape.join(', ')}], not images: turn augmentation off`,
        p.code,
        { setting: p.setting, shape: p.shape.join(' x ') },
      );
    default:
      throw new Error(`unknown config problem ${JSON.stringify(p satisfies never)}`);
  }
}

function memoryRefusal(p: MemoryProblem): RunRefusedError {
  return new RunRefusedError(
    `training this model needs about ${gigabytes(p.estimateBytes)} of memory, more than the ${gigabytes(p.availableBytes)} this machine can give ` +
      `(layer '${p.nodeId}' alone needs ${gigabytes(p.nodeBytes)}): make it smaller or lower the batch size`,
    p.code,
    {
      nodeId: p.nodeId,
      node: gigabytes(p.nodeBytes),
      estimate: gigabytes(p.estimateBytes),
      available: gigabytes(p.availableBytes),
    },
    p.nodeId,
  );
}

/** Every layer with parameters is frozen (`trainable: false`): the run would train nothing. */
export function allFrozenRefusal(frozenLayers: number): RunRefusedError {
  const which =
    frozenLayers === 1 ? "the model's one layer with parameters is" : `all ${frozenLayers} layers with parameters are`;
  return new RunRefusedError(
    `${which} frozen, so training would change nothing: make at least one layer trainable`,
    'all-frozen',
    { layers: frozenLayers },
  );
}

/** The dataset a run trains on, as the refusals name and check it. */
export interface RunDataset {
  name: string;
  manifest: DataShape & SettingsData;
}

/**
 * Throws a RunRefusedError for the first problem with training `spec` with `config` on `dataset` in
 * `availableBytes`: a setting out of range, a loss or early stopping that does not suit the data, every layer frozen,
 * not enough memory, a graph whose input or output does not fit the data.
 */
export function refuseUnfitRun(
  spec: ModelSpec,
  config: TrainConfig,
  dataset: RunDataset,
  availableBytes: number,
): void {
  const problems = checkTrainConfig(config, dataset.manifest.featureShape);
  if (problems.length > 0) throw configRefusal(problems[0]);
  const unsuited = checkSettingsFit(dataset.manifest, config);
  if (unsuited) throw settingsFitRefusal(unsuited, dataset.name);
  const analysis = analyze(spec);
  if (analysis.ok && trainsNothing(analysis)) {
    throw allFrozenRefusal(Object.values(analysis.nodes).filter((n) => n.params > 0).length);
  }
  const estimate = estimateTrainingMemory(spec, config);
  const problem = estimate ? checkMemory(estimate, availableBytes) : null;
  if (problem) throw memoryRefusal(problem);
  const misfit = checkDataFit(analysis, dataset.manifest, config.loss);
  if (misfit) throw dataFitRefusal(misfit, dataset.name);
}

/** Throws a RunRefusedError for the first problem with changing `request` on a run of `spec` and `config`. */
export function refuseSettingsChange(spec: ModelSpec, config: TrainConfig, request: SettingsChangeRequest): void {
  const problem = checkSettingsChange(spec, config, request)[0];
  if (problem) throw changeRefusal(problem);
}

function changeRefusal(p: SettingsChangeProblem): RunRefusedError {
  switch (p.code) {
    case 'change-empty':
      return new RunRefusedError(
        'no setting to change: give a learning rate, L1, L2, dropout rate or patience',
        p.code,
        {},
      );
    case 'change-no-dropout-layer':
      return p.nodeId
        ? new RunRefusedError(
            `'${p.nodeId}' is not a dropout layer of this model`,
            p.code,
            { nodeId: p.nodeId },
            p.nodeId,
          )
        : new RunRefusedError('this model has no dropout layer', p.code, { nodeId: '' });
    case 'change-no-early-stopping':
      return new RunRefusedError('this run does not use early stopping, so it has no patience to change', p.code, {});
    default:
      return configRefusal(p);
  }
}

/** A settings change asked of a run that is not paused here. */
export function notPausedRefusal(runId: string, status: string): RunRefusedError {
  return new RunRefusedError(
    `run ${runId} is ${status}: settings change only while it is paused (or when it continues)`,
    'not-paused',
    { runId, status },
  );
}

/** The graph does not fit the chosen dataset (engine/core/train/dataFit.ts): refused before a run is created. */
export function dataFitRefusal(p: DataFitProblem, dataset: string): RunRefusedError {
  switch (p.code) {
    case 'input-mismatch':
      return new RunRefusedError(
        `the Input '${p.nodeId}' takes [${p.modelShape.join(', ')}] but each sample of '${dataset}' is [${p.dataShape.join(', ')}]: ` +
          "use Match dataset, or change the Input's shape",
        p.code,
        { nodeId: p.nodeId, model: p.modelShape.join('×'), data: p.dataShape.join('×'), dataset },
        p.nodeId,
      );
    case 'output-mismatch':
      return new RunRefusedError(
        `the last layer '${p.nodeId}' has ${p.units} units but '${dataset}' needs ${p.needed}: use Match dataset, or set its units`,
        p.code,
        { nodeId: p.nodeId, units: p.units, needed: p.needed, dataset },
        p.nodeId,
      );
    default:
      throw new Error(`unknown data fit problem ${JSON.stringify(p satisfies never)}`);
  }
}

const LOSS_NAMES: Readonly<Record<TrainConfig['loss'], string>> = {
  cross_entropy: 'cross-entropy',
  bce_with_logits: 'binary cross-entropy',
  mse: 'mean squared error',
};

/** The loss or early stopping does not suit the dataset (engine/core/train/dataFit.ts). */
export function settingsFitRefusal(p: SettingsFitProblem, dataset: string): RunRefusedError {
  switch (p.code) {
    case 'loss-needs-classes':
      return new RunRefusedError(
        `${LOSS_NAMES[p.loss]} compares class labels, but '${dataset}' is a regression dataset (numbers to predict): use mean squared error`,
        p.code,
        { loss: p.loss, dataset },
      );
    case 'loss-needs-targets':
      return new RunRefusedError(
        `mean squared error is for numbers to predict, but '${dataset}' has classes: use cross-entropy`,
        p.code,
        { loss: p.loss, dataset },
      );
    case 'binary-needs-two-classes':
      return new RunRefusedError(
        `binary cross-entropy is for two classes, but '${dataset}' has ${p.classes}: use cross-entropy`,
        p.code,
        { classes: p.classes, dataset },
      );
    case 'accuracy-needs-classes':
      return new RunRefusedError(
        `early stopping on validation accuracy needs classes, but '${dataset}' is a regression dataset: watch the validation loss`,
        p.code,
        { dataset },
      );
    case 'early-stopping-no-validation':
      return new RunRefusedError(
        `early stopping watches the validation split, and '${dataset}' has none: import it again with a validation share, or turn early stopping off`,
        p.code,
        { dataset },
      );
    default:
      throw new Error(`unknown settings fit problem ${JSON.stringify(p satisfies never)}`);
  }
}

/** Another run is training in this studio (or starting): refused before a second run is created. */
export function busyRefusal(runId: string): RunRefusedError {
  return new RunRefusedError(`run ${runId} is still training: stop it or wait for it to finish`, 'busy', { runId });
}
