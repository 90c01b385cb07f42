// The README beside an export: the preparation steps for the data the model was trained on, the meaning of the
// output, and examples whose constants follow the export (who standardizes, class names, regression).
import { describe, expect, it } from 'vitest';
import { exportReadme, type ReadmeInput } from './readme';

const imageReadme = (overrides: Partial<ReadmeInput> = {}): ReadmeInput => ({
  format: 'onnx',
  title: 'flowers',
  modelFile: 'flowers.onnx',
  files: [{ name: 'flowers.onnx', about: 'the model' }],
  preprocessing: {
    input: { kind: 'images', channels: 3, height: 64, width: 48, fit: 'cover' },
    normalization: { axis: 'channel', mean: [0.5, 0.4, 0.3], std: [0.2, 0.2, 0] },
    standardizedByModel: false,
  },
  task: 'classification',
  classNames: ['daisy', 'rose'],
  outputWidth: 2,
  ...overrides,
});

describe('export README', () => {
  it('lists the image steps in order, with the resize mode and the statistics the caller must apply', () => {
    const text = exportReadme(imageReadme());
    const steps = text.split('\n').filter((l) => /^\d\. /.test(l));
    expect(steps[0]).toMatch(/^1\. Decode the image as RGB/);
    expect(steps[1]).toMatch(/centre cropped to 64×48/);
    expect(steps[2]).toMatch(/divide by 255/);
    expect(steps[3]).toMatch(/\[batch, 3, 64, 48\] \(NCHW\)/);
    expect(steps[4]).toMatch(/^5\. Standardize each channel: .*channel 0: mean 0.5, std 0.2/);
    expect(text).toContain('0: daisy, 1: rose');
    // The examples standardize with the statistics (a std of 0 divides by 1) and resize as the importer did.
    expect(text).toContain('MEAN = [0.5, 0.4, 0.3]');
    expect(text).toContain('const STD = [0.2,0.2,1];');
    expect(text).toContain('const FIT = "cover";');
  });

  it('tells a folded-in standardization apart, and a regression output from class scores', () => {
    const folded = exportReadme(
      imageReadme({ preprocessing: { ...imageReadme().preprocessing, standardizedByModel: true } }),
    );
    expect(folded).toMatch(/Do not standardize/);
    expect(folded).toContain('MEAN = None');
    const regression = exportReadme({
      format: 'pytorch',
      title: 'curve',
      modelFile: 'curve.py',
      files: [],
      task: 'regression',
      classNames: [],
      outputWidth: 1,
      preprocessing: {
        input: { kind: 'table', features: ['x', 'colour=red'] },
        normalization: { axis: 'feature', mean: [0, 0], std: [1, 1] },
        standardizedByModel: true,
      },
    });
    expect(regression).toMatch(/`output` is \[batch, 1\]: the predicted value of each sample/);
    expect(regression).toMatch(/2 float32 values in this order: x, colour=red/);
    expect(regression).toContain("'prediction': row.tolist()");
    expect(regression).not.toContain('CLASSES[');
  });

  it('asks for pillow only where the example reads images', () => {
    expect(exportReadme(imageReadme())).toContain('it needs onnxruntime, numpy and pillow');
    const table = exportReadme(
      imageReadme({
        preprocessing: {
          input: { kind: 'table', features: ['x', 'y'] },
          normalization: { axis: 'feature', mean: [0, 0], std: [1, 1] },
          standardizedByModel: true,
        },
        classNames: ['a', 'b'],
      }),
    );
    expect(table).toContain('it needs onnxruntime and numpy (`pip install onnxruntime numpy`)');
    expect(table).not.toMatch(/pillow|from PIL/);
  });

  it('lists the settings changed during training, and says the PyTorch script makes them too', () => {
    const settingChanges = [
      { epoch: 4, step: 120, setting: 'learningRate' as const, from: 0.01, to: 0.001 },
      { epoch: 4, step: 120, setting: 'dropout' as const, nodeId: 'drop1', from: 0.5, to: 0.2 },
    ];
    const onnx = exportReadme(imageReadme({ settingChanges }));
    expect(onnx).toContain('## Settings changed during training');
    expect(onnx).toContain('| 4 | 120 | learning rate | 0.01 | 0.001 |');
    expect(onnx).toContain('| 4 | 120 | dropout rate (drop1) | 0.5 | 0.2 |');
    expect(onnx).toMatch(/the model itself is the same/);
    expect(exportReadme(imageReadme({ format: 'pytorch', settingChanges }))).toMatch(/SETTING_CHANGES/);
    expect(exportReadme(imageReadme())).not.toContain('Settings changed');
  });
});
