// The small-M GEMM path: C = alpha op(A) op(B) + beta C (or bias + alpha op(A) op(B)) for 1 to 4 rows of op(A), op(B)
// read once in place by the ISA's dotRows (op(B) = B^T, e.g. a dense layer's [out, in] weight) or axpyRows (B [K, N])
// kernel. Packing is what such products cost in the panel driver: a batch of one through W2's 784-512 layer packed
// all 1.6 MB of the weight for 0.4 M multiply-adds. Also any number of rows times a narrow op(B) = B^T (fewer columns
// than the driver's register tile), 4 rows at a time. Threads split the groups of rows, or the columns of a single
// group; each sum is computed the same way whoever computes it.
#include "gemm/small_rows.hpp"

#include <algorithm>
#include <cstdint>

#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;

constexpr int64_t kMaxRows = 4;
// Columns of C per share of a thread (a share's columns go into tiles of nearly equal widths, small_rows_loops.hpp).
constexpr int64_t kColumnUnit = 16;
// Columns per kernel call: the call's sums (rows x kChunk floats) live on the stack.
constexpr int64_t kChunk = 256;
// Multiply-adds per thread: a sixteenth of the panel driver's grain, since these products stream op(B) once and are
// bound by loading it (two cores load twice as fast), and between the layers of one forward pass the workers are
// still spinning (not asleep). A batch of one through 784-512-512-10 on two Zen 5 threads: 31.7k samples/s with a
// grain of 256 Ki (every layer on one thread), 62.4-63.6k with 64 Ki.
constexpr double kGrain = 64.0 * 1024.0;

// C rows [i0, i0 + rows) (rows <= kMaxRows) x columns [j0, j1) of the problem, op(A)'s rows at a (lda apart).
void rowGroup(const MicroKernel& kernel, const GemmProblem& p, const float* a, int64_t lda, int64_t i0, int rows,
              int64_t j0, int64_t j1) {
  alignas(64) float sums[kMaxRows * kChunk];
  a += i0 * lda;
  for (int64_t j = j0; j < j1; j += kChunk) {
    const int64_t cols = std::min<int64_t>(kChunk, j1 - j);
    if (p.transB) {
      kernel.dotRows(rows, p.K, a, lda, p.B + j * p.ldb, p.ldb, cols, sums, kChunk);
    } else {
      kernel.axpyRows(rows, p.K, a, lda, p.B + j, p.ldb, cols, sums, kChunk);
    }
    for (int i = 0; i < rows; ++i) {
      float* c = p.C + (i0 + i) * p.ldc + j;
      const float* s = sums + i * kChunk;
      if (p.bias != nullptr) {
        for (int64_t jj = 0; jj < cols; ++jj) c[jj] = p.bias[j + jj] + p.alpha * s[jj];
      } else if (p.beta == 0.0f) {
        for (int64_t jj = 0; jj < cols; ++jj) c[jj] = p.alpha * s[jj];
      } else {
        for (int64_t jj = 0; jj < cols; ++jj) c[jj] = p.beta * c[jj] + p.alpha * s[jj];
      }
    }
  }
}

}  // namespace

bool gemmSmallRows(const GemmProblem& p) {
  if (p.M <= 0 || p.N <= 0 || p.K <= 0 || p.packedB != nullptr || p.rowOffsets != nullptr) return false;
  const MicroKernel& kernel = gemmKernel();
  // A narrow op(B) = B^T (a classifier's [classes, in] weight, 10 columns) would fill only part of the panel driver's
  // register tile (10 of 16 columns) and pay its packing for a tiny product: op(A)'s rows (contiguous in k, not
  // gathered) go through dotRows 4 at a time instead. 64 x 512 x 10: 1.5x as fast.
  const bool narrow = p.transB && !p.transA && p.N < kernel.nr;
  if (p.M > kMaxRows && !narrow) return false;

  // The kernels read rows of op(A) contiguous in k: A^T ([K, M]) is gathered first (M x K floats).
  const float* a = p.A;
  int64_t lda = p.lda;
  if (p.transA) {
    float* gathered = sharedScratch(Shared::SmallRows).reserve<float>(static_cast<std::size_t>(p.M * p.K));
    for (int64_t k = 0; k < p.K; ++k) {
      for (int64_t i = 0; i < p.M; ++i) gathered[i * p.K + k] = p.A[k * p.lda + i];
    }
    a = gathered;
    lda = p.K;
  }

  // Threads split the groups of 4 rows when there are several, else the columns (in units of kColumnUnit).
  const int64_t groups = (p.M + kMaxRows - 1) / kMaxRows;
  const int64_t units = groups > 1 ? groups : (p.N + kColumnUnit - 1) / kColumnUnit;
  const double work = static_cast<double>(p.M) * static_cast<double>(p.N) * static_cast<double>(p.K);
  const int nth = static_cast<int>(std::min<int64_t>(units, threadsFor(work, kGrain)));
  parallelFor(nth, [&](int ith, int n) {
    const Range share = evenShare(static_cast<std::size_t>(units), ith, n);
    if (groups > 1) {
      for (auto g = static_cast<int64_t>(share.begin); g < static_cast<int64_t>(share.end); ++g) {
        const int rows = static_cast<int>(std::min<int64_t>(kMaxRows, p.M - g * kMaxRows));
        rowGroup(kernel, p, a, lda, g * kMaxRows, rows, 0, p.N);
      }
    } else {
      const int64_t end = std::min<int64_t>(p.N, static_cast<int64_t>(share.end) * kColumnUnit);
      rowGroup(kernel, p, a, lda, 0, static_cast<int>(p.M), static_cast<int64_t>(share.begin) * kColumnUnit, end);
    }
  });
  return true;
}

}  // namespace nw
