// Settings changed while a run is paused (learning rate, L1/L2, dropout rates, early-stopping patience): the
// request, its checks (codes with parameters, like configCheck.ts), and the recorded events a run replays on resume.
import type { ModelSpec } from '../spec/types';
import type { TrainConfig } from './config';
import { checkTrainConfig, type ConfigProblem } from './configCheck';

/** What the user asks to change; absent fields stay as they are. */
export interface SettingsChangeRequest {
  learningRate?: number;
  l1?: number;
  l2?: number;
  /** One drop probability for every dropout layer, or one per dropout node id. */
  dropout?: number | Record<string, number>;
  /** Early stopping's patience in epochs (the run must use early stopping). */
  patience?: number;
}

export type ChangedSetting = 'learningRate' | 'l1' | 'l2' | 'dropout' | 'patience';

/**
 * One recorded change. It takes effect after `step` optimizer steps, during 1-based `epoch` (a change made at the
 * last batch of an epoch belongs to that epoch, so its schedule step and early-stopping verdict see it; a change
 * made when continuing from an epoch's end belongs to the next epoch).
 */
export interface SettingChange {
  epoch: number;
  step: number;
  setting: ChangedSetting;
  /** The dropout node, for dropout changes. */
  nodeId?: string;
  from: number;
  to: number;
}

export type SettingsChangeProblem =
  | ConfigProblem
  /** Nothing to change: the request names no setting. */
  | { code: 'change-empty'; setting: '' }
  /** A dropout rate for a node that is not a dropout layer of this model (or the model has none). */
  | { code: 'change-no-dropout-layer'; setting: string; nodeId: string }
  /** Patience changes need a run that uses early stopping. */
  | { code: 'change-no-early-stopping'; setting: 'earlyStopping.patience' };

/** The dropout nodes of a spec, in spec order. */
export function dropoutNodes(spec: ModelSpec): string[] {
  return spec.nodes.filter((n) => n.op === 'dropout').map((n) => n.id);
}

/** Every problem with applying `request` to a run of `spec` trained with `config` (empty when it can be applied). */
export function checkSettingsChange(
  spec: ModelSpec,
  config: TrainConfig,
  request: SettingsChangeRequest,
): SettingsChangeProblem[] {
  const problems: SettingsChangeProblem[] = [];
  const named = (['learningRate', 'l1', 'l2', 'dropout', 'patience'] as const).filter((k) => request[k] !== undefined);
  if (named.length === 0) return [{ code: 'change-empty', setting: '' }];
  if (request.patience !== undefined && !config.earlyStopping)
    problems.push({ code: 'change-no-early-stopping', setting: 'earlyStopping.patience' });
  // The changed numbers must be in the ranges a fresh run accepts: check the config as it would be.
  const changed = changedConfig(config, request);
  const configProblems = checkTrainConfig(changed).filter((p) =>
    ['optimizer.lr', 'l1', 'l2', 'earlyStopping.patience'].includes(p.setting),
  );
  problems.push(...configProblems);
  if (request.dropout !== undefined) {
    const layers = dropoutNodes(spec);
    const rates: Array<[string, unknown]> =
      typeof request.dropout === 'number' ? layers.map((id) => [id, request.dropout]) : Object.entries(request.dropout);
    if (typeof request.dropout === 'number' && layers.length === 0)
      problems.push({ code: 'change-no-dropout-layer', setting: 'dropout', nodeId: '' });
    for (const [nodeId, rate] of rates) {
      const setting = `dropout.${nodeId}`;
      if (!layers.includes(nodeId)) problems.push({ code: 'change-no-dropout-layer', setting, nodeId });
      else if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate >= 1)
        problems.push({
          code: 'setting-out-of-range',
          setting,
          value: rate,
          min: 0,
          max: 0.999999,
          minExclusive: false,
          integer: false,
        });
    }
  }
  return problems;
}

/** The config with the request's numbers in place (what checkTrainConfig sees, and what a fresh run would use). */
function changedConfig(config: TrainConfig, request: SettingsChangeRequest): TrainConfig {
  const next: TrainConfig = { ...config, optimizer: { ...config.optimizer } };
  if (request.learningRate !== undefined) next.optimizer.lr = request.learningRate;
  if (request.l1 !== undefined) next.l1 = request.l1;
  if (request.l2 !== undefined) next.l2 = request.l2;
  if (request.patience !== undefined && config.earlyStopping)
    next.earlyStopping = { ...config.earlyStopping, patience: request.patience };
  return next;
}

/** A recorded change list read back from a checkpoint or the store: each event's fields of their kinds. */
export function isSettingChangeList(value: unknown): value is SettingChange[] {
  const settings: readonly string[] = ['learningRate', 'l1', 'l2', 'dropout', 'patience'];
  return (
    Array.isArray(value) &&
    value.every(
      (c) =>
        c !== null &&
        typeof c === 'object' &&
        Number.isInteger(c.epoch) &&
        c.epoch >= 1 &&
        Number.isInteger(c.step) &&
        c.step >= 0 &&
        settings.includes(c.setting) &&
        (c.nodeId === undefined || typeof c.nodeId === 'string') &&
        Number.isFinite(c.from) &&
        Number.isFinite(c.to),
    )
  );
}
