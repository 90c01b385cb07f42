// The file names offered for exports: safe on every OS, one extension per format, a script named as such.
import { describe, expect, it } from 'vitest';
import { exportFileName } from './exportNames';

describe('exportFileName', () => {
  it("turns the run name into a safe lower-case stem with the format's extension", () => {
    expect(exportFileName('Adam lr=0.01 / wide', 'onnx')).toBe('adam-lr-0-01-wide.onnx');
    expect(exportFileName('first', 'safetensors')).toBe('first.safetensors');
    expect(exportFileName('first', 'pytorch')).toBe('first-train.py');
  });

  it('falls back to "model" when nothing of the name is left', () => {
    expect(exportFileName('训练', 'onnx')).toBe('model.onnx');
    expect(exportFileName('../..', 'onnx')).toBe('model.onnx');
  });
});
