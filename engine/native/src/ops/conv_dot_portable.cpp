// The portable dot-product kernel (baseline flags; the compiler vectorizes the 8 lanes), and the load-time choice.
#include <cstring>

#include "gemm/gemm.hpp"
#include "ops/conv_dot.hpp"

namespace nw {
namespace {

constexpr int kLanes = 8;

// The lanes summed as ((0+4) + (2+6)) + ((1+5) + (3+7)), the same tree the vector kernels use.
inline float sumLanes(const float* v) { return ((v[0] + v[4]) + (v[2] + v[6])) + ((v[1] + v[5]) + (v[3] + v[7])); }

template <int RO, int RK>
void block(const DotProblem& p, std::size_t o0, std::size_t k0) {
  float acc[RO][RK][kLanes] = {};
  for (std::size_t i = 0; i < p.images; ++i) {
    const float* dyRows[RO];
    const float* xRows[RK];
    for (int r = 0; r < RO; ++r) dyRows[r] = p.dy + i * p.dyImage + (o0 + r) * p.ldd;
    for (int c = 0; c < RK; ++c) xRows[c] = p.x + i * p.xImage + p.offsets[k0 + c];
    for (std::size_t row = 0; row < p.rows; ++row) {
      for (std::size_t j = 0; j < p.width; j += kLanes) {
        for (int r = 0; r < RO; ++r) {
          for (int c = 0; c < RK; ++c) {
            for (int l = 0; l < kLanes; ++l) acc[r][c][l] += dyRows[r][j + l] * xRows[c][j + l];
          }
        }
      }
      for (int r = 0; r < RO; ++r) dyRows[r] += p.dyRow;
      for (int c = 0; c < RK; ++c) xRows[c] += p.xRow;
    }
  }
  for (int r = 0; r < RO; ++r) {
    float* row = p.C + (o0 + r) * p.ldc + k0;
    for (int c = 0; c < RK; ++c) row[c] = p.accumulate ? row[c] + sumLanes(acc[r][c]) : sumLanes(acc[r][c]);
  }
}

}  // namespace

void convDotPortable(const DotProblem& p) {
  std::size_t o = p.oBegin;
  for (; o + 2 <= p.oEnd; o += 2) {
    std::size_t k = 0;
    for (; k + 2 <= p.patch; k += 2) block<2, 2>(p, o, k);
    for (; k < p.patch; ++k) block<2, 1>(p, o, k);
  }
  for (; o < p.oEnd; ++o) {
    for (std::size_t k = 0; k < p.patch; ++k) block<1, 1>(p, o, k);
  }
}

DotKernel convDotKernel() {
#if defined(NW_GEMM_X86)
  const char* isa = gemmKernel().isa;
  if (std::strcmp(isa, "avx512") == 0) return convDotAvx512;
  if (std::strcmp(isa, "avx2") == 0) return convDotAvx2;
#endif
  return convDotPortable;
}

std::size_t convDotLanes() {
#if defined(NW_GEMM_X86)
  if (convDotKernel() == convDotAvx512) return 16;
#endif
  return 8;
}

}  // namespace nw
