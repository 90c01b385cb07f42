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
// 8 x 512 x 512 207-240 against 122-131, 32 x 256 x 256 262 against 217, 20 x 512 x 512 (tiles of 8, 6 and 6 rows)
// 202-235 against 175-186, 20 x 200 x 200 (six panels here, the last 8 columns packed) 167 against 126-131; two
// threads 64 x 512 x 512 477-484 against 450-451, 8 x 512 x 512 418-445 against 232-239. In training, W1 (batch 8)
// 359-378k -> 396-417k samples/s and W4 (batch 20) 310-317k -> 326-334k. About one run in five goes at the
// copy's speed instead (236-244 GFLOPS at 64 x 512 x 512), never below it: the host's slow windows. Where it
// lost, it is not used: rows of B 1024 floats or more apart (64 x 1024 x 512: 183 against 232), K = 10 (143 against
// 185). Past 64 rows the gain shrinks as more tiles share the copy (96 x 512 x 512: 261 against 249-253, but 128 x 512
// x 512: 246-259 against 254-259, below the copy in slow windows), so blocks stay at 64. Only the AVX-512 kernel has
// runStrided: on session 16's AVX2 host (half this L2), B read in place a whole depth block at a time ran at 67 GFLOPS
// against 85 with the copy, and that host is not here to measure the parts on, so AVX2 keeps the copy.
#include "gemm/strided_b.hpp"

#include <algorithm>
#include <cstddef>

#include "gemm/pack.hpp"

namespace nw {
namespace {

using std::int64_t;

constexpr int kMaxRows = 64;
constexpr int64_t kMaxStride = 512;
constexpr int64_t kMinDepth = 16;
constexpr int64_t kPart = 128;

// The rows of each register tile of a block of `rows` rows (pack::tileRows with partial tiles, as the panel driver
// splits them); empty if a tile would have 1 or 2 rows, whose sums run in two chains (runRows) that runRowsStrided
// does not carry between parts.
template <int MR>
int tilesOf(int64_t rows, int (&sizes)[kMaxRows]) {
  int count = 0;
  for (int64_t left = rows; left > 0; ++count) {
    sizes[count] = pack::tileRows<MR>(left, true);
    if (sizes[count] < 3) return 0;
    left -= sizes[count];
  }
  return count;
}

template <int MR, int NR>
void stridedBBlockFor(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1, const int* sizes, int tiles,
                      ThreadScratch& scratch) {
  const MicroKernel& kernel = gemmKernel();
  float* packedA = scratch.packedA.data<float>();
  float* sums = scratch.packedB.data<float>();  // one tile's sums per row tile: MR x NR floats each, in L1
  const int64_t rows = m1 - m0;
  const auto ldb = static_cast<std::ptrdiff_t>(p.ldb);
  const auto ldc = static_cast<std::ptrdiff_t>(p.ldc);
  const int64_t depth = gemmBlockDepth(kernel, p.K);
  for (int64_t pc = 0; pc < p.K; pc += depth) {
    const int64_t kc = std::min<int64_t>(depth, p.K - pc);
    pack::packA<MR>(p, m0, rows, pc, kc, packedA, true);  // tile t's panel at t * MR * kc
    // The panel driver's start of each depth block: beta * C for the first (beta = 0: C only written), C + sums after.
    const float beta = pc == 0 ? p.beta : 1.0f;
    const int64_t parts = (kc + kPart - 1) / kPart;
    const int64_t part = (kc + parts - 1) / parts;
    for (int64_t j = n0; j < n1; j += NR) {
      for (int64_t k0 = 0; k0 < kc; k0 += part) {
        const int64_t k1 = std::min<int64_t>(kc, k0 + part);
        const int phase = k0 == 0 ? (k1 == kc ? 2 : 0) : (k1 == kc ? 3 : 1);
        const float* b = p.B + (pc + k0) * p.ldb + j;
        int64_t i = m0;
        for (int t = 0; t < tiles; i += sizes[t], ++t) {
          const float* a = packedA + t * MR * kc + k0 * MR;
          float* c = p.C + i * p.ldc + j;
          const int kPartLength = static_cast<int>(k1 - k0);
          if (sizes[t] == MR) {
            kernel.runStrided(kPartLength, a, b, ldb, sums + t * MR * NR, phase, c, ldc, beta);
          } else {
            kernel.runRowsStrided(sizes[t], kPartLength, a, b, ldb, sums + t * MR * NR, phase, c, ldc, beta);
          }
        }
      }
    }
  }
}

}  // namespace

int64_t gemmStridedBBlock(const GemmProblem& p, int64_t m0, int64_t m1, int64_t n0, int64_t n1,
                          ThreadScratch& scratch) {
  const MicroKernel& kernel = gemmKernel();
  const int64_t rows = m1 - m0;
  const int64_t whole = n0 + (n1 - n0) / kernel.nr * kernel.nr;  // the end of the block's whole panels
  if (!gemmReadsStridedB() || kernel.runRowsStrided == nullptr || p.transB || p.packedB != nullptr ||
      p.rowOffsets != nullptr || p.bias != nullptr || p.relu || p.K < kMinDepth || p.ldb > kMaxStride || rows <= 0 ||
      rows > kMaxRows || whole <= n0) {
    return n0;
  }
  int sizes[kMaxRows];
  if (kernel.mr == 8 && kernel.nr == 32) {
    const int tiles = tilesOf<8>(rows, sizes);
    if (tiles == 0) return n0;
    stridedBBlockFor<8, 32>(p, m0, m1, n0, whole, sizes, tiles, scratch);
    return whole;
  }
  return n0;  // a kernel with runStrided but no instantiation here
}

}  // namespace nw
