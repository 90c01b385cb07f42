// Download addresses in web mode name one file of an export inside the exports folder, and nothing else.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDownloadFile } from './download';

const exportsDir = mkdtempSync(join(tmpdir(), 'netwright-downloads-'));
const runFolder = join(exportsDir, 'run-1', 'onnx');
mkdirSync(runFolder, { recursive: true });
writeFileSync(join(runFolder, 'model.onnx'), 'x');
mkdirSync(join(runFolder, 'sub'));
const records: Record<number, string> = { 1: join(runFolder, 'model.onnx'), 2: '/home/someone/elsewhere/model.onnx' };
const lookup = (id: number) => records[id] ?? null;
const statusOf = (pathname: string) => {
  try {
    return exportDownloadFile(pathname, exportsDir, lookup);
  } catch (error) {
    return (error as { status?: number }).status;
  }
};

describe('export downloads', () => {
  it('serves a file the export wrote', () => {
    expect(statusOf('/download/1/model.onnx')).toBe(join(runFolder, 'model.onnx'));
  });

  it('answers 404 for folders, dot segments, unknown exports and exports saved outside the exports folder', () => {
    for (const path of [
      '/download/1/',
      '/download/1/.',
      '/download/1/..',
      '/download/1/%2e%2e',
      '/download/1/sub',
      '/download/1/..%2fonnx',
      '/download/1/missing.onnx',
      '/download/9/model.onnx',
      '/download/2/model.onnx',
      '/download/x/model.onnx',
      '/download/1',
      '/download/1/a/b',
    ]) {
      expect(statusOf(path), path).toBe(404);
    }
  });

  it('answers 400 for a malformed percent-encoding', () => {
    expect(statusOf('/download/1/%E0%A4%A')).toBe(400);
  });
});
