// The small-M GEMM path: C = alpha op(A) op(B) + beta C (or bias + alpha op(A) op(B)) for 1 to 4 rows of op(A), op(B)
// read once in place by the ISA's dotRows (op(B) = B^T, e.g. a dense layer's [out, in] weight) or axpyRows (B [K, N])
// kernel. Packing is what such products cost in the panel driver: a batch of one through W2's 784-512 layer packed
// all 1.6 MB of the weight for 0.4 M multiply-adds. Threads split the columns; each sum is computed the same way
// whoever computes it.
#include "gemm/small_rows.hpp"

#include <algorithm>
#include <cstdint>

#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;

constexpr int64_t kMaxRows = 4;
// Columns of C per share of a thread (its multiple of kernels' column groupings keeps the kernels on their full tiles).
constexpr int64_t kColumnUnit = 16;
// Columns per kernel call: the call's sums (rows x kChunk floats) live on the stack.
constexpr int64_t kChunk = 256;
// Multiply-adds per thread: a quarter of the panel driver's grain, since these products stream op(B) once and are
// bound by loading it, and between the layers of one forward pass the workers are still spinning (not asleep).
constexpr double kGrain = 256.0 * 1024.0;

}  // namespace

bool gemmSmallRows(const GemmProblem& p) {
  if (p.M <= 0 || p.M > kMaxRows || p.N <= 0 || p.K <= 0 || p.packedB != nullptr) return false;
  const MicroKernel& kernel = gemmKernel();
  const int rows = static_cast<int>(p.M);

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

  const int64_t units = (p.N + kColumnUnit - 1) / kColumnUnit;
  const double work = static_cast<double>(p.M) * static_cast<double>(p.N) * static_cast<double>(p.K);
  const int nth = static_cast<int>(std::min<int64_t>(units, threadsFor(work, kGrain)));
  parallelFor(nth, [&](int ith, int n) {
    const Range share = evenShare(static_cast<std::size_t>(units), ith, n);
    const int64_t end = std::min<int64_t>(p.N, static_cast<int64_t>(share.end) * kColumnUnit);
    alignas(64) float sums[kMaxRows * kChunk];
    for (int64_t j = static_cast<int64_t>(share.begin) * kColumnUnit; j < end; j += kChunk) {
      const int64_t cols = std::min<int64_t>(kChunk, end - j);
      if (p.transB) {
        kernel.dotRows(rows, p.K, a, lda, p.B + j * p.ldb, p.ldb, cols, sums, kChunk);
      } else {
        kernel.axpyRows(rows, p.K, a, lda, p.B + j, p.ldb, cols, sums, kChunk);
      }
      for (int i = 0; i < rows; ++i) {
        float* c = p.C + i * p.ldc + j;
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
  });
  return true;
}

}  // namespace nw
