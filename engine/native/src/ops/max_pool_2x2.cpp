// 2x2 stride-2 max pooling (see max_pool_2x2.hpp): SSE2 over four output columns at a time (even and odd input
// columns deinterleaved with shuffles), scalar for the last columns and on CPUs without SSE2.
#include "ops/max_pool_2x2.hpp"

#if defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
#include <emmintrin.h>
#define NW_POOL_SSE2 1
#endif

namespace nw {
namespace {

using std::int32_t;
using std::int64_t;
using std::uint32_t;

// Output column ow of one output row: the window's top-left is top[2 ow], its second row starts at bottom = top + W.
// first = flat index of top[0]. Candidates in row-major order; each replaces the best when strictly larger, or when
// it is the first NaN.
inline void maxWindow(const float* top, const float* bottom, int64_t ow, int32_t W, int32_t first, float* out,
                      int32_t* where) {
  float best = top[2 * ow];
  int32_t at = 0;
  const float candidates[3] = {top[2 * ow + 1], bottom[2 * ow], bottom[2 * ow + 1]};
  const int32_t offsets[3] = {1, W, W + 1};
  for (int k = 0; k < 3; ++k) {
    const float v = candidates[k];
    if (v > best || (v != v && best == best)) {
      best = v;
      at = offsets[k];
    }
  }
  out[ow] = best;
  where[ow] = first + 2 * static_cast<int32_t>(ow) + at;
}

// The gradient g of output column ow, whose argmax is at offset rel from the window's top-left, into the window.
inline void routeWindow(float g, int32_t rel, int32_t W, float* top, float* bottom, int64_t ow, bool accumulate) {
  float* cells[4] = {top + 2 * ow, top + 2 * ow + 1, bottom + 2 * ow, bottom + 2 * ow + 1};
  const int32_t offsets[4] = {0, 1, W, W + 1};
  for (int k = 0; k < 4; ++k) {
    if (accumulate) {
      if (rel == offsets[k]) *cells[k] += g;
    } else {
      *cells[k] = rel == offsets[k] ? 0.0f + g : 0.0f;  // 0 + g as when dx is zeroed first (-0 becomes +0)
    }
  }
}

#ifdef NW_POOL_SSE2
inline __m128 selectPs(__m128 mask, __m128 a, __m128 b) {
  return _mm_or_ps(_mm_and_ps(mask, a), _mm_andnot_ps(mask, b));
}
inline __m128i selectSi(__m128i mask, __m128i a, __m128i b) {
  return _mm_or_si128(_mm_and_si128(mask, a), _mm_andnot_si128(mask, b));
}
// Lanes where v replaces the best so far: v > best, or v is NaN while best is not. As !(v <= best) is
// "v > best or either is NaN", masking it with "best is not NaN" leaves exactly that.
inline __m128 replaces(__m128 v, __m128 best) { return _mm_and_ps(_mm_cmpnle_ps(v, best), _mm_cmpord_ps(best, best)); }

// Output columns [ow, ow + 4) of one output row (input columns [2 ow, 2 ow + 8) of both rows).
inline void maxWindows4(const float* top, const float* bottom, int64_t ow, __m128i offsetW, __m128i offsetW1,
                        __m128i firstIndex, float* out, int32_t* where) {
  const __m128 p = _mm_loadu_ps(top + 2 * ow), q = _mm_loadu_ps(top + 2 * ow + 4);
  const __m128 r = _mm_loadu_ps(bottom + 2 * ow), s = _mm_loadu_ps(bottom + 2 * ow + 4);
  const __m128 topLeft = _mm_shuffle_ps(p, q, _MM_SHUFFLE(2, 0, 2, 0));
  const __m128 topRight = _mm_shuffle_ps(p, q, _MM_SHUFFLE(3, 1, 3, 1));
  const __m128 bottomLeft = _mm_shuffle_ps(r, s, _MM_SHUFFLE(2, 0, 2, 0));
  const __m128 bottomRight = _mm_shuffle_ps(r, s, _MM_SHUFFLE(3, 1, 3, 1));
  __m128 best;
  __m128i at;
  if (_mm_movemask_ps(_mm_or_ps(_mm_cmpunord_ps(p, q), _mm_cmpunord_ps(r, s))) == 0) {
    // No NaN: max(v, best) is "v > best ? v : best", so this tree keeps the first of equal maxima (row-major order),
    // and the argmax is the first position equal to it (with +0 == -0, the same first one).
    best = _mm_max_ps(_mm_max_ps(bottomRight, bottomLeft), _mm_max_ps(topRight, topLeft));
    const __m128i isTopLeft = _mm_castps_si128(_mm_cmpeq_ps(topLeft, best));
    const __m128i isTopRight = _mm_castps_si128(_mm_cmpeq_ps(topRight, best));
    const __m128i isBottomLeft = _mm_castps_si128(_mm_cmpeq_ps(bottomLeft, best));
    const __m128i inTop = _mm_or_si128(isTopLeft, isTopRight);
    const __m128i inLeft = _mm_or_si128(isTopLeft, _mm_andnot_si128(isTopRight, isBottomLeft));
    // offset = (top ? 0 : W) + (left ? 0 : 1); the masks are -1 where set
    at = _mm_add_epi32(_mm_andnot_si128(inTop, offsetW), _mm_add_epi32(inLeft, _mm_set1_epi32(1)));
  } else {
    // Candidates in row-major order, each replacing the best when it wins.
    best = topLeft;
    __m128 take = replaces(topRight, best);
    best = selectPs(take, topRight, best);
    at = _mm_and_si128(_mm_castps_si128(take), _mm_set1_epi32(1));
    take = replaces(bottomLeft, best);
    best = selectPs(take, bottomLeft, best);
    at = selectSi(_mm_castps_si128(take), offsetW, at);
    take = replaces(bottomRight, best);
    best = selectPs(take, bottomRight, best);
    at = selectSi(_mm_castps_si128(take), offsetW1, at);
  }
  // index = first + 2 (ow + lane) + at
  const __m128i column = _mm_add_epi32(_mm_set1_epi32(2 * static_cast<int32_t>(ow)), _mm_set_epi32(6, 4, 2, 0));
  _mm_storeu_ps(out + ow, best);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(where + ow), _mm_add_epi32(_mm_add_epi32(firstIndex, column), at));
}

// Where the gradients of output columns [ow, ow + 4) go, as masks in input column order: top / bottom row, input
// columns [2 ow, 2 ow + 4) (lo) and [2 ow + 4, 2 ow + 8) (hi). own: each of the four argmax is in its own window.
struct Routes {
  __m128 topLo, topHi, bottomLo, bottomHi;
  bool own;
};
// expected = flat index of each window's top-left; left/right = offsets (0, 1) and (W, W + 1), repeated.
inline Routes routesOf(const int32_t* where, int64_t ow, __m128i expected, __m128i topOffsets, __m128i bottomOffsets) {
  const __m128i rel = _mm_sub_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(where + ow)), expected);
  const __m128i lo = _mm_unpacklo_epi32(rel, rel), hi = _mm_unpackhi_epi32(rel, rel);
  Routes r;
  r.topLo = _mm_castsi128_ps(_mm_cmpeq_epi32(lo, topOffsets));
  r.topHi = _mm_castsi128_ps(_mm_cmpeq_epi32(hi, topOffsets));
  r.bottomLo = _mm_castsi128_ps(_mm_cmpeq_epi32(lo, bottomOffsets));
  r.bottomHi = _mm_castsi128_ps(_mm_cmpeq_epi32(hi, bottomOffsets));
  // Bits (left, right) per window: each pair must have one set.
  const int hits = _mm_movemask_ps(_mm_or_ps(r.topLo, r.bottomLo)) | _mm_movemask_ps(_mm_or_ps(r.topHi, r.bottomHi))
                                                                         << 4;
  r.own = ((hits | hits >> 1) & 0x55) == 0x55;
  return r;
}

