// The GEMM path for a batch of rows times a large op(B) = B^T read in place (gemm/weight_rows.cpp).
#pragma once

#include "gemm/gemm.hpp"

namespace nw {

/**
 * Computes C = A B^T (+ bias, then ReLU if asked) as C^T = B A^T, reading B's rows in place, when the microkernel can
 * (MicroKernel::runInPlaceA), op(A) = A has up to 256 rows (padded to a multiple of the tile's nr, 16 or 32, by at most
 * an eighth; not 1 or 2 more than a multiple of its mr, 6 or 8), op(B) = B^T is not prepacked, alpha is 1 and beta 0 (a
 * dense layer's forward pass during training), and returns true; returns false, doing nothing, otherwise. The same bits
 * as the panel driver. Call as gemmParallel (KernelScope open, outside pool tasks).
 */
bool gemmWeightRows(const GemmProblem& problem);

}  // namespace nw
