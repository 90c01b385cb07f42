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
  const std::int64_t W = p.W, OW = p.OW;
  col2imRows<8, kRows>(p, [W, OW](float* first, int rows, std::int64_t width, const auto& windows) {
    const __m256i whole = lanes(0, width);
    // One named accumulator per row, as col2im_avx512.cpp has them (an array kept them in memory).
    static_assert(kRows == 8, "NW_ROWS names one accumulator per row");
#define NW_ROWS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)
#define NW_LOAD(R) __m256 acc##R = (R) < rows ? _mm256_maskload_ps(first + (R)*W, whole) : _mm256_setzero_ps();
    NW_ROWS(NW_LOAD)
    windows([&](const float* row, std::int64_t offset, std::int64_t lo, std::int64_t hi, int rBegin, int rEnd) {
      const __m256i reached = lanes(lo, hi);
#define NW_ADD(R)                                                                                          \
  if ((R) >= rBegin && (R) < rEnd) {                                                                       \
    const __m256 sum = _mm256_add_ps(acc##R, _mm256_maskload_ps(laneZero(row, offset + (R)*OW), reached)); \
    acc##R = _mm256_blendv_ps(acc##R, sum, _mm256_castsi256_ps(reached));                                  \
  }
      NW_ROWS(NW_ADD)
    });
#define NW_STORE(R) \
  if ((R) < rows) _mm256_maskstore_ps(first + (R)*W, whole, acc##R);
    NW_ROWS(NW_STORE)
#undef NW_STORE
#undef NW_ADD
#undef NW_LOAD
#undef NW_ROWS
  });
}

}  // namespace nw
