// Why a run is refused before it is created: settings out of range (engine/core/train/configCheck.ts), a model too
// large for this machine's memory (engine/core/train/memoryEstimate.ts), or another run still training here. The
// error carries the code and its parameters (the renderer words them in its own tables) and an English message
// (the command line prints it).
import { freemem, totalmem } from 'node:os';
import { CodedError } from '../../../engine/core/errors/coded';
import type { ModelSpec } from '../../../engine/core/spec/types';
import type { TrainConfig } from '../../../engine/core/train/config';
import { checkTrainConfig, type ConfigProblem } from '../../../engine/core/train/configCheck';
import type { DataFitProblem } from '../../../engine/core/train/dataFit';
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

/**
 * Throws a RunRefusedError for the first problem with training `spec` with `config` on data of `featureShape` in
 * `availableBytes`.
 */
export function refuseUnfitRun(
  spec: ModelSpec,
  config: TrainConfig,
  featureShape: readonly number[],
  availableBytes: number,
): void {
  const problems = checkTrainConfig(config, featureShape);
  if (problems.length > 0) throw configRefusal(problems[0]);
  const estimate = estimateTrainingMemory(spec, config);
  const problem = estimate ? checkMemory(estimate, availableBytes) : null;
  if (problem) throw memoryRefusal(problem);
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

/** Another run is training in this studio (or starting): refused before a second run is created. */
export function busyRefusal(runId: string): RunRefusedError {
  return new RunRefusedError(`run ${runId} is still training: stop it or wait for it to finish`, 'busy', { runId });
}
