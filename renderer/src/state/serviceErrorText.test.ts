// What a service refuses reaches the studio as 'service-<code>' with its values (a missing record as 'not-found')
// and is worded from the service table: in Chinese with the run's status and the kind of record in Chinese, in
// English as the main process's own message.
import { describe, expect, it } from 'vitest';
import { StudioError } from '../lib/host';
import { errorWording } from './errorWords';
import { serviceErrorText } from './serviceErrorText';

type Values = Record<string, string | number>;

/** A refusal as main/api/dispatch.ts sends it: the code, the values and the English message. */
const refusal = (code: string, params: Values, message: string) => new StudioError({ message, code, params });

/** `error` as the studio shows it in `locale` (errorText.ts, without the app's runes). */
function shown(error: StudioError, locale: 'en' | 'zh-CN'): string {
  const wording = errorWording(error);
  if (wording.table !== 'service') throw new Error(`${error.message} is not worded from the service table`);
  return serviceErrorText(wording.key, wording.params, locale);
}

describe('service refusals in the studio', () => {
  it('words deleting a run that is training in Chinese', () => {
    const error = refusal('service-run-training-delete', {}, 'this run is training: stop it before deleting it');
    expect(errorWording(error)).toEqual({
      table: 'service',
      key: 'run-training-delete',
      params: {},
    });
    expect(shown(error, 'zh-CN')).toBe('这个运行正在训练：请先停止它再删除');
    expect(shown(error, 'en')).toBe(error.message);
  });

  it('names the dataset and the count of runs that use it', () => {
    const error = refusal('service-dataset-used-by-runs', { dataset: 'iris', count: 2 }, '');
    expect(shown(error, 'zh-CN')).toBe("数据集 'iris' 正被 2 个运行使用；请先删除这些运行");
    expect(shown(error, 'en')).toBe("dataset 'iris' is used by 2 runs; delete those runs first");
  });

  it("words a run's status in Chinese, not the status code", () => {
    const error = refusal(
      'service-run-cannot-continue',
      { run: 'spirals', status: 'completed' },
      "run 'spirals' is completed: only stopped, failed or interrupted runs continue",
    );
    expect(shown(error, 'zh-CN')).toBe("运行 'spirals' 已完成：只有已停止、失败或已中断的运行可以继续");
    expect(shown(error, 'en')).toBe(error.message);
  });

  it('words a record that does not exist, its id quoted as in English', () => {
    // store/context.ts NotFoundError: its own code, 'not-found'.
    const error = refusal(
      'not-found',
      { what: 'run group', id: 'g1' },
      'run group "g1" does not exist (it may have been deleted)',
    );
    expect(shown(error, 'zh-CN')).toBe('运行组 "g1" 不存在（可能已被删除）');
    expect(shown(error, 'en')).toBe(error.message);
  });

  it('leaves an uncoded error its own message', () => {
    expect(errorWording(new StudioError({ message: 'disk full', code: 'failed' }))).toEqual({
      table: null,
      text: 'disk full',
    });
  });
});
