// Fully connected layer: y[batch,out] = x[batch,in] · weight[out,in]^T + bias, and its backward, as GEMMs.
#include <cstdint>

#include "args.hpp"
#include "gemm/gemm.hpp"
#include "gemm/prepack.hpp"
#include "gemm/small_rows.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

// The ReLU kernel's expression (ops/activation.cpp): NaN and -0 become +0.
void reluInPlace(float* NW_RESTRICT values, std::int64_t count) {
  for (std::int64_t i = 0; i < count; ++i) values[i] = values[i] > 0.0f ? values[i] : 0.0f;
}

// denseForward(x, weight, bias | null, y, batch, inFeatures, outFeatures[, packed | null, weightsVersion]), and
// denseReluForward with the same arguments: y = max(x W^T + b, 0), the ReLU applied to each register tile of y as it is
// finished (bitwise the two kernels one after the other, without the second pass over y).
// With `packed` (an eval-mode forward), op(B) = W^T comes from the layer's panels packed once (gemm/prepack.hpp) and
// repacked only when weightsVersion or the weight buffer differs from the last packing: the same floats the driver
// would pack on every call, so the same sums in the same order.
Napi::Value DenseForwardWith(const Napi::CallbackInfo& info, const char* name, bool relu) {
  const bool withPacked = info.Length() > 7;
  Args args(info, name, withPacked ? 9 : 7);
  FloatView x = args.floats(0, "x");
  FloatView weight = args.floats(1, "weight");
  FloatView bias = args.floatsOrNull(2, "bias");
  FloatView y = args.floats(3, "y");
  const std::int64_t batch = args.integer(4, "batch", 1);
  const std::int64_t in = args.integer(5, "inFeatures", 1);
  const std::int64_t out = args.integer(6, "outFeatures", 1);
  PackedWeights* packed = withPacked ? packedWeightsOrNull(args, info[7], "packed") : nullptr;
  // Whole numbers below 2^53, which a JS counter reaches exactly.
  const std::int64_t version = packed != nullptr ? args.integer(8, "weightsVersion", 0, INT64_C(9007199254740991)) : 0;
  args.need(x, args.product({batch, in}));
  args.need(weight, args.product({out, in}));
  if (bias) args.need(bias, static_cast<std::size_t>(out));
  args.need(y, args.product({batch, out}));
  KernelScope scope;
  GemmProblem p;
  p.transB = true;
  p.M = batch;
  p.N = out;
  p.K = in;
  p.A = x.data;
  p.lda = in;
  p.B = weight.data;
  p.ldb = in;
  p.bias = bias ? bias.data : nullptr;  // each register tile of y starts from it: no separate pass over y
  p.relu = relu;
  p.C = y.data;
  p.ldc = out;
  if (packed != nullptr) {
    // A batch of a few rows, or fewer outputs than a register tile, goes through the small-row kernels, which read W
    // in place and are faster that way (and refuse packedB): the packed copy stands in only where the driver packs.
    if (gemmSmallRows(p)) {
      if (relu) reluInPlace(y.data, batch * out);  // as gemmParallel does after them: one pass over a small y
      return info.Env().Undefined();
    }
    p.packedB = packed->panelsFor(info.Env(), weight.data, out, in, version);
  }
  gemmParallel(p);
  return info.Env().Undefined();
}

Napi::Value DenseForward(const Napi::CallbackInfo& info) { return DenseForwardWith(info, "denseForward", false); }
Napi::Value DenseReluForward(const Napi::CallbackInfo& info) {
  return DenseForwardWith(info, "denseReluForward", true);
}

// denseBackward(x, weight, dy, dx | null, dWeight, dBias | null, batch, inFeatures, outFeatures, accumulateDx)
Napi::Value DenseBackward(const Napi::CallbackInfo& info) {
  Args args(info, "denseBackward", 10);
  FloatView x = args.floats(0, "x");
  FloatView weight = args.floats(1, "weight");
  FloatView dy = args.floats(2, "dy");
  FloatView dx = args.floatsOrNull(3, "dx");
  FloatView dWeight = args.floats(4, "dWeight");
  FloatView dBias = args.floatsOrNull(5, "dBias");
  const std::int64_t batch = args.integer(6, "batch", 1);
  const std::int64_t in = args.integer(7, "inFeatures", 1);
  const std::int64_t out = args.integer(8, "outFeatures", 1);
  const bool accumulateDx = args.flag(9, "accumulateDx");
  args.need(x, args.product({batch, in}));
  args.need(weight, args.product({out, in}));
  args.need(dy, args.product({batch, out}));
  if (dx) args.need(dx, args.product({batch, in}));
  args.need(dWeight, args.product({out, in}));
  if (dBias) args.need(dBias, static_cast<std::size_t>(out));
  KernelScope scope;

  // dWeight[out,in] = dy^T[out,batch] · x[batch,in]
  GemmProblem pw;
  pw.transA = true;
  pw.M = out;
  pw.N = in;
  pw.K = batch;
  pw.A = dy.data;
  pw.lda = out;
  pw.B = x.data;
  pw.ldb = in;
  pw.C = dWeight.data;
  pw.ldc = in;
  gemmParallel(pw);

  if (dBias) {
    // Column sums of dy over the batch, each summed in batch order in double; threads own ranges of columns.
    double* sums = sharedScratch(Shared::Partials).reserve<double>(static_cast<std::size_t>(out));
    const int nth = threadsFor(static_cast<double>(batch) * static_cast<double>(out), 64.0 * 1024.0);
    parallelFor(nth, [&](int ith, int n) {
      const Range r = evenShare(static_cast<std::size_t>(out), ith, n);
      for (std::size_t o = r.begin; o < r.end; ++o) sums[o] = 0.0;
      for (std::int64_t b = 0; b < batch; ++b) {
        const float* row = dy.data + b * out;
        for (std::size_t o = r.begin; o < r.end; ++o) sums[o] += row[o];
      }
      for (std::size_t o = r.begin; o < r.end; ++o) dBias.data[o] = static_cast<float>(sums[o]);
    });
  }

  if (dx) {
    // dx[batch,in] = dy[batch,out] · weight[out,in]
    GemmProblem px;
    px.M = batch;
    px.N = in;
    px.K = out;
    px.A = dy.data;
    px.lda = out;
    px.B = weight.data;
    px.ldb = in;
    px.beta = accumulateDx ? 1.0f : 0.0f;
    px.C = dx.data;
    px.ldc = in;
    gemmParallel(px);
  }
  return info.Env().Undefined();
}

}  // namespace

void registerDense(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "denseForward", DenseForward);
  exportFunction(env, exports, "denseReluForward", DenseReluForward);
  exportFunction(env, exports, "denseBackward", DenseBackward);
}

}  // namespace nw
