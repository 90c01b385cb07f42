// Failed commands report on one line with exit code 1; usage mistakes add the usage and exit with code 2.
import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { errorReport } from './errors';

describe('errorReport', () => {
  it('puts a message with line breaks on one line, exit code 1', () => {
    const error = new Error(
      'cannot export the model to ONNX:\n  conv1 is a Foo layer,\r\nwhich has no ONNX translation\n',
    );
    expect(errorReport(error, 'netwright export RUN')).toEqual({
      text: 'netwright: cannot export the model to ONNX: conv1 is a Foo layer, which has no ONNX translation\n',
      code: 1,
    });
  });

  it('adds the usage to a usage error, exit code 2', () => {
    expect(errorReport(new UsageError('unknown option --x'), 'netwright runs [--json]')).toEqual({
      text: 'netwright: unknown option --x\nusage: netwright runs [--json]\n',
      code: 2,
    });
  });
});
