// gemm: the general matrix product exposed to JS (C[M,N] = alpha op(A) op(B) + beta C).
#include "args.hpp"
#include "gemm/gemm.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"

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

}  // namespace

void registerGemm(Napi::Env env, Napi::Object exports) { exportFunction(env, exports, "gemm", Gemm); }

}  // namespace nw
