// Why a run failed, worded by the CLI in English and Chinese from the failure's code.
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../engine/core/errors/coded';
import { divergedFailure, failureOf, runFailure } from '../../engine/core/train/runFailure';
import { codedErrorText } from './errorWords';
import { failureText } from './failureText';

describe('failureText', () => {
  it('words a divergence and its likely cause in either language', () => {
    const failure = divergedFailure({ epoch: 1, step: 9, lr: 8, gradNorm: 3, optimizer: 'sgd' });
    expect(failureText(failure, null, 'en')).toBe(
      'The loss became NaN or infinite at epoch 1, step 9 (learning rate 8, SGD), so training stopped. Likely cause: a learning rate too high for SGD, where up to 0.5 is usual.',
    );
    expect(failureText(failure, null, 'zh')).toBe(
      '损失在第 1 轮第 9 步变为 NaN 或无穷大（学习率 8，SGD），训练已停止。可能的原因：学习率对 SGD 来说太高，通常不超过 0.5。',
    );
  });

  it("words the engine's end and keeps an error's own message", () => {
    expect(failureText(runFailure('engine-killed', { signal: 'SIGKILL' }), 'x', 'zh')).toBe(
      '引擎进程被终止（SIGKILL）',
    );
    expect(failureText(runFailure('engine-error', { message: 'ENOSPC' }), 'ENOSPC', 'zh')).toBe(
      '引擎遇到了意料之外的错误，已停止：ENOSPC',
    );
    expect(failureText(runFailure('engine-error', { message: 'ENOSPC' }), 'ENOSPC', 'en')).toBe(
      'The engine stopped on an error it did not expect: ENOSPC',
    );
  });

  it('words a file the system refused, naming it, in either language', () => {
    const full = failureOf(
      Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        path: '/home/a/runs/r1/last.safetensors',
      }),
    );
    expect(failureText(full, 'x', 'en')).toBe(
      'There is no space left on the disk for /home/a/runs/r1/last.safetensors: free some space, then continue the run.',
    );
    expect(failureText(full, 'x', 'zh')).toBe(
      '磁盘上没有空间写入 /home/a/runs/r1/last.safetensors：请腾出一些空间，然后继续这个运行。',
    );
    const odd = failureOf(Object.assign(new Error('EIO: i/o error'), { code: 'EIO', path: '/mnt/x' }));
    expect(failureText(odd, 'x', 'zh')).toBe('系统无法读写 /mnt/x（EIO）：请检查磁盘和文件夹，然后继续这个运行。');
  });

  it("words another table's coded error as the CLI words it anywhere, and keeps the English in English", () => {
    const failure = { code: 'service-run-no-dataset', params: { run: 'Run 1' } };
    expect(failureText(failure, "run 'Run 1' has no dataset recorded", 'zh')).toBe("运行 'Run 1' 没有记录数据集");
    expect(failureText(failure, "run 'Run 1' has no dataset recorded", 'en')).toBe(
      "run 'Run 1' has no dataset recorded",
    );
  });

  it('keeps the stored English of a run that failed before codes were kept', () => {
    expect(failureText(null, 'the engine process exited (code 134)', 'zh')).toBe(
      'the engine process exited (code 134)',
    );
    expect(failureText(null, null, 'en')).toBeNull();
  });

  it('words a run the engine could not start, as its failure, in Chinese', () => {
    const crashed = runFailure('engine-crashed', { exitCode: 1 });
    const thrown = new CodedError(
      crashed.code,
      crashed.params,
      'the engine process crashed (exit code 1) before it was ready',
    );
    expect(codedErrorText(thrown, 'zh')).toBe('引擎进程崩溃（退出码 1）');
  });

  it("words a dataset's damaged file, naming it and both sizes, in either language", () => {
    const failure = runFailure('dataset-file-size', { file: 'd/features.f32', bytes: 8, expected: 12 });
    expect(failureText(failure, 'x', 'en')).toBe(
      'The dataset file d/features.f32 holds 8 bytes where its manifest implies 12: it was cut short or changed; import the data again.',
    );
    expect(failureText(failure, 'x', 'zh')).toBe(
      '数据集文件 d/features.f32 有 8 字节，而它的清单表明应为 12 字节：文件被截断或改动过；请重新导入数据。',
    );
  });
});
