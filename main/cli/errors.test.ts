// Failed commands report on one line with exit code 1; usage mistakes add the usage and exit with code 2, both in
// the user's language.
import { describe, expect, it } from 'vitest';
import { OnnxImportError } from '../../engine/core/import/onnx/errors';
import { UsageError } from './args';
import { nameListValues } from '../api/nameLists';
import { systemReasonValues } from '../api/quotedReasons';
import { CsvImportError } from '../services/datasets/csv/errors';
import { ImageImportError } from '../services/datasets/images/errors';
import { CliError } from './errorWords';
import { errorReport } from './errors';

const RUNS_USAGE = { en: 'netwright runs [--json]', zh: 'netwright runs [--json]（中文）' };

describe('errorReport', () => {
  it('puts a message with line breaks on one line, exit code 1', () => {
    const error = new Error(
      'cannot export the model to ONNX:\n  conv1 is a Foo layer,\r\nwhich has no ONNX translation\n',
    );
    expect(errorReport(error, RUNS_USAGE, 'en')).toEqual({
      text: 'netwright: cannot export the model to ONNX: conv1 is a Foo layer, which has no ONNX translation\n',
      code: 1,
    });
  });

  it('adds the usage to a usage error, exit code 2', () => {
    expect(errorReport(new UsageError('unknown-option', { option: 'x' }), RUNS_USAGE, 'en')).toEqual({
      text: 'netwright: unknown option --x\nusage: netwright runs [--json]\n',
      code: 2,
    });
  });

  it('words a usage error and its usage in Chinese, the option as typed', () => {
    expect(errorReport(new UsageError('unknown-option', { option: 'epoch' }), RUNS_USAGE, 'zh')).toEqual({
      text: 'netwright: 未知选项 --epoch\n用法：netwright runs [--json]（中文）\n',
      code: 2,
    });
  });

  it("prefers the usage the error carries to the command's", () => {
    const own = { en: 'netwright train …', zh: 'netwright train …（训练）' };
    const report = errorReport(new UsageError('needs-value', { option: 'lr' }, own), RUNS_USAGE, 'zh');
    expect(report.text).toBe('netwright: --lr 需要一个值\n用法：netwright train …（训练）\n');
  });

  it("words the CLI's own errors and a CSV table's problems in Chinese, their English unchanged", () => {
    const noRun = new CliError('no-run-yet', { run: 'abc' });
    expect(errorReport(noRun, RUNS_USAGE, 'zh')).toEqual({
      text: "netwright: 没有运行 'abc'：还没有任何运行\n",
      code: 1,
    });
    expect(errorReport(noRun, RUNS_USAGE, 'en').text).toBe("netwright: no run 'abc': there are no runs yet\n");
    const ragged = new CsvImportError({ file: '/data/iris.csv', line: 7 }, 'ragged-row', { fields: 2, expected: 5 });
    expect(errorReport(ragged, RUNS_USAGE, 'zh').text).toBe('netwright: iris.csv 第 7 行：有 2 个字段，应为 5 个\n');
    expect(errorReport(ragged, RUNS_USAGE, 'en').text).toBe('netwright: iris.csv, line 7: 2 fields, expected 5\n');
    const noLabel = new CsvImportError({ file: 'iris.csv' }, 'no-label-column', { ref: 'kind', columns: "'a', 'b'" });
    expect(errorReport(noLabel, RUNS_USAGE, 'zh').text).toBe(
      "netwright: iris.csv：没有名为 'kind' 的标签列；文件中的列为 'a', 'b'\n",
    );
  });

  it("words an image folder's refusal in Chinese, its quoted reason and its list's tail too", () => {
    const classes = nameListValues('classes', ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    const empty = new ImageImportError('class-folders-empty', { folder: 'photos', ...classes });
    expect(errorReport(empty, RUNS_USAGE, 'zh').text).toBe(
      "netwright: photos：类别文件夹 'a', 'b', 'c', 'd', 'e' 以及另外 2 个 中没有图片；请添加图片或删除这些文件夹\n",
    );
    expect(errorReport(empty, RUNS_USAGE, 'en').text).toBe(
      "netwright: photos: the class folders 'a', 'b', 'c', 'd', 'e' and 2 more hold no images; add images or remove them\n",
    );
    const unreadable = new ImageImportError('folder-unreadable', {
      folder: 'photos',
      ...systemReasonValues(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
    });
    expect(errorReport(unreadable, RUNS_USAGE, 'zh').text).toBe('netwright: photos：无法读取（没有读取权限）\n');
    expect(errorReport(unreadable, RUNS_USAGE, 'en').text).toBe(
      'netwright: photos: cannot be read (no permission to read it)\n',
    );
  });

  it('words an ONNX file that cannot be imported in Chinese, its English unchanged', () => {
    const error = new OnnxImportError('input-type', { file: 'net.onnx', input: 'x', type: 'int64' });
    expect(errorReport(error, RUNS_USAGE, 'zh').text).toBe(
      "netwright: 'net.onnx'：输入 'x' 不是 float32（元素类型 int64）。\n",
    );
    expect(errorReport(error, RUNS_USAGE, 'en').text).toBe(
      "netwright: 'net.onnx': the input 'x' is not float32 (element type int64).\n",
    );
  });

  it('prints any other error as its English message in Chinese too', () => {
    expect(errorReport(new Error('engine stopped'), RUNS_USAGE, 'zh').text).toBe('netwright: engine stopped\n');
  });
});
