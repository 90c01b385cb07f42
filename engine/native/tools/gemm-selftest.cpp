// Standalone check of the GEMM driver and the microkernel this CPU dispatches to, without Node: all four transposes,
// odd sizes and alpha/beta against a double-precision reference. Useful on machines the unit tests do not reach
// (arm64, AVX-512) and under sanitizers or an emulator. Build from engine/native, e.g. on arm64:
//   g++ -O2 -std=c++17 -pthread -DNW_GEMM_NEON -Isrc tools/gemm-selftest.cpp src/gemm/gemm.cpp \
//     src/gemm/select_kernel.cpp src/gemm/small_rows.cpp src/scratch.cpp src/thread_pool.cpp src/fp_mode.cpp \
//     src/gemm/ukernel_scalar.cpp src/gemm/small_rows_scalar.cpp src/gemm/ukernel_neon.cpp src/gemm/small_rows_neon.cpp
//     \ -o gemm-selftest && ./gemm-selftest
// (on x64: -DNW_GEMM_X86 and ukernel_avx2.cpp + small_rows_avx2.cpp / ukernel_avx512.cpp + small_rows_avx512.cpp
// compiled separately with -mavx2 -mfma / -mavx512f -mfma). Cross-checked for arm64 with Debian's
// g++-aarch64-linux-gnu (add -static) and qemu-user: qemu-aarch64 ./gemm-selftest. NETWRIGHT_ISA=scalar checks the
// portable kernel.
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include "gemm/gemm.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

int main() {
  using namespace nw;
  prepareThreadScratch();
  std::printf("isa=%s threads=%d\n", gemmKernel().isa, pool().size());
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> uniform(-1, 1);
  int failures = 0;
  // M <= 4 runs the small-M path (gemm/small_rows.cpp), the rest the packed panels.
  const int sizes[][3] = {{1, 1, 1},     {7, 33, 129},   {33, 7, 1},      {129, 33, 7},  {1, 129, 33},
                          {70, 50, 300}, {13, 40, 1000}, {200, 300, 517}, {3, 530, 785}, {4, 37, 17}};
  for (const auto& size : sizes) {
    for (int transA = 0; transA < 2; ++transA) {
      for (int transB = 0; transB < 2; ++transB) {
        const int M = size[0], N = size[1], K = size[2];
        // Exactly sized, so a sanitizer or a page boundary catches any read past the end.
        std::vector<float> A(M * K), B(K * N), C(M * N);
        for (auto& v : A) v = uniform(rng);
        for (auto& v : B) v = uniform(rng);
        for (auto& v : C) v = uniform(rng);
        const std::vector<float> before = C;
        GemmProblem p;
        p.transA = transA;
        p.transB = transB;
        p.M = M;
        p.N = N;
        p.K = K;
        p.alpha = 0.75f;
        p.A = A.data();
        p.lda = transA ? M : K;
        p.B = B.data();
        p.ldb = transB ? K : N;
        p.beta = 0.5f;
        p.C = C.data();
        p.ldc = N;
        gemmParallel(p);
        double worst = 0;
        for (int i = 0; i < M; ++i) {
          for (int j = 0; j < N; ++j) {
            double sum = 0;
            for (int k = 0; k < K; ++k) {
              sum += double(transA ? A[k * M + i] : A[i * K + k]) * double(transB ? B[j * K + k] : B[k * N + j]);
            }
            worst = std::fmax(worst, std::fabs(0.75 * sum + 0.5 * before[i * N + j] - C[i * N + j]));
          }
        }
        if (!(worst < 1e-5 * std::sqrt(double(K)) + 1e-5)) {
          ++failures;
          std::printf("FAIL M=%d N=%d K=%d transA=%d transB=%d: error %g\n", M, N, K, transA, transB, worst);
        }
      }
    }
  }
  std::printf(failures ? "%d cases FAILED\n" : "all %d gemm cases match\n",
              failures ? failures : static_cast<int>(sizeof sizes / sizeof sizes[0]) * 4);
  return failures ? 1 : 0;
}