// Gradients of output columns [ow, ow + 4) into input columns [2 ow, 2 ow + 8) of both rows.
inline void routeWindows4(const float* grad, int64_t ow, const Routes& r, float* top, float* bottom, bool accumulate) {
  const __m128 g = _mm_loadu_ps(grad + ow);
  const __m128 gLo = _mm_unpacklo_ps(g, g), gHi = _mm_unpackhi_ps(g, g);
  float* cells[4] = {top + 2 * ow, top + 2 * ow + 4, bottom + 2 * ow, bottom + 2 * ow + 4};
  const __m128 masks[4] = {r.topLo, r.topHi, r.bottomLo, r.bottomHi};
  const __m128 grads[4] = {gLo, gHi, gLo, gHi};
  for (int k = 0; k < 4; ++k) {
    if (accumulate) {
      const __m128 d = _mm_loadu_ps(cells[k]);
      _mm_storeu_ps(cells[k], selectPs(masks[k], _mm_add_ps(d, grads[k]), d));
    } else {
      _mm_storeu_ps(cells[k], _mm_and_ps(masks[k], _mm_add_ps(_mm_setzero_ps(), grads[k])));
    }
  }
}
#endif

}  // namespace

void maxPool2x2Plane(const float* in, int64_t H, int64_t W, float* out, int32_t* where, int32_t base) {
  const int64_t OH = H / 2, OW = W / 2;
  const auto w = static_cast<int32_t>(W);
  for (int64_t oh = 0; oh < OH; ++oh) {
    const float* top = in + 2 * oh * W;
    const float* bottom = top + W;
    float* best = out + oh * OW;
    int32_t* at = where + oh * OW;
    const int32_t first = base + static_cast<int32_t>(2 * oh * W);
    int64_t ow = 0;
#ifdef NW_POOL_SSE2
    const __m128i offsetW = _mm_set1_epi32(w), offsetW1 = _mm_set1_epi32(w + 1), firstIndex = _mm_set1_epi32(first);
    for (; ow + 4 <= OW; ow += 4) maxWindows4(top, bottom, ow, offsetW, offsetW1, firstIndex, best, at);
    // The last columns again as one (overlapping) group of four: recomputing an output gives the same value.
    if (ow < OW && OW >= 4) {
      maxWindows4(top, bottom, OW - 4, offsetW, offsetW1, firstIndex, best, at);
      ow = OW;
    }
#endif
    for (; ow < OW; ++ow) maxWindow(top, bottom, ow, w, first, best, at);
  }
}

