// The portable dot-product kernel (baseline flags: SSE2 on x64, NEON on arm64, where it is the weight gradient's
// kernel), 2 x 2 blocks whose 8 sums, 4 of dy and 2 of x are 14 vector registers (quad_lanes.hpp), and the load-time
// choice.
#include <cstring>

#include "gemm/gemm.hpp"
#include "ops/conv_dot.hpp"
#include "quad_lanes.hpp"
#include "tile_loops.hpp"

namespace nw {
namespace {

template <int RO, int RK>
void block(const DotProblem& p, std::size_t o0, std::size_t k0) {
  Lanes acc[RO][RK];
  NW_TILE_LOOP for (int r = 0; r < RO; ++r) { NW_TILE_LOOP for (int c = 0; c < RK; ++c) acc[r][c] = Lanes{}; }
  for (std::size_t i = 0; i < p.images; ++i) {
    const float* dyRows[RO];
    const float* xRows[RK];
    NW_TILE_LOOP for (int r = 0; r < RO; ++r) dyRows[r] = p.dy + i * p.dyImage + (o0 + r) * p.ldd;
    NW_TILE_LOOP for (int c = 0; c < RK; ++c) xRows[c] = p.x + i * p.xImage + p.offsets[k0 + c];
    for (std::size_t row = 0; row < p.rows; ++row) {
      for (std::size_t j = 0; j < p.width; j += 8) {
        Lanes d[RO];
        NW_TILE_LOOP for (int r = 0; r < RO; ++r) d[r] = loadLanes(dyRows[r] + j);
        NW_TILE_LOOP for (int c = 0; c < RK; ++c) {
          const Lanes x = loadLanes(xRows[c] + j);
          NW_TILE_LOOP for (int r = 0; r < RO; ++r) {
            acc[r][c].lo += d[r].lo * x.lo;
            acc[r][c].hi += d[r].hi * x.hi;
          }
        }
      }
      NW_TILE_LOOP for (int r = 0; r < RO; ++r) dyRows[r] += p.dyRow;
      NW_TILE_LOOP for (int c = 0; c < RK; ++c) xRows[c] += p.xRow;
    }
  }
  NW_TILE_LOOP for (int r = 0; r < RO; ++r) {
    float* row = p.C + (o0 + r) * p.ldc + k0;
    NW_TILE_LOOP for (int c = 0; c < RK; ++c) {
      row[c] = p.accumulate ? row[c] + sumLanes(acc[r][c]) : sumLanes(acc[r][c]);
    }
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
