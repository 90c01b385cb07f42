// gemm: the general matrix product exposed to JS (C[M,N] = alpha op(A) op(B) + beta C), and the FMA peak probe
// the bench measures GEMM and convolution against.
#include <chrono>
#include <cstdint>
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

// fmaPeak(iterations): GFLOPS of the selected ISA's independent-FMA loop run on every pool thread at once, each
// thread doing `iterations` rounds (12 chains of one vector each per round): the ceiling for an fp32 kernel here.
Napi::Value FmaPeak(const Napi::CallbackInfo& info) {
  Args args(info, "fmaPeak", 1);
  const std::int64_t iterations = args.integer(0, "iterations", 1);
  KernelScope scope;
  const int nth = pool().size();
  std::vector<double> flops(static_cast<std::size_t>(nth), 0.0);
  std::vector<float> sinks(static_cast<std::size_t>(nth), 0.0f);
  const auto start = std::chrono::steady_clock::now();
  parallelFor(nth, [&](int ith, int) { flops[ith] = gemmKernel().fmaLoop(iterations, &sinks[ith]); });
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double total = 0.0;
  for (double f : flops) total += f;
  return Napi::Number::New(info.Env(), total / seconds / 1e9);
}

}  // namespace

void registerGemm(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "gemm", Gemm);
  exportFunction(env, exports, "fmaPeak", FmaPeak);
}

}  // namespace nw
