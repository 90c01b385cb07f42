// Batch normalization's hot rows in AVX2 (see batch_norm_rows.hpp): the double lanes of the row sums in two
// registers of four (lanes 0-3 and 4-7, where SSE2 holds them in four of two), the float transforms 8 wide. Compiled
// with -mavx2 -ffp-contract=off and no FMA: GCC would fuse even these intrinsics' multiplies and adds otherwise.
#include <immintrin.h>

#include "ops/batch_norm_rows.hpp"

namespace nw {

using std::size_t;

namespace {

// Elements [i, i + 8) of x as lanes 0-3 and 4-7 in double.
inline void widen8(const float* x, __m256d& lo, __m256d& hi) {
  lo = _mm256_cvtps_pd(_mm_loadu_ps(x));
  hi = _mm256_cvtps_pd(_mm_loadu_ps(x + 4));
}

// The forward's output (x - mean) * scale + shift at x's 8 floats, in affineRowOf's operations.
inline __m256 affine8(__m256 x, const ReluGate& gate) {
  const __m256 centred = _mm256_sub_ps(x, _mm256_set1_ps(gate.mean));
  return _mm256_add_ps(_mm256_mul_ps(centred, _mm256_set1_ps(gate.scale)), _mm256_set1_ps(gate.shift));
}

// dy's 8 floats at i; MASKED, dy where the forward's output is > 0 and +0 elsewhere (the ReLU backward's select).
template <bool MASKED>
inline __m256 gradient8(const float* dy, const ReluGate* gate, __m256 x, size_t i) {
  const __m256 g = _mm256_loadu_ps(dy + i);
  if (!MASKED) return g;
  return _mm256_and_ps(_mm256_cmp_ps(affine8(x, *gate), _mm256_setzero_ps(), _CMP_GT_OQ), g);
}

template <bool MASKED>
size_t gradientSumsOf(const float* dy, const ReluGate* gate, const float* x, size_t n, double mean, double* lane,
                      double* centredLane) {
  const __m256d m = _mm256_set1_pd(mean);
  __m256d sumLo = _mm256_loadu_pd(lane), sumHi = _mm256_loadu_pd(lane + 4);
  __m256d centredLo = _mm256_loadu_pd(centredLane), centredHi = _mm256_loadu_pd(centredLane + 4);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 v = _mm256_loadu_ps(x + i);
    const __m256 g = gradient8<MASKED>(dy, gate, v, i);
    const __m256d gLo = _mm256_cvtps_pd(_mm256_castps256_ps128(g)), gHi = _mm256_cvtps_pd(_mm256_extractf128_ps(g, 1));
    const __m256d vLo = _mm256_cvtps_pd(_mm256_castps256_ps128(v)), vHi = _mm256_cvtps_pd(_mm256_extractf128_ps(v, 1));
    sumLo = _mm256_add_pd(sumLo, gLo);
    sumHi = _mm256_add_pd(sumHi, gHi);
    centredLo = _mm256_add_pd(centredLo, _mm256_mul_pd(gLo, _mm256_sub_pd(vLo, m)));
    centredHi = _mm256_add_pd(centredHi, _mm256_mul_pd(gHi, _mm256_sub_pd(vHi, m)));
  }
  _mm256_storeu_pd(lane, sumLo);
  _mm256_storeu_pd(lane + 4, sumHi);
  _mm256_storeu_pd(centredLane, centredLo);
  _mm256_storeu_pd(centredLane + 4, centredHi);
  return i;
}

template <bool RELU>
size_t affineRowOf(const float* x, float* y, size_t n, float mean, float scale, float shift) {
  const __m256 m = _mm256_set1_ps(mean), a = _mm256_set1_ps(scale), e = _mm256_set1_ps(shift);
  const __m256 zero = _mm256_setzero_ps();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 v = _mm256_add_ps(_mm256_mul_ps(_mm256_sub_ps(_mm256_loadu_ps(x + i), m), a), e);
    // max(v, 0) gives its second operand on a NaN and on equal zeros: v > 0 ? v : +0 bit for bit.
    _mm256_storeu_ps(y + i, RELU ? _mm256_max_ps(v, zero) : v);
  }
  return i;
}

