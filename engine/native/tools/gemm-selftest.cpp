// Standalone check of the GEMM driver and the microkernel this CPU dispatches to, without Node: all four transposes,
// odd sizes and alpha/beta, and the bias + ReLU epilogue, against a double-precision reference; op(B) given
// prepacked in the panel layout (as inference passes a dense layer's weight) bitwise the same as packed by the
// driver; and a checksum of the bits of every output, printed last, which must not depend on the thread count.
// Also the AVX2 panel packers' layout, with nothing stored past a panel, and the convolution weight gradient's dot
// kernel (ops/conv_dot.hpp) for this ISA against a double-precision reference. scripts/test-native-selftest.mjs builds
// it for this x64 CPU and for arm64 (run under qemu) in `npm test` (NETWRIGHT_THREADS=1 and 3, and NETWRIGHT_ISA=scalar
// for the portable kernel). Also useful under sanitizers. Build from engine/native, e.g. on arm64:
//   g++ -O2 -std=c++17 -pthread -DNW_GEMM_NEON -Isrc tools/gemm-selftest.cpp src/gemm/gemm.cpp \
//     src/gemm/select_kernel.cpp src/gemm/small_rows.cpp src/gemm/weight_rows.cpp src/scratch.cpp \
//     src/thread_pool.cpp src/fp_mode.cpp \
//     src/gemm/ukernel_scalar.cpp src/gemm/small_rows_scalar.cpp src/gemm/ukernel_neon.cpp src/gemm/small_rows_neon.cpp
//     src/ops/conv_dot_portable.cpp -o gemm-selftest && ./gemm-selftest
// (on x64: -DNW_GEMM_X86 and ukernel_avx2.cpp + small_rows_avx2.cpp + conv_dot_avx2.cpp / ukernel_avx512.cpp +
// small_rows_avx512.cpp + conv_dot_avx512.cpp compiled separately with -mavx2 -mfma / -mavx512f -mfma).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <vector>

#include "gemm/gemm.hpp"
#include "gemm/microkernel.hpp"
#include "ops/conv_dot.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace {

using nw::GemmProblem;

// FNV-1a over the bytes of every output in turn: the same bits give the same checksum.
std::uint64_t checksum = 1469598103934665603ull;
void addBits(const std::vector<float>& values) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(values.data());
  for (std::size_t i = 0; i < values.size() * sizeof(float); ++i) checksum = (checksum ^ bytes[i]) * 1099511628211ull;
}

struct FreeAligned {
  void operator()(float* p) const { std::free(p); }
};
using Panels = std::unique_ptr<float[], FreeAligned>;

// op(B) = B^T for B [N, K] (ldb = K) in the prepacked layout of GemmProblem::packedB: panel q holds columns
// [q*nr, q*nr + nr) at q*nr*K, (k, c) at [k*nr + c], zero past N, 64-byte aligned.
Panels panelsOf(const std::vector<float>& B, int N, int K) {
  const int nr = nw::gemmKernel().nr;
  const std::size_t floats = static_cast<std::size_t>((N + nr - 1) / nr) * nr * K;
  Panels panels(static_cast<float*>(std::aligned_alloc(64, (floats * sizeof(float) + 63) / 64 * 64)));
  for (std::size_t i = 0; i < floats; ++i) panels[i] = 0.0f;
  for (int j = 0; j < N; ++j)
    for (int k = 0; k < K; ++k) panels[(static_cast<std::size_t>(j / nr) * K + k) * nr + j % nr] = B[j * K + k];
  return panels;
}

struct Case {
  int M, N, K;
  bool transA, transB, bias, relu;
};

