// gemm: the general matrix product exposed to JS (C[M,N] = alpha op(A) op(B) + beta C), and the FMA peak probe
// the bench measures GEMM and convolution against.
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <thread>
#include <vector>

#include "args.hpp"
#include "gemm/gemm.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

// gemm(transA, transB, M, N, K, alpha, A, B, beta, C)
Napi::Value Gemm(const Napi::CallbackInfo& info) {
  Args args(info, "gemm", 10);
  GemmProblem p;
  p.transA = args.flag(0, "transA");
  p.transB = args.flag(1, "transB");
  p.M = args.integer(2, "M", 1);
  p.N = args.integer(3, "N", 1);
  p.K = args.integer(4, "K", 1);
  p.alpha = static_cast<float>(args.number(5, "alpha"));
  FloatView a = args.floats(6, "A");
  FloatView b = args.floats(7, "B");
  p.beta = static_cast<float>(args.number(8, "beta"));
  FloatView c = args.floats(9, "C");
  args.need(a, args.product({p.M, p.K}));
  args.need(b, args.product({p.K, p.N}));
  args.need(c, args.product({p.M, p.N}));
  p.A = a.data;
  p.lda = p.transA ? p.M : p.K;
  p.B = b.data;
  p.ldb = p.transB ? p.K : p.N;
  p.C = c.data;
  p.ldc = p.N;
  KernelScope scope;
  gemmParallel(p);
  return info.Env().Undefined();
}

// Seconds of CPU time the calling thread has had (NaN where the platform gives no per-thread clock).
double threadCpuSeconds() {
#if defined(CLOCK_THREAD_CPUTIME_ID)
  timespec now{};
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0) return static_cast<double>(now.tv_sec) + now.tv_nsec * 1e-9;
#endif
  return std::numeric_limits<double>::quiet_NaN();
}

// fmaPeak(iterations, repeats, threads): the raw samples of the FMA peak probe (engine/native/peak.ts reduces them).
// Each of `repeats` rounds runs the selected ISA's independent-FMA loop (`iterations` rounds of 12 chains) on
// `threads` pool threads (at most the pool's size) that start together: they meet at a spin barrier first, so a
// worker's wake-up is never timed, and each times its own loop. Returns a Float64Array of repeats x threads x 3:
// [wall seconds, CPU seconds of that thread (NaN if unknown), floating-point operations done].
Napi::Value FmaPeak(const Napi::CallbackInfo& info) {
  Args args(info, "fmaPeak", 3);
  const std::int64_t iterations = args.integer(0, "iterations", 1, std::int64_t{1} << 40);
  const std::int64_t repeats = args.integer(1, "repeats", 1, 1000);
  const int threads = static_cast<int>(args.integer(2, "threads", 1, 256));
  KernelScope scope;
  const int nth = std::min(threads, pool().size());
  Napi::Float64Array samples = Napi::Float64Array::New(info.Env(), static_cast<std::size_t>(repeats * nth * 3));
  std::vector<double> out(samples.ElementLength(), 0.0);
  std::vector<float> sinks(static_cast<std::size_t>(nth), 0.0f);
  for (std::int64_t r = 0; r < repeats; ++r) {
    std::atomic<int> arrived{0};
    parallelFor(nth, [&](int ith, int n) {
      arrived.fetch_add(1, std::memory_order_acq_rel);
      while (arrived.load(std::memory_order_acquire) < n) std::this_thread::yield();
      const double cpuStart = threadCpuSeconds();
      const auto start = std::chrono::steady_clock::now();
      const double flops = gemmKernel().fmaLoop(iterations, &sinks[static_cast<std::size_t>(ith)]);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      double* sample = out.data() + (r * n + ith) * 3;
      sample[0] = seconds;
      sample[1] = threadCpuSeconds() - cpuStart;
      sample[2] = flops;
    });
  }
  std::copy(out.begin(), out.end(), samples.Data());
  return samples;
}

}  // namespace

void registerGemm(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "gemm", Gemm);
  exportFunction(env, exports, "fmaPeak", FmaPeak);
}

}  // namespace nw
