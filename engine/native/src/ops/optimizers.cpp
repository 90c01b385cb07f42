// Fused optimizer steps over flat parameter / gradient / state arenas (state buffers start at zero). Arithmetic is in
// float in the same order as PyTorch's implementations, so runs can be compared with it closely.
#include <cmath>
#include <cstdint>

#include "args.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::size_t;

constexpr double kGrain = 32.0 * 1024.0;

size_t readCount(const Args& args, size_t i) { return static_cast<size_t>(args.integer(i, "count", 0, INT64_C(1) << 53)); }

// sgdStep(w, g, buf | null, count, lr, momentum, nesterov, weightDecay)
Napi::Value SgdStep(const Napi::CallbackInfo& info) {
  Args args(info, "sgdStep", 8);
  FloatView w = args.floats(0, "w");
  FloatView g = args.floats(1, "g");
  FloatView buf = args.floatsOrNull(2, "buf");
  const size_t count = readCount(args, 3);
  const float lr = static_cast<float>(args.number(4, "lr"));
  const float momentum = static_cast<float>(args.number(5, "momentum"));
  const bool nesterov = args.flag(6, "nesterov");
  const float weightDecay = static_cast<float>(args.number(7, "weightDecay"));
  args.need(w, count);
  args.need(g, count);
  if (momentum != 0.0f) {
    if (!buf) args.fail("buf must be a Float32Array when momentum is not 0");
    args.need(buf, count);
  }
  KernelScope scope;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const float grad = g.data[i] + weightDecay * w.data[i];
      float step = grad;
      if (momentum != 0.0f) {
        const float velocity = momentum * buf.data[i] + grad;
        buf.data[i] = velocity;
        step = nesterov ? grad + momentum * velocity : velocity;
      }
      w.data[i] -= lr * step;
    }
  });
  return info.Env().Undefined();
}

// adagradStep(w, g, sum, count, lr, eps, weightDecay)
Napi::Value AdagradStep(const Napi::CallbackInfo& info) {
  Args args(info, "adagradStep", 7);
  FloatView w = args.floats(0, "w");
  FloatView g = args.floats(1, "g");
  FloatView sum = args.floats(2, "sum");
  const size_t count = readCount(args, 3);
  const float lr = static_cast<float>(args.number(4, "lr"));
  const float eps = static_cast<float>(args.number(5, "eps"));
  const float weightDecay = static_cast<float>(args.number(6, "weightDecay"));
  args.need(w, count);
  args.need(g, count);
  args.need(sum, count);
  KernelScope scope;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const float grad = g.data[i] + weightDecay * w.data[i];
      const float total = sum.data[i] + grad * grad;
      sum.data[i] = total;
      w.data[i] -= lr * (grad / (std::sqrt(total) + eps));
    }
  });
  return info.Env().Undefined();
}

// rmspropStep(w, g, v, buf | null, count, lr, alpha, eps, momentum, weightDecay)
Napi::Value RmspropStep(const Napi::CallbackInfo& info) {
  Args args(info, "rmspropStep", 10);
  FloatView w = args.floats(0, "w");
  FloatView g = args.floats(1, "g");
  FloatView v = args.floats(2, "v");
  FloatView buf = args.floatsOrNull(3, "buf");
  const size_t count = readCount(args, 4);
  const float lr = static_cast<float>(args.number(5, "lr"));
  const float alpha = static_cast<float>(args.number(6, "alpha"));
  const float eps = static_cast<float>(args.number(7, "eps"));
  const float momentum = static_cast<float>(args.number(8, "momentum"));
  const float weightDecay = static_cast<float>(args.number(9, "weightDecay"));
  args.need(w, count);
  args.need(g, count);
  args.need(v, count);
  if (momentum > 0.0f) {
    if (!buf) args.fail("buf must be a Float32Array when momentum > 0");
    args.need(buf, count);
  }
  KernelScope scope;
  const float oneMinusAlpha = 1.0f - alpha;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const float grad = g.data[i] + weightDecay * w.data[i];
      const float average = alpha * v.data[i] + oneMinusAlpha * grad * grad;
      v.data[i] = average;
      const float denominator = std::sqrt(average) + eps;
      if (momentum > 0.0f) {
        const float velocity = momentum * buf.data[i] + grad / denominator;
        buf.data[i] = velocity;
        w.data[i] -= lr * velocity;
      } else {
        w.data[i] -= lr * (grad / denominator);
      }
    }
  });
  return info.Env().Undefined();
}

// adamStep(w, g, m, v, count, lr, beta1, beta2, eps, weightDecay, step, decoupled)
// w -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps), evaluated as PyTorch does:
// denominator = sqrt(v) / sqrt(1 - b2^t) + eps, w -= (lr / (1 - b1^t)) m / denominator.
Napi::Value AdamStep(const Napi::CallbackInfo& info) {
  Args args(info, "adamStep", 12);
  FloatView w = args.floats(0, "w");
  FloatView g = args.floats(1, "g");
  FloatView m = args.floats(2, "m");
  FloatView v = args.floats(3, "v");
  const size_t count = readCount(args, 4);
  const double lr = args.number(5, "lr");
  const double beta1 = args.number(6, "beta1");
  const double beta2 = args.number(7, "beta2");
  const float eps = static_cast<float>(args.number(8, "eps"));
  const double weightDecay = args.number(9, "weightDecay");
  const std::int64_t step = args.integer(10, "step", 1, INT64_C(1) << 53);
  const bool decoupled = args.flag(11, "decoupled");
  if (beta1 < 0 || beta1 >= 1) args.fail("beta1 must be in [0, 1)");
  if (beta2 < 0 || beta2 >= 1) args.fail("beta2 must be in [0, 1)");
  args.need(w, count);
  args.need(g, count);
  args.need(m, count);
  args.need(v, count);
  KernelScope scope;
  const double correction1 = 1.0 - std::pow(beta1, static_cast<double>(step));
  const double correction2 = 1.0 - std::pow(beta2, static_cast<double>(step));
  const float stepSize = static_cast<float>(lr / correction1);
  const float root2 = static_cast<float>(std::sqrt(correction2));
  const float b1 = static_cast<float>(beta1), b2 = static_cast<float>(beta2);
  const float oneMinusB1 = static_cast<float>(1.0 - beta1), oneMinusB2 = static_cast<float>(1.0 - beta2);
  const float coupledDecay = decoupled ? 0.0f : static_cast<float>(weightDecay);
  const float shrink = decoupled ? static_cast<float>(1.0 - lr * weightDecay) : 1.0f;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      float weight = w.data[i];
      const float grad = g.data[i] + coupledDecay * weight;
      if (decoupled) weight *= shrink;
      const float first = b1 * m.data[i] + oneMinusB1 * grad;
      const float second = b2 * v.data[i] + oneMinusB2 * grad * grad;
      m.data[i] = first;
      v.data[i] = second;
      w.data[i] = weight - stepSize * (first / (std::sqrt(second) / root2 + eps));
    }
  });
  return info.Env().Undefined();
}

}  // namespace

void registerOptimizers(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "sgdStep", SgdStep);
  exportFunction(env, exports, "adagradStep", AdagradStep);
  exportFunction(env, exports, "rmspropStep", RmspropStep);
  exportFunction(env, exports, "adamStep", AdamStep);
}

}  // namespace nw
