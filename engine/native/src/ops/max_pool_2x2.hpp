// The fast path of max pooling for its most common shape, a 2x2 window with stride 2 and no padding, one [H, W]
// plane at a time. Results are bitwise those of the general path in pool.cpp (same tie and NaN rules).
#pragma once

#include <cstddef>
#include <cstdint>

namespace nw {

/**
 * out[H/2, W/2] = max of each 2x2 window of in[H, W] (a trailing odd row or column is in no window), where[] = its
 * flat index, base + offset in the plane. Window order is row-major and only a strictly larger value, or the first
 * NaN, replaces the maximum so far: the first maximum wins, a NaN propagates.
 */
void maxPool2x2Plane(const float* in, std::int64_t H, std::int64_t W, float* out, std::int32_t* where,
                     std::int32_t base);

/**
 * The backward of maxPool2x2Plane when every argmax (relative to base) is in its own window: each window's gradient
 * goes to its argmax, its other positions get 0 (or keep their value when accumulating), in one pass over dx[H, W];
 * bitwise equal to zeroing dx and adding each gradient at its argmax. Returns false when some index is elsewhere:
 * dx is then untouched when accumulating, partly overwritten otherwise (the caller's general path redoes the plane).
 */
bool maxPool2x2BackwardPlane(const float* grad, const std::int32_t* where, std::int64_t H, std::int64_t W,
                             std::int32_t base, float* dx, bool accumulate);

}  // namespace nw
