// Reductions and in-place updates over parameter / gradient arenas: sums of squares and absolute values (for norms
// and penalties), scale, clamp, and the L1 penalty's gradient.
#include <cmath>
#include <cstdint>

#include "args.hpp"
#include "ops/ordered_sum.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::size_t;

constexpr double kGrain = 64.0 * 1024.0;

size_t readCount(const Args& args, size_t i) {
  return static_cast<size_t>(args.integer(i, "count", 0, INT64_C(1) << 53));
}

// Four interleaved accumulators per chunk: still a fixed order, but not one long dependency chain.
template <class Term>
double chunkSum(const float* x, size_t begin, size_t end, const Term& term) {
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  size_t i = begin;
  for (; i + 4 <= end; i += 4) {
    s0 += term(x[i]);
    s1 += term(x[i + 1]);
    s2 += term(x[i + 2]);
    s3 += term(x[i + 3]);
  }
  for (; i < end; ++i) s0 += term(x[i]);
  return (s0 + s1) + (s2 + s3);
}

// sumOfSquares(x, count) -> double
Napi::Value SumOfSquares(const Napi::CallbackInfo& info) {
  Args args(info, "sumOfSquares", 2);
  FloatView x = args.floats(0, "x");
  const size_t count = readCount(args, 1);
  args.need(x, count);
  KernelScope scope;
  const double total = orderedSum(count, [&](size_t begin, size_t end) {
    return chunkSum(x.data, begin, end, [](float v) { return static_cast<double>(v) * v; });
  });
  return Napi::Number::New(info.Env(), total);
}

// sumOfAbs(x, count) -> double
Napi::Value SumOfAbs(const Napi::CallbackInfo& info) {
  Args args(info, "sumOfAbs", 2);
  FloatView x = args.floats(0, "x");
  const size_t count = readCount(args, 1);
  args.need(x, count);
  KernelScope scope;
  const double total = orderedSum(count, [&](size_t begin, size_t end) {
    return chunkSum(x.data, begin, end, [](float v) { return std::fabs(static_cast<double>(v)); });
  });
  return Napi::Number::New(info.Env(), total);
}

// scale(x, count, factor): x *= factor.
Napi::Value Scale(const Napi::CallbackInfo& info) {
  Args args(info, "scale", 3);
  FloatView x = args.floats(0, "x");
  const size_t count = readCount(args, 1);
  const float factor = static_cast<float>(args.number(2, "factor"));
  args.need(x, count);
  KernelScope scope;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) {
    const float by = factor;  // locals, not captures: see elementwise.cpp
    float* values = x.data;
    for (size_t i = begin; i < end; ++i) values[i] *= by;
  });
  return info.Env().Undefined();
}

// clamp(x, count, lo, hi): x = min(max(x, lo), hi); lo and hi may be infinite.
Napi::Value Clamp(const Napi::CallbackInfo& info) {
  Args args(info, "clamp", 4);
  FloatView x = args.floats(0, "x");
  const size_t count = readCount(args, 1);
  const float lo = static_cast<float>(args.number(2, "lo", true));
  const float hi = static_cast<float>(args.number(3, "hi", true));
  if (lo > hi) args.fail("lo must not exceed hi");
  args.need(x, count);
  KernelScope scope;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) {
    const float low = lo, high = hi;
    float* values = x.data;
    for (size_t i = begin; i < end; ++i) {
      const float v = values[i] < low ? low : values[i];
      values[i] = v > high ? high : v;
    }
  });
  return info.Env().Undefined();
}

// l1Grad(w, grad, count, lambda): grad += lambda sign(w), sign(0) = 0.
Napi::Value L1Grad(const Napi::CallbackInfo& info) {
  Args args(info, "l1Grad", 4);
  FloatView w = args.floats(0, "w");
  FloatView grad = args.floats(1, "grad");
  const size_t count = readCount(args, 2);
  const float lambda = static_cast<float>(args.number(3, "lambda"));
  args.need(w, count);
  args.need(grad, count);
  KernelScope scope;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) {
    const float strength = lambda;
    const float* weights = w.data;
    float* grads = grad.data;
    for (size_t i = begin; i < end; ++i) {
      const float v = weights[i];
      grads[i] += v > 0.0f ? strength : (v < 0.0f ? -strength : 0.0f);
    }
  });
  return info.Env().Undefined();
}

}  // namespace

void registerReductions(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "sumOfSquares", SumOfSquares);
  exportFunction(env, exports, "sumOfAbs", SumOfAbs);
  exportFunction(env, exports, "scale", Scale);
  exportFunction(env, exports, "clamp", Clamp);
  exportFunction(env, exports, "l1Grad", L1Grad);
}

}  // namespace nw
