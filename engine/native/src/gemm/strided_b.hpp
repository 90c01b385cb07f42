// The panel driver's block for a few rows of A times a B stored [K, N] read in place (gemm/strided_b.cpp).
#pragma once

#include <cstdint>

#include "gemm/gemm.hpp"
#include "scratch.hpp"

namespace nw {

/**
 * Computes C[m0:m1, n0:n) of op(A) B with B stored [K, N] read where it lies instead of copied into panels, for the
 * block's whole panels of nr columns (n: the end of the last whole one), when that is faster (the microkernel has
 * runStrided and runRowsStrided; at most 64 rows, no tile of 1 or 2 rows; rows of B at most 512 floats apart; K at
 * least 16; no bias or ReLU; B not prepacked), and returns n; returns n0, doing nothing, otherwise. The panel driver
 * does the rest. Tiles, depth blocks and each sum's order are the panel driver's, so the bits are too. Called for each
 * thread's block (gemm.cpp gemmBlock).
 */
std::int64_t gemmStridedBBlock(const GemmProblem& p, std::int64_t m0, std::int64_t m1, std::int64_t n0, std::int64_t n1,
                               ThreadScratch& scratch);

}  // namespace nw