// Runs one product (and, for op(B) = B^T, the same on prepacked panels); returns whether it matched.
bool check(const Case& c, std::mt19937& rng) {
  std::uniform_real_distribution<float> uniform(-1, 1);
  // Exactly sized, so a sanitizer or a page boundary catches any read past the end.
  std::vector<float> A(c.M * c.K), B(c.K * c.N), C(c.M * c.N), bias(c.N);
  for (auto& v : A) v = uniform(rng);
  for (auto& v : B) v = uniform(rng);
  for (auto& v : C) v = uniform(rng);
  for (auto& v : bias) v = uniform(rng);
  const std::vector<float> before = C;
  GemmProblem p;
  p.transA = c.transA;
  p.transB = c.transB;
  p.M = c.M;
  p.N = c.N;
  p.K = c.K;
  p.alpha = 0.75f;
  p.A = A.data();
  p.lda = c.transA ? c.M : c.K;
  p.B = B.data();
  p.ldb = c.transB ? c.K : c.N;
  p.beta = 0.5f;
  p.bias = c.bias ? bias.data() : nullptr;
  p.relu = c.relu;
  p.C = C.data();
  p.ldc = c.N;
  nw::gemmParallel(p);
  addBits(C);
  double worst = 0;
  for (int i = 0; i < c.M; ++i) {
    for (int j = 0; j < c.N; ++j) {
      double sum = 0;
      for (int k = 0; k < c.K; ++k) {
        sum += double(c.transA ? A[k * c.M + i] : A[i * c.K + k]) * double(c.transB ? B[j * c.K + k] : B[k * c.N + j]);
      }
      double expected = 0.75 * sum + (c.bias ? double(bias[j]) : 0.5 * double(before[i * c.N + j]));
      if (c.relu && !(expected > 0)) expected = 0;
      worst = std::fmax(worst, std::fabs(expected - C[i * c.N + j]));
    }
  }
  bool ok = worst < 1e-5 * std::sqrt(double(c.K)) + 1e-5;
  if (!ok) {
    std::printf("FAIL M=%d N=%d K=%d transA=%d transB=%d bias=%d relu=%d: error %g\n", c.M, c.N, c.K, c.transA,
                c.transB, c.bias, c.relu, worst);
  }
  // Where the driver packs op(B) = B^T (not the small-M and narrow-op(B) paths of gemm/small_rows.cpp, which take no
  // prepacked panels), the same product on op(B) packed beforehand: bitwise what the driver computed packing it.
  const bool smallRows = c.M <= 4 || (!c.transA && c.N < nw::gemmKernel().nr);
  if (c.transB && !smallRows) {
    const Panels panels = panelsOf(B, c.N, c.K);
    std::vector<float> packedC = before;
    GemmProblem q = p;
    q.packedB = panels.get();
    q.C = packedC.data();
    nw::gemmParallel(q);
    for (int i = 0; i < c.M * c.N; ++i) {
      if (std::memcmp(&packedC[i], &C[i], sizeof(float)) != 0) {
        std::printf("FAIL prepacked op(B) M=%d N=%d K=%d bias=%d relu=%d: element %d differs (%g vs %g)\n", c.M, c.N,
                    c.K, c.bias, c.relu, i, packedC[i], C[i]);
        ok = false;
        break;
      }
    }
  }
  return ok;
}

}  // namespace

