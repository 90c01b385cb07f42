// Eight lanes as two vectors of four floats in the compiler's vector extension (GCC and Clang: SSE2 registers on x64,
// NEON on arm64), for the portable kernels (ops/conv_dot_portable.cpp, gemm/small_rows_scalar.cpp). Written as arrays
// of floats for the compiler to vectorize, their sums stayed in memory and were stored on every pass over k; as these
// vectors a tile's sums are registers. Other compilers get arrays with the same operations, so the same bits: each
// lane multiplies, then adds, as a float expression would. Internal linkage, as small_rows_loops.hpp: each library
// compiles its own copy with its own flags.
#pragma once

#include <cstring>

namespace nw {
namespace {

#if defined(__GNUC__)
typedef float Quad __attribute__((vector_size(16)));
inline Quad splat(float v) { return Quad{v, v, v, v}; }
#else
struct Quad {
  float v[4];
  float& operator[](int l) { return v[l]; }
  float operator[](int l) const { return v[l]; }
};
inline Quad splat(float v) { return Quad{{v, v, v, v}}; }
inline Quad operator*(const Quad& a, const Quad& b) { return {{a[0] * b[0], a[1] * b[1], a[2] * b[2], a[3] * b[3]}}; }
inline Quad& operator+=(Quad& a, const Quad& b) {
  for (int l = 0; l < 4; ++l) a.v[l] += b.v[l];
  return a;
}
#endif

inline Quad loadQuad(const float* at) {
  Quad q;
  std::memcpy(&q, at, sizeof q);
  return q;
}
inline void storeQuad(float* at, const Quad& q) { std::memcpy(at, &q, sizeof q); }

struct Lanes {
  Quad lo, hi;  // lanes 0-3 and 4-7
};
inline Lanes loadLanes(const float* at) { return {loadQuad(at), loadQuad(at + 4)}; }

// The 8 lanes summed as ((0+4) + (2+6)) + ((1+5) + (3+7)), the tree every dot kernel uses.
inline float sumLanes(const Lanes& x) {
  Quad t = x.lo;
  t += x.hi;
  return (t[0] + t[2]) + (t[1] + t[3]);
}

}  // namespace
}  // namespace nw
