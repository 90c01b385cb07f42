// Batch normalization's hot rows (ops/batch_norm_passes.cpp) 8 floats at a time in AVX2 (ops/batch_norm_avx2.cpp),
// for CPUs the GEMM's dispatch found AVX2 on (gemmRunsAvx2). Each lane does exactly the portable loop's operations
// in its order (that library is compiled without FMA and with contraction off), so the bits are the same. Each
// returns where it stopped: the portable loop finishes the last n % 8 elements.
#pragma once

#include <cstddef>

namespace nw {

/**
 * The affine map of a channel's training forward, (x - mean) * scale + shift: a backward through the ReLU after the
 * batch norm recomputes that output from x, with the forward's floats and expression, so its sign is the forward's
 * bit for bit, and passes dy where it is > 0 and 0 elsewhere (the ReLU backward's select), reading no output.
 */
struct ReluGate {
  float mean, scale, shift;
};

/**
 * addRowShiftedMoments' whole groups of 8: lane[l] += x - shift and squareLane[l] += (x - shift)^2 over elements
 * l, l + 8, ... in order (both arrays 8 doubles, added to as they are).
 */
std::size_t shiftedMomentsAvx2(const float* x, std::size_t n, double shift, double* lane, double* squareLane);
/**
 * addRowGradientSums' whole groups of 8: lane[l] += dy, centredLane[l] += dy (x - mean), dy through the ReLU where
 * gate is set.
 */
std::size_t gradientSumsAvx2(const float* dy, const ReluGate* gate, const float* x, std::size_t n, double mean,
                             double* lane, double* centredLane);
/** affineRow: y = (x - mean) * scale + shift, then y > 0 ? y : 0 if relu. */
std::size_t affineRowAvx2(const float* x, float* y, std::size_t n, float mean, float scale, float shift, bool relu);
/** gradientRow: dx (=|+=) a dy + b (x - mean) + e, dy through the ReLU as for gradientSumsAvx2. */
std::size_t gradientRowAvx2(const float* dy, const ReluGate* gate, const float* x, float* dx, std::size_t n, float a,
                            float b, float e, float mean, bool accumulate);
/** scaledRow: dx (=|+=) a dy. */
std::size_t scaledRowAvx2(const float* dy, float* dx, std::size_t n, float a, bool accumulate);

}  // namespace nw
