// Fused optimizer steps over flat parameter / gradient / state arenas (state buffers start at zero). Arithmetic is in
// float in the same order as PyTorch's implementations, so runs can be compared with it closely. AdaGrad, RMSProp
// and Adam, bound by division and square root, run 8 lanes wide on AVX2 CPUs (ops/optimizers_avx2.cpp, same bits).
#include <cmath>
#include <cstdint>

#include "args.hpp"
#include "gemm/gemm.hpp"
#include "ops/optimizer_rules.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::size_t;

constexpr double kGrain = 32.0 * 1024.0;

size_t readCount(const Args& args, size_t i) {
  return static_cast<size_t>(args.integer(i, "count", 0, INT64_C(1) << 53));
}

// The update rules over [begin, end), as free functions on restrict pointers with scalars by value: a loop inside
// the pool's lambda that stores to floats while reading captured float scalars by reference would not vectorize.

struct SgdRule {
  float lr, momentum, weightDecay;
  bool nesterov;
};

void sgdRange(const SgdRule r, float* NW_RESTRICT w, const float* NW_RESTRICT g, float* NW_RESTRICT buf, size_t begin,
              size_t end) {
  if (r.momentum == 0.0f) {
    for (size_t i = begin; i < end; ++i) w[i] -= r.lr * (g[i] + r.weightDecay * w[i]);
    return;
  }
  for (size_t i = begin; i < end; ++i) {
    const float grad = g[i] + r.weightDecay * w[i];
    const float velocity = r.momentum * buf[i] + grad;
    buf[i] = velocity;
    w[i] -= r.lr * (r.nesterov ? grad + r.momentum * velocity : velocity);
  }
}

void adagradRange(const AdagradRule r, float* NW_RESTRICT w, const float* NW_RESTRICT g, float* NW_RESTRICT sum,
                  size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    const float grad = g[i] + r.weightDecay * w[i];
    const float total = sum[i] + grad * grad;
    sum[i] = total;
    w[i] -= r.lr * (grad / (std::sqrt(total) + r.eps));
  }
}

void rmspropRange(const RmspropRule r, float* NW_RESTRICT w, const float* NW_RESTRICT g, float* NW_RESTRICT v,
                  float* NW_RESTRICT buf, size_t begin, size_t end) {
  if (r.momentum > 0.0f) {
    for (size_t i = begin; i < end; ++i) {
      const float grad = g[i] + r.weightDecay * w[i];
      const float average = r.alpha * v[i] + r.oneMinusAlpha * grad * grad;
      v[i] = average;
      const float velocity = r.momentum * buf[i] + grad / (std::sqrt(average) + r.eps);
      buf[i] = velocity;
      w[i] -= r.lr * velocity;
    }
    return;
  }
  for (size_t i = begin; i < end; ++i) {
    const float grad = g[i] + r.weightDecay * w[i];
    const float average = r.alpha * v[i] + r.oneMinusAlpha * grad * grad;
    v[i] = average;
    w[i] -= r.lr * (grad / (std::sqrt(average) + r.eps));
  }
}

void adamRange(const AdamRule r, float* NW_RESTRICT w, const float* NW_RESTRICT g, float* NW_RESTRICT m,
               float* NW_RESTRICT v, size_t begin, size_t end) {
  // shrink is 1 unless decoupled (AdamW), coupledDecay 0 unless coupled: both forms are one loop without branches.
  for (size_t i = begin; i < end; ++i) {
    const float weight = w[i];
    const float grad = g[i] + r.coupledDecay * weight;
    const float first = r.b1 * m[i] + r.oneMinusB1 * grad;
    const float second = r.b2 * v[i] + r.oneMinusB2 * grad * grad;
    m[i] = first;
    v[i] = second;
    w[i] = weight * r.shrink - r.stepSize * (first / (std::sqrt(second) / r.root2 + r.eps));
  }
}

void adagradRows(const AdagradRule& r, float* w, const float* g, float* sum, size_t begin, size_t end) {
#if defined(NW_GEMM_X86)
  if (gemmRunsAvx2()) begin = adagradRangeAvx2(r, w, g, sum, begin, end);
#endif
  adagradRange(r, w, g, sum, begin, end);
}