// The kernel's own panel packers (MicroKernel::packPanelA, ::transposePanel, where it has them) against the layout
// they promise, for depths around their vector steps, and nothing written past the panel (a guard of sentinels after
// it): the driver packs panels back to back, so a store past the end would be overwritten unseen, except after the
// last panel of the scratch. Returns the number of failures; prints each.
int checkPanelPackers() {
  const nw::MicroKernel& kernel = nw::gemmKernel();
  constexpr float kSentinel = 12345.0f;
  constexpr int kGuard = 16;
  int failures = 0;
  const int depths[] = {1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 16, 31, 262};
  for (const int depth : depths) {
    const int ld = depth + 3;
    // As many source rows as the widest panel reads (AVX-512's transposePanel: 32).
    std::vector<float> src(static_cast<std::size_t>(std::max(kernel.mr, kernel.nr) * ld));
    for (std::size_t i = 0; i < src.size(); ++i) src[i] = static_cast<float>(i % 1000) * 0.5f - 100.0f;
    if (kernel.packPanelA != nullptr) {
      const float scale = 0.75f;
      std::vector<float> out(static_cast<std::size_t>(kernel.mr * depth + kGuard), kSentinel);
      kernel.packPanelA(src.data(), ld, depth, out.data(), scale);
      bool ok = true;
      for (int k = 0; k < depth; ++k) {
        for (int r = 0; r < kernel.mr; ++r) ok &= out[k * kernel.mr + r] == scale * src[r * ld + k];
      }
      for (int g = 0; g < kGuard; ++g) ok &= out[kernel.mr * depth + g] == kSentinel;
      if (!ok) {
        std::printf("FAIL packPanelA depth=%d: wrong values or a store past the panel\n", depth);
        ++failures;
      }
    }
    if (kernel.transposePanel != nullptr) {
      std::vector<float> out(static_cast<std::size_t>(kernel.nr * depth + kGuard), kSentinel);
      kernel.transposePanel(src.data(), ld, depth, out.data());
      bool ok = true;
      for (int k = 0; k < depth; ++k) {
        for (int c = 0; c < kernel.nr; ++c) ok &= out[k * kernel.nr + c] == src[c * ld + k];
      }
      for (int g = 0; g < kGuard; ++g) ok &= out[kernel.nr * depth + g] == kSentinel;
      if (!ok) {
        std::printf("FAIL transposePanel depth=%d: wrong values or a store past the panel\n", depth);
        ++failures;
      }
    }
  }
  return failures;
}

// The weight gradient's dot kernel (convDotKernel(): the one for the GEMM's ISA) on random dy and x: a grid row per
// image (rows = 1) and rows read in place (rows > 1, xRow and dyRow apart), widths of 8 to 144 floats, 1 to 7 rows
// of C (the kernels' blocks of 4, 3, 2 and 1), against sums in double. Returns the failures.
int checkConvDot(std::mt19937& rng, int& cases) {
  std::uniform_real_distribution<float> value(-1.0f, 1.0f);
  int failures = 0;
  struct Shape {
    std::size_t images, rows, width, outputs, patch;
  };
  const Shape shapes[] = {{3, 1, 144, 7, 25}, {2, 5, 16, 4, 9}, {1, 1, 8, 1, 3}, {4, 3, 48, 6, 13}, {2, 7, 24, 3, 30}};
  for (const Shape& s : shapes) {
    const std::size_t dyRow = s.rows > 1 ? s.width + 3 : 0, xRow = s.rows > 1 ? s.width + 5 : 0;
    const std::size_t ldd = s.rows * (s.width + 3) + 1, dyImage = s.outputs * ldd;
    std::vector<std::int64_t> offsets(s.patch);
    for (std::size_t k = 0; k < s.patch; ++k) offsets[k] = static_cast<std::int64_t>(k * 7 % 29 + k / 3);
    const std::size_t xImage = 40 + s.rows * (s.width + 5) + s.width + 64;
    std::vector<float> dy(s.images * dyImage), x(s.images * xImage);
    for (float& v : dy) v = value(rng);
    for (float& v : x) v = value(rng);
    for (int accumulate = 0; accumulate < 2; ++accumulate) {
      ++cases;
      std::vector<float> C(s.outputs * s.patch);
      for (float& v : C) v = accumulate ? value(rng) : 0.0f;
      std::vector<double> expected(C.begin(), C.end());
      for (std::size_t o = 0; o < s.outputs; ++o) {
        for (std::size_t k = 0; k < s.patch; ++k) {
          double sum = 0.0;
          for (std::size_t i = 0; i < s.images; ++i)
            for (std::size_t r = 0; r < s.rows; ++r)
              for (std::size_t j = 0; j < s.width; ++j)
                sum += static_cast<double>(dy[i * dyImage + o * ldd + r * dyRow + j]) *
                       x[i * xImage + static_cast<std::size_t>(offsets[k]) + r * xRow + j];
          expected[o * s.patch + k] = accumulate ? expected[o * s.patch + k] + sum : sum;
        }
      }
      nw::DotProblem p{};
      p.dy = dy.data();
      p.dyImage = dyImage;
      p.ldd = ldd;
      p.dyRow = dyRow;
      p.oBegin = 0;
      p.oEnd = s.outputs;
      p.x = x.data();
      p.offsets = offsets.data();
      p.xImage = xImage;
      p.xRow = xRow;
      p.patch = s.patch;
      p.images = s.images;
      p.rows = s.rows;
      p.width = s.width;
      p.C = C.data();
      p.ldc = s.patch;
      p.accumulate = accumulate == 1;
      nw::convDotKernel()(p);
      bool ok = true;
      for (std::size_t e = 0; e < C.size(); ++e) {
        if (std::fabs(C[e] - expected[e]) > 1e-4 * (1.0 + std::fabs(expected[e]))) ok = false;
      }
      addBits(C);
      if (!ok) {
        std::printf("FAIL conv dot: %zu images x %zu rows of %zu, %zu outputs, patch %zu, accumulate %d\n", s.images,
                    s.rows, s.width, s.outputs, s.patch, accumulate);
        ++failures;
      }
    }
  }
  return failures;
}

