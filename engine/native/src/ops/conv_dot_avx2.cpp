// The dot-product kernel of conv_dot.hpp for AVX2 + FMA: blocks of 3 rows of dy by 4 rows
// of x keep 12 accumulators, 3 dy vectors and 1 x vector in the 16 registers, so each step issues 12 FMAs for 7 loads,
// and 12 independent chains cover the FMA latency on both pipes (3 x 3, 9 chains, ran the 32-channel weight gradient
// of W5 at 61 % of the FMA peak; 3 x 4 at 72 %; on W5's 64-channel layer, rows of 16 floats summed over 4 images,
// 4 x 3 ran at 60 % and 2 x 6 at 51 %, 3 x 4 at 78 %, and 84 % with the row width a compile-time constant).
// Blocking does not change any element's sum.
// Compiled with -mavx2 -mfma in its own library; only called when the CPU has them.
#include <immintrin.h>

#include "ops/conv_dot.hpp"
#include "tile_loops.hpp"

namespace nw {
namespace {

// The 8 lanes summed as ((0+4) + (2+6)) + ((1+5) + (3+7)), as the portable kernel does.
inline float sumLanes(__m256 v) {
  const __m128 half = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));  // lanes i + (i+4)
  const __m128 pairs = _mm_add_ps(half, _mm_movehl_ps(half, half));                        // (0+4)+(2+6), (1+5)+(3+7)
  return _mm_cvtss_f32(_mm_add_ss(pairs, _mm_shuffle_ps(pairs, pairs, 1)));
}

// The four sums {sumLanes(a[0]), ..., sumLanes(a[3])} by the same tree, in 10 vector operations instead of 20.
inline __m128 sumLanes4(const __m256* a) {
  const __m256 s02 = _mm256_add_ps(_mm256_permute2f128_ps(a[0], a[2], 0x20), _mm256_permute2f128_ps(a[0], a[2], 0x31));
  const __m256 s13 = _mm256_add_ps(_mm256_permute2f128_ps(a[1], a[3], 0x20), _mm256_permute2f128_ps(a[1], a[3], 0x31));
  // Per half: a0 (or a2) then a1 (or a3), each as (0+4)+(2+6), (1+5)+(3+7).
  const __m256 v = _mm256_add_ps(_mm256_shuffle_ps(s02, s13, _MM_SHUFFLE(1, 0, 1, 0)),
                                 _mm256_shuffle_ps(s02, s13, _MM_SHUFFLE(3, 2, 3, 2)));
  const __m128 lo = _mm256_castps256_ps128(v), hi = _mm256_extractf128_ps(v, 1);
  return _mm_add_ps(_mm_shuffle_ps(lo, hi, _MM_SHUFFLE(2, 0, 2, 0)), _mm_shuffle_ps(lo, hi, _MM_SHUFFLE(3, 1, 3, 1)));
}

template <int RO, int RK, int WIDTH>
void block(const DotProblem& p, std::size_t o0, std::size_t k0) {
  __m256 acc[RO][RK];
  NW_TILE_LOOP for (int r = 0; r < RO; ++r) {
    NW_TILE_LOOP for (int c = 0; c < RK; ++c) acc[r][c] = _mm256_setzero_ps();
  }
  for (std::size_t i = 0; i < p.images; ++i) {
    const float* dyRows[RO];
    const float* xRows[RK];
    NW_TILE_LOOP for (int r = 0; r < RO; ++r) dyRows[r] = p.dy + i * p.dyImage + (o0 + r) * p.ldd;
    NW_TILE_LOOP for (int c = 0; c < RK; ++c) xRows[c] = p.x + i * p.xImage + p.offsets[k0 + c];
    const std::size_t width = WIDTH > 0 ? static_cast<std::size_t>(WIDTH) : p.width;
    for (std::size_t row = 0; row < p.rows; ++row) {
      for (std::size_t j = 0; j < width; j += 8) {
        __m256 d[RO];
        NW_TILE_LOOP for (int r = 0; r < RO; ++r) d[r] = _mm256_loadu_ps(dyRows[r] + j);
        NW_TILE_LOOP for (int c = 0; c < RK; ++c) {
          const __m256 v = _mm256_loadu_ps(xRows[c] + j);
          NW_TILE_LOOP for (int r = 0; r < RO; ++r) acc[r][c] = _mm256_fmadd_ps(d[r], v, acc[r][c]);
        }
      }
      NW_TILE_LOOP for (int r = 0; r < RO; ++r) dyRows[r] += p.dyRow;
      NW_TILE_LOOP for (int c = 0; c < RK; ++c) xRows[c] += p.xRow;
    }
  }
  NW_TILE_LOOP for (int r = 0; r < RO; ++r) {
    float* row = p.C + (o0 + r) * p.ldc + k0;
    if constexpr (RK == 4) {
      const __m128 sums = sumLanes4(acc[r]);
      _mm_storeu_ps(row, p.accumulate ? _mm_add_ps(_mm_loadu_ps(row), sums) : sums);
    } else {
      NW_TILE_LOOP for (int c = 0; c < RK; ++c) {
        row[c] = p.accumulate ? row[c] + sumLanes(acc[r][c]) : sumLanes(acc[r][c]);
      }
    }
  }
}

template <int RO, int WIDTH>
void rowsOf(const DotProblem& p, std::size_t o) {
  std::size_t k = 0;
  for (; k + 4 <= p.patch; k += 4) block<RO, 4, WIDTH>(p, o, k);
  if (p.patch - k == 3) block<RO, 3, WIDTH>(p, o, k);
  if (p.patch - k == 2) block<RO, 2, WIDTH>(p, o, k);
  if (p.patch - k == 1) block<RO, 1, WIDTH>(p, o, k);
}

template <int WIDTH>
void rowBlocks(const DotProblem& p) {
  std::size_t o = p.oBegin;
  for (; o + 3 <= p.oEnd; o += 3) rowsOf<3, WIDTH>(p, o);
  if (p.oEnd - o == 2) rowsOf<2, WIDTH>(p, o);
  if (p.oEnd - o == 1) rowsOf<1, WIDTH>(p, o);
}

}  // namespace

void convDotAvx2(const DotProblem& p) {
  // Rows of common plane widths unrolled whole (8x8, 16x16 and 32x32 outputs).
  if (p.width == 8) return rowBlocks<8>(p);
  if (p.width == 16) return rowBlocks<16>(p);
  if (p.width == 32) return rowBlocks<32>(p);
  rowBlocks<0>(p);
}

}  // namespace nw
