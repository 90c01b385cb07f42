// The settings a paused run trains with now (its config with the changes so far), and the change request the form's
// typed values make: empty fields keep their setting, unparsable ones are reported by name.
import type { Run, SettingChange, SettingsChangeRequest } from '../../../main/api/types';

export interface CurrentSettings {
  learningRate: number;
  l1: number;
  l2: number;
  /** Per dropout node id. */
  dropout: Record<string, number>;
  /** null when the run does not use early stopping. */
  patience: number | null;
}

/** The values in use after the config and every change so far (the learning rate as last set, else the config's). */
export function currentSettings(
  run: Pick<Run, 'graph' | 'trainConfig'>,
  changes: readonly SettingChange[],
): CurrentSettings {
  const config = run.trainConfig;
  const now: CurrentSettings = {
    learningRate: config.optimizer.lr,
    l1: config.l1 ?? 0,
    l2: config.l2 ?? 0,
    dropout: Object.fromEntries(
      run.graph.nodes.filter((n) => n.op === 'dropout').map((n) => [n.id, Number(n.params?.p ?? 0.5)]),
    ),
    patience: config.earlyStopping?.patience ?? null,
  };
  for (const c of changes) {
    if (c.setting === 'dropout') now.dropout[c.nodeId!] = c.to;
    else if (c.setting === 'patience') now.patience = c.to;
    else now[c.setting] = c.to;
  }
  return now;
}

export interface TypedValues {
  learningRate: string;
  l1: string;
  l2: string;
  dropoutAll: string;
  dropout: Record<string, string>;
  patience: string;
}

/** The request for the fields filled in, or the name of the first field that is not a number. */
export function changeRequest(typed: TypedValues): { request: SettingsChangeRequest } | { invalid: string } {
  const request: SettingsChangeRequest = {};
  const read = (field: string, text: string, set: (n: number) => void): string | null => {
    if (text.trim() === '') return null;
    const n = Number(text);
    if (!Number.isFinite(n)) return field;
    set(n);
    return null;
  };
  const problems = [
    read('learningRate', typed.learningRate, (n) => (request.learningRate = n)),
    read('l1', typed.l1, (n) => (request.l1 = n)),
    read('l2', typed.l2, (n) => (request.l2 = n)),
    read('patience', typed.patience, (n) => (request.patience = n)),
    read('dropoutAll', typed.dropoutAll, (n) => (request.dropout = n)),
  ];
  // A rate for one layer wins over the rate for all of them only when no all-layers rate is given.
  if (request.dropout === undefined) {
    const perLayer: Record<string, number> = {};
    for (const [node, text] of Object.entries(typed.dropout))
      problems.push(read(node, text, (n) => (perLayer[node] = n)));
    if (Object.keys(perLayer).length) request.dropout = perLayer;
  }
  const invalid = problems.find((p) => p !== null);
  return invalid ? { invalid } : { request };
}
