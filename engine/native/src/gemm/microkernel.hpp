// The interface of an SGEMM register-tile microkernel. Each ISA implements it in its own source file, compiled with
// that ISA's flags; gemm.cpp packs panels and loops over tiles, select_kernel.cpp picks one at load time.
// This header must stay free of inline code: ISA files include it, and an inline function compiled with AVX flags
// could be picked by the linker for baseline code.
#pragma once

#include <cstddef>
#include <cstdint>

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
  /**
   * Small-M products (a batch of one to four rows, see gemm/small_rows.cpp), on unpacked operands: packing op(B)
   * would cost as much as the product. Both write sums[i * lds + j] for i < rows (<= 4), j < cols, with
   * a[i * lda + k] the rows of op(A) (contiguous in k). Each sum is computed the same way whatever the rows and
   * cols of the call, so splitting the columns over threads never changes a bit.
   * dotRows: op(B) = B^T, B row j = b + j * ldb contiguous in k: sum_k a[i][k] * b[j][k], each over the ISA's
   *   lanes (k mod lanes, increasing k), the lanes then added in a fixed tree.
   * axpyRows: B [K, N] row-major: sum_k a[i][k] * b[k * ldb + j] in increasing k.
   */
  void (*dotRows)(int rows, std::int64_t K, const float* a, std::ptrdiff_t lda, const float* b, std::ptrdiff_t ldb,
                  std::int64_t cols, float* sums, std::ptrdiff_t lds);
  void (*axpyRows)(int rows, std::int64_t K, const float* a, std::ptrdiff_t lda, const float* b, std::ptrdiff_t ldb,
                   std::int64_t cols, float* sums, std::ptrdiff_t lds);
  /**
   * The FMA peak probe (bench only): `iterations` rounds of independent multiply-adds on 12 register chains, enough to
   * cover the FMA latency on every port; returns the floating-point operations done. *sink gets a value of the chains
   * so the loop is not optimized away.
   */
  double (*fmaLoop)(std::int64_t iterations, float* sink);
  /**
   * Optional (null if absent): packs one whole op(B) micro-panel from rows of B (op(B) = B^T): out[k * nr + c] =
   * rows[c][k] for c < nr, k < depth, where rows[c] = src + c * ld is contiguous in k. A transpose in the ISA's
   * widest registers (pack.hpp's portable one goes 4 x 4 in SSE); a copy, so the bits are the same.
   */
  void (*transposePanel)(const float* src, std::ptrdiff_t ld, std::int64_t depth, float* out);
  /**
   * Optional (null if absent): run and runRows with op(B)'s micro-panel read in place, row k being the nr floats at
   * b + offsets[k] (any alignment) instead of b + k * nr: a stride-1 convolution's shifted windows of a padded image
   * (GemmProblem::rowOffsets), without copying them into panels. The same sums in the same order as run/runRows on a
   * panel holding those floats.
   */
  void (*runOffsets)(int kc, const float* a, const float* b, const std::int64_t* offsets, float* c, std::ptrdiff_t ldc,
                     float beta);
  void (*runRowsOffsets)(int rows, int kc, const float* a, const float* b, const std::int64_t* offsets, float* c,
                         std::ptrdiff_t ldc, float beta);
  /**
   * Optional (null if absent): run, then C[mr, nr] = max(C, 0) as stored (NaN and -0 become +0: the ReLU kernel's
   * bits), for the last depth block of a product with GemmProblem::relu, saving a pass over the tile.
   */
  void (*runRelu)(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, float beta);
  /**
   * Optional (null if absent): the first depth block of a whole tile of a product with a bias: C[i, j] = bias[j] +
   * sum (bias: the tile's nr entries), then max(C, 0) if relu. The same add as run with beta = 1 on C filled with the
   * bias, so the same bits, without the driver writing the bias into C and the kernel reading it back.
   */
  void (*runBias)(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, const float* bias, bool relu);
  /**
   * Optional (null if absent): packs one whole op(A) micro-panel from rows of A (op(A) = A): out[k * mr + r] =
   * scale * rows[r][k] for r < mr, k < depth, where rows[r] = src + r * ld is contiguous in k; nothing past
   * out[mr * depth - 1] is written. pack.hpp's portable transposeRows does the same in 4 x 4 SSE blocks (the same
   * products, so the same bits).
   */
  void (*packPanelA)(const float* src, std::ptrdiff_t ld, std::int64_t depth, float* out, float scale);
  /**
   * Optional (null if absent): run with op(A)'s micro-panel read in place from mr rows of A (row r at a + r * lda,
   * contiguous in k) instead of a packed panel: the same sums in the same order as run on those rows packed. For
   * products whose large operand is the one with rows contiguous in k (gemm/weight_rows.cpp).
   */
  void (*runInPlaceA)(int kc, const float* a, std::ptrdiff_t lda, const float* b, float* c, std::ptrdiff_t ldc,
                      float beta);
  /**
   * Optional (null if absent): part of a tile's depth block with op(B) = B [K, N] read in place (row k at b + k * ldb)
   * and the tile's sums carried in acc (mr x nr floats, 64-byte aligned) between parts. phase: 0 the block's first
   * part (sums from zero into acc), 1 a middle part (acc in, acc out), 2 the whole block (as run), 3 the last part
   * (acc in, then C as run stores it). The same FMAs in the same order as run over the whole block.
   */
  void (*runStrided)(int kc, const float* a, const float* b, std::ptrdiff_t ldb, float* acc, int phase, float* c,
                     std::ptrdiff_t ldc, float beta);
  /** runStrided for the first `rows` (3 <= rows < mr) rows of the tile, as runRows is for run; null if absent. */
  void (*runRowsStrided)(int rows, int kc, const float* a, const float* b, std::ptrdiff_t ldb, float* acc, int phase,
                         float* c, std::ptrdiff_t ldc, float beta);
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
