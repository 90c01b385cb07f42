// The GEMM driver: blocks op(A) and op(B) for the caches, packs them into micro-panels (this is where the four
// transpose cases are absorbed, so all run at the same speed), and calls the selected microkernel per register tile.
#include "gemm/gemm.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "gemm/pack.hpp"
#include "gemm/small_rows.hpp"
#include "gemm/strided_b.hpp"
#include "gemm/weight_rows.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::ptrdiff_t;

// Below this many multiply-adds per thread (about 30 us at one core's peak), waking another thread costs more than
// it saves: between the sparse calls of a small network's step the workers have gone to sleep, and waking one
// took 40-50 us (denseForward(8, 128, 256): 55 us on 2 threads in a W1 step, 15 us on one).
constexpr double kGemmGrain = 1024.0 * 1024.0;

// The ReLU epilogue (GemmProblem::relu) on C[m0:m1, n0:n1] once those sums are final; the same expression as the
// ReLU kernel's forward (ops/activation.cpp), so the bits match a separate pass.
void reluBlock(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1) {
  for (int64_t i = m0; i < m1; ++i) {
    float* row = p.C + i * p.ldc;
    for (int64_t j = n0; j < n1; ++j) row[j] = row[j] > 0.0f ? row[j] : 0.0f;
  }
}

// C = bias or beta * C for the K = 0 case (the product is empty).
void scaleBlock(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1) {
  for (int64_t i = m0; i < m1; ++i) {
    float* row = p.C + i * p.ldc;
    for (int64_t j = n0; j < n1; ++j) {
      row[j] = p.bias != nullptr ? p.bias[j] : (p.beta == 0.0f ? 0.0f : p.beta * row[j]);
    }
  }
  if (p.relu) reluBlock(p, m0, m1, n0, n1);
}

// The beta a whole tile's microkernel call takes for one depth block (rows x NR of C at c, column j): the first block
// starts from the bias (C filled with bias[j], then beta = 1) or from beta * C; later ones add.
template <int NR>
float startTile(const GemmProblem& p, bool first, int rows, float* c, int64_t j) {
  if (!first) return 1.0f;
  if (p.bias == nullptr) return p.beta;
  for (int i = 0; i < rows; ++i) std::memcpy(c + i * p.ldc, p.bias + j, NR * sizeof(float));
  return 1.0f;
}

