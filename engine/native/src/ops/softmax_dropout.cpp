// Row-wise softmax (forward and backward) and inverted dropout with a counter-based generator.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "args.hpp"
#include "ops/dropout_hash.hpp"
#include "ops/fast_math.hpp"
#include "ops/register.hpp"
#include "ops/sums.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::size_t;

constexpr double kRowGrain = 16.0 * 1024.0;
constexpr double kElementGrain = 64.0 * 1024.0;

// softmaxForward(x, y, rows, cols): max-subtracted, so large logits do not overflow.
Napi::Value SoftmaxForward(const Napi::CallbackInfo& info) {
  Args args(info, "softmaxForward", 4);
  FloatView x = args.floats(0, "x");
  FloatView y = args.floats(1, "y");
  const int64_t rows = args.integer(2, "rows", 1);
  const int64_t cols = args.integer(3, "cols", 1);
  const size_t count = args.product({rows, cols});
  args.need(x, count);
  args.need(y, count);
  KernelScope scope;
  const size_t width = static_cast<size_t>(cols);
  parallelFor(threadsFor(static_cast<double>(count), kRowGrain), [&](int ith, int nth) {
    const Range r = evenShare(static_cast<size_t>(rows), ith, nth);
    for (size_t row = r.begin; row < r.end; ++row) {
      const float* in = x.data + row * width;
      float* out = y.data + row * width;
      float max = in[0];
      for (size_t j = 1; j < width; ++j) max = in[j] > max ? in[j] : max;
      for (size_t j = 0; j < width; ++j) out[j] = in[j] - max;
      expArray(out, out, width);
      const double sum = interleavedSum(width, [out](size_t j) { return out[j]; });
      const float inverse = static_cast<float>(1.0 / sum);
      for (size_t j = 0; j < width; ++j) out[j] *= inverse;
    }
  });
  return info.Env().Undefined();
}

// softmaxBackward(y, dy, dx, rows, cols, accumulate): dx = y (dy - sum_j dy_j y_j) per row.
Napi::Value SoftmaxBackward(const Napi::CallbackInfo& info) {
  Args args(info, "softmaxBackward", 6);
  FloatView y = args.floats(0, "y");
  FloatView dy = args.floats(1, "dy");
  FloatView dx = args.floats(2, "dx");
  const int64_t rows = args.integer(3, "rows", 1);
  const int64_t cols = args.integer(4, "cols", 1);
  const bool accumulate = args.flag(5, "accumulate");
  const size_t count = args.product({rows, cols});
  args.need(y, count);
  args.need(dy, count);
  args.need(dx, count);
  KernelScope scope;
  const size_t width = static_cast<size_t>(cols);
  parallelFor(threadsFor(static_cast<double>(count), kRowGrain), [&](int ith, int nth) {
    const Range r = evenShare(static_cast<size_t>(rows), ith, nth);
    for (size_t row = r.begin; row < r.end; ++row) {
      const float* out = y.data + row * width;
      const float* grad = dy.data + row * width;
      float* d = dx.data + row * width;
      double dot = 0.0;
      for (size_t j = 0; j < width; ++j) dot += static_cast<double>(grad[j]) * out[j];
      const float shift = static_cast<float>(dot);
      if (accumulate) {
        for (size_t j = 0; j < width; ++j) d[j] += out[j] * (grad[j] - shift);
      } else {
        for (size_t j = 0; j < width; ++j) d[j] = out[j] * (grad[j] - shift);
      }
    }
  });
  return info.Env().Undefined();
}

// Seeds and streams are integers taken modulo 2^32 (as `value >>> 0` in JS).
// value where keep is 1, +0.0f where keep is 0 (bits cleared, whatever the value), without a branch.
inline float maskedBy(float value, std::uint32_t keep) {
  std::uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  bits &= 0u - keep;
  std::memcpy(&value, &bits, sizeof bits);
  return value;
}

std::uint32_t readWord(const Args& args, size_t i, const char* name) {
  const int64_t value = args.integer(i, name, -(INT64_C(1) << 53), INT64_C(1) << 53);
  return static_cast<std::uint32_t>(static_cast<std::uint64_t>(value));
}