namespace {

// One output row's windows: their top-left is at flat index first + 2 ow; top / bottom are dx's two input rows.
// Routes (when route) and reports whether every argmax is in its own window; with !route, only checks.
bool backwardRow(const float* g, const int32_t* at, int64_t OW, int32_t W, int32_t first, float* top, float* bottom,
                 bool accumulate, bool route) {
  bool own = true;
  int64_t ow = 0;
#ifdef NW_POOL_SSE2
  const __m128i topOffsets = _mm_set_epi32(1, 0, 1, 0), bottomOffsets = _mm_set_epi32(W + 1, W, W + 1, W);
  __m128i expected = _mm_add_epi32(_mm_set1_epi32(first), _mm_set_epi32(6, 4, 2, 0));
  for (; ow + 4 <= OW; ow += 4) {
    const Routes r = routesOf(at, ow, expected, topOffsets, bottomOffsets);
    own &= r.own;
    if (route) routeWindows4(g, ow, r, top, bottom, accumulate);
    expected = _mm_add_epi32(expected, _mm_set1_epi32(8));
  }
#endif
  for (; ow < OW; ++ow) {
    // Unsigned: an index outside the plane must not overflow.
    const uint32_t rel = static_cast<uint32_t>(at[ow]) - static_cast<uint32_t>(first + 2 * static_cast<int32_t>(ow));
    own &= rel <= 1u || rel - static_cast<uint32_t>(W) <= 1u;
    if (route) routeWindow(g[ow], static_cast<int32_t>(rel), W, top, bottom, ow, accumulate);
  }
  return own;
}

}  // namespace

bool maxPool2x2BackwardPlane(const float* grad, const int32_t* where, int64_t H, int64_t W, int32_t base, float* dx,
                             bool accumulate) {
  const int64_t OH = H / 2, OW = W / 2;
  const auto w = static_cast<int32_t>(W);
  const auto row = [&](int64_t oh, bool route) {
    float* top = dx + 2 * oh * W;
    return backwardRow(grad + oh * OW, where + oh * OW, OW, w, base + static_cast<int32_t>(2 * oh * W), top, top + W,
                       accumulate, route);
  };
  if (accumulate) {
    // dx is read too: check every index before anything is written, so a plane left to the general path is intact.
    for (int64_t oh = 0; oh < OH; ++oh) {
      if (!row(oh, false)) return false;
    }
  }
  // Overwriting, a bad index is noticed on the way and the general path then rewrites the whole plane.
  bool own = true;
  for (int64_t oh = 0; oh < OH; ++oh) {
    own &= row(oh, true);
    // An odd last column is in no window: no gradient.
    if (!accumulate && (W & 1)) dx[2 * oh * W + W - 1] = dx[(2 * oh + 1) * W + W - 1] = 0.0f;
  }
  if (!accumulate && (H & 1)) {
    float* last = dx + (H - 1) * W;
    for (int64_t iw = 0; iw < W; ++iw) last[iw] = 0.0f;
  }
  return own;
}

}  // namespace nw
