// The arithmetic of one image's augmentation, step for step as engine/core/train/augment.ts's augmentImage (same
// operations in the same order, in double, rounded to float once per value). Built alone with -ffp-contract=off
// (binding.gyp's augment_images library): a fused multiply-add would round differently from JS.
#include "ops/augment_images.hpp"

#include <algorithm>

namespace nw {
namespace {

using std::int64_t;
using std::size_t;

/**
 * Bilinear rotation about the centre of `bordered` (one channel of raw values with a one-pixel black border, rows
 * `stride` apart, with zero cells beyond it as far as any sampling point reaches) into `target` [H, W], each value
 * mapped to scale · raw + bias: the output at offset (u, v) from the centre reads (cos·u − sin·v, sin·u + cos·v).
 */
void rotateInto(const double* bordered, int64_t stride, float* target, int64_t height, int64_t width, double cos,
                double sin, double scale, double bias) {
  const double cy = static_cast<double>(height - 1) / 2;
  const double cx = static_cast<double>(width - 1) / 2;
  const int step = static_cast<int>(stride);
  for (int64_t y = 0; y < height; ++y) {
    const double v = static_cast<double>(y) - cy;
    // Sampling points carry +2 (see augment.ts): where JS reads (qx >= 1 and qx < W + 2, the same for qy) the
    // truncations below are its floors. Elsewhere JS takes raw = 0; here the four corners are then all zero cells
    // (of the border or the margin; truncation toward zero still lands on zeros), and 0 + w·(0 − 0) is +0 for any
    // finite weight, so raw is the same +0 without a test.
    double qx = -cos * cx - sin * v + cx + 2;
    double qy = -sin * cx + cos * v + cy + 2;
    float* out = target + y * width;
    for (int64_t x = 0; x < width; ++x, qx += cos, qy += sin) {
      const int x0 = static_cast<int>(qx);  // 32-bit conversions: measurably faster than 64-bit here
      const int y0 = static_cast<int>(qy);
      const double wx = qx - static_cast<double>(x0);
      const double wy = qy - static_cast<double>(y0);
      const double* at = bordered + (y0 - 1) * step + x0 - 1;
      const double upperLeft = at[0];
      const double lowerLeft = at[step];
      const double upper = upperLeft + wx * (at[1] - upperLeft);
      const double lower = lowerLeft + wx * (at[step + 1] - lowerLeft);
      const double raw = upper + wy * (lower - upper);
      out[x] = static_cast<float>(raw * scale + bias);
    }
  }
}

}  // namespace

void imageMeans(const AugmentBatch& batch, std::size_t begin, std::size_t end, double* means) {
  const size_t channels = batch.channels;
  const size_t plane = batch.height * batch.width;
  const size_t size = channels * plane;
  // Each image's sum is one long chain of dependent adds (its order is fixed: JS adds left to right), so four
  // images' chains run side by side.
  size_t pending[4];
  size_t count = 0;
  const auto flush = [&] {
    const float* source[4];
    double sum[4] = {0, 0, 0, 0};
    for (size_t j = 0; j < 4; ++j)
      source[j] = batch.features + static_cast<size_t>(batch.rows[pending[j < count ? j : 0]]) * size;
    for (size_t c = 0; c < channels; ++c) {
      double channelSum[4] = {0, 0, 0, 0};
      for (size_t k = c * plane; k < (c + 1) * plane; ++k) {
        channelSum[0] += source[0][k];
        channelSum[1] += source[1][k];
        channelSum[2] += source[2][k];
        channelSum[3] += source[3][k];
      }
      for (size_t j = 0; j < 4; ++j)
        sum[j] += channelSum[j] * batch.std[c] + static_cast<double>(plane) * batch.mean[c];
    }
    for (size_t j = 0; j < count; ++j) means[pending[j] - begin] = sum[j] / static_cast<double>(size);
    count = 0;
  };
  for (size_t i = begin; i < end; ++i) {
    means[i - begin] = 0;
    if (batch.factors[4 * i + 1] == 1) continue;  // contrast unchanged: no mean needed
    pending[count++] = i;
    if (count == 4) flush();
  }
  if (count > 0) flush();
}

void augmentImage(const AugmentBatch& batch, size_t i, double meanRaw, double* bordered) {
  const int64_t channels = static_cast<int64_t>(batch.channels);
  const int64_t height = static_cast<int64_t>(batch.height);
  const int64_t width = static_cast<int64_t>(batch.width);
  const int64_t plane = height * width;
  const float* source = batch.features + static_cast<size_t>(batch.rows[i]) * static_cast<size_t>(channels * plane);
  float* target = batch.target + i * static_cast<size_t>(channels * plane);
  const unsigned flags = batch.flags[i];
  const bool flipHorizontal = (flags & kFlipHorizontal) != 0;
  const bool flipVertical = (flags & kFlipVertical) != 0;
  const bool rotate = (flags & kRotate) != 0;
  const int64_t shiftX = batch.shifts[2 * i];
  const int64_t shiftY = batch.shifts[2 * i + 1];
  const double brightness = batch.factors[4 * i];
  const double contrast = batch.factors[4 * i + 1];
  const double cos = batch.factors[4 * i + 2];
  const double sin = batch.factors[4 * i + 3];

  const double gain = contrast * brightness;
  const double offset = (1 - contrast) * brightness * meanRaw;
  // Output (y, x) reads source (y + shiftY, x + shiftX) (flipped). Clamped so a shift past the edge (allowed in JS,
  // where it leaves the image black) never indexes outside the row.
  const int64_t top = std::min(height, std::max<int64_t>(0, -shiftY));
  const int64_t bottom = std::max(top, std::min(height, height - shiftY));
  const int64_t left = std::min(width, std::max<int64_t>(0, -shiftX));
  const int64_t right = std::max(left, std::min(width, width - shiftX));
  const int64_t margin = static_cast<int64_t>(augmentMargin(batch.height, batch.width));
  const int64_t stride = width + 2 + 2 * margin;
  double* const border = bordered + margin * stride + margin;  // the one-pixel border's top-left cell
  const int64_t half = batch.cutoutSize / 2;
  for (int64_t c = 0; c < channels; ++c) {
    const double m = batch.mean[c];
    const double s = batch.std[c];
    const double inv = 1 / s;
    const double scale = gain * inv;
    const double bias = (offset - m) * inv;
    const float* src = source + c * plane;
    float* dst = target + c * plane;
    if (!rotate) {
      const float black = static_cast<float>(bias);
      for (int64_t y = 0; y < height; ++y) {
        float* row = dst + y * width;
        if (y < top || y >= bottom) {
          std::fill(row, row + width, black);
          continue;
        }
        const int64_t sy = y + shiftY;
        const float* from = src + (flipVertical ? height - 1 - sy : sy) * width;
        std::fill(row, row + left, black);
        if (flipHorizontal) {
          const float* last = from + width - 1 - shiftX;
          for (int64_t x = left; x < right; ++x) row[x] = static_cast<float>((last[-x] * s + m) * scale + bias);
        } else {
          const float* first = from + shiftX;
          for (int64_t x = left; x < right; ++x) row[x] = static_cast<float>((first[x] * s + m) * scale + bias);
        }
        std::fill(row + right, row + width, black);
      }
    } else {
      std::fill(bordered, bordered + (height + 2 + 2 * margin) * stride, 0.0);
      for (int64_t y = top; y < bottom; ++y) {
        const int64_t sy = y + shiftY;
        const float* from = src + (flipVertical ? height - 1 - sy : sy) * width;
        double* row = border + (y + 1) * stride + 1;
        if (flipHorizontal) {
          const float* last = from + width - 1 - shiftX;
          for (int64_t x = left; x < right; ++x) row[x] = static_cast<double>(last[-x]) * s + m;
        } else {
          const float* first = from + shiftX;
          for (int64_t x = left; x < right; ++x) row[x] = static_cast<double>(first[x]) * s + m;
        }
      }
      rotateInto(border, stride, dst, height, width, cos, sin, scale, bias);
    }
    const float cutoutBlack = static_cast<float>((0 - m) * inv);  // not -m · inv: that is -0 when m = 0
    const std::int32_t* centres = batch.cutouts + 2 * i * batch.cutoutCount;
    for (size_t k = 0; k < batch.cutoutCount; ++k) {
      const int64_t y0 = centres[2 * k] - half;
      const int64_t x0 = centres[2 * k + 1] - half;
      const int64_t xBegin = std::max<int64_t>(0, x0);
      const int64_t xEnd = std::min(width, x0 + batch.cutoutSize);
      const int64_t yEnd = std::min(height, y0 + batch.cutoutSize);
      for (int64_t y = std::max<int64_t>(0, y0); y < yEnd; ++y)
        if (xBegin < xEnd) std::fill(dst + y * width + xBegin, dst + y * width + xEnd, cutoutBlack);
    }
  }
}

}  // namespace nw
