// Entry point of netwright_native.node: registers every kernel of the Kernels contract (engine/core/kernels.ts),
// the thread-pool controls and the `isa` the GEMM dispatched to.
#include <napi.h>

#include "args.hpp"
#include "gemm/gemm.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

// setThreads(count): resizes the pool (calling thread included).
Napi::Value SetThreads(const Napi::CallbackInfo& info) {
  Args args(info, "setThreads", 1);
  const int count = static_cast<int>(args.integer(0, "count", 1, 256));
  std::lock_guard<std::mutex> lock(kernelCallMutex());
  pool().resize(count);
  return info.Env().Undefined();
}

// threads(): the pool size, calling thread included.
Napi::Value Threads(const Napi::CallbackInfo& info) {
  Args args(info, "threads", 0);
  return Napi::Number::New(info.Env(), pool().size());
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.DefineProperty(
      Napi::PropertyDescriptor::Value("isa", Napi::String::New(env, gemmKernel().isa), napi_enumerable));
  exportFunction(env, exports, "setThreads", SetThreads);
  exportFunction(env, exports, "threads", Threads);
  registerGemm(env, exports);
  registerDense(env, exports);
  registerPrepack(env, exports);
  registerConv(env, exports);
  registerPool(env, exports);
  registerBatchNorm(env, exports);
  registerActivation(env, exports);
  registerSoftmaxDropout(env, exports);
  registerElementwise(env, exports);
  registerLosses(env, exports);
  registerReductions(env, exports);
  registerOptimizers(env, exports);
  registerAugment(env, exports);
  registerStridedGrid(env, exports);
  return exports;
}

}  // namespace
}  // namespace nw

static Napi::Object InitNetwrightNative(Napi::Env env, Napi::Object exports) { return nw::Init(env, exports); }

NODE_API_MODULE(netwright_native, InitNetwrightNative)
