// C = A B^T for a batch of rows of A (M of them, K long) and a large B stored [N, K] (a dense layer's forward pass in
// training: x W^T, W [out, in]), computed as C^T = B A^T. The panel driver packs all of B into column panels for M
// rows of work, a transpose of N x K floats (784 x 512 for a batch of 64: a tenth of the product's time); here B's
// rows are the microkernel's op(A) rows, read where they lie (MicroKernel::runInPlaceA), and only A is packed (as the
// op(B) panels of C^T, M x K floats). C^T goes to a scratch (N x M, in L2) and is transposed into C at the end.
// The depth blocks (gemmBlockDepth), each sum's FMAs and the order the blocks are added in are the panel driver's,
// so the bits are too. Threads split B's rows, so each reads only its share of B, and writes only its columns of C.
#include "gemm/weight_rows.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "gemm/pack.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;

// The kernels with runInPlaceA: AVX2's tile of 6 rows of B (columns of C) x 16 rows of A (rows of C), AVX-512's 8 x 32.
// C^T's transpose into C goes 16 rows of C (one 64-byte line of a C^T row) at a time whatever the tile.
constexpr int kLine = 16;
// At most this many rows of A: their panels (256 x 262 floats for a depth block, 268 KB) stay in L2 while every row
// of B passes over them (256 x 784 x 512 on one thread: 96.2 GFLOPS in the panel driver, 98.7 here).
constexpr int64_t kMaxRows = 256;
// Multiply-adds per thread below which a second thread costs more than it saves (gemm.cpp's kGemmGrain).
constexpr double kGrain = 1024.0 * 1024.0;

// C[i, j] = C^T[j, i] for the columns [j0, j1) of C, through the ReLU if asked (x > 0 ? x : +0, gemm.cpp's reluBlock:
// NaN and -0 give +0). Goes 16 rows of C at a time (one 64-byte line of a C^T row) so that the 16 rows of C being
// written stay in L1 until their lines are whole: going down all of C for each 4 columns (pack::transposeRows's
// order) wrote each line of C in four visits from L2, and took 8 % of a 64 x 784 x 512 product.
void transposeShare(const GemmProblem& p, int64_t j0, int64_t j1, int64_t mp, const float* s) {
  const auto finish = [&](float x) { return p.relu ? (x > 0.0f ? x : 0.0f) : x; };
  for (int64_t i0 = 0; i0 < p.M; i0 += kLine) {
    const int64_t i1 = std::min<int64_t>(p.M, i0 + kLine);
    int64_t j = j0;
#if defined(NW_PACK_SSE)
    const __m128 zero = _mm_setzero_ps();
    for (; j + 4 <= j1; j += 4) {
      int64_t i = i0;
      for (; i + 4 <= i1; i += 4) {
        __m128 r0 = _mm_loadu_ps(s + j * mp + i), r1 = _mm_loadu_ps(s + (j + 1) * mp + i);
        __m128 r2 = _mm_loadu_ps(s + (j + 2) * mp + i), r3 = _mm_loadu_ps(s + (j + 3) * mp + i);
        _MM_TRANSPOSE4_PS(r0, r1, r2, r3);
        if (p.relu) {
          // max(x, 0) gives its second operand on a NaN and on equal zeros: x > 0 ? x : +0 bit for bit.
          r0 = _mm_max_ps(r0, zero);
          r1 = _mm_max_ps(r1, zero);
          r2 = _mm_max_ps(r2, zero);
          r3 = _mm_max_ps(r3, zero);
        }
        _mm_storeu_ps(p.C + i * p.ldc + j, r0);
        _mm_storeu_ps(p.C + (i + 1) * p.ldc + j, r1);
        _mm_storeu_ps(p.C + (i + 2) * p.ldc + j, r2);
        _mm_storeu_ps(p.C + (i + 3) * p.ldc + j, r3);
      }
      for (; i < i1; ++i) {
        for (int64_t jj = j; jj < j + 4; ++jj) p.C[i * p.ldc + jj] = finish(s[jj * mp + i]);
      }
    }
#endif
    for (; j < j1; ++j) {
      for (int64_t i = i0; i < i1; ++i) p.C[i * p.ldc + j] = finish(s[j * mp + i]);
    }
  }
}

