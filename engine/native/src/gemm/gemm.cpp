// The GEMM driver: blocks op(A) and op(B) for the caches, packs them into micro-panels (this is where the four
// transpose cases are absorbed, so all run at the same speed), and calls the selected microkernel per register tile.
#include "gemm/gemm.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "gemm/pack.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::ptrdiff_t;

// Below this many multiply-adds per thread, waking another thread costs more than it saves.
constexpr double kGemmGrain = 96.0 * 1024.0;

// The depth of the K blocks: K split into round(K / kc) nearly equal blocks (at least one), so no block is a short
// remainder whose C updates dominate; at most 1.5 kc. Depends on K only, which keeps results thread-independent.
int64_t blockDepth(const MicroKernel& kernel, int64_t K) {
  const int64_t blocks = std::max<int64_t>(1, (K + kernel.kc / 2) / kernel.kc);
  return (K + blocks - 1) / blocks;
}

// C = beta * C for the K = 0 case (the product is empty).
void scaleBlock(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1) {
  for (int64_t i = m0; i < m1; ++i) {
    float* row = p.C + i * p.ldc;
    for (int64_t j = n0; j < n1; ++j) row[j] = p.beta == 0.0f ? 0.0f : p.beta * row[j];
  }
}

// Computes C[m0:m1, n0:n1]; m0 and n0 are multiples of MR and NR so that register tiles line up with the global
// grid whatever the split between threads.
template <int MR, int NR>
void gemmBlockFor(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1, ThreadScratch& scratch) {
  if (m0 >= m1 || n0 >= n1) return;
  if (p.K == 0) {
    scaleBlock(p, m0, m1, n0, n1);
    return;
  }
  const MicroKernel& kernel = gemmKernel();
  constexpr int mr = MR;
  constexpr int nr = NR;
  float* packedA = scratch.packedA.data<float>();
  float* ownPanelsB = scratch.packedB.data<float>();
  alignas(64) float edge[32 * 32];  // one register tile when it sticks out of C

  const int64_t depth = blockDepth(kernel, p.K);
  for (int64_t jc = n0; jc < n1; jc += kernel.nc) {
    const int64_t nc = std::min<int64_t>(kernel.nc, n1 - jc);
    for (int64_t pc = 0; pc < p.K; pc += depth) {
      const int64_t kc = std::min<int64_t>(depth, p.K - pc);
      const float beta = pc == 0 ? p.beta : 1.0f;
      if (p.packedB == nullptr) pack::packB<NR>(p, jc, nc, pc, kc, ownPanelsB);
      for (int64_t ic = m0; ic < m1; ic += kernel.mc) {
        const int64_t mc = std::min<int64_t>(kernel.mc, m1 - ic);
        pack::packA<MR>(p, ic, mc, pc, kc, packedA);
        for (int64_t jr = 0; jr < nc; jr += nr) {
          const int64_t cols = std::min<int64_t>(nr, nc - jr);
          const float* panelB = p.packedB != nullptr ? p.packedB + (jc + jr) * p.K + pc * NR : ownPanelsB + jr * kc;
          for (int64_t ir = 0; ir < mc; ir += mr) {
            const int64_t rows = std::min<int64_t>(mr, mc - ir);
            const float* panelA = packedA + ir * kc;
            float* c = p.C + (ic + ir) * p.ldc + jc + jr;
            if (rows == mr && cols == nr) {
              kernel.run(static_cast<int>(kc), panelA, panelB, c, static_cast<ptrdiff_t>(p.ldc), beta);
              continue;
            }
            kernel.run(static_cast<int>(kc), panelA, panelB, edge, nr, 0.0f);
            for (int64_t i = 0; i < rows; ++i) {
              float* dst = c + i * p.ldc;
              const float* src = edge + i * nr;
              if (beta == 0.0f) {
                for (int64_t j = 0; j < cols; ++j) dst[j] = src[j];
              } else if (beta == 1.0f) {
                for (int64_t j = 0; j < cols; ++j) dst[j] += src[j];
              } else {
                for (int64_t j = 0; j < cols; ++j) dst[j] = beta * dst[j] + src[j];
              }
            }
          }
        }
      }
    }
  }
}

