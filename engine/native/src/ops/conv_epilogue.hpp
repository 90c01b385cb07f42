// What an eval-mode convolution can apply to its output plane while it is in cache: the ReLU that follows it and,
// after that, a 2x2 stride-2 max pool, with the bits of the separate activation and max_pool_2x2 kernels.
#pragma once

#include <cstddef>

namespace nw {

struct ConvEpilogue {
  bool relu = false;
  /** Null, or [N, O, OH/2, OW/2]: the 2x2 stride-2 max pool of the (ReLU'd) output; the output itself is then not
   *  written by the shifted-windows path (a trailing odd row or column is in no window, as in max_pool_2x2). */
  float* pooled = nullptr;
};

/**
 * One output plane [OH, OW] read as rows of `in` (row stride ldIn) plus `shift` (the channel's bias, added after the
 * sum as the convolution does), through the ReLU: into out [OH, OW] (unless null; may equal in when ldIn = OW), and
 * its 2x2 max pool into pooled [OH/2, OW/2] (unless null). ReLU values are +0 or more and never NaN, so the largest
 * of a window is one value whatever the order of comparison: the pool kernel's first-maximum rule gives the same bits.
 */
inline void reluPoolPlane(const float* in, std::size_t ldIn, std::size_t OH, std::size_t OW, float shift, float* out,
                          float* pooled) {
  const auto relu = [shift](float v) {
    const float s = v + shift;
    return s > 0.0f ? s : 0.0f;  // ops/activation.cpp's ReLU
  };
  if (out != nullptr) {
    for (std::size_t oh = 0; oh < OH; ++oh) {
      const float* row = in + oh * ldIn;
      float* dst = out + oh * OW;
      for (std::size_t ow = 0; ow < OW; ++ow) dst[ow] = relu(row[ow]);
    }
  }
  if (pooled == nullptr) return;
  const std::size_t PW = OW / 2;
  for (std::size_t ph = 0; ph < OH / 2; ++ph) {
    const float* top = in + 2 * ph * ldIn;
    const float* bottom = top + ldIn;
    float* dst = pooled + ph * PW;
    for (std::size_t pw = 0; pw < PW; ++pw) {
      const float a = relu(top[2 * pw]), b = relu(top[2 * pw + 1]);
      const float c = relu(bottom[2 * pw]), d = relu(bottom[2 * pw + 1]);
      const float ab = b > a ? b : a, cd = d > c ? d : c;
      dst[pw] = cd > ab ? cd : ab;
    }
  }
}

}  // namespace nw