int main() {
  nw::prepareThreadScratch();
  std::printf("isa=%s threads=%d\n", nw::gemmKernel().isa, nw::pool().size());
  std::mt19937 rng(7);
  int failures = 0;
  int cases = 0;
  // M <= 4 runs the small-M path (gemm/small_rows.cpp), the rest the packed panels; 64 and 70 end in partial tiles.
  // With B [K, N] (transB = 0), 64 x 96 x 784 and 20 x 200 x 200 read B in place where the kernel can
  // (gemm/strided_b.cpp; 20 rows in tiles of 8, 6 and 6, 200 columns ending in a partial panel).
  const int sizes[][3] = {{1, 1, 1},      {7, 33, 129},    {33, 7, 1},    {129, 33, 7}, {1, 129, 33},  {70, 50, 300},
                          {13, 40, 1000}, {200, 300, 517}, {3, 530, 785}, {4, 37, 17},  {64, 96, 784}, {20, 200, 200}};
  for (const auto& size : sizes) {
    for (int transA = 0; transA < 2; ++transA) {
      for (int transB = 0; transB < 2; ++transB) {
        ++cases;
        if (!check({size[0], size[1], size[2], transA == 1, transB == 1, false, false}, rng)) ++failures;
      }
    }
  }
  // A dense layer's forward: op(B) = weight^T with a bias, with and without the ReLU epilogue (one depth block and
  // several; a batch of 256 on inference's prepacked weights).
  const int dense[][3] = {{64, 100, 40}, {8, 128, 256}, {70, 33, 1000}, {256, 64, 784}, {5, 20, 7}};
  for (const auto& size : dense) {
    for (int relu = 0; relu < 2; ++relu) {
      ++cases;
      if (!check({size[0], size[1], size[2], false, true, true, relu == 1}, rng)) ++failures;
    }
  }
  const int dotFailures = checkConvDot(rng, cases);
  if (dotFailures == 0) std::printf("conv dot kernel matches (%s)\n", nw::gemmKernel().isa);
  failures += dotFailures;
  const int packerFailures = checkPanelPackers();
  const bool hasPackers = nw::gemmKernel().packPanelA != nullptr || nw::gemmKernel().transposePanel != nullptr;
  if (packerFailures == 0 && hasPackers) std::printf("panel packers match (%s)\n", nw::gemmKernel().isa);
  failures += packerFailures;
  std::printf(failures ? "%d of %d cases FAILED\n" : "all %d gemm cases match\n", failures ? failures : cases, cases);
  std::printf("bits=%016llx\n", static_cast<unsigned long long>(checksum));
  return failures ? 1 : 0;
}
