// Many dot products along rows of a few images, for a stride-1 convolution's weight gradient over shifted windows
// (conv_shifted.cpp): C[o, k] (+)= sum over images i < images, rows r < rows, j < width of
//   dy[i * dyImage + o * ldd + r * dyRow + j] * x[i * xImage + offsets[k] + r * xRow + j].
// Both operands are read along j as they lie in memory, so nothing is packed or transposed. Each C element sums
// its products in 8 interleaved lanes (j mod 8) in increasing (i, r, j), then the lanes in the fixed tree
// ((0+4) + (2+6)) + ((1+5) + (3+7)): the result depends on the dimensions only, not on which rows o a thread is given.
// One implementation per instruction set, chosen at load time with the GEMM's (the AVX2 one fuses each multiply-add,
// the portable one rounds the product first, so their bits differ by that rounding only; the AVX-512 one sums each of
// the 8 lanes as two, j mod 16, added before the tree).
#pragma once

#include <cstddef>
#include <cstdint>

namespace nw {

struct DotProblem {
  const float* dy;  // row o of image i starts at dy + i * dyImage + o * ldd
  std::size_t dyImage, ldd, dyRow;
  std::size_t oBegin, oEnd;
  const float* x;  // row k of image i starts at x + i * xImage + offsets[k]
  const std::int64_t* offsets;
  std::size_t xImage, xRow;
  std::size_t patch;   // k in [0, patch)
  std::size_t images;  // summed before the lanes are reduced: one reduction per C element and call
  std::size_t rows;    // runs of `width` floats per image, dyRow and xRow apart
  std::size_t width;   // a multiple of 8
  float* C;            // [O, patch], row stride ldc
  std::size_t ldc;
  bool accumulate;  // C += the sums, else C = the sums
};

using DotKernel = void (*)(const DotProblem&);

/** The implementation for the instruction set the GEMM dispatched to. */
DotKernel convDotKernel();
/** The floats convDotKernel() reads per step of a run (16 for AVX-512, else 8): a run whose width is a multiple of it
 * has no masked last step. */
std::size_t convDotLanes();

void convDotPortable(const DotProblem& p);
#if defined(NW_GEMM_X86)
void convDotAvx2(const DotProblem& p);
void convDotAvx512(const DotProblem& p);
#endif

}  // namespace nw
