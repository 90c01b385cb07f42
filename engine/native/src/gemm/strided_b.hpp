// The panel driver's block for a few rows of A times a B stored [K, N] read in place (gemm/strided_b.cpp).
#pragma once

#include <cstdint>

#include "gemm/gemm.hpp"
#include "scratch.hpp"

namespace nw {

/**
 * Computes C[m0:m1, n0:n1] of op(A) B with B stored [K, N] read where it lies instead of copied into panels, when
 * that is faster (the microkernel has runStrided; at most 64 rows, a multiple of its mr; whole panels of nr columns;
 * rows of B at most 512 floats apart; K at least 16; no bias; B not prepacked), and returns true; returns false,
 * doing nothing, otherwise. Tiles, depth blocks and each sum's order are the panel driver's, so the bits are too.
 * Called by the panel driver for each thread's block (gemm.cpp gemmBlock).
 */
bool gemmStridedBBlock(const GemmProblem& p, std::int64_t m0, std::int64_t m1, std::int64_t n0, std::int64_t n1,
                       ThreadScratch& scratch);

}  // namespace nw
