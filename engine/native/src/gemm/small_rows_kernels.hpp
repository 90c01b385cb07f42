// The per-ISA small-M kernels (MicroKernel::dotRows and ::axpyRows), each defined in its ISA's small_rows_*.cpp and
// referenced by that ISA's MicroKernel table. Declarations only (for the same reason as microkernel.hpp), and all of
// them on every platform: the ISA libraries are built without the NW_GEMM_* defines.
#pragma once

#include <cstddef>
#include <cstdint>

namespace nw {

#define NW_SMALL_ROWS_KERNEL(name)                                                                            \
  void name(int rows, std::int64_t K, const float* a, std::ptrdiff_t lda, const float* b, std::ptrdiff_t ldb, \
            std::int64_t cols, float* sums, std::ptrdiff_t lds)

NW_SMALL_ROWS_KERNEL(dotRowsScalar);
NW_SMALL_ROWS_KERNEL(axpyRowsScalar);
NW_SMALL_ROWS_KERNEL(dotRowsAvx2);
NW_SMALL_ROWS_KERNEL(axpyRowsAvx2);
NW_SMALL_ROWS_KERNEL(dotRowsAvx512);
NW_SMALL_ROWS_KERNEL(axpyRowsAvx512);
NW_SMALL_ROWS_KERNEL(dotRowsNeon);
NW_SMALL_ROWS_KERNEL(axpyRowsNeon);

}  // namespace nw