// Rows [q, q + kColumns) of A over depth [pc, pc + kc) as one op(B) panel of C^T (kColumns x kc), rows past M zero.
template <int kColumns>
void packPanel(const GemmProblem& p, int64_t q, int64_t pc, int64_t kc, float* panel) {
  const MicroKernel& kernel = gemmKernel();
  const int cols = static_cast<int>(std::min<int64_t>(kColumns, p.M - q));
  const float* rows = p.A + q * p.lda + pc;
  if (cols == kColumns && kernel.transposePanel != nullptr) {
    kernel.transposePanel(rows, static_cast<std::ptrdiff_t>(p.lda), kc, panel);
  } else {
    std::fill(panel, panel + kColumns * kc, 0.0f);
    pack::transposeRows(rows, p.lda, cols, kc, panel, kColumns, 1.0f);
  }
}

// The rows [j0, j1) of C^T (columns of C) through every depth block, on the calling pool thread's scratch; s is C^T
// (ld = the padded batch mp), then its rows are transposed into C. `shared` holds A^T's panels for all depth blocks
// (block pc's at shared + pc * mp), packed once for all threads; null on one thread, which packs each block's into
// its own scratch just before using it.
template <int kRows, int kColumns>
void weightRowsShare(const GemmProblem& p, int64_t j0, int64_t j1, int64_t mp, const float* shared, float* s,
                     ThreadScratch& scratch) {
  const MicroKernel& kernel = gemmKernel();
  float* own = scratch.packedB.data<float>();   // A^T in kColumns-row panels: mp x kc floats
  float* tile = scratch.packedA.data<float>();  // the last rows of B when fewer than kRows: kRows x kc, zero-padded
  alignas(64) float edge[kRows * kColumns];
  const int64_t depth = gemmBlockDepth(kernel, p.K);
  for (int64_t pc = 0; pc < p.K; pc += depth) {
    const int64_t kc = std::min<int64_t>(depth, p.K - pc);
    const bool first = pc == 0;
    const float* panels = shared != nullptr ? shared + pc * mp : own;
    if (shared == nullptr) {
      for (int64_t q = 0; q < mp; q += kColumns) packPanel<kColumns>(p, q, pc, kc, own + q * kc);
    }
    for (int64_t j = j0; j < j1; j += kRows) {
      const int rows = static_cast<int>(std::min<int64_t>(kRows, j1 - j));
      const float* b = p.B + j * p.ldb + pc;
      int64_t ldb = p.ldb;
      if (rows < kRows) {
        std::fill(tile, tile + kRows * kc, 0.0f);
        for (int r = 0; r < rows; ++r) std::memcpy(tile + r * kc, b + r * p.ldb, static_cast<std::size_t>(kc) * 4);
        b = tile;
        ldb = kc;
      }
      // The first block starts from the bias (the panel driver's runBias adds bias[j] to the first sum) or from 0.
      if (first && p.bias != nullptr) {
        for (int r = 0; r < rows; ++r) std::fill(s + (j + r) * mp, s + (j + r + 1) * mp, p.bias[j + r]);
      }
      const float beta = first && p.bias == nullptr ? 0.0f : 1.0f;
      for (int64_t q = 0; q < mp; q += kColumns) {
        float* c = s + j * mp + q;
        if (rows == kRows) {
          kernel.runInPlaceA(static_cast<int>(kc), b, static_cast<std::ptrdiff_t>(ldb), panels + q * kc, c,
                             static_cast<std::ptrdiff_t>(mp), beta);
          continue;
        }
        kernel.runInPlaceA(static_cast<int>(kc), b, static_cast<std::ptrdiff_t>(ldb), panels + q * kc, edge, kColumns,
                           0.0f);
        for (int r = 0; r < rows; ++r) {
          float* dst = c + r * mp;
          const float* sum = edge + r * kColumns;
          for (int i = 0; i < kColumns; ++i) dst[i] = beta == 0.0f ? sum[i] : dst[i] + sum[i];
        }
      }
    }
  }
  transposeShare(p, j0, j1, mp, s);
}

