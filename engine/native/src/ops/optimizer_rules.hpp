// The optimizers' per-element update rules as plain structs of floats (ops/optimizers.cpp evaluates them over
// [begin, end) in portable code; ops/optimizers_avx2.cpp does the same 8 at a time). Both evaluate the same float
// operations in the same order with no fused multiply-adds, so they give the same bits.
#pragma once

#include <cstddef>

namespace nw {

struct AdagradRule {
  float lr, eps, weightDecay;
};

struct RmspropRule {
  float lr, alpha, oneMinusAlpha, eps, momentum, weightDecay;
};

struct AdamRule {
  float b1, b2, oneMinusB1, oneMinusB2, stepSize, root2, eps, coupledDecay, shrink;
};

#if defined(NW_GEMM_X86)
// AVX2 (8 lanes; division and square root are the bottleneck, twice the SSE2 baseline's throughput); only called
// when the CPU has AVX2. The pointers do not alias (the bindings check).
void adagradRangeAvx2(const AdagradRule& r, float* w, const float* g, float* sum, std::size_t begin, std::size_t end);
void rmspropRangeAvx2(const RmspropRule& r, float* w, const float* g, float* v, float* buf, std::size_t begin,
                      std::size_t end);
void adamRangeAvx2(const AdamRule& r, float* w, const float* g, float* m, float* v, std::size_t begin, std::size_t end);
#endif

}  // namespace nw
