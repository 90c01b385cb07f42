// The checks on what the renderer asks the native dialogs for, and the dialogs' answers as the bridge returns them.
import { describe, expect, it } from 'vitest';
import { chosenFile, chosenSavePath, exportFilters, exportSaveRequest } from './dialogRequests';

describe('dialog requests', () => {
  it('accepts a plain file name and a known export format', () => {
    expect(exportSaveRequest('spirals-mlp.onnx', 'onnx')).toEqual({ defaultName: 'spirals-mlp.onnx', format: 'onnx' });
    expect(exportSaveRequest('run-train.py', 'pytorch').format).toBe('pytorch');
  });

  it('refuses names that are not plain file names, with a message naming the problem', () => {
    expect(() => exportSaveRequest('../../.bashrc', 'onnx')).toThrow(/must not name a folder/);
    expect(() => exportSaveRequest('C:\\Windows\\x.onnx', 'onnx')).toThrow(/must not name a folder/);
    expect(() => exportSaveRequest('a\0b', 'onnx')).toThrow(/must not name a folder/);
    expect(() => exportSaveRequest('..', 'onnx')).toThrow(/must not name a folder/);
    expect(() => exportSaveRequest('', 'onnx')).toThrow(/1 to 255 characters/);
    expect(() => exportSaveRequest('x'.repeat(256), 'onnx')).toThrow(/1 to 255 characters/);
    expect(() => exportSaveRequest(42, 'onnx')).toThrow(/1 to 255 characters/);
  });

  it('refuses unknown export formats', () => {
    expect(() => exportSaveRequest('m.pkl', 'pickle')).toThrow(/one of onnx, safetensors, pytorch/);
    expect(() => exportSaveRequest('m.onnx', undefined)).toThrow(/one of onnx, safetensors, pytorch/);
  });

  it('offers the file type of each export format', () => {
    expect(exportFilters('onnx')[0].extensions).toEqual(['onnx']);
    expect(exportFilters('safetensors')[0].extensions).toEqual(['safetensors']);
    expect(exportFilters('pytorch')[0].extensions).toEqual(['py']);
  });

  it('turns an open dialog into a path FileRef, or null when cancelled', () => {
    expect(chosenFile({ canceled: false, filePaths: ['/data/houses.csv'] })).toEqual({
      kind: 'path',
      path: '/data/houses.csv',
    });
    expect(chosenFile({ canceled: true, filePaths: [] })).toBeNull();
    expect(chosenFile({ canceled: false, filePaths: [] })).toBeNull();
  });

  it('adds the format extension to a save path without one, and keeps one the user typed', () => {
    expect(chosenSavePath({ canceled: false, filePath: '/out/model' }, 'onnx')).toBe('/out/model.onnx');
    expect(chosenSavePath({ canceled: false, filePath: '/out/model.bin' }, 'safetensors')).toBe('/out/model.bin');
    expect(chosenSavePath({ canceled: true, filePath: '' }, 'onnx')).toBeNull();
  });
});