template <bool MASKED, bool ACCUMULATE>
size_t gradientRowOf(const float* dy, const ReluGate* gate, const float* x, float* dx, size_t n, float a, float b,
                     float e, float mean) {
  const __m256 av = _mm256_set1_ps(a), bv = _mm256_set1_ps(b), ev = _mm256_set1_ps(e), m = _mm256_set1_ps(mean);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 v = _mm256_loadu_ps(x + i);
    const __m256 g = gradient8<MASKED>(dy, gate, v, i);
    const __m256 sum = _mm256_add_ps(_mm256_add_ps(_mm256_mul_ps(av, g), _mm256_mul_ps(bv, _mm256_sub_ps(v, m))), ev);
    _mm256_storeu_ps(dx + i, ACCUMULATE ? _mm256_add_ps(_mm256_loadu_ps(dx + i), sum) : sum);
  }
  return i;
}

}  // namespace

size_t shiftedMomentsAvx2(const float* x, size_t n, double shift, double* lane, double* squareLane) {
  const __m256d k = _mm256_set1_pd(shift);
  __m256d sumLo = _mm256_loadu_pd(lane), sumHi = _mm256_loadu_pd(lane + 4);
  __m256d squareLo = _mm256_loadu_pd(squareLane), squareHi = _mm256_loadu_pd(squareLane + 4);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256d lo, hi;
    widen8(x + i, lo, hi);
    lo = _mm256_sub_pd(lo, k);
    hi = _mm256_sub_pd(hi, k);
    sumLo = _mm256_add_pd(sumLo, lo);
    sumHi = _mm256_add_pd(sumHi, hi);
    squareLo = _mm256_add_pd(squareLo, _mm256_mul_pd(lo, lo));
    squareHi = _mm256_add_pd(squareHi, _mm256_mul_pd(hi, hi));
  }
  _mm256_storeu_pd(lane, sumLo);
  _mm256_storeu_pd(lane + 4, sumHi);
  _mm256_storeu_pd(squareLane, squareLo);
  _mm256_storeu_pd(squareLane + 4, squareHi);
  return i;
}

size_t gradientSumsAvx2(const float* dy, const ReluGate* gate, const float* x, size_t n, double mean, double* lane,
                        double* centredLane) {
  if (gate == nullptr) return gradientSumsOf<false>(dy, gate, x, n, mean, lane, centredLane);
  return gradientSumsOf<true>(dy, gate, x, n, mean, lane, centredLane);
}

size_t affineRowAvx2(const float* x, float* y, size_t n, float mean, float scale, float shift, bool relu) {
  if (relu) return affineRowOf<true>(x, y, n, mean, scale, shift);
  return affineRowOf<false>(x, y, n, mean, scale, shift);
}

size_t gradientRowAvx2(const float* dy, const ReluGate* gate, const float* x, float* dx, size_t n, float a, float b,
                       float e, float mean, bool accumulate) {
  if (gate == nullptr) {
    if (accumulate) return gradientRowOf<false, true>(dy, gate, x, dx, n, a, b, e, mean);
    return gradientRowOf<false, false>(dy, gate, x, dx, n, a, b, e, mean);
  }
  if (accumulate) return gradientRowOf<true, true>(dy, gate, x, dx, n, a, b, e, mean);
  return gradientRowOf<true, false>(dy, gate, x, dx, n, a, b, e, mean);
}

size_t scaledRowAvx2(const float* dy, float* dx, size_t n, float a, bool accumulate) {
  const __m256 av = _mm256_set1_ps(a);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 v = _mm256_mul_ps(av, _mm256_loadu_ps(dy + i));
    _mm256_storeu_ps(dx + i, accumulate ? _mm256_add_ps(_mm256_loadu_ps(dx + i), v) : v);
  }
  return i;
}

}  // namespace nw