// One register tile of C (rows x cols, at most MR x NR, whose top-left is c, at column j of C) for one depth block,
// started as startTile says (a tile sticking out of C goes through `edge`; a whole tile's bias through the
// microkernel's runBias where it has one). With `last` on a ReLU product, a whole tile goes through the microkernel's
// runRelu (or runBias) where it has one; returns whether the ReLU was applied (otherwise the
// caller runs reluBlock).
template <int MR, int NR>
bool runTile(const MicroKernel& kernel, const GemmProblem& p, bool first, bool last, int rows, int cols, int64_t kc,
             const float* panelA, const float* panelB, float* c, int64_t j, float* edge) {
  const float* bias = first && p.bias != nullptr ? p.bias + j : nullptr;
  const auto ldc = static_cast<ptrdiff_t>(p.ldc);
  if (bias != nullptr && cols == NR && rows == MR && kernel.runBias != nullptr) {
    // The bias added in the kernel's store: no bias rows written into C and read back (1-2 % of a 256-row product).
    const bool relu = last && p.relu;
    kernel.runBias(static_cast<int>(kc), panelA, panelB, c, ldc, bias, relu);
    return relu;
  }
  if (cols == NR && (rows == MR || kernel.runRows != nullptr)) {
    const float beta = startTile<NR>(p, first, rows, c, j);
    if (rows == MR) {
      if (last && p.relu && kernel.runRelu != nullptr) {
        kernel.runRelu(static_cast<int>(kc), panelA, panelB, c, ldc, beta);
        return true;
      }
      kernel.run(static_cast<int>(kc), panelA, panelB, c, ldc, beta);
    } else {
      kernel.runRows(rows, static_cast<int>(kc), panelA, panelB, c, ldc, beta);
    }
    return false;
  }
  kernel.run(static_cast<int>(kc), panelA, panelB, edge, NR, 0.0f);
  const float beta = first && bias == nullptr ? p.beta : 1.0f;
  for (int i = 0; i < rows; ++i) {
    float* dst = c + i * ldc;
    const float* src = edge + i * NR;
    if (bias != nullptr) {
      for (int jj = 0; jj < cols; ++jj) dst[jj] = bias[jj] + src[jj];
    } else if (beta == 0.0f) {
      for (int jj = 0; jj < cols; ++jj) dst[jj] = src[jj];
    } else if (beta == 1.0f) {
      for (int jj = 0; jj < cols; ++jj) dst[jj] += src[jj];
    } else {
      for (int jj = 0; jj < cols; ++jj) dst[jj] = beta * dst[jj] + src[jj];
    }
  }
  return false;
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

  const int64_t depth = gemmBlockDepth(kernel, p.K);
  // When all the rows fit one block (a batch of 64 through a dense layer) and each column of op(B) is a row of B
  // (op(B) = B^T, as a dense layer's forward pass has it), each op(B) panel is used by one row block only: pack it just
  // before its row tiles run, so it is written to and read from L1, instead of packing the whole kc x nc block first
  // (784 x 512: 536 KB, more than L2 holds, read back from L3): 4-5 % faster at 64 x 784 x 512. Not for B [K, N],
  // whose one-panel copy reads one 64-byte piece per row of B (1-2 % slower). Same sums in the same order.
  const bool panelByPanel = p.packedB == nullptr && p.transB && m1 - m0 <= kernel.mc;
  const bool partialTiles = kernel.runRows != nullptr;
  int rowsOfTile = mr;
  for (int64_t jc = n0; jc < n1; jc += kernel.nc) {
    const int64_t nc = std::min<int64_t>(kernel.nc, n1 - jc);
    for (int64_t pc = 0; pc < p.K; pc += depth) {
      const int64_t kc = std::min<int64_t>(depth, p.K - pc);
      if (p.packedB == nullptr && !panelByPanel) pack::packB<NR>(p, jc, nc, pc, kc, ownPanelsB);
      for (int64_t ic = m0; ic < m1; ic += kernel.mc) {
        const int64_t mc = std::min<int64_t>(kernel.mc, m1 - ic);
        pack::packA<MR>(p, ic, mc, pc, kc, packedA, partialTiles);
        for (int64_t jr = 0; jr < nc; jr += nr) {
          const int64_t cols = std::min<int64_t>(nr, nc - jr);
          if (panelByPanel) pack::packB<NR>(p, jc + jr, cols, pc, kc, ownPanelsB);
          const float* panelB = p.packedB != nullptr ? p.packedB + (jc + jr) * p.K + pc * NR
                                : panelByPanel       ? ownPanelsB
                                                     : ownPanelsB + jr * kc;
          // A prepacked op(B)'s next micro-panel, fetched into L2 a slice per row tile while this one runs: weights
          // packed once are read from L3, and the first tile of each panel waited for them (kc x NR floats in the
          // time of one tile): 256 x 784 x 512 on prepacked weights went from 75 to 86 % of the FMA peak on one
          // thread. Blocks packed by the driver itself were just written (no gain measured there).
          const float* nextB = p.packedB != nullptr && jr + nr < nc ? panelB + nr * p.K : nullptr;
          const int64_t nextLines = kc * NR / 16;  // 64-byte lines of one micro-panel
          const int64_t tiles = (mc + mr - 1) / mr;
          const int64_t linesPerTile = (nextLines + tiles - 1) / tiles;
          // Whether this depth block's tiles read C back (a later block, or beta != 0): only then are the next tile's
          // rows of C worth fetching ahead. A tile that only writes C (the first block with a bias or beta = 0: a
          // weight gradient's one block, inference's first) stores through the store buffer, whose misses do not
          // stall the k loop; its prefetches cost issue slots and miss buffers (W2's fc2 dW 86-88 -> 88-89 GFLOPS,
          // infer-W2 at batch 256 1.8 % faster, one thread, alternating runs).
          const bool readsC = pc != 0 || (p.bias == nullptr && p.beta != 0.0f);
          for (int64_t ir = 0, tile = 0; ir < mc; ir += rowsOfTile, ++tile) {
            rowsOfTile = pack::tileRows<MR>(mc - ir, partialTiles);
            const int rows = rowsOfTile;
            if (nextB != nullptr) {
              const int64_t first = tile * linesPerTile;
              const int64_t last = std::min(nextLines, first + linesPerTile);
              for (int64_t line = first; line < last; ++line) NW_PREFETCH_L2(nextB + line * 16);
            }
            float* c = p.C + (ic + ir) * p.ldc + jc + jr;
            if (readsC && ir + mr < mc) {
              // The next tile's rows of C, so that reading them back does not stall (C of a 1024^3 product is read
              // from L3 in each later depth block: 81-82 GFLOPS without this, 88-91 with it).
              for (int i = 0; i < mr; ++i) {
                NW_PREFETCH(c + (mr + i) * p.ldc);
                NW_PREFETCH(c + (mr + i) * p.ldc + nr - 1);
              }
            }
            const bool last = pc + kc == p.K;
            const bool reluDone = runTile<MR, NR>(kernel, p, pc == 0, last, rows, static_cast<int>(cols), kc,
                                                  packedA + tile * mr * kc, panelB, c, jc + jr, edge);
            if (p.relu && last && !reluDone) reluBlock(p, ic + ir, ic + ir + rows, jc + jr, jc + jr + cols);
          }
        }
      }
    }
  }
}

