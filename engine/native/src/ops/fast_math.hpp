// exp, sigmoid and tanh over arrays, vectorized without relying on the auto-vectorizer (glibc's expf and tanhf are
// scalar calls, 5-10x slower). Within about 2.5 ulp of the exact functions over the whole float range; NaN
// propagates, overflow gives inf and underflow 0. Every element goes through the same vector code whatever its
// position (a partial last group is padded), so results never depend on how an array is split between threads.
#pragma once

#include <cstddef>

namespace nw {

void expArray(const float* in, float* out, std::size_t n);      // out = e^in
void sigmoidArray(const float* in, float* out, std::size_t n);  // out = 1 / (1 + e^-in)
void tanhArray(const float* in, float* out, std::size_t n);     // out = tanh(in)

/** Elements processed per call by the helpers' callers' blocks (see activation.cpp). */
constexpr std::size_t kMathBlock = 256;

}  // namespace nw