double readProbability(const Args& args, size_t i) {
  const double p = args.number(i, "p");
  if (p < 0.0 || p > 1.0) args.fail("p must be in [0, 1], got " + std::to_string(p));
  return p;
}

// dropoutForward(x, y, mask, count, p, seed, stream)
Napi::Value DropoutForward(const Napi::CallbackInfo& info) {
  Args args(info, "dropoutForward", 7);
  FloatView x = args.floats(0, "x");
  FloatView y = args.floats(1, "y");
  ByteView mask = args.bytes(2, "mask");
  const size_t count = static_cast<size_t>(args.integer(3, "count", 0, INT64_C(1) << 32));
  const double p = readProbability(args, 4);
  const std::uint32_t seed = readWord(args, 5, "seed");
  const std::uint32_t stream = readWord(args, 6, "stream");
  args.need(x, count);
  args.need(y, count);
  args.need(mask, count);
  KernelScope scope;
  const std::uint32_t key = dropoutKey(seed, stream);
  // Kept when bits / 2^24 >= p, i.e. bits >= ceil(p * 2^24): an exact integer threshold.
  const double scaled = std::ceil(p * 16777216.0);
  const std::uint32_t threshold = static_cast<std::uint32_t>(scaled);
  const float keepScale = p < 1.0 ? static_cast<float>(1.0 / (1.0 - p)) : 0.0f;
  parallelRange(count, kElementGrain, [&](size_t begin, size_t end) {
    const std::uint32_t bitsKey = key, keepFrom = threshold;  // locals, not captures: see elementwise.cpp
    const float scale = keepScale;
    const float* in = x.data;
    float* out = y.data;
    std::uint8_t* kept = mask.data;
    // Branch-free (a mask is a coin toss per element): a dropped element is x * scale with every bit cleared, so
    // exactly 0 even where x is NaN or infinite.
    for (size_t i = begin; i < end; ++i) {
      const std::uint32_t keep = dropoutBits(bitsKey, static_cast<std::uint32_t>(i)) >= keepFrom ? 1u : 0u;
      kept[i] = static_cast<std::uint8_t>(keep);
      out[i] = maskedBy(in[i] * scale, keep);
    }
  });
  return info.Env().Undefined();
}

// dropoutBackward(dy, mask, dx, count, p, accumulate): dx = dy * mask / (1 - p).
Napi::Value DropoutBackward(const Napi::CallbackInfo& info) {
  Args args(info, "dropoutBackward", 6);
  FloatView dy = args.floats(0, "dy");
  ByteView mask = args.bytes(1, "mask");
  FloatView dx = args.floats(2, "dx");
  const size_t count = static_cast<size_t>(args.integer(3, "count", 0, INT64_C(1) << 32));
  const double p = readProbability(args, 4);
  const bool accumulate = args.flag(5, "accumulate");
  args.need(dy, count);
  args.need(mask, count);
  args.need(dx, count);
  KernelScope scope;
  const float keepScale = p < 1.0 ? static_cast<float>(1.0 / (1.0 - p)) : 0.0f;
  parallelRange(count, kElementGrain, [&](size_t begin, size_t end) {
    const float scale = keepScale;
    const std::uint8_t* kept = mask.data;
    const float* in = dy.data;
    float* out = dx.data;
    if (accumulate) {
      for (size_t i = begin; i < end; ++i) out[i] += maskedBy(in[i] * scale, kept[i] != 0 ? 1u : 0u);
    } else {
      for (size_t i = begin; i < end; ++i) out[i] = maskedBy(in[i] * scale, kept[i] != 0 ? 1u : 0u);
    }
  });
  return info.Env().Undefined();
}

}  // namespace

void registerSoftmaxDropout(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "softmaxForward", SoftmaxForward);
  exportFunction(env, exports, "softmaxBackward", SoftmaxBackward);
  exportFunction(env, exports, "dropoutForward", DropoutForward);
  exportFunction(env, exports, "dropoutBackward", DropoutBackward);
}

}  // namespace nw
