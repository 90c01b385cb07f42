// Many dot products along contiguous rows, for a stride-1 convolution's weight gradient over shifted windows
// (conv_shifted.cpp): C[o, k] (+)= sum over j < length of dy[o * ldd + j] * x[offsets[k] + j].
// Both operands are read along j as they lie in memory, so nothing is packed or transposed. Each C element sums
// its products in 8 interleaved lanes (j mod 8) in increasing j, then the lanes in a fixed tree: the result depends
// on the dimensions only. One implementation per instruction set, chosen at load time with the GEMM's.
#pragma once

#include <cstddef>
#include <cstdint>

namespace nw {

struct DotProblem {
  const float* dy;  // rows o in [oBegin, oEnd), each `length` floats from dy + o * ldd
  std::size_t ldd;
  std::size_t oBegin, oEnd;
  const float* x;  // row k starts at x + offsets[k]
  const std::int64_t* offsets;
  std::size_t patch;   // k in [0, patch)
  std::size_t length;  // a multiple of 8
  float* C;            // [O, patch], row stride ldc
  std::size_t ldc;
  bool accumulate;  // C += the sums, else C = the sums
};

using DotKernel = void (*)(const DotProblem&);

/** The implementation for the instruction set the GEMM dispatched to. */
DotKernel convDotKernel();

void convDotPortable(const DotProblem& p);
#if defined(NW_GEMM_X86)
void convDotAvx2(const DotProblem& p);
#endif

}  // namespace nw