void rmspropRows(const RmspropRule& r, float* w, const float* g, float* v, float* buf, size_t begin, size_t end) {
#if defined(NW_GEMM_X86)
  if (gemmRunsAvx2()) begin = rmspropRangeAvx2(r, w, g, v, buf, begin, end);
#endif
  rmspropRange(r, w, g, v, buf, begin, end);
}

void adamRows(const AdamRule& r, float* w, const float* g, float* m, float* v, size_t begin, size_t end) {
#if defined(NW_GEMM_X86)
  if (gemmRunsAvx2()) begin = adamRangeAvx2(r, w, g, m, v, begin, end);
#endif
  adamRange(r, w, g, m, v, begin, end);
}

// sgdStep(w, g, buf | null, count, lr, momentum, nesterov, weightDecay)
Napi::Value SgdStep(const Napi::CallbackInfo& info) {
  Args args(info, "sgdStep", 8);
  FloatView w = args.floats(0, "w");
  FloatView g = args.floats(1, "g");
  FloatView buf = args.floatsOrNull(2, "buf");
  const size_t count = readCount(args, 3);
  const SgdRule rule{static_cast<float>(args.number(4, "lr")), static_cast<float>(args.number(5, "momentum")),
                     static_cast<float>(args.number(7, "weightDecay")), args.flag(6, "nesterov")};
  args.need(w, count);
  args.need(g, count);
  if (rule.momentum != 0.0f) {
    if (!buf) args.fail("buf must be a Float32Array when momentum is not 0");
    args.need(buf, count);
  }
  args.disjoint({w, g, buf}, count);
  KernelScope scope;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) { sgdRange(rule, w.data, g.data, buf.data, begin, end); });
  return info.Env().Undefined();
}

// adagradStep(w, g, sum, count, lr, eps, weightDecay)
Napi::Value AdagradStep(const Napi::CallbackInfo& info) {
  Args args(info, "adagradStep", 7);
  FloatView w = args.floats(0, "w");
  FloatView g = args.floats(1, "g");
  FloatView sum = args.floats(2, "sum");
  const size_t count = readCount(args, 3);
  const AdagradRule rule{static_cast<float>(args.number(4, "lr")), static_cast<float>(args.number(5, "eps")),
                         static_cast<float>(args.number(6, "weightDecay"))};
  args.need(w, count);
  args.need(g, count);
  args.need(sum, count);
  args.disjoint({w, g, sum}, count);
  KernelScope scope;
  parallelRange(count, kGrain,
                [&](size_t begin, size_t end) { adagradRows(rule, w.data, g.data, sum.data, begin, end); });
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
  const float alpha = static_cast<float>(args.number(6, "alpha"));
  const RmspropRule rule{static_cast<float>(args.number(5, "lr")),
                         alpha,
                         1.0f - alpha,
                         static_cast<float>(args.number(7, "eps")),
                         static_cast<float>(args.number(8, "momentum")),
                         static_cast<float>(args.number(9, "weightDecay"))};
  args.need(w, count);
  args.need(g, count);
  args.need(v, count);
  if (rule.momentum > 0.0f) {
    if (!buf) args.fail("buf must be a Float32Array when momentum > 0");
    args.need(buf, count);
  }
  args.disjoint({w, g, v, buf}, count);
  KernelScope scope;
  parallelRange(count, kGrain,
                [&](size_t begin, size_t end) { rmspropRows(rule, w.data, g.data, v.data, buf.data, begin, end); });
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
  args.disjoint({w, g, m, v}, count);
  KernelScope scope;
  const double correction1 = 1.0 - std::pow(beta1, static_cast<double>(step));
  const double correction2 = 1.0 - std::pow(beta2, static_cast<double>(step));
  AdamRule rule;
  rule.b1 = static_cast<float>(beta1);
  rule.b2 = static_cast<float>(beta2);
  rule.oneMinusB1 = static_cast<float>(1.0 - beta1);
  rule.oneMinusB2 = static_cast<float>(1.0 - beta2);
  rule.stepSize = static_cast<float>(lr / correction1);
  rule.root2 = static_cast<float>(std::sqrt(correction2));
  rule.eps = eps;
  rule.coupledDecay = decoupled ? 0.0f : static_cast<float>(weightDecay);
  rule.shrink = decoupled ? static_cast<float>(1.0 - lr * weightDecay) : 1.0f;
  parallelRange(count, kGrain,
                [&](size_t begin, size_t end) { adamRows(rule, w.data, g.data, m.data, v.data, begin, end); });
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
