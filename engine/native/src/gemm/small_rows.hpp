// The small-M path of the GEMM driver (gemm/small_rows.cpp).
#pragma once

#include "gemm/gemm.hpp"

namespace nw {

/**
 * Computes the problem without packing when op(B) is not prepacked and op(A) has at most 4 rows (a batch of one or a
 * few samples through a dense layer), or op(A) = A and op(B) = B^T has fewer columns than the microkernel's tile (a
 * classifier's 10 outputs), and returns true; returns false, doing nothing, for any other problem.
 * Call as gemmParallel (KernelScope open, outside pool tasks). Results do not depend on the thread count.
 */
bool gemmSmallRows(const GemmProblem& problem);

}  // namespace nw
