// col2imAdd at stride 1 (col2im_rows.hpp) 8 lanes wide, as col2im_avx512.cpp does with 16: a block of 8 image rows
// held in registers while every window adds to it in geometry.cpp's order, lanes a window does not reach kept (a blend
// after the add), so the same bits as geometry.cpp's loop. Compiled with -mavx2 in its own library.
#include <immintrin.h>

#include <cstdint>

#include "ops/col2im_rows.hpp"

namespace nw {
namespace {

// Rows of a block: 8 independent chains of adds, enough for the add's latency on two pipes.
constexpr int kRows = 8;

// Lanes [lo, hi) of 8 set (all bits of each).
inline __m256i lanes(std::int64_t lo, std::int64_t hi) {
  const __m256i index = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  const __m256i below = _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(hi)), index);
  const __m256i from = _mm256_cmpgt_epi32(index, _mm256_set1_epi32(static_cast<int>(lo) - 1));
  return _mm256_and_si256(below, from);
}

}  // namespace

void col2imRowsAvx2(const Col2imRowsProblem& p) {
  col2imRows<8, kRows>(p, [&p](float* first, int rows, std::int64_t width, const auto& windows) {
    const __m256i whole = lanes(0, width);
    __m256 acc[kRows];
    for (int r = 0; r < kRows; ++r) {
      acc[r] = r < rows ? _mm256_maskload_ps(first + r * p.W, whole) : _mm256_setzero_ps();
    }
    windows([&](const float* row, std::int64_t offset, std::int64_t lo, std::int64_t hi, int rBegin, int rEnd) {
      const __m256i reached = lanes(lo, hi);
      for (int r = 0; r < kRows; ++r) {
        if (r < rBegin || r >= rEnd) continue;
        const __m256 sum = _mm256_add_ps(acc[r], _mm256_maskload_ps(laneZero(row, offset + r * p.OW), reached));
        acc[r] = _mm256_blendv_ps(acc[r], sum, _mm256_castsi256_ps(reached));
      }
    });
    for (int r = 0; r < rows; ++r) _mm256_maskstore_ps(first + r * p.W, whole, acc[r]);
  });
}

}  // namespace nw