void gemmBlock(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1, ThreadScratch& scratch) {
  const MicroKernel& kernel = gemmKernel();
  // One instantiation per microkernel's tile (see the ukernel_*.cpp files).
  if (kernel.mr == 6 && kernel.nr == 16) return gemmBlockFor<6, 16>(p, m0, m1, n0, n1, scratch);
  if (kernel.mr == 8 && kernel.nr == 32) return gemmBlockFor<8, 32>(p, m0, m1, n0, n1, scratch);
  if (kernel.mr == 8 && kernel.nr == 12) return gemmBlockFor<8, 12>(p, m0, m1, n0, n1, scratch);
  if (kernel.mr == 4 && kernel.nr == 8) return gemmBlockFor<4, 8>(p, m0, m1, n0, n1, scratch);
  std::abort();  // a microkernel was added without its instantiation here
}

}  // namespace

void reserveGemmPanels(ThreadScratch& scratch) {
  const MicroKernel& kernel = gemmKernel();
  const std::size_t depth = static_cast<std::size_t>(kernel.kc) * 3 / 2 + 1;  // the largest blockDepth
  scratch.packedA.reserve<float>(static_cast<std::size_t>(kernel.mc) * depth);
  scratch.packedB.reserve<float>(static_cast<std::size_t>(kernel.nc) * depth);
}

void gemmSerial(const GemmProblem& problem, int ith) { gemmBlock(problem, 0, problem.M, 0, problem.N, threadScratch(ith)); }

void gemmParallel(const GemmProblem& p) {
  if (p.M <= 0 || p.N <= 0) return;
  const MicroKernel& kernel = gemmKernel();
  const int64_t tilesM = (p.M + kernel.mr - 1) / kernel.mr;
  const int64_t tilesN = (p.N + kernel.nr - 1) / kernel.nr;
  const int nth = threadsFor(static_cast<double>(p.M) * static_cast<double>(p.N) * static_cast<double>(std::max<int64_t>(p.K, 1)),
                             kGemmGrain);

  // Split C into a grid of tm x tn rectangles of whole tiles. Each thread packs its own panels, so the cost per
  // thread is its share of the products plus the packing of its rows and columns.
  int bestRows = 1, bestCols = 1;
  double bestCost = std::numeric_limits<double>::max();
  for (int tm = 1; tm <= nth; ++tm) {
    for (int tn = 1; tm * tn <= nth; ++tn) {
      if (tm > tilesM || tn > tilesN) continue;
      const double rows = static_cast<double>((tilesM + tm - 1) / tm) * kernel.mr;
      const double cols = static_cast<double>((tilesN + tn - 1) / tn) * kernel.nr;
      const double cost = rows * cols + 8.0 * (rows + cols);
      if (cost < bestCost) {
        bestCost = cost;
        bestRows = tm;
        bestCols = tn;
      }
    }
  }
  if (bestRows * bestCols == 1) {
    gemmBlock(p, 0, p.M, 0, p.N, threadScratch(0));
    return;
  }
  parallelFor(bestRows * bestCols, [&](int ith, int) {
    const Range rowTiles = evenShare(static_cast<std::size_t>(tilesM), ith / bestCols, bestRows);
    const Range colTiles = evenShare(static_cast<std::size_t>(tilesN), ith % bestCols, bestCols);
    const int64_t m0 = static_cast<int64_t>(rowTiles.begin) * kernel.mr;
    const int64_t m1 = std::min<int64_t>(p.M, static_cast<int64_t>(rowTiles.end) * kernel.mr);
    const int64_t n0 = static_cast<int64_t>(colTiles.begin) * kernel.nr;
    const int64_t n1 = std::min<int64_t>(p.N, static_cast<int64_t>(colTiles.end) * kernel.nr);
    gemmBlock(p, m0, m1, n0, n1, threadScratch(ith));
  });
}

}  // namespace nw
