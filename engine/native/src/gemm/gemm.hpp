// Single-precision GEMM on packed panels: C = alpha op(A) op(B) + beta C for all four transpose cases.
// Each C element sums over k in KC-sized blocks in increasing order, and threads split C only into whole register
// tiles, so the result depends on the dimensions alone, never on the thread count.
#pragma once

#include <cstddef>
#include <cstdint>

#include "gemm/microkernel.hpp"

namespace nw {

struct ThreadScratch;

struct GemmProblem {
  bool transA = false;  // A stored [K, M] (lda >= M) instead of [M, K] (lda >= K)
  bool transB = false;  // B stored [N, K] (ldb >= K) instead of [K, N] (ldb >= N)
  std::int64_t M = 0, N = 0, K = 0;
  float alpha = 1.0f;
  const float* A = nullptr;
  std::int64_t lda = 0;
  const float* B = nullptr;
  std::int64_t ldb = 0;
  /**
   * Optional: op(B) already in the microkernel's panel layout for the whole depth (then B, ldb, transB are unused):
   * panel q = columns [q*nr, q*nr + nr) starts at packedB + q*nr*K and holds (k, c) at [k*nr + c], columns past N
   * zero, 64-byte aligned. Producers (e.g. im2col) write it directly and save the packing pass.
   */
  const float* packedB = nullptr;
  /**
   * Optional, only where gemmReadsOffsets(): op(B) read in place, never packed. Panel q
   * (columns [q*nr, q*nr + nr), N a multiple of nr) holds (k, c) at B[panelStarts[q] + rowOffsets[k] + c]: the shifted
   * windows of a stride-1 convolution's padded images. B, ldb, transB and packedB are unused then.
   */
  const std::int64_t* rowOffsets = nullptr;
  const std::int64_t* panelStarts = nullptr;
  float beta = 0.0f;  // 0: C is overwritten without being read
  /** Optional: C = bias[j] (one per column, N of them) + alpha op(A) op(B), instead of beta C + ...; C is not read. */
  const float* bias = nullptr;
  /**
   * Optional epilogue: C = max(C, 0) (ReLU: NaN and -0 become +0) applied to each register tile once its last depth
   * block is added, while the tile is still in L1. Exactly a ReLU pass over the finished C, without the pass.
   */
  bool relu = false;
  float* C = nullptr;
  std::int64_t ldc = 0;
};

/** The microkernel chosen at load time. */
const MicroKernel& gemmKernel();

/**
 * The depth of the K blocks every path sums in: K split into round(K / kc) nearly equal blocks (at least one), so no
 * block is a short remainder whose C updates dominate; at most 1.5 kc. Depends on K only, which keeps results
 * thread-independent (and the same whichever driver computes them).
 */
std::int64_t gemmBlockDepth(const MicroKernel& kernel, std::int64_t K);

/** Floats a prepacked op(B) of N columns and depth K takes (N rounded up to the panel width, times K). */
inline std::size_t packedBFloats(std::int64_t N, std::int64_t K) {
  const std::int64_t nr = gemmKernel().nr;
  return static_cast<std::size_t>((N + nr - 1) / nr * nr * K);
}

/**
 * Whether products may read op(B) in place through rowOffsets / panelStarts: the microkernel can (AVX2), and
 * NETWRIGHT_GEMM_PACK_WINDOWS=1 does not ask for packed panels instead.
 */
bool gemmReadsOffsets();

/**
 * Whether x W^T products may read W's rows in place (gemm/weight_rows.cpp): the microkernel can (AVX2 with GCC or
 * Clang), and NETWRIGHT_GEMM_PACK_WEIGHTS=1 does not ask for the panel driver instead.
 */
bool gemmReadsWeightRows();

/**
 * Whether the environment variable is 1: a test asking for the plain way where a faster one gives the same bits
 * (NETWRIGHT_GEMM_PACK_WINDOWS, _WEIGHTS, _STRIDED_B below; NETWRIGHT_COL2IM_PORTABLE in ops/geometry.cpp), so that
 * it can run one process each way and compare.
 */
bool testSwitchOn(const char* variable);

/**
 * Whether products of a few rows with B stored [K, N] may read B in place (gemm/strided_b.cpp): the microkernel can
 * (AVX-512), and NETWRIGHT_GEMM_PACK_STRIDED_B=1 does not ask for B's panels to be copied instead.
 */
bool gemmReadsStridedB();

/**
 * Whether the CPU-specific loops other kernels keep beside their portable ones (optimizers_avx2.cpp,
 * batch_norm_avx2.cpp) may run: the GEMM's dispatch found AVX2 (avx2 or avx512; NETWRIGHT_ISA=scalar keeps the
 * portable loops). Those loops give the portable ones' bits, so this changes only the speed.
 */
bool gemmRunsAvx2();

/** Runs on the calling thread using the pool. Call only with a KernelScope open, outside pool tasks. */
void gemmParallel(const GemmProblem& problem);

/** Runs entirely on the current pool thread ith (inside a pool task, or ith = 0 on the caller). */
void gemmSerial(const GemmProblem& problem, int ith);

/** Gives a scratch slot the packed-panel buffers the selected microkernel needs. */
void reserveGemmPanels(ThreadScratch& scratch);

}  // namespace nw