template <int kRows, int kColumns>
bool weightRowsFor(const GemmProblem& p) {
  if (!p.transB || p.transA || p.packedB != nullptr || p.rowOffsets != nullptr) return false;
  if (p.alpha != 1.0f || p.beta != 0.0f || p.K <= 0 || p.M > kMaxRows || p.N < kColumns) return false;
  // C^T's rows are computed kColumns wide: a batch padded by more than an eighth wastes more multiply-adds than packing
  // B costs (8 x 256 x 128, W1's first layer: 43 GFLOPS here against 49 in the panel driver).
  const int64_t mp = (p.M + kColumns - 1) / kColumns * kColumns;
  if ((mp - p.M) * 8 > p.M) return false;
  // The panel driver ends such a batch in a 1- or 2-row tile, which sums even and odd k apart (2 rows of 16 columns
  // have too few chains for the FMA latency otherwise; 32-channel convolutions end so): bits this path cannot give.
  // With 6-row tiles a batch of 32 or 128 keeps the panel driver (pack::tileRows), with 8-row ones a batch of 250
  // (M = 1 or 2 mod 8). Tiles of 3 rows or more sum in a whole tile's order.
  if (p.M % kRows == 1 || p.M % kRows == 2) return false;

  float* s = sharedScratch(Shared::WeightRows).reserve<float>(static_cast<std::size_t>(p.N * mp));
  const int64_t tiles = (p.N + kRows - 1) / kRows;
  const double work = static_cast<double>(p.M) * static_cast<double>(p.N) * static_cast<double>(p.K);
  const int nth = static_cast<int>(std::min<int64_t>(tiles, threadsFor(work, kGrain)));
  // On several threads A^T is packed once, its panels split over the threads, instead of by each thread whole (a
  // tenth of a 64 x 512 x 512 product on two threads).
  float* shared = nullptr;
  if (nth > 1) {
    shared = sharedScratch(Shared::WeightRowsPanels).reserve<float>(static_cast<std::size_t>(mp * p.K));
    const int64_t depth = gemmBlockDepth(gemmKernel(), p.K);
    const int64_t blocks = (p.K + depth - 1) / depth;
    const int64_t panelsPerBlock = mp / kColumns;
    parallelFor(nth, [&](int ith, int n) {
      const Range share = evenShare(static_cast<std::size_t>(blocks * panelsPerBlock), ith, n);
      for (std::size_t job = share.begin; job < share.end; ++job) {
        const int64_t pc = static_cast<int64_t>(job) / panelsPerBlock * depth;
        const int64_t q = static_cast<int64_t>(job) % panelsPerBlock * kColumns;
        const int64_t kc = std::min<int64_t>(depth, p.K - pc);
        packPanel<kColumns>(p, q, pc, kc, shared + pc * mp + q * kc);  // block pc's panels at shared + pc * mp
      }
    });
  }
  parallelFor(nth, [&](int ith, int n) {
    const Range share = evenShare(static_cast<std::size_t>(tiles), ith, n);
    const int64_t j0 = static_cast<int64_t>(share.begin) * kRows;
    const int64_t j1 = std::min<int64_t>(p.N, static_cast<int64_t>(share.end) * kRows);
    if (j0 < j1) weightRowsShare<kRows, kColumns>(p, j0, j1, mp, shared, s, threadScratch(ith));
  });
  return true;
}

}  // namespace

bool gemmWeightRows(const GemmProblem& p) {
  const MicroKernel& kernel = gemmKernel();
  if (!gemmReadsWeightRows()) return false;
  if (kernel.mr == 6 && kernel.nr == 16) return weightRowsFor<6, 16>(p);
  if (kernel.mr == 8 && kernel.nr == 32) return weightRowsFor<8, 32>(p);
  return false;
}

}  // namespace nw
