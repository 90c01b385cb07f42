// col2imAdd at stride 1 (col2im_rows.hpp) 16 lanes wide: a block of 8 image rows, a 16-column run of each, is loaded
// once, every window's terms are added to it in registers in geometry.cpp's order (kh, then kw), lanes a window does
// not reach are left as they are (masked adds), and the block is stored once. Each element gets the same adds in the
// same order as in geometry.cpp's loop, so the same bits. Compiled with -mavx512f in its own library; intrinsics used
// here must also be in tools/avx512-emulation/immintrin.h (scripts/test-native-emulated.mjs).
#include <immintrin.h>

#include <cstdint>

#include "ops/col2im_rows.hpp"

namespace nw {
namespace {

// Rows of a block: 8 independent chains of adds, enough for the add's latency on two pipes.
constexpr int kRows = 8;

// Lanes [lo, hi) of 16 set.
inline __mmask16 lanes(std::int64_t lo, std::int64_t hi) {
  return static_cast<__mmask16>(((1u << hi) - 1u) & ~((1u << lo) - 1u));
}

}  // namespace

void col2imRowsAvx512(const Col2imRowsProblem& p) {
  col2imRows<16, kRows>(p, [&p](float* first, int rows, std::int64_t width, const auto& windows) {
    const __mmask16 whole = lanes(0, width);
    __m512 acc[kRows];
    for (int r = 0; r < kRows; ++r) {
      acc[r] = r < rows ? _mm512_maskz_loadu_ps(whole, first + r * p.W) : _mm512_setzero_ps();
    }
    windows([&](const float* row, std::int64_t offset, std::int64_t lo, std::int64_t hi, int rBegin, int rEnd) {
      const __mmask16 reached = lanes(lo, hi);
      for (int r = 0; r < kRows; ++r) {
        if (r < rBegin || r >= rEnd) continue;
        const __m512 terms = _mm512_maskz_loadu_ps(reached, laneZero(row, offset + r * p.OW));
        acc[r] = _mm512_mask_add_ps(acc[r], reached, acc[r], terms);
      }
    });
    for (int r = 0; r < rows; ++r) _mm512_mask_storeu_ps(first + r * p.W, whole, acc[r]);
  });
}

}  // namespace nw
