// Batch normalization's hot rows (ops/batch_norm_passes.cpp) 8 floats at a time in AVX2 (ops/batch_norm_avx2.cpp),
// for CPUs the GEMM's dispatch found AVX2 on (gemmRunsAvx2). Each lane does exactly the portable loop's operations
// in its order (that library is compiled without FMA and with contraction off), so the bits are the same. Each
// returns where it stopped: the portable loop finishes the last n % 8 elements.
#pragma once

#include <cstddef>

namespace nw {

/** addRowShiftedMoments' whole groups of 8: lane[l] += x - shift and squareLane[l] += (x - shift)^2 over elements
 * l, l + 8, ... in order (both arrays 8 doubles, added to as they are). */
std::size_t shiftedMomentsAvx2(const float* x, std::size_t n, double shift, double* lane, double* squareLane);
/** addRowGradientSums' whole groups of 8: lane[l] += dy, centredLane[l] += dy (x - mean), with dy = z > 0 ? dy : 0
 * where z (the output of a ReLU after the batch norm) is not null. */
std::size_t gradientSumsAvx2(const float* dy, const float* z, const float* x, std::size_t n, double mean, double* lane,
                             double* centredLane);
/** affineRow: y = (x - mean) * scale + shift, then y > 0 ? y : 0 if relu. */
std::size_t affineRowAvx2(const float* x, float* y, std::size_t n, float mean, float scale, float shift, bool relu);
/** gradientRow: dx (=|+=) a dy + b (x - mean) + e, dy through z's ReLU as for gradientSumsAvx2. */
std::size_t gradientRowAvx2(const float* dy, const float* z, const float* x, float* dx, std::size_t n, float a, float b,
                            float e, float mean, bool accumulate);
/** scaledRow: dx (=|+=) a dy. */
std::size_t scaledRowAvx2(const float* dy, float* dx, std::size_t n, float a, bool accumulate);

}  // namespace nw
