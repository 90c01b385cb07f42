// The GEMM path for a batch of rows times a large op(B) = B^T read in place (gemm/weight_rows.cpp).
#pragma once

#include "gemm/gemm.hpp"

namespace nw {

/**
 * Computes C = A B^T (+ bias, then ReLU if asked) as C^T = B A^T, reading B's rows in place, when the microkernel can
 * (MicroKernel::runInPlaceA), op(A) = A has 16 to 256 rows (padded to a multiple of 16 by at most an eighth), op(B) =
 * B^T is not prepacked, alpha is 1 and beta 0 (a dense layer's forward pass during training), and returns true; returns
 * false, doing nothing, otherwise. The same bits as the panel driver. Call as gemmParallel (KernelScope open, outside
 * pool tasks).
 */
bool gemmWeightRows(const GemmProblem& problem);

}  // namespace nw
