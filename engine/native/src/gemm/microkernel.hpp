// The interface of an SGEMM register-tile microkernel. Each ISA implements it in its own source file, compiled with
// that ISA's flags; gemm.cpp packs panels and loops over tiles, select_kernel.cpp picks one at load time.
// This header must stay free of inline code: ISA files include it, and an inline function compiled with AVX flags
// could be picked by the linker for baseline code.
#pragma once

#include <cstddef>

namespace nw {

struct MicroKernel {
  const char* isa;  // 'avx512' | 'avx2' | 'neon' | 'scalar'
  int mr;           // rows of the register tile
  int nr;           // columns of the register tile
  int mc;           // rows of op(A) packed per block (a multiple of mr; the block stays in L2)
  int kc;           // depth of one packed block (an A micro-panel plus a B micro-panel stay in L1)
  int nc;           // columns of op(B) packed per block (a multiple of nr)
  /**
   * C[mr, nr] (row stride ldc) = beta * C + sum over k < kc of a[k * mr + i] * b[k * nr + j].
   * a: packed micro-panel of op(A) (kc x mr), b: packed micro-panel of op(B) (kc x nr), both 64-byte aligned.
   * beta == 0 means C is written without being read. The sum runs over k in increasing order.
   */
  void (*run)(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, float beta);
  /**
   * Optional (null if absent): the same for only the first `rows` (1 <= rows < mr) rows of the tile, for the last
   * rows of C when M is not a multiple of mr (a keeps its mr stride; C rows past `rows` are not touched). Saves the
   * whole-tile product and the copy through a scratch tile, e.g. for M = 64 = 10 x 6 + 4 or a batch of 8.
   */
  void (*runRows)(int rows, int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, float beta);
};

extern const MicroKernel kGemmScalar;
#if defined(NW_GEMM_X86)
extern const MicroKernel kGemmAvx2;
extern const MicroKernel kGemmAvx512;
#endif
#if defined(NW_GEMM_NEON)
extern const MicroKernel kGemmNeon;
#endif

}  // namespace nw
