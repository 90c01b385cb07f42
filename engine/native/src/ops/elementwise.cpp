// Plain data movement and arithmetic over flat buffers: add, axpy, copy, channel concat/split, row argmax.
#include <cstdint>
#include <cstring>

#include "args.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::size_t;

constexpr double kGrain = 64.0 * 1024.0;

// Loops inside the pool's lambdas read buffers and scalars through locals, never through captures: a captured float
// could alias the floats being stored (the lambda escapes into the pool), which stops the loop from vectorizing.

size_t readCount(const Args& args, size_t i) {
  return static_cast<size_t>(args.integer(i, "count", 0, INT64_C(1) << 53));
}

// add(a, b, y, count): y = a + b.
Napi::Value Add(const Napi::CallbackInfo& info) {
  Args args(info, "add", 4);
  FloatView a = args.floats(0, "a");
  FloatView b = args.floats(1, "b");
  FloatView y = args.floats(2, "y");
  const size_t count = readCount(args, 3);
  args.need(a, count);
  args.need(b, count);
  args.need(y, count);
  KernelScope scope;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) {
    const float* first = a.data;  // locals, not captures: see the note at the top of the file
    const float* second = b.data;
    float* out = y.data;
    for (size_t i = begin; i < end; ++i) out[i] = first[i] + second[i];
  });
  return info.Env().Undefined();
}

// axpy(alpha, x, y, count): y += alpha x.
Napi::Value Axpy(const Napi::CallbackInfo& info) {
  Args args(info, "axpy", 4);
  const float alpha = static_cast<float>(args.number(0, "alpha"));
  FloatView x = args.floats(1, "x");
  FloatView y = args.floats(2, "y");
  const size_t count = readCount(args, 3);
  args.need(x, count);
  args.need(y, count);
  KernelScope scope;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) {
    const float scale = alpha;
    const float* in = x.data;
    float* out = y.data;
    for (size_t i = begin; i < end; ++i) out[i] += scale * in[i];
  });
  return info.Env().Undefined();
}

// copy(src, dst, count, accumulate): dst = src, or dst += src.
Napi::Value Copy(const Napi::CallbackInfo& info) {
  Args args(info, "copy", 4);
  FloatView src = args.floats(0, "src");
  FloatView dst = args.floats(1, "dst");
  const size_t count = readCount(args, 2);
  const bool accumulate = args.flag(3, "accumulate");
  args.need(src, count);
  args.need(dst, count);
  KernelScope scope;
  parallelRange(count, kGrain, [&](size_t begin, size_t end) {
    if (accumulate) {
      const float* in = src.data;
      float* out = dst.data;
      for (size_t i = begin; i < end; ++i) out[i] += in[i];
    } else {
      std::memmove(dst.data + begin, src.data + begin, (end - begin) * sizeof(float));
    }
  });
  return info.Env().Undefined();
}

struct ChannelDims {
  size_t batch, channelsA, channelsB, spatial;
};

ChannelDims readChannelDims(const Args& args, size_t first) {
  const int64_t batch = args.integer(first, "batch", 1);
  const int64_t channelsA = args.integer(first + 1, "channelsA", 1);
  const int64_t channelsB = args.integer(first + 2, "channelsB", 1);
  const int64_t spatial = args.integer(first + 3, "spatial", 1);
  args.product({batch, channelsA + channelsB, spatial});
  return {static_cast<size_t>(batch), static_cast<size_t>(channelsA), static_cast<size_t>(channelsB),
          static_cast<size_t>(spatial)};
}

