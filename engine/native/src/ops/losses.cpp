// Fused losses: each returns the mean loss (a double) and writes the gradient already divided by the element count.
// Sums run in fixed chunks (ordered_sum.hpp) or in row order, so the loss does not depend on the thread count.
#include <cmath>
#include <cstdint>
#include <string>

#include "args.hpp"
#include "ops/fast_math.hpp"
#include "ops/ordered_sum.hpp"
#include "ops/register.hpp"
#include "ops/sums.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::size_t;

constexpr double kRowGrain = 16.0 * 1024.0;

// softmaxCrossEntropy(logits, labels, dLogits, rows, cols) -> mean over rows of logsumexp(z) - z[label].
Napi::Value SoftmaxCrossEntropy(const Napi::CallbackInfo& info) {
  Args args(info, "softmaxCrossEntropy", 5);
  FloatView logits = args.floats(0, "logits");
  IntView labels = args.ints(1, "labels");
  FloatView dLogits = args.floats(2, "dLogits");
  const int64_t rows = args.integer(3, "rows", 1);
  const int64_t cols = args.integer(4, "cols", 1);
  const size_t count = args.product({rows, cols});
  args.need(logits, count);
  args.need(labels, static_cast<size_t>(rows));
  args.need(dLogits, count);
  for (int64_t row = 0; row < rows; ++row) {
    const std::int32_t label = labels.data[row];
    if (label < 0 || label >= cols) {
      args.fail("label " + std::to_string(label) + " at row " + std::to_string(row) + " is outside [0, " +
                std::to_string(cols) + ")");
    }
  }
  KernelScope scope;
  const size_t width = static_cast<size_t>(cols);
  const float inverseRows = static_cast<float>(1.0 / static_cast<double>(rows));
  double* rowLoss = sharedScratch(Shared::Gathered).reserve<double>(static_cast<size_t>(rows));
  parallelFor(threadsFor(static_cast<double>(count), kRowGrain), [&](int ith, int nth) {
    const Range r = evenShare(static_cast<size_t>(rows), ith, nth);
    for (size_t row = r.begin; row < r.end; ++row) {
      const float* z = logits.data + row * width;
      float* d = dLogits.data + row * width;
      float max = z[0];
      for (size_t j = 1; j < width; ++j) max = z[j] > max ? z[j] : max;
      for (size_t j = 0; j < width; ++j) d[j] = z[j] - max;  // exponents <= 0: never overflow
      expArray(d, d, width);
      const double sum = interleavedSum(width, [d](size_t j) { return d[j]; });
      const size_t label = static_cast<size_t>(labels.data[row]);
      rowLoss[row] = std::log(sum) + static_cast<double>(max) - static_cast<double>(z[label]);
      const float scale = static_cast<float>(1.0 / sum) * inverseRows;
      for (size_t j = 0; j < width; ++j) d[j] *= scale;
      d[label] -= inverseRows;
    }
  });
  double total = 0.0;
  for (int64_t row = 0; row < rows; ++row) total += rowLoss[row];
  return Napi::Number::New(info.Env(), total / static_cast<double>(rows));
}

// bceWithLogits(logits, targets, dLogits, count) -> mean of max(z,0) - z t + log(1 + exp(-|z|)).
Napi::Value BceWithLogits(const Napi::CallbackInfo& info) {
  Args args(info, "bceWithLogits", 4);
  FloatView logits = args.floats(0, "logits");
  FloatView targets = args.floats(1, "targets");
  FloatView dLogits = args.floats(2, "dLogits");
  const size_t count = static_cast<size_t>(args.integer(3, "count", 1, INT64_C(1) << 53));
  args.need(logits, count);
  args.need(targets, count);
  args.need(dLogits, count);
  KernelScope scope;
  const double inverseCount = 1.0 / static_cast<double>(count);
  const double total = orderedSum(count, [&](size_t begin, size_t end) {
    double sum = 0.0;
    for (size_t i = begin; i < end; ++i) {
      const double z = logits.data[i];
      const double t = targets.data[i];
      const double e = std::exp(-std::fabs(z));  // in (0, 1]: the stable form of both loss and sigmoid
      sum += (z > 0 ? z : 0.0) - z * t + std::log1p(e);
      const double sigmoid = z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
      dLogits.data[i] = static_cast<float>((sigmoid - t) * inverseCount);
    }
    return sum;
  });
  return Napi::Number::New(info.Env(), total * inverseCount);
}

// mse(pred, targets, dPred, count) -> mean((p - t)^2); dPred = 2 (p - t) / count.
Napi::Value Mse(const Napi::CallbackInfo& info) {
  Args args(info, "mse", 4);
  FloatView pred = args.floats(0, "pred");
  FloatView targets = args.floats(1, "targets");
  FloatView dPred = args.floats(2, "dPred");
  const size_t count = static_cast<size_t>(args.integer(3, "count", 1, INT64_C(1) << 53));
  args.need(pred, count);
  args.need(targets, count);
  args.need(dPred, count);
  KernelScope scope;
  const float gradScale = static_cast<float>(2.0 / static_cast<double>(count));
  const double total = orderedSum(count, [&](size_t begin, size_t end) {
    double sum = 0.0;
    const float scale = gradScale;  // a local, not a capture: see elementwise.cpp
    const float* predicted = pred.data;
    const float* wanted = targets.data;
    float* grads = dPred.data;
    for (size_t i = begin; i < end; ++i) {
      const float diff = predicted[i] - wanted[i];
      sum += static_cast<double>(diff) * diff;
      grads[i] = scale * diff;
    }
    return sum;
  });
  return Napi::Number::New(info.Env(), total / static_cast<double>(count));
}

}  // namespace

void registerLosses(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "softmaxCrossEntropy", SoftmaxCrossEntropy);
  exportFunction(env, exports, "bceWithLogits", BceWithLogits);
  exportFunction(env, exports, "mse", Mse);
}

}  // namespace nw
