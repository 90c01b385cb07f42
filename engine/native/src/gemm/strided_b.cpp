// C = op(A) B for a few rows of A and B stored [K, N] (a dense layer's input gradient dy W, W [out, in]; the
// product x W of a layer stored [in, out]). The panel driver copies B's panels out of memory for M rows of work:
// 1 MB of W2's fc2 for 64 rows, 16-18 us of a 140 us product on a Zen 5, which no ordering of the copy hid behind
// the FMAs (bench/README, sessions 12-22). Here the microkernel reads each k step's nr floats of B where they lie
// (MicroKernel::runStrided): the panel's first tile brings them from L3, the others find them in L2. Each tile's
// depth block goes in equal parts of at most 128 k, its sums carried in a scratch between parts (the same FMAs in the
// same order): at 64 x 512 x 512 255-262 GFLOPS against 245-254 for whole blocks of 256 k, 211 for parts of 8.
//
// Measured on one thread of a Zen 5 (AVX-512, FMA probe 289 GFLOPS), best of 11-15 windows, against the panel
// driver: 64 x 512 x 512 (M x N x K) 256-262 against 237-243 GFLOPS, 64 x 512 x 784 261-268 against 238-243,
// 8 x 512 x 512 207-240 against 122-131, 32 x 256 x 256 262 against 217; two threads 64 x 512 x 512 477-484
// against 450-451, 8 x 512 x 512 418-445 against 232-239. Where it lost, it is not used: rows of B 1024 floats or
// more apart (64 x 1024 x 512: 183 against 232), 128 rows or more (246 against 256: the panel driver's copy is
// shared by more tiles), K = 10 (143 against 185). Only the AVX-512 kernel has runStrided: AVX2's 6-row tiles do not
// divide a batch of 64, and its copy was not measured against reading in place on a CPU with AVX2 alone.
#include "gemm/strided_b.hpp"

#include <algorithm>
#include <cstddef>

#include "gemm/pack.hpp"

namespace nw {
namespace {

using std::int64_t;

constexpr int64_t kMaxRows = 64;
constexpr int64_t kMaxStride = 512;
constexpr int64_t kMinDepth = 16;
constexpr int64_t kPart = 128;

template <int MR, int NR>
void stridedBBlockFor(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1, ThreadScratch& scratch) {
  const MicroKernel& kernel = gemmKernel();
  float* packedA = scratch.packedA.data<float>();
  float* sums = scratch.packedB.data<float>();  // one tile's sums per row tile: MR x NR floats each, in L1
  const int64_t rows = m1 - m0;
  const int64_t tiles = rows / MR;
  const auto ldb = static_cast<std::ptrdiff_t>(p.ldb);
  const auto ldc = static_cast<std::ptrdiff_t>(p.ldc);
  const int64_t depth = gemmBlockDepth(kernel, p.K);
  for (int64_t pc = 0; pc < p.K; pc += depth) {
    const int64_t kc = std::min<int64_t>(depth, p.K - pc);
    pack::packA<MR>(p, m0, rows, pc, kc, packedA, false);  // whole tiles only: tileRows gives MR for every tile
    // The panel driver's start of each depth block: beta * C for the first (beta = 0: C only written), C + sums after.
    const float beta = pc == 0 ? p.beta : 1.0f;
    const int64_t parts = (kc + kPart - 1) / kPart;
    const int64_t part = (kc + parts - 1) / parts;
    for (int64_t j = n0; j < n1; j += NR) {
      for (int64_t k0 = 0; k0 < kc; k0 += part) {
        const int64_t k1 = std::min<int64_t>(kc, k0 + part);
        const int phase = k0 == 0 ? (k1 == kc ? 2 : 0) : (k1 == kc ? 3 : 1);
        const float* b = p.B + (pc + k0) * p.ldb + j;
        for (int64_t t = 0; t < tiles; ++t) {
          kernel.runStrided(static_cast<int>(k1 - k0), packedA + t * MR * kc + k0 * MR, b, ldb, sums + t * MR * NR,
                            phase, p.C + (m0 + t * MR) * p.ldc + j, ldc, beta);
        }
      }
    }
  }
  if (p.relu) {
    for (int64_t i = m0; i < m1; ++i) {
      float* row = p.C + i * p.ldc;
      for (int64_t j = n0; j < n1; ++j) row[j] = row[j] > 0.0f ? row[j] : 0.0f;  // gemm.cpp's reluBlock
    }
  }
}

}  // namespace

bool gemmStridedBBlock(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1, ThreadScratch& scratch) {
  const MicroKernel& kernel = gemmKernel();
  const int64_t rows = m1 - m0;
  if (!gemmReadsStridedB() || p.transB || p.packedB != nullptr || p.rowOffsets != nullptr || p.bias != nullptr ||
      p.K < kMinDepth || p.ldb > kMaxStride || rows <= 0 || rows > kMaxRows || rows % kernel.mr != 0 || n1 <= n0 ||
      (n1 - n0) % kernel.nr != 0) {
    return false;
  }
  if (kernel.mr == 8 && kernel.nr == 32) {
    stridedBBlockFor<8, 32>(p, m0, m1, n0, n1, scratch);
    return true;
  }
  return false;  // a kernel with runStrided but no instantiation here
}

}  // namespace nw