// concatChannels(a, b, y, batch, channelsA, channelsB, spatial): y[N, Ca+Cb, S] = [a[N,Ca,S], b[N,Cb,S]].
Napi::Value ConcatChannels(const Napi::CallbackInfo& info) {
  Args args(info, "concatChannels", 7);
  FloatView a = args.floats(0, "a");
  FloatView b = args.floats(1, "b");
  FloatView y = args.floats(2, "y");
  const ChannelDims d = readChannelDims(args, 3);
  const size_t partA = d.channelsA * d.spatial;
  const size_t partB = d.channelsB * d.spatial;
  args.need(a, d.batch * partA);
  args.need(b, d.batch * partB);
  args.need(y, d.batch * (partA + partB));
  KernelScope scope;
  parallelFor(threadsFor(static_cast<double>(d.batch * (partA + partB)), kGrain), [&](int ith, int nth) {
    const Range r = evenShare(d.batch, ith, nth);
    for (size_t n = r.begin; n < r.end; ++n) {
      float* out = y.data + n * (partA + partB);
      std::memcpy(out, a.data + n * partA, partA * sizeof(float));
      std::memcpy(out + partA, b.data + n * partB, partB * sizeof(float));
    }
  });
  return info.Env().Undefined();
}

void route(const float* src, float* dst, size_t count, bool accumulate) {
  if (accumulate) {
    for (size_t i = 0; i < count; ++i) dst[i] += src[i];
  } else {
    std::memcpy(dst, src, count * sizeof(float));
  }
}

// splitChannels(dy, da | null, db | null, batch, channelsA, channelsB, spatial, accumulate)
Napi::Value SplitChannels(const Napi::CallbackInfo& info) {
  Args args(info, "splitChannels", 8);
  FloatView dy = args.floats(0, "dy");
  FloatView da = args.floatsOrNull(1, "da");
  FloatView db = args.floatsOrNull(2, "db");
  const ChannelDims d = readChannelDims(args, 3);
  const bool accumulate = args.flag(7, "accumulate");
  const size_t partA = d.channelsA * d.spatial;
  const size_t partB = d.channelsB * d.spatial;
  args.need(dy, d.batch * (partA + partB));
  if (da) args.need(da, d.batch * partA);
  if (db) args.need(db, d.batch * partB);
  KernelScope scope;
  parallelFor(threadsFor(static_cast<double>(d.batch * (partA + partB)), kGrain), [&](int ith, int nth) {
    const Range r = evenShare(d.batch, ith, nth);
    for (size_t n = r.begin; n < r.end; ++n) {
      const float* in = dy.data + n * (partA + partB);
      if (da) route(in, da.data + n * partA, partA, accumulate);
      if (db) route(in + partA, db.data + n * partB, partB, accumulate);
    }
  });
  return info.Env().Undefined();
}

// argmaxRows(x, out, rows, cols): index of the largest value of each row, the first on ties.
Napi::Value ArgmaxRows(const Napi::CallbackInfo& info) {
  Args args(info, "argmaxRows", 4);
  FloatView x = args.floats(0, "x");
  IntView out = args.ints(1, "out");
  const int64_t rows = args.integer(2, "rows", 1);
  const int64_t cols = args.integer(3, "cols", 1);
  args.need(x, args.product({rows, cols}));
  args.need(out, static_cast<size_t>(rows));
  KernelScope scope;
  const size_t width = static_cast<size_t>(cols);
  parallelFor(threadsFor(static_cast<double>(rows * cols), kGrain), [&](int ith, int nth) {
    const Range r = evenShare(static_cast<size_t>(rows), ith, nth);
    for (size_t row = r.begin; row < r.end; ++row) {
      const float* in = x.data + row * width;
      size_t best = 0;
      for (size_t j = 1; j < width; ++j) {
        if (in[j] > in[best]) best = j;
      }
      out.data[row] = static_cast<std::int32_t>(best);
    }
  });
  return info.Env().Undefined();
}

}  // namespace

void registerElementwise(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "add", Add);
  exportFunction(env, exports, "axpy", Axpy);
  exportFunction(env, exports, "copy", Copy);
  exportFunction(env, exports, "concatChannels", ConcatChannels);
  exportFunction(env, exports, "splitChannels", SplitChannels);
  exportFunction(env, exports, "argmaxRows", ArgmaxRows);
}

}  // namespace nw
