// The GEMM driver: blocks op(A) and op(B) for the caches, packs them into micro-panels (this is where the four
// transpose cases are absorbed, so all run at the same speed), and calls the selected microkernel per register tile.
#include "gemm/gemm.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <limits>

#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::ptrdiff_t;

// Below this many multiply-adds per thread, waking another thread costs more than it saves.
constexpr double kGemmGrain = 96.0 * 1024.0;

// Packs rows [i0, i0 + mc) x depth [p0, p0 + kc) of alpha * op(A) into micro-panels of mr rows: panel q holds
// element (i0 + q*mr + r, p0 + k) at [q * mr * kc + k * mr + r]; rows past M are zero.
void packA(const GemmProblem& p, int mr, int64_t i0, int64_t mc, int64_t p0, int64_t kc, float* out) {
  const float alpha = p.alpha;
  for (int64_t q = 0; q < mc; q += mr) {
    const int64_t rows = std::min<int64_t>(mr, mc - q);
    float* panel = out + q * kc;
    if (!p.transA) {
      // A is [M, K]: each row of the panel is contiguous in memory.
      for (int64_t r = 0; r < rows; ++r) {
        const float* src = p.A + (i0 + q + r) * p.lda + p0;
        for (int64_t k = 0; k < kc; ++k) panel[k * mr + r] = alpha * src[k];
      }
    } else {
      // A is [K, M]: for each k the panel's rows are contiguous.
      for (int64_t k = 0; k < kc; ++k) {
        const float* src = p.A + (p0 + k) * p.lda + i0 + q;
        float* dst = panel + k * mr;
        for (int64_t r = 0; r < rows; ++r) dst[r] = alpha * src[r];
      }
    }
    if (rows < mr) {
      for (int64_t k = 0; k < kc; ++k) {
        for (int64_t r = rows; r < mr; ++r) panel[k * mr + r] = 0.0f;
      }
    }
  }
}

// Packs depth [p0, p0 + kc) x columns [j0, j0 + nc) of op(B) into micro-panels of nr columns: panel q holds
// element (p0 + k, j0 + q*nr + c) at [q * nr * kc + k * nr + c]; columns past N are zero.
void packB(const GemmProblem& p, int nr, int64_t j0, int64_t nc, int64_t p0, int64_t kc, float* out) {
  for (int64_t q = 0; q < nc; q += nr) {
    const int64_t cols = std::min<int64_t>(nr, nc - q);
    float* panel = out + q * kc;
    if (!p.transB) {
      // B is [K, N]: each k's columns are contiguous.
      for (int64_t k = 0; k < kc; ++k) {
        const float* src = p.B + (p0 + k) * p.ldb + j0 + q;
        float* dst = panel + k * nr;
        std::memcpy(dst, src, static_cast<std::size_t>(cols) * sizeof(float));
        for (int64_t c = cols; c < nr; ++c) dst[c] = 0.0f;
      }
    } else {
      // B is [N, K]: each column of op(B) is contiguous; transpose 4 columns at a time to keep reads streaming.
      int64_t c = 0;
      for (; c + 4 <= cols; c += 4) {
        const float* s0 = p.B + (j0 + q + c) * p.ldb + p0;
        const float* s1 = s0 + p.ldb;
        const float* s2 = s1 + p.ldb;
        const float* s3 = s2 + p.ldb;
        for (int64_t k = 0; k < kc; ++k) {
          float* dst = panel + k * nr + c;
          dst[0] = s0[k];
          dst[1] = s1[k];
          dst[2] = s2[k];
          dst[3] = s3[k];
        }
      }
      for (; c < cols; ++c) {
        const float* src = p.B + (j0 + q + c) * p.ldb + p0;
        for (int64_t k = 0; k < kc; ++k) panel[k * nr + c] = src[k];
      }
      for (; c < nr; ++c) {
        for (int64_t k = 0; k < kc; ++k) panel[k * nr + c] = 0.0f;
      }
    }
  }
}

// C = beta * C for the K = 0 case (the product is empty).
void scaleBlock(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1) {
  for (int64_t i = m0; i < m1; ++i) {
    float* row = p.C + i * p.ldc;
    for (int64_t j = n0; j < n1; ++j) row[j] = p.beta == 0.0f ? 0.0f : p.beta * row[j];
  }
}

// Computes C[m0:m1, n0:n1]; m0 and n0 are multiples of mr and nr so that register tiles line up with the global
// grid whatever the split between threads.
void gemmBlock(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1, ThreadScratch& scratch) {
  if (m0 >= m1 || n0 >= n1) return;
  if (p.K == 0) {
    scaleBlock(p, m0, m1, n0, n1);
    return;
  }
  const MicroKernel& kernel = gemmKernel();
  const int mr = kernel.mr;
  const int nr = kernel.nr;
  float* packedA = scratch.packedA.data<float>();
  float* packedB = scratch.packedB.data<float>();
  alignas(64) float edge[32 * 32];  // one register tile when it sticks out of C

  for (int64_t jc = n0; jc < n1; jc += kernel.nc) {
    const int64_t nc = std::min<int64_t>(kernel.nc, n1 - jc);
    for (int64_t pc = 0; pc < p.K; pc += kernel.kc) {
      const int64_t kc = std::min<int64_t>(kernel.kc, p.K - pc);
      const float beta = pc == 0 ? p.beta : 1.0f;
      packB(p, nr, jc, nc, pc, kc, packedB);
      for (int64_t ic = m0; ic < m1; ic += kernel.mc) {
        const int64_t mc = std::min<int64_t>(kernel.mc, m1 - ic);
        packA(p, mr, ic, mc, pc, kc, packedA);
        for (int64_t jr = 0; jr < nc; jr += nr) {
          const int64_t cols = std::min<int64_t>(nr, nc - jr);
          const float* panelB = packedB + jr * kc;
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

}  // namespace

void reserveGemmPanels(ThreadScratch& scratch) {
  const MicroKernel& kernel = gemmKernel();
  scratch.packedA.reserve<float>(static_cast<std::size_t>(kernel.mc) * kernel.kc);
  scratch.packedB.reserve<float>(static_cast<std::size_t>(kernel.nc) * kernel.kc);
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
