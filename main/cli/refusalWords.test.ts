// Training refused before it started, in the CLI's Chinese: each refusal as the services and the engine make it
// (their own values), worded with every {value} filled; in English, the refusal's own message as before.
import { describe, expect, it } from 'vitest';
import { matchWeights, WeightsError } from '../../engine/core/io/weightsMatch';
import { chain, config } from '../../engine/test/models';
import {
  allFrozenRefusal,
  busyRefusal,
  configRefusal,
  dataFitRefusal,
  refuseSettingsChange,
  RunRefusedError,
  settingsFitRefusal,
} from '../services/engine/refusals';
import { errorReport } from './errors';
import { REFUSALS_ZH, type RefusalCode } from './refusalWords';

const USAGE = { en: 'netwright train …', zh: 'netwright train …' };

/** What `read` throws. */
function thrown(read: () => unknown): Error {
  try {
    read();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
}

/** A model without dropout, for settings changed when a run continues. */
const plain = chain([
  { id: 'input', op: 'input', params: { shape: [2] } },
  { id: 'fc', op: 'dense', params: { units: 2 } },
]);

const weight = { name: 'fc1.weight', nodeId: 'fc1', field: 'weight', trainable: true, regularized: true } as const;

/** One refusal of each code, made by the code that makes it in the studio. */
const REFUSALS: Record<RefusalCode, Error> = {
  'setting-out-of-range': configRefusal({
    code: 'setting-out-of-range',
    setting: 'learningRate',
    value: 5,
    min: 0,
    max: 1,
    minExclusive: true,
    integer: false,
  }),
  'setting-not-a-choice': configRefusal({
    code: 'setting-not-a-choice',
    setting: 'optimizer.type',
    value: 'lbfgs',
    choices: ['adam', 'sgd'],
  }),
  'split-sum': configRefusal({ code: 'split-sum', setting: 'split', sum: 1.2 }),
  'augmentation-needs-images': configRefusal({
    code: 'augmentation-needs-images',
    setting: 'augmentation',
    shape: [4],
  }),
  'loss-needs-classes': settingsFitRefusal({ code: 'loss-needs-classes', loss: 'cross_entropy' }, 'curve'),
  'loss-needs-targets': settingsFitRefusal({ code: 'loss-needs-targets', loss: 'mse' }, 'blobs'),
  'binary-needs-two-classes': settingsFitRefusal({ code: 'binary-needs-two-classes', classes: 3 }, 'blobs'),
  'accuracy-needs-classes': settingsFitRefusal({ code: 'accuracy-needs-classes' }, 'curve'),
  'early-stopping-no-validation': settingsFitRefusal({ code: 'early-stopping-no-validation' }, 'blobs'),
  'all-frozen': allFrozenRefusal(3),
  'model-too-large': new RunRefusedError('training this model needs about 9.0 GB of memory …', 'model-too-large', {
    nodeId: 'conv1',
    node: '6.0 GB',
    estimate: '9.0 GB',
    available: '4.0 GB',
  }),
  'input-mismatch': dataFitRefusal({ code: 'input-mismatch', nodeId: 'in', modelShape: [4], dataShape: [2] }, 'blobs'),
  'output-mismatch': dataFitRefusal({ code: 'output-mismatch', nodeId: 'out', units: 2, needed: 3 }, 'blobs'),
  busy: busyRefusal('1a2b3c4d'),
  'change-empty': thrown(() => refuseSettingsChange(plain, config(), {})),
  'change-no-dropout-layer': thrown(() => refuseSettingsChange(plain, config(), { dropout: { fc: 0.2 } })),
  'change-no-early-stopping': thrown(() => refuseSettingsChange(plain, config(), { patience: 3 })),
  'weights-shape-mismatch': thrown(() =>
    matchWeights([{ ...weight, shape: [8, 4] }], [{ name: 'fc1.weight', shape: [8, 5], dtype: 'F32' }], 'strict'),
  ),
  'weights-not-float': thrown(() =>
    matchWeights([{ ...weight, shape: [8, 4] }], [{ name: 'fc1.weight', shape: [8, 4], dtype: 'I64' }], 'strict'),
  ),
  'weights-nothing-matched': thrown(() =>
    matchWeights([{ ...weight, shape: [8, 4] }], [{ name: 'other', shape: [3], dtype: 'F32' }], 'strict'),
  ),
  'weights-no-checkpoint': new WeightsError('no-checkpoint', { run: 'base' }, "run 'base' has no checkpoint …"),
};

describe('refusals in Chinese', () => {
  it.each(Object.entries(REFUSALS))('%s: every value filled, Chinese in zh, its own message in en', (code, error) => {
    expect((error as RunRefusedError).tableCode).toBe(code);
    const chinese = errorReport(error, USAGE, 'zh').text;
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese).not.toMatch(/\{\w+\}/);
    expect(errorReport(error, USAGE, 'en').text).toBe(`netwright: ${error.message}\n`);
  });

  it('names a setting out of range and its range, as the studio does', () => {
    expect(errorReport(REFUSALS['setting-out-of-range'], USAGE, 'zh').text).toBe(
      'netwright: 设置 learningRate 的值为 5：必须在 0 到 1 之间\n',
    );
  });

  it('says a model has no dropout layer when one rate was given for all, naming none', () => {
    const error = thrown(() => refuseSettingsChange(plain, config(), { dropout: 0.3 }));
    expect(errorReport(error, USAGE, 'zh').text).toBe('netwright: 这个模型没有 Dropout 层\n');
    expect(errorReport(error, USAGE, 'en').text).toBe('netwright: this model has no dropout layer\n');
  });

  it('names the values the refusal holds', () => {
    expect(errorReport(REFUSALS['output-mismatch'], USAGE, 'zh').text).toBe(
      "netwright: 最后一层 'out' 有 2 个输出，而 'blobs' 需要 3 个：请修改它的单元数\n",
    );
    expect(Object.keys(REFUSALS_ZH).sort()).toEqual(Object.keys(REFUSALS).sort());
  });
});