// gemmBlockFor for an op(B) read in place through rowOffsets / panelStarts (GemmProblem): nothing of op(B) is packed,
// each register tile reads its panel's rows where they lie (a convolution's padded image, in L1 or L2). Tiles, depth
// blocks and each tile's start (startTile) are the packed driver's, so the sums are those of the same floats packed.
template <int MR, int NR>
void gemmOffsetsBlockFor(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1, ThreadScratch& scratch) {
  if (m0 >= m1 || n0 >= n1) return;
  if (p.K == 0) {
    scaleBlock(p, m0, m1, n0, n1);
    return;
  }
  const MicroKernel& kernel = gemmKernel();
  float* packedA = scratch.packedA.data<float>();
  const auto ldc = static_cast<ptrdiff_t>(p.ldc);
  const int64_t depth = gemmBlockDepth(kernel, p.K);
  for (int64_t pc = 0; pc < p.K; pc += depth) {
    const int64_t kc = std::min<int64_t>(depth, p.K - pc);
    const int64_t* offsets = p.rowOffsets + pc;
    for (int64_t ic = m0; ic < m1; ic += kernel.mc) {
      const int64_t mc = std::min<int64_t>(kernel.mc, m1 - ic);
      pack::packA<MR>(p, ic, mc, pc, kc, packedA, true);  // runRowsOffsets: partial-row tiles
      for (int64_t j = n0; j < n1; j += NR) {
        const float* panel = p.B + p.panelStarts[j / NR];
        int rows = MR;
        for (int64_t ir = 0, tile = 0; ir < mc; ir += rows, ++tile) {
          rows = pack::tileRows<MR>(mc - ir, true);
          const float* panelA = packedA + tile * MR * kc;
          float* c = p.C + (ic + ir) * p.ldc + j;
          const float beta = startTile<NR>(p, pc == 0, rows, c, j);
          if (rows == MR) {
            kernel.runOffsets(static_cast<int>(kc), panelA, panel, offsets, c, ldc, beta);
          } else {
            kernel.runRowsOffsets(rows, static_cast<int>(kc), panelA, panel, offsets, c, ldc, beta);
          }
          if (p.relu && pc + kc == p.K) reluBlock(p, ic + ir, ic + ir + rows, j, j + NR);
        }
      }
    }
  }
}

