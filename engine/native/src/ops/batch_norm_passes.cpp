// Batch normalization's passes (see batch_norm_passes.hpp): row sums in double with SSE2 where available, the
// elementwise transforms as plain loops the compiler vectorizes (restrict pointers, scalars by value); on AVX2 CPUs
// the rows' whole groups of 8 run in batch_norm_avx2.cpp (twice as many doubles an instruction, the same bits).
#include "ops/batch_norm_passes.hpp"

#include <vector>

#include "gemm/gemm.hpp"
#include "ops/batch_norm_rows.hpp"
#include "scratch.hpp"

#if defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
#include <emmintrin.h>
#define NW_NORM_SSE2 1
#endif

// Promises the compiler that a pointer's data is reached through no other pointer (lets hot loops vectorize).
#ifndef NW_RESTRICT
#if defined(_MSC_VER)
#define NW_RESTRICT __restrict
#else
#define NW_RESTRICT __restrict__
#endif
#endif

namespace nw {
namespace {

using std::size_t;

// Below this many positions per (image, channel) the channels are summed side by side instead (BatchNorm1d).
constexpr size_t kWideSpatial = 16;

// The hot loops take restrict pointers and scalars by value (not lambdas capturing by reference), so the compiler
// vectorizes them. Row sums use eight interleaved double lanes added up as in interleavedSum (sums.hpp), lane l
// taking elements l, l + 8, ...; with SSE2 the lanes live in four registers of two doubles (the same order).
inline double addLanes(const double* lane) {
  return ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
}

// Whether the rows' AVX2 versions (batch_norm_avx2.cpp: the same bits) run on this CPU.
inline bool avx2Rows() {
#if defined(NW_GEMM_X86)
  return gemmRunsAvx2();
#else
  return false;
#endif
}

#ifdef NW_NORM_SSE2
struct Lanes {
  __m128d v[4];
  explicit Lanes(const double* lane) {
    for (int k = 0; k < 4; ++k) v[k] = _mm_loadu_pd(lane + 2 * k);
  }
  void store(double* lane) const {
    for (int k = 0; k < 4; ++k) _mm_storeu_pd(lane + 2 * k, v[k]);
  }
};
// Four floats and four more as four pairs of doubles.
inline void widen8(__m128 lo, __m128 hi, __m128d* out) {
  out[0] = _mm_cvtps_pd(lo);
  out[1] = _mm_cvtps_pd(_mm_movehl_ps(lo, lo));
  out[2] = _mm_cvtps_pd(hi);
  out[3] = _mm_cvtps_pd(_mm_movehl_ps(hi, hi));
}
// Elements [i, i + 8) of x as four pairs of doubles.
inline void widen8(const float* x, __m128d* out) { widen8(_mm_loadu_ps(x), _mm_loadu_ps(x + 4), out); }
// dy's four floats where the forward's output at x's, (x - mean) * scale + shift, is > 0, and +0 elsewhere.
inline __m128 gated4(__m128 dy, __m128 x, const ReluGate& gate) {
  const __m128 v =
      _mm_add_ps(_mm_mul_ps(_mm_sub_ps(x, _mm_set1_ps(gate.mean)), _mm_set1_ps(gate.scale)), _mm_set1_ps(gate.shift));
  return _mm_and_ps(_mm_cmpgt_ps(v, _mm_setzero_ps()), dy);
}
#endif

// sums += sum of (x - shift), squares += sum of (x - shift)^2, over x[0, n), in one pass
void addRowShiftedMoments(const float* NW_RESTRICT x, size_t n, double shift, double* NW_RESTRICT sums,
                          double* NW_RESTRICT squares) {
  double lane[8] = {0, 0, 0, 0, 0, 0, 0, 0}, squareLane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i = 0;
#if defined(NW_GEMM_X86)
  if (avx2Rows()) i = shiftedMomentsAvx2(x, n, shift, lane, squareLane);
#endif
#ifdef NW_NORM_SSE2
  Lanes sum(lane), squareSum(squareLane);
  const __m128d k = _mm_set1_pd(shift);
  for (; i + 8 <= n; i += 8) {
    __m128d v[4];
    widen8(x + i, v);
    for (int q = 0; q < 4; ++q) {
      const __m128d centred = _mm_sub_pd(v[q], k);
      sum.v[q] = _mm_add_pd(sum.v[q], centred);
      squareSum.v[q] = _mm_add_pd(squareSum.v[q], _mm_mul_pd(centred, centred));
    }
  }
  sum.store(lane);
  squareSum.store(squareLane);
#else
  for (; i + 8 <= n; i += 8) {
    for (size_t l = 0; l < 8; ++l) {
      const double centred = static_cast<double>(x[i + l]) - shift;
      lane[l] += centred;
      squareLane[l] += centred * centred;
    }
  }
#endif
  for (size_t l = 0; i < n; ++i, ++l) {
    const double centred = static_cast<double>(x[i]) - shift;
    lane[l] += centred;
    squareLane[l] += centred * centred;
  }
  *sums += addLanes(lane);
  *squares += addLanes(squareLane);
}

// The gradient element a pass reads: dy, or with a gate (Gradient) dy where the forward's output, recomputed from x
// in affineRow's expression, is > 0, and 0 elsewhere.
inline float gradientAt(const float* NW_RESTRICT dy, const float* NW_RESTRICT x, const ReluGate* gate, size_t i) {
  if (gate == nullptr) return dy[i];
  const float v = (x[i] - gate->mean) * gate->scale + gate->shift;
  return v > 0.0f ? dy[i] : 0.0f;
}

// sumDy += sum of dy, sumDyCentred += sum of dy (x - mean), over [0, n), in one pass (dy through the gate if set)
void addRowGradientSums(const float* NW_RESTRICT dy, const ReluGate* gate, const float* NW_RESTRICT x, size_t n,
                        double mean, double* NW_RESTRICT sumDy, double* NW_RESTRICT sumDyCentred) {
  double lane[8] = {0, 0, 0, 0, 0, 0, 0, 0}, centredLane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i = 0;
#if defined(NW_GEMM_X86)
  if (avx2Rows()) i = gradientSumsAvx2(dy, gate, x, n, mean, lane, centredLane);
#endif
#ifdef NW_NORM_SSE2
  Lanes sum(lane), centredSum(centredLane);
  const __m128d m = _mm_set1_pd(mean);
  for (; i + 8 <= n; i += 8) {
    __m128d g[4], v[4];
    const __m128 xLo = _mm_loadu_ps(x + i), xHi = _mm_loadu_ps(x + i + 4);
    __m128 dyLo = _mm_loadu_ps(dy + i), dyHi = _mm_loadu_ps(dy + i + 4);
    if (gate != nullptr) {
      dyLo = gated4(dyLo, xLo, *gate);
      dyHi = gated4(dyHi, xHi, *gate);
    }
    widen8(dyLo, dyHi, g);
    widen8(xLo, xHi, v);
    for (int k = 0; k < 4; ++k) {
      sum.v[k] = _mm_add_pd(sum.v[k], g[k]);
      centredSum.v[k] = _mm_add_pd(centredSum.v[k], _mm_mul_pd(g[k], _mm_sub_pd(v[k], m)));
    }
  }
  sum.store(lane);
  centredSum.store(centredLane);
#else
  for (; i + 8 <= n; i += 8) {
    for (size_t l = 0; l < 8; ++l) {
      const double g = static_cast<double>(gradientAt(dy, x, gate, i + l));
      lane[l] += g;
      centredLane[l] += g * (static_cast<double>(x[i + l]) - mean);
    }
  }
#endif
  for (size_t l = 0; i < n; ++i, ++l) {
    const double g = static_cast<double>(gradientAt(dy, x, gate, i));
    lane[l] += g;
    centredLane[l] += g * (static_cast<double>(x[i]) - mean);
  }
  *sumDy += addLanes(lane);
  *sumDyCentred += addLanes(centredLane);
}

// Few positions: the channels of one (image, position) side by side, shifted moments as above.
void addColumnShiftedMoments(const float* NW_RESTRICT x, size_t stride, size_t count, const double* NW_RESTRICT shift,
                             double* NW_RESTRICT sums, double* NW_RESTRICT squares) {
  for (size_t k = 0; k < count; ++k) {
    const double centred = static_cast<double>(x[k * stride]) - shift[k];
    sums[k] += centred;
    squares[k] += centred * centred;
  }
}
// gates: the count channels' (indexed as mean), or null.
void addColumnGradientSums(const float* NW_RESTRICT dy, const ReluGate* gates, const float* NW_RESTRICT x,
                           size_t stride, size_t count, const double* NW_RESTRICT mean, double* NW_RESTRICT sumDy,
                           double* NW_RESTRICT sumDyCentred) {
  for (size_t k = 0; k < count; ++k) {
    const double g = static_cast<double>(gradientAt(dy, x, gates == nullptr ? nullptr : gates + k, k * stride));
    sumDy[k] += g;
    sumDyCentred[k] += g * (static_cast<double>(x[k * stride]) - mean[k]);
  }
}

// y = (x - mean) * scale + shift over [0, n) (centred first, so a large mean does not cancel precision away), then
// with RELU y > 0 ? y : 0 (the ReLU kernel's expression).
template <bool RELU>
void affineRow(const float* NW_RESTRICT x, float* NW_RESTRICT y, size_t n, float mean, float scale, float shift) {
  size_t s = 0;
#if defined(NW_GEMM_X86)
  if (avx2Rows()) s = affineRowAvx2(x, y, n, mean, scale, shift, RELU);
#endif
  for (; s < n; ++s) {
    const float v = (x[s] - mean) * scale + shift;
    y[s] = RELU ? (v > 0.0f ? v : 0.0f) : v;
  }
}

// dx (=|+=) a dy + b (x - mean) + e over [0, n), dy through the gate if set.
template <bool ACCUMULATE>
void gradientRow(const float* NW_RESTRICT dy, const ReluGate* gate, const float* NW_RESTRICT x, float* NW_RESTRICT dx,
                 size_t n, float a, float b, float e, float mean) {
  size_t s = 0;
#if defined(NW_GEMM_X86)
  if (avx2Rows()) s = gradientRowAvx2(dy, gate, x, dx, n, a, b, e, mean, ACCUMULATE);
#endif
  if (gate == nullptr) {
    for (; s < n; ++s) {
      const float v = a * dy[s] + b * (x[s] - mean) + e;
      dx[s] = ACCUMULATE ? dx[s] + v : v;
    }
    return;
  }
  const float gm = gate->mean, gs = gate->scale, ge = gate->shift;
  for (; s < n; ++s) {
    const float forward = (x[s] - gm) * gs + ge;
    const float v = a * (forward > 0.0f ? dy[s] : 0.0f) + b * (x[s] - mean) + e;
    dx[s] = ACCUMULATE ? dx[s] + v : v;
  }
}

// dx (=|+=) a dy over [0, n).
template <bool ACCUMULATE>
void scaledRow(const float* NW_RESTRICT dy, float* NW_RESTRICT dx, size_t n, float a) {
  size_t s = 0;
#if defined(NW_GEMM_X86)
  if (avx2Rows()) s = scaledRowAvx2(dy, dx, n, a, ACCUMULATE);
#endif
  for (; s < n; ++s) dx[s] = ACCUMULATE ? dx[s] + a * dy[s] : a * dy[s];
}

// The gates of channels [cBegin, cEnd) for a gradient through the ReLU (indexed c - cBegin), or none.
std::vector<ReluGate> gatesOf(const Gradient& g, size_t cBegin, size_t cEnd) {
  std::vector<ReluGate> gates;
  if (g.reluScale == nullptr) return gates;
  for (size_t c = cBegin; c < cEnd; ++c) gates.push_back({g.reluMean[c], g.reluScale[c], g.reluShift[c]});
  return gates;
}

}  // namespace

/**
 * Per-channel sums for channels [cBegin, cEnd) (arrays indexed c - cBegin), in double, in an order that depends on
 * the dimensions only: images in order, each (image, channel) row summed with interleaved lanes when it is long;
 * for few positions, channels summed side by side in (image, position) order. Memory is swept image by image (the
 * channels of a thread are contiguous there): a channel's rows are a power-of-two stride apart and would evict each
 * other from L2 if each channel were swept on its own.
 */
void channelMoments(const NormDims& d, const float* x, size_t cBegin, size_t cEnd, double* shifts, double* sums,
                    double* squares) {
  const size_t count = cEnd - cBegin;
  for (size_t k = 0; k < count; ++k) {
    shifts[k] = static_cast<double>(*d.at(x, 0, cBegin + k));
    sums[k] = squares[k] = 0.0;
  }
  for (size_t n = 0; n < d.batch; ++n) {
    if (d.spatial >= kWideSpatial) {
      for (size_t c = cBegin; c < cEnd; ++c) {
        addRowShiftedMoments(d.at(x, n, c), d.spatial, shifts[c - cBegin], sums + (c - cBegin), squares + (c - cBegin));
      }
    } else {
      for (size_t s = 0; s < d.spatial; ++s) {
        addColumnShiftedMoments(d.at(x, n, cBegin) + s, d.spatial, count, shifts, sums, squares);
      }
    }
  }
}

// For channels [cBegin, cEnd): sumDy = sum dy and sumDyCentred = sum dy (x - mean), so that dBeta = sumDy and
// dGamma = invStd * sumDyCentred.
void gradientSums(const NormDims& d, const float* x, const Gradient& g, size_t cBegin, size_t cEnd, const double* means,
                  double* sumDy, double* sumDyCentred) {
  const size_t count = cEnd - cBegin;
  const std::vector<ReluGate> gates = gatesOf(g, cBegin, cEnd);
  const ReluGate* gate = gates.empty() ? nullptr : gates.data();
  for (size_t k = 0; k < count; ++k) sumDy[k] = sumDyCentred[k] = 0.0;
  for (size_t n = 0; n < d.batch; ++n) {
    if (d.spatial >= kWideSpatial) {
      for (size_t c = cBegin; c < cEnd; ++c) {
        const size_t k = c - cBegin;
        addRowGradientSums(d.at(g.dy, n, c), gate == nullptr ? nullptr : gate + k, d.at(x, n, c), d.spatial, means[k],
                           sumDy + k, sumDyCentred + k);
      }
    } else {
      for (size_t s = 0; s < d.spatial; ++s) {
        addColumnGradientSums(d.at(g.dy, n, cBegin) + s, gate, d.at(x, n, cBegin) + s, d.spatial, count, means, sumDy,
                              sumDyCentred);
      }
    }
  }
}

// Three double arrays and one Transform (two doubles' worth) per channel: thread range r's share starts at
// 5 * r.begin.
double* channelScratch(const NormDims& d) { return sharedScratch(Shared::Partials).reserve<double>(5 * d.channels); }
ChannelScratch shareOf(double* scratch, const Range& r) {
  const size_t count = r.end - r.begin;
  double* base = scratch + 5 * r.begin;
  return {base, base + count, base + 2 * count, reinterpret_cast<Transform*>(base + 3 * count)};
}

// The elementwise passes over channels [cBegin, cEnd), image by image (see channelSums); t indexed c - cBegin.
void applyAffine(const NormDims& d, const float* x, float* y, size_t cBegin, size_t cEnd, const Transform* t,
                 bool relu) {
  for (size_t n = 0; n < d.batch; ++n) {
    for (size_t c = cBegin; c < cEnd; ++c) {
      const Transform& k = t[c - cBegin];
      if (relu) {
        affineRow<true>(d.at(x, n, c), d.at(y, n, c), d.spatial, k.mean, k.a, k.e);
      } else {
        affineRow<false>(d.at(x, n, c), d.at(y, n, c), d.spatial, k.mean, k.a, k.e);
      }
    }
  }
}

void applyGradient(const NormDims& d, const Gradient& g, const float* x, float* dx, size_t cBegin, size_t cEnd,
                   const Transform* t, bool accumulate) {
  const std::vector<ReluGate> gates = gatesOf(g, cBegin, cEnd);
  for (size_t n = 0; n < d.batch; ++n) {
    for (size_t c = cBegin; c < cEnd; ++c) {
      const Transform& k = t[c - cBegin];
      const ReluGate* gate = gates.empty() ? nullptr : &gates[c - cBegin];
      if (accumulate) {
        gradientRow<true>(d.at(g.dy, n, c), gate, d.at(x, n, c), d.at(dx, n, c), d.spatial, k.a, k.b, k.e, k.mean);
      } else {
        gradientRow<false>(d.at(g.dy, n, c), gate, d.at(x, n, c), d.at(dx, n, c), d.spatial, k.a, k.b, k.e, k.mean);
      }
    }
  }
}

void applyScale(const NormDims& d, const float* dy, float* dx, size_t cBegin, size_t cEnd, const Transform* t,
                bool accumulate) {
  for (size_t n = 0; n < d.batch; ++n) {
    for (size_t c = cBegin; c < cEnd; ++c) {
      if (accumulate) {
        scaledRow<true>(d.at(dy, n, c), d.at(dx, n, c), d.spatial, t[c - cBegin].a);
      } else {
        scaledRow<false>(d.at(dy, n, c), d.at(dx, n, c), d.spatial, t[c - cBegin].a);
      }
    }
  }
}

}  // namespace nw
