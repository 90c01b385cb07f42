// What the studio's services refuse, a sweep refused before it starts and a checkpoint that does not load, as the
// command line prints them: every code worded in Chinese with every value filled in (a run's status and the kind of
// record in Chinese too), and in English the error's own message, unchanged.
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_PROBLEM_CODES, CheckpointError } from '../../engine/core/io/checkpointProblems';
import { SERVICE_ERRORS, type ServiceErrorCode } from '../api/serviceErrors';
import { sweepRefusal } from '../services/engine/sweepRefusals';
import { ServiceError } from '../services/serviceError';
import { NotFoundError } from '../services/store/context';
import { SWEEP_REFUSAL_WORDS_ZH } from './errorWords';
import { errorReport } from './errors';

const USAGE = { en: 'netwright export …', zh: 'netwright export …' };
const CHINESE = /[\u4e00-\u9fff]/;

/** The {names} a text fills in. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/** Values for every {name} of `code`'s English: a status where the sentence names one, else a word or a number. */
function valuesOf(code: ServiceErrorCode): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const name of placeholders(SERVICE_ERRORS[code]))
    values[name] = name === 'status' ? 'running' : name === 'next' ? 'paused' : name === 'what' ? 'dataset' : 7;
  return values;
}

describe("the services' refusals on the command line", () => {
  it.each(Object.keys(SERVICE_ERRORS) as ServiceErrorCode[])(
    '%s: Chinese with every value, English as thrown',
    (code) => {
      const error = code === 'not-found' ? new NotFoundError('dataset', 'd1') : new ServiceError(code, valuesOf(code));
      const chinese = errorReport(error, USAGE, 'zh');
      expect(chinese.code).toBe(1);
      expect(chinese.text).toMatch(CHINESE);
      expect(chinese.text).not.toMatch(/\{\w+\}|running|paused|dataset /);
      expect(errorReport(error, USAGE, 'en').text).toBe(`netwright: ${error.message}\n`);
    },
  );

  it("words a run's status and the kind of record in Chinese, the names as they are", () => {
    const queued = new ServiceError('run-not-queued', { run: 'spirals', status: 'running' });
    expect(queued.message).toBe("run 'spirals' is running, not queued");
    expect(errorReport(queued, USAGE, 'zh').text).toBe("netwright: 运行 'spirals' 正在训练，不在排队中\n");
    const empty = new ServiceError('empty-name', { what: 'dataset' });
    expect(empty.message).toBe('a dataset name must not be empty');
    expect(errorReport(empty, USAGE, 'zh').text).toBe('netwright: 数据集名称不能为空\n');
    expect(errorReport(new NotFoundError('run', 'r9'), USAGE, 'zh').text).toBe(
      'netwright: 运行 "r9" 不存在（可能已被删除）\n',
    );
  });

  it('keeps the English of a refusal that counts runs, one or several', () => {
    expect(new ServiceError('dataset-used-by-run', { dataset: 'iris', count: 1 }).message).toBe(
      "dataset 'iris' is used by 1 run; delete those runs first",
    );
    expect(new ServiceError('dataset-used-by-runs', { dataset: 'iris', count: 3 }).message).toBe(
      "dataset 'iris' is used by 3 runs; delete those runs first",
    );
  });
});

describe('a sweep refused, a checkpoint that does not load', () => {
  it('words every sweep refusal in Chinese with only the values a refusal carries', () => {
    for (const [code, text] of Object.entries(SWEEP_REFUSAL_WORDS_ZH)) {
      expect(text, code).toMatch(CHINESE);
      for (const name of placeholders(text)) expect(['setting', 'value', 'count'], code).toContain(name);
    }
    const refused = sweepRefusal([{ code: 'sweep-seeds', setting: 'seeds', value: 0, max: 100 }]);
    expect(errorReport(refused, USAGE, 'zh').text).toBe('netwright: 未开始：种子数为 0，必须是不小于 1 的整数。\n');
    expect(errorReport(refused, USAGE, 'en').text).toBe(`netwright: ${refused.message}\n`);
  });

  it.each(CHECKPOINT_PROBLEM_CODES)('%s: Chinese naming the file, English as thrown', (code) => {
    const error = new CheckpointError(code, {
      file: 'best.safetensors',
      tensor: 'fc1.weight',
      field: 'spec',
      dtype: 'F16',
      shape: '[8, 2]',
      expected: '[16, 2]',
      index: 3,
      value: 'NaN',
      reason: 'too short',
      found: 'pytorch',
    });
    const chinese = errorReport(error, USAGE, 'zh').text;
    expect(chinese).toMatch(/^netwright: best\.safetensors/);
    expect(chinese).toMatch(CHINESE);
    expect(chinese).not.toMatch(/\{\w+\}/);
    expect(errorReport(error, USAGE, 'en').text).toBe(`netwright: ${error.message}\n`);
  });
});