void gemmBlock(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1, ThreadScratch& scratch) {
  const MicroKernel& kernel = gemmKernel();
  n0 = gemmStridedBBlock(p, m0, m1, n0, n1, scratch);  // B [K, N] read in place for a few rows: its whole panels
  if (n0 >= n1) return;
  if (p.rowOffsets != nullptr) {
    // The AVX2 (6 x 16) and AVX-512 (8 x 32) kernels read offsets (see gemmReadsOffsets); every panel is whole (the
    // tiles store NR columns with no edge copy).
    if (kernel.runOffsets != nullptr && kernel.runRowsOffsets != nullptr && p.N % kernel.nr == 0) {
      if (kernel.mr == 6 && kernel.nr == 16) return gemmOffsetsBlockFor<6, 16>(p, m0, m1, n0, n1, scratch);
      if (kernel.mr == 8 && kernel.nr == 32) return gemmOffsetsBlockFor<8, 32>(p, m0, m1, n0, n1, scratch);
    }
    std::abort();  // a caller passed rowOffsets although gemmReadsOffsets() is false, or a partial panel
  }
  // One instantiation per microkernel's tile (see the ukernel_*.cpp files).
  if (kernel.mr == 6 && kernel.nr == 16) return gemmBlockFor<6, 16>(p, m0, m1, n0, n1, scratch);
  if (kernel.mr == 8 && kernel.nr == 32) return gemmBlockFor<8, 32>(p, m0, m1, n0, n1, scratch);
  if (kernel.mr == 8 && kernel.nr == 12) return gemmBlockFor<8, 12>(p, m0, m1, n0, n1, scratch);
  if (kernel.mr == 4 && kernel.nr == 8) return gemmBlockFor<4, 8>(p, m0, m1, n0, n1, scratch);
  std::abort();  // a microkernel was added without its instantiation here
}

}  // namespace

int64_t gemmBlockDepth(const MicroKernel& kernel, int64_t K) {
  const int64_t blocks = std::max<int64_t>(1, (K + kernel.kc / 2) / kernel.kc);
  return (K + blocks - 1) / blocks;
}

void reserveGemmPanels(ThreadScratch& scratch) {
  const MicroKernel& kernel = gemmKernel();
  const std::size_t depth = static_cast<std::size_t>(kernel.kc) * 3 / 2 + 1;  // the largest gemmBlockDepth
  scratch.packedA.reserve<float>(static_cast<std::size_t>(kernel.mc) * depth);
  scratch.packedB.reserve<float>(static_cast<std::size_t>(kernel.nc) * depth);
}

void gemmSerial(const GemmProblem& problem, int ith) {
  gemmBlock(problem, 0, problem.M, 0, problem.N, threadScratch(ith));
}

void gemmParallel(const GemmProblem& p) {
  if (p.M <= 0 || p.N <= 0) return;
  if (gemmSmallRows(p)) {
    if (p.relu) reluBlock(p, 0, p.M, 0, p.N);  // a small product: one pass over its C
    return;
  }
  if (gemmWeightRows(p)) return;
  const MicroKernel& kernel = gemmKernel();
  const int64_t tilesM = (p.M + kernel.mr - 1) / kernel.mr;
  const int64_t tilesN = (p.N + kernel.nr - 1) / kernel.nr;
  const int nth = threadsFor(
      static_cast<double>(p.M) * static_cast<double>(p.N) * static_cast<double>(std::max<int64_t>(p.K, 1)), kGemmGrain);

  // Split C into a grid of tm x tn rectangles of whole tiles. Each thread packs its own panels, so the cost per
  // thread is its share of the products plus the packing of its rows and columns: about one cycle a packed element
  // against 16 multiply-adds a cycle (1024^3 and 64-row products split their columns: measured quietly, 1024^3 173
  // GFLOPS split by columns against 157-162 by rows). A prepacked op(B) (inference's weights) costs as much: each
  // thread that uses a panel reads it from L3 or memory, 1.6 MB for W2's first layer, so with its rows split both
  // threads read all of it. infer-W2 at batch 256 on two threads of a Zen 5 (AVX-512), nine alternating runs each:
  // 0.93-1.28x ONNX Runtime split by rows, 1.03-1.27x by columns (each thread packing all the activations' rows); with
  // the AVX2 kernels 2-3 % faster by columns. Nothing is packed or read for a convolution's windows read in place.
  const double packRow = 16.0;
  const double packCol = p.rowOffsets != nullptr ? 0.0 : 16.0;
  int bestRows = 1, bestCols = 1;
  double bestCost = std::numeric_limits<double>::max();
  for (int tm = 1; tm <= nth; ++tm) {
    for (int tn = 1; tm * tn <= nth; ++tn) {
      if (tm > tilesM || tn > tilesN) continue;
      const double rows = static_cast<double>((tilesM + tm - 1) / tm) * kernel.mr;
      const double cols = static_cast<double>((tilesN + tn - 1) / tn) * kernel.nr;
      const double cost = rows * cols + packRow * rows + packCol * cols;
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
