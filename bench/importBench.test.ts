// `--suites import` is taken out of the bench's arguments: alone it runs only the import bench, among others it
// leaves the rest of the list for the training suites.
import { describe, expect, it } from 'vitest';
import { takeImportSuite } from './importBench';

describe('takeImportSuite', () => {
  it('runs the import bench alone when it is the only suite asked for', () => {
    expect(takeImportSuite(['--suites', 'import'])).toEqual({ asked: true, rest: null });
    expect(takeImportSuite(['--suites=import', '--quick'])).toEqual({ asked: true, rest: null });
  });

  it('leaves the other suites and flags for the training bench', () => {
    expect(takeImportSuite(['--suites', 'netwright,import', '--only', 'W2'])).toEqual({
      asked: true,
      rest: ['--suites', 'netwright', '--only', 'W2'],
    });
    expect(takeImportSuite(['--suites=import,pytorch'])).toEqual({ asked: true, rest: ['--suites=pytorch'] });
  });

  it('does nothing when import is not asked for', () => {
    expect(takeImportSuite(['--only', 'W1'])).toEqual({ asked: false, rest: ['--only', 'W1'] });
    expect(takeImportSuite(['--suites', 'netwright'])).toEqual({ asked: false, rest: ['--suites', 'netwright'] });
  });
});
