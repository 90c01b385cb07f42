// The convolution-shapes calculator agrees with N = floor((W - F + 2P) / S) + 1 for every setting the spec
// accepts, its window positions count the same N, and refused settings come with the spec's reason.
import { describe, expect, it } from 'vitest';
import { isTap, spanOf, windowOutput, windowPositions, type WindowSettings } from './convShapes';

const base: WindowSettings = { layer: 'conv2d', width: 28, kernel: 5, padding: 0, stride: 1, channels: 1, filters: 6 };

describe('convolution shapes', () => {
  it("LeNet's first convolution turns 1×28×28 into 6×24×24, and padding 2 keeps 28", () => {
    expect(windowOutput(base).outputShape).toEqual([6, 24, 24]);
    expect(windowOutput({ ...base, padding: 2 }).outputShape).toEqual([6, 28, 28]);
  });

  it('matches floor((W - F + 2P) / S) + 1 and the number of window positions for every accepted setting', () => {
    let checked = 0;
    for (const layer of ['conv2d', 'maxpool2d'] as const) {
      for (let width = 3; width <= 12; width++)
        for (let kernel = 1; kernel <= 5; kernel++)
          for (let padding = 0; padding <= 2; padding++) {
            for (let stride = 1; stride <= 3; stride++) {
              const settings = { ...base, layer, width, kernel, padding, stride, channels: 3 };
              const result = windowOutput(settings);
              if (!result.outputShape) continue;
              const n = Math.floor(result.exact);
              expect(result.outputShape, JSON.stringify(settings)).toEqual([layer === 'conv2d' ? 6 : 3, n, n]);
              expect(windowPositions(settings)).toHaveLength(n);
              checked++;
            }
          }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("a window larger than the padded input is refused with the spec's reason", () => {
    const result = windowOutput({ ...base, width: 4, kernel: 7 });
    expect(result.outputShape).toBeNull();
    expect(result.problem).toMatchObject({ nodeId: 'conv1', code: 'kernel-too-large', reason: 'window-too-large' });
  });

  it('counts the weights, and a depthwise convolution (one group per channel) needs the channels times fewer', () => {
    const plain = windowOutput({ ...base, width: 16, kernel: 3, padding: 1, channels: 32, filters: 32 });
    expect([plain.parameters, plain.ungroupedParameters]).toEqual([32 * 32 * 9 + 32, 32 * 32 * 9 + 32]);
    const depthwise = windowOutput({
      ...base,
      width: 16,
      kernel: 3,
      padding: 1,
      channels: 32,
      filters: 32,
      groups: 32,
    });
    expect(depthwise.outputShape).toEqual([32, 16, 16]);
    expect([depthwise.parameters, depthwise.ungroupedParameters]).toEqual([32 * 9 + 32, 32 * 32 * 9 + 32]);
    expect(depthwise.spec.nodes[1].params).toMatchObject({ groups: 32 });
    // Groups that do not divide the channels: the spec's reason, no count.
    const refused = windowOutput({ ...base, channels: 3, filters: 6, groups: 2 });
    expect(refused.problem).toMatchObject({ reason: 'groups-channels' });
    expect(refused.parameters).toBeNull();
    // Pooling has no weights.
    expect(windowOutput({ ...base, layer: 'maxpool2d', kernel: 2, stride: 2 }).parameters).toBeNull();
  });

  it('a dilated convolution spans D·(F − 1) + 1 pixels with the same weights, and the formula and positions follow the span', () => {
    const dilated = windowOutput({ ...base, width: 7, kernel: 3, dilation: 2, filters: 4 });
    expect(dilated.span).toBe(5);
    expect(dilated.outputShape).toEqual([4, 3, 3]);
    expect(dilated.exact).toBe(3);
    expect(dilated.spec.nodes[1].params).toMatchObject({ dilation: 2 });
    expect(dilated.parameters).toBe(windowOutput({ ...base, width: 7, kernel: 3, filters: 4 }).parameters);
    expect([0, 1, 2, 3, 4].map((k) => isTap({ layer: 'conv2d', dilation: 2 }, k))).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
    let checked = 0;
    for (let width = 3; width <= 14; width++)
      for (let kernel = 1; kernel <= 4; kernel++)
        for (let dilation = 1; dilation <= 4; dilation++)
          for (let padding = 0; padding <= 3; padding++) {
            const settings = { ...base, width, kernel, dilation, padding, channels: 2 };
            const result = windowOutput(settings);
            if (!result.outputShape) continue;
            const n = Math.floor(result.exact);
            expect(result.outputShape, JSON.stringify(settings)).toEqual([6, n, n]);
            expect(windowPositions(settings)).toHaveLength(n);
            checked++;
          }
    expect(checked).toBeGreaterThan(400);
    // Pooling windows are not dilated here; a dilated convolution with a stride is the spec's problem.
    expect(spanOf({ layer: 'maxpool2d', kernel: 3, dilation: 2 })).toBe(3);
    expect(windowOutput({ ...base, dilation: 2, stride: 2 }).problem).toMatchObject({ reason: 'dilation-stride' });
  });
});
