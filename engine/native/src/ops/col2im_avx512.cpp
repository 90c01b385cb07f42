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
  const std::int64_t W = p.W, OW = p.OW;
  col2imRows<16, kRows>(p, [W, OW](float* first, int rows, std::int64_t width, const auto& windows) {
    const __mmask16 whole = lanes(0, width);
    // One named accumulator per row: held in an array (captured by the window's lambda), GCC kept them in memory
    // and stored each after its add, so every row's adds waited on a store. LeNet's second convolution at batch 64,
    // one Zen 5 core: its input gradient 257-259 -> 231-234 us (with the AVX2 kernels 401-403 -> 359-360).
    static_assert(kRows == 8, "NW_ROWS names one accumulator per row");
#define NW_ROWS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)
#define NW_LOAD(R) __m512 acc##R = (R) < rows ? _mm512_maskz_loadu_ps(whole, first + (R)*W) : _mm512_setzero_ps();
    NW_ROWS(NW_LOAD)
    windows([&](const float* row, std::int64_t offset, std::int64_t lo, std::int64_t hi, int rBegin, int rEnd) {
      const __mmask16 reached = lanes(lo, hi);
#define NW_ADD(R)                                                                        \
  if ((R) >= rBegin && (R) < rEnd) {                                                     \
    const __m512 terms = _mm512_maskz_loadu_ps(reached, laneZero(row, offset + (R)*OW)); \
    acc##R = _mm512_mask_add_ps(acc##R, reached, acc##R, terms);                         \
  }
      NW_ROWS(NW_ADD)
    });
#define NW_STORE(R) \
  if ((R) < rows) _mm512_mask_storeu_ps(first + (R)*W, whole, acc##R);
    NW_ROWS(NW_STORE)
#undef NW_STORE
#undef NW_ADD
#undef NW_LOAD
#undef NW_ROWS
  });
}

}  // namespace nw
