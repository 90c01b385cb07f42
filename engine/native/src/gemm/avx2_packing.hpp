// Packing routines in AVX2 (ukernel_avx2.cpp) for the AVX-512 kernel's wider tiles: every CPU that runs the AVX-512
// kernel has AVX2 (select_kernel.cpp), and a transpose needs no more than 256-bit shuffles. Declarations only, for the
// same reason as microkernel.hpp.
#pragma once

#include <cstddef>
#include <cstdint>

namespace nw {

/** MicroKernel::transposePanel for 32-column panels (the AVX-512 tile's nr): out[k * 32 + c] = rows[c][k]. */
void transposePanel32Avx2(const float* src, std::ptrdiff_t ld, std::int64_t depth, float* out);

/** MicroKernel::packPanelA for 8-row panels (the AVX-512 tile's mr): out[k * 8 + r] = scale * rows[r][k]. */
void packPanelA8Avx2(const float* src, std::ptrdiff_t ld, std::int64_t depth, float* out, float scale);

}  // namespace nw
