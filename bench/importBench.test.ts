// `--suites import` is taken out of the bench's arguments: alone it runs only the import bench, among others it
// leaves the rest of the list for the training suites; `--only` picks import workloads too.
import { describe, expect, it } from 'vitest';
import {
  IMPORT_WORKLOADS,
  onlyPatterns,
  selectImportWorkloads,
  takeImportSuite,
  withoutImportPatterns,
} from './importBench';

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

describe('--only with the import suite', () => {
  it('picks import workloads by name, glob or family, and all of them without --only', () => {
    expect(IMPORT_WORKLOADS).toEqual(['png-28x28-gray-70k', 'int-60000x785', 'mixed-300mb']);
    expect(selectImportWorkloads(null, IMPORT_WORKLOADS)).toEqual(IMPORT_WORKLOADS);
    expect(selectImportWorkloads(['mixed-300mb'], IMPORT_WORKLOADS)).toEqual(['mixed-300mb']);
    expect(selectImportWorkloads(['*-300mb', 'png'], IMPORT_WORKLOADS)).toEqual(['png-28x28-gray-70k', 'mixed-300mb']);
    expect(() => selectImportWorkloads(['W2'], IMPORT_WORKLOADS)).toThrow(
      '--only: nothing for the import suite; its workloads are png-28x28-gray-70k, int-60000x785, mixed-300mb',
    );
  });

  it('reads --only in both spellings', () => {
    expect(onlyPatterns(['--suites', 'import', '--only', 'mixed-300mb,W2'])).toEqual(['mixed-300mb', 'W2']);
    expect(onlyPatterns(['--only=int-*'])).toEqual(['int-*']);
    expect(onlyPatterns(['--suites', 'import'])).toBeNull();
  });

  it('leaves the other suites the patterns that are theirs, or nothing to run', () => {
    expect(withoutImportPatterns(['--suites', 'netwright', '--only', 'mixed-300mb,W2'], IMPORT_WORKLOADS)).toEqual([
      '--suites',
      'netwright',
      '--only',
      'W2',
    ]);
    expect(withoutImportPatterns(['--only=mixed-300mb'], IMPORT_WORKLOADS)).toBeNull();
    expect(withoutImportPatterns(['--suites', 'netwright'], IMPORT_WORKLOADS)).toEqual(['--suites', 'netwright']);
  });
});
