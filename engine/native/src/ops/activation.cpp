// Pointwise activations (kinds as in Activation of engine/core/kernels.ts), forward and backward.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "args.hpp"
#include "ops/fast_math.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::size_t;

enum class Kind : int { Identity = 0, ReLU, LeakyReLU, Sigmoid, Tanh, GeluTanh, GeluErf };
constexpr int kKindCount = 7;

constexpr double kGrain = 16.0 * 1024.0;
constexpr float kSqrt2OverPi = 0.7978845608028654f;
constexpr float kGeluCubic = 0.044715f;
constexpr float kInvSqrt2 = 0.7071067811865476f;
constexpr float kInvSqrt2Pi = 0.3989422804014327f;

void forward(Kind kind, const float* x, float* y, size_t begin, size_t end, float alpha) {
  switch (kind) {
    case Kind::Identity:
      for (size_t i = begin; i < end; ++i) y[i] = x[i];
      return;
    case Kind::ReLU:
      for (size_t i = begin; i < end; ++i) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
      return;
    case Kind::LeakyReLU:
      for (size_t i = begin; i < end; ++i) y[i] = x[i] > 0.0f ? x[i] : alpha * x[i];
      return;
    case Kind::Sigmoid: sigmoidArray(x + begin, y + begin, end - begin); return;
    case Kind::Tanh: tanhArray(x + begin, y + begin, end - begin); return;
    case Kind::GeluTanh:
      for (size_t block = begin; block < end; block += kMathBlock) {
        const size_t n = std::min(kMathBlock, end - block);
        float t[kMathBlock];
        for (size_t i = 0; i < n; ++i) {
          const float v = x[block + i];
          t[i] = kSqrt2OverPi * (v + kGeluCubic * v * v * v);
        }
        tanhArray(t, t, n);
        for (size_t i = 0; i < n; ++i) y[block + i] = 0.5f * x[block + i] * (1.0f + t[i]);
      }
      return;
    case Kind::GeluErf:
      for (size_t i = begin; i < end; ++i) y[i] = 0.5f * x[i] * (1.0f + std::erf(x[i] * kInvSqrt2));
      return;
  }
}

// dx (=|+=) dy * f'(x), one loop per kind so each vectorizes; piecewise kinds select (NaN in dy stays where the
// slope is 1, and a zero slope gives 0 as in PyTorch's threshold backward).
template <class Slope>
void scaleBySlope(const float* dy, float* dx, size_t begin, size_t end, bool accumulate, const Slope& slope) {
  if (accumulate) {
    for (size_t i = begin; i < end; ++i) dx[i] += slope(i, dy[i]);
  } else {
    for (size_t i = begin; i < end; ++i) dx[i] = slope(i, dy[i]);
  }
}

void backward(Kind kind, const float* x, const float* y, const float* dy, float* dx, size_t begin, size_t end,
              float alpha, bool accumulate) {
  switch (kind) {
    case Kind::Identity: return scaleBySlope(dy, dx, begin, end, accumulate, [](size_t, float g) { return g; });
    case Kind::ReLU:
      return scaleBySlope(dy, dx, begin, end, accumulate, [x](size_t i, float g) { return x[i] > 0.0f ? g : 0.0f; });
    case Kind::LeakyReLU:
      return scaleBySlope(dy, dx, begin, end, accumulate,
                          [x, alpha](size_t i, float g) { return x[i] > 0.0f ? g : alpha * g; });
    case Kind::Sigmoid:
      return scaleBySlope(dy, dx, begin, end, accumulate,
                          [y](size_t i, float g) { return g * (y[i] * (1.0f - y[i])); });
    case Kind::Tanh:
      return scaleBySlope(dy, dx, begin, end, accumulate, [y](size_t i, float g) { return g * (1.0f - y[i] * y[i]); });
    case Kind::GeluTanh:
      for (size_t block = begin; block < end; block += kMathBlock) {
        const size_t n = std::min(kMathBlock, end - block);
        float t[kMathBlock];
        for (size_t i = 0; i < n; ++i) {
          const float v = x[block + i];
          t[i] = kSqrt2OverPi * (v + kGeluCubic * v * v * v);
        }
        tanhArray(t, t, n);
        scaleBySlope(dy, dx, block, block + n, accumulate, [x, &t, block](size_t i, float g) {
          const float v = x[i];
          const float th = t[i - block];
          return g *
                 (0.5f * (1.0f + th) + 0.5f * v * (1.0f - th * th) * kSqrt2OverPi * (1.0f + 3.0f * kGeluCubic * v * v));
        });
      }
      return;
    case Kind::GeluErf:
      return scaleBySlope(dy, dx, begin, end, accumulate, [x](size_t i, float g) {
        const float v = x[i];
        return g * (0.5f * (1.0f + std::erf(v * kInvSqrt2)) + v * kInvSqrt2Pi * std::exp(-0.5f * v * v));
      });
  }
}

Kind readKind(const Args& args, size_t i) { return static_cast<Kind>(args.integer(i, "kind", 0, kKindCount - 1)); }

bool usesOutput(Kind kind) { return kind == Kind::Sigmoid || kind == Kind::Tanh; }

// activationForward(kind, x, y, count, alpha)
Napi::Value ActivationForward(const Napi::CallbackInfo& info) {
  Args args(info, "activationForward", 5);
  const Kind kind = readKind(args, 0);
  FloatView x = args.floats(1, "x");
  FloatView y = args.floats(2, "y");
  const size_t count = static_cast<size_t>(args.integer(3, "count", 0, INT64_C(1) << 53));
  const float alpha = static_cast<float>(args.number(4, "alpha"));
  args.need(x, count);
  args.need(y, count);
  KernelScope scope;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) { forward(kind, x.data, y.data, begin, end, alpha); });
  return info.Env().Undefined();
}

// activationBackward(kind, x, y, dy, dx, count, alpha, accumulate): only the buffer the kind reads (y for sigmoid
// and tanh, x otherwise) must hold `count` values.
Napi::Value ActivationBackward(const Napi::CallbackInfo& info) {
  Args args(info, "activationBackward", 8);
  const Kind kind = readKind(args, 0);
  FloatView x = args.floats(1, "x");
  FloatView y = args.floats(2, "y");
  FloatView dy = args.floats(3, "dy");
  FloatView dx = args.floats(4, "dx");
  const size_t count = static_cast<size_t>(args.integer(5, "count", 0, INT64_C(1) << 53));
  const float alpha = static_cast<float>(args.number(6, "alpha"));
  const bool accumulate = args.flag(7, "accumulate");
  if (kind != Kind::Identity) args.need(usesOutput(kind) ? y : x, count);
  args.need(dy, count);
  args.need(dx, count);
  KernelScope scope;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) {
    backward(kind, x.data, y.data, dy.data, dx.data, begin, end, alpha, accumulate);
  });
  return info.Env().Undefined();
}

}  // namespace

void registerActivation(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "activationForward", ActivationForward);
  exportFunction(env, exports, "activationBackward", ActivationBackward);
}

}  // namespace nw
