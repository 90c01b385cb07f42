// What an eval-mode convolution can apply to its output plane while it is in cache: the ReLU that follows it and,
// after that, a 2x2 stride-2 max pool, with the bits of the separate activation and max_pool_2x2 kernels.
#pragma once

#include <cstddef>

#if defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
#include <emmintrin.h>
#define NW_EPILOGUE_SSE2 1
#endif

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
    std::size_t pw = 0;
#if defined(NW_EPILOGUE_SSE2)
    // Four windows at a time (input columns [2 pw, 2 pw + 8) of both rows). _mm_max_ps(a, b) is a > b ? a : b, so
    // max(v + shift, 0) is the ReLU above; even and odd columns are split with shuffles, as in max_pool_2x2.cpp.
    const __m128 s = _mm_set1_ps(shift), zero = _mm_setzero_ps();
    const auto reluAt = [&](const float* p) { return _mm_max_ps(_mm_add_ps(_mm_loadu_ps(p), s), zero); };
    for (; pw + 4 <= PW; pw += 4) {
      const __m128 t0 = reluAt(top + 2 * pw), t1 = reluAt(top + 2 * pw + 4);
      const __m128 b0 = reluAt(bottom + 2 * pw), b1 = reluAt(bottom + 2 * pw + 4);
      const __m128 topMax =
          _mm_max_ps(_mm_shuffle_ps(t0, t1, _MM_SHUFFLE(2, 0, 2, 0)), _mm_shuffle_ps(t0, t1, _MM_SHUFFLE(3, 1, 3, 1)));
      const __m128 bottomMax =
          _mm_max_ps(_mm_shuffle_ps(b0, b1, _MM_SHUFFLE(2, 0, 2, 0)), _mm_shuffle_ps(b0, b1, _MM_SHUFFLE(3, 1, 3, 1)));
      _mm_storeu_ps(dst + pw, _mm_max_ps(bottomMax, topMax));
    }
#endif
    for (; pw < PW; ++pw) {
      const float a = relu(top[2 * pw]), b = relu(top[2 * pw + 1]);
      const float c = relu(bottom[2 * pw]), d = relu(bottom[2 * pw + 1]);
      const float ab = b > a ? b : a, cd = d > c ? d : c;
      dst[pw] = cd > ab ? cd : ab;
    }
  }
}

}  // namespace nw
