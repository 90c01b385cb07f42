// One batch's image augmentation as plain data (no Node-API), so its arithmetic can live in a library compiled with
// -ffp-contract=off: every value must match engine/core/train/augment.ts's augmentImage bit for bit.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace nw {

/** Per-image flags of AugmentBatch::flags. */
enum AugmentFlag : std::uint8_t { kFlipHorizontal = 1, kFlipVertical = 2, kRotate = 4 };

/**
 * A batch to augment: image i is dataset row rows[i] of `features` [rows, C, H, W] (standardized), written to
 * target + i·C·H·W. Per image i: flags[i] (AugmentFlag bits), shifts[2i..2i+1] = (x, y) in pixels,
 * factors[4i..4i+3] = (brightness, contrast, cos, sin) of the rotation (cos and sin computed by JS), and cutouts
 * [i, cutoutCount, 2] = (y, x) centres. mean and std are per channel (std > 0); raw = z · std + mean.
 */
struct AugmentBatch {
  const float* features;
  const std::int32_t* rows;
  std::size_t batch;
  std::size_t channels;
  std::size_t height;
  std::size_t width;
  const double* mean;
  const double* std;
  const std::uint8_t* flags;
  const std::int32_t* shifts;
  const double* factors;
  std::int64_t cutoutSize;
  std::size_t cutoutCount;
  const std::int32_t* cutouts;
  float* target;
};

/**
 * Zero cells around the rotation's one-pixel black border, enough that every sampling point of a rotation by any
 * angle reads inside the frame: they lie within hypot(cx, cy) of the centre, so the loop needs no bounds checks.
 */
inline std::size_t augmentMargin(std::size_t height, std::size_t width) {
  const double cy = (static_cast<double>(height) - 1) / 2;
  const double cx = (static_cast<double>(width) - 1) / 2;
  return static_cast<std::size_t>(std::ceil(std::sqrt(cx * cx + cy * cy) - (cx < cy ? cx : cy))) + 4;
}

/** Doubles of scratch augmentImage needs: one channel with its border and margin. */
inline std::size_t augmentScratchSize(std::size_t height, std::size_t width) {
  const std::size_t margin = augmentMargin(height, width);
  return (height + 2 + 2 * margin) * (width + 2 + 2 * margin);
}

/** means[i - begin] = the mean raw value of image i for i in [begin, end) where its contrast changes, else 0. */
void imageMeans(const AugmentBatch& batch, std::size_t begin, std::size_t end, double* means);

/** Augments image i of the batch, given its imageMeans value; `bordered` holds augmentScratchSize doubles of this
 *  thread's own. */
void augmentImage(const AugmentBatch& batch, std::size_t i, double meanRaw, double* bordered);

}  // namespace nw
