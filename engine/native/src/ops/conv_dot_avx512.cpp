// The dot-product kernel of conv_dot.hpp for AVX-512F: 16 lanes (j mod 16), blocks of 4 rows of dy by 6 rows of x
// keep 24 accumulators, 4 dy vectors and 1 x vector in the 32 registers, so each step issues 24 FMAs for 10 loads
// and 24 independent chains cover the FMA latency on both pipes. A row's last 8 floats (widths are multiples of 8)
// are loaded masked, the other 8 lanes zero. Each element's lanes l and l + 8 are added first, then the 8 sums by
// the AVX2 kernel's tree: the AVX2 kernel's result with each of its lanes summed as two halves, so the bits differ
// from it by that order only. Compiled with -mavx512f in its own library; intrinsics used here must also be in
// tools/avx512-emulation/immintrin.h (scripts/test-native-emulated.mjs).
#include <immintrin.h>

#include <cstddef>

#include "ops/conv_dot.hpp"
#include "tile_loops.hpp"

namespace nw {
namespace {

// 128-bit chunks of v in the order imm gives, in the mask form: GCC 12 warns on the plain _mm512_shuffle_f32x4 (its
// _mm512_undefined_ps pass-through).
#define NW_CHUNKS(v, imm) _mm512_maskz_shuffle_f32x4(0xFFFF, v, v, imm)

// Lanes l + (l + 8), then ((0+4) + (2+6)) + ((1+5) + (3+7)) as conv_dot.hpp describes.
inline float sumLanes(__m512 v) {
  const __m512 s = _mm512_add_ps(v, NW_CHUNKS(v, 0x4E));                                // lane l: v[l] + v[l + 8]
  const __m512 t = _mm512_add_ps(s, NW_CHUNKS(s, 0xB1));                                // lane l < 4: s[l] + s[l + 4]
  const __m512 u = _mm512_add_ps(t, _mm512_shuffle_ps(t, t, _MM_SHUFFLE(1, 0, 3, 2)));  // t0 + t2, t1 + t3
  return _mm512_cvtss_f32(u) + _mm512_cvtss_f32(_mm512_shuffle_ps(u, u, _MM_SHUFFLE(1, 1, 1, 1)));
}

constexpr __mmask16 kLowHalf = 0x00FF;

// block's sums for a width of whole steps (width % 16 == 0: the grid layouts, rounded up to 16) in one loop over
// every (image, row, step) of the run, the pointers moved on at the end of each row: the same FMAs in the same order,
// so the same bits. A grid row of LeNet's second layer is 9 steps, and the nested loops' start per image cost about
// half as much again as its FMAs: 258-266 -> 236-241 us for that layer's weight gradient at batch 64, one thread.
// Blocks of fewer rows of dy have fewer chains for the loop's own work, and the nested loops are faster there (64
// images of LeNet's shape with 2 outputs: 39 against 50 us; with 3, 50 against 54, and 36 against 51 on its first
// layer's 896-float grid), so only blocks of 4 rows run this way. Its sums are stored as block stores them, written
// out again: through a helper taking the array by reference, GCC kept the accumulators of every block in memory
// (W5's 64-channel layer 2.72 -> 2.96-2.98 ms).
template <int RO, int RK>
void runsBlock(const DotProblem& p, std::size_t o0, std::size_t k0) {
  __m512 acc[RO][RK];
  NW_TILE_LOOP for (int r = 0; r < RO; ++r) {
    NW_TILE_LOOP for (int c = 0; c < RK; ++c) acc[r][c] = _mm512_setzero_ps();
  }
  const std::size_t steps = p.width / 16;
  const auto ldd = static_cast<std::ptrdiff_t>(p.ldd);
  std::ptrdiff_t xOffsets[RK];
  NW_TILE_LOOP for (int c = 0; c < RK; ++c) xOffsets[c] = p.offsets[k0 + c];
  const auto run = static_cast<std::ptrdiff_t>(16 * steps);
  const std::ptrdiff_t dyNextRow = static_cast<std::ptrdiff_t>(p.dyRow) - run;
  const std::ptrdiff_t xNextRow = static_cast<std::ptrdiff_t>(p.xRow) - run;
  const float* dyImage = p.dy + o0 * p.ldd;
  const float* xImage = p.x;
  const float* dyAt = dyImage;
  const float* xAt = xImage;
  std::size_t row = 0, step = 0;
  for (std::size_t s = 0, total = p.images * p.rows * steps; s < total; ++s) {
    __m512 d[RO];
    NW_TILE_LOOP for (int r = 0; r < RO; ++r) d[r] = _mm512_loadu_ps(dyAt + r * ldd);
    NW_TILE_LOOP for (int c = 0; c < RK; ++c) {
      const __m512 v = _mm512_loadu_ps(xAt + xOffsets[c]);
      NW_TILE_LOOP for (int r = 0; r < RO; ++r) acc[r][c] = _mm512_fmadd_ps(d[r], v, acc[r][c]);
    }
    dyAt += 16;
    xAt += 16;
    if (++step < steps) continue;
    step = 0;
    if (++row < p.rows) {
      dyAt += dyNextRow;
      xAt += xNextRow;
      continue;
    }
    row = 0;
    dyImage += p.dyImage;
    xImage += p.xImage;
    dyAt = dyImage;
    xAt = xImage;
  }
  NW_TILE_LOOP for (int r = 0; r < RO; ++r) {
    float* out = p.C + (o0 + r) * p.ldc + k0;
    NW_TILE_LOOP for (int c = 0; c < RK; ++c) {
      out[c] = p.accumulate ? out[c] + sumLanes(acc[r][c]) : sumLanes(acc[r][c]);
    }
  }
}

template <int RO, int RK, int WIDTH>
void block(const DotProblem& p, std::size_t o0, std::size_t k0) {
  if constexpr (WIDTH == 0 && RO == 4) {
    if (p.width % 16 == 0) return runsBlock<RO, RK>(p, o0, k0);
  }
  __m512 acc[RO][RK];
  NW_TILE_LOOP for (int r = 0; r < RO; ++r) {
    NW_TILE_LOOP for (int c = 0; c < RK; ++c) acc[r][c] = _mm512_setzero_ps();
  }
  const std::size_t width = WIDTH > 0 ? static_cast<std::size_t>(WIDTH) : p.width;
  const std::size_t whole = width & ~std::size_t{15};
  for (std::size_t i = 0; i < p.images; ++i) {
    const float* dyRows[RO];
    const float* xRows[RK];
    NW_TILE_LOOP for (int r = 0; r < RO; ++r) dyRows[r] = p.dy + i * p.dyImage + (o0 + r) * p.ldd;
    NW_TILE_LOOP for (int c = 0; c < RK; ++c) xRows[c] = p.x + i * p.xImage + p.offsets[k0 + c];
    for (std::size_t row = 0; row < p.rows; ++row) {
      // Unrolled: a run of 896 floats (LeNet's first layer on its 32-wide grid) 165-176 -> 148-157 us at batch 64.
#if defined(__GNUC__)  // GCC and Clang; MSVC has no such pragma
#pragma GCC unroll 4
#endif
      for (std::size_t j = 0; j < whole; j += 16) {
        __m512 d[RO];
        NW_TILE_LOOP for (int r = 0; r < RO; ++r) d[r] = _mm512_loadu_ps(dyRows[r] + j);
        NW_TILE_LOOP for (int c = 0; c < RK; ++c) {
          const __m512 v = _mm512_loadu_ps(xRows[c] + j);
          NW_TILE_LOOP for (int r = 0; r < RO; ++r) acc[r][c] = _mm512_fmadd_ps(d[r], v, acc[r][c]);
        }
      }
      if (whole < width) {
        __m512 d[RO];
        NW_TILE_LOOP for (int r = 0; r < RO; ++r) d[r] = _mm512_maskz_loadu_ps(kLowHalf, dyRows[r] + whole);
        NW_TILE_LOOP for (int c = 0; c < RK; ++c) {
          const __m512 v = _mm512_maskz_loadu_ps(kLowHalf, xRows[c] + whole);
          NW_TILE_LOOP for (int r = 0; r < RO; ++r) acc[r][c] = _mm512_fmadd_ps(d[r], v, acc[r][c]);
        }
      }
      NW_TILE_LOOP for (int r = 0; r < RO; ++r) dyRows[r] += p.dyRow;
      NW_TILE_LOOP for (int c = 0; c < RK; ++c) xRows[c] += p.xRow;
    }
  }
  NW_TILE_LOOP for (int r = 0; r < RO; ++r) {
    float* row = p.C + (o0 + r) * p.ldc + k0;
    NW_TILE_LOOP for (int c = 0; c < RK; ++c) {
      row[c] = p.accumulate ? row[c] + sumLanes(acc[r][c]) : sumLanes(acc[r][c]);
    }
  }
}

// The patch in as few blocks of at most 6 as it needs, their widths differing by one at most (LeNet's first layer,
// 25 = 5 x 5, had a last block of one with only RO chains for the FMA latency). Each element of C is summed the same
// way in any block.
template <int RO, int WIDTH>
void rowsOf(const DotProblem& p, std::size_t o) {
  const std::size_t blocks = (p.patch + 5) / 6;
  for (std::size_t b = 0, k = 0; b < blocks; ++b) {
    const std::size_t width = (p.patch - k + (blocks - b) - 1) / (blocks - b);
    switch (width) {
      case 6: block<RO, 6, WIDTH>(p, o, k); break;
      case 5: block<RO, 5, WIDTH>(p, o, k); break;
      case 4: block<RO, 4, WIDTH>(p, o, k); break;
      case 3: block<RO, 3, WIDTH>(p, o, k); break;
      case 2: block<RO, 2, WIDTH>(p, o, k); break;
      default: block<RO, 1, WIDTH>(p, o, k); break;
    }
    k += width;
  }
}

template <int WIDTH>
void rowBlocks(const DotProblem& p) {
  std::size_t o = p.oBegin;
  for (; o + 4 <= p.oEnd; o += 4) rowsOf<4, WIDTH>(p, o);
  switch (p.oEnd - o) {
    case 3: return rowsOf<3, WIDTH>(p, o);
    case 2: return rowsOf<2, WIDTH>(p, o);
    case 1: return rowsOf<1, WIDTH>(p, o);
    default: return;
  }
}

}  // namespace

void convDotAvx512(const DotProblem& p) {
  // Rows of common plane widths unrolled whole (16x16 and 32x32 outputs; 8x8 is one masked load a row).
  if (p.width == 8) return rowBlocks<8>(p);
  if (p.width == 16) return rowBlocks<16>(p);
  if (p.width == 32) return rowBlocks<32>(p);
  rowBlocks<0>(p);
}

}  // namespace nw
