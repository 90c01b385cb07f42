// Max, average and global-average pooling over NCHW, forward and backward. Threads own whole (image, channel)
// planes, and every gradient sum runs in window order, so results do not depend on the thread count.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "args.hpp"
#include "ops/geometry.hpp"
#include "ops/max_pool_2x2.hpp"
#include "ops/register.hpp"
#include "ops/sums.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::size_t;

constexpr double kPoolGrain = 32.0 * 1024.0;  // window elements per thread worth a wake-up

bool isMaxPool2x2(const WindowGeom& g) {
  return g.KH == 2 && g.KW == 2 && g.SH == 2 && g.SW == 2 && g.PH == 0 && g.PW == 0;
}

int planeThreads(const WindowGeom& g) {
  return threadsFor(static_cast<double>(g.N * g.C) * static_cast<double>(g.outputPlane() * g.KH * g.KW), kPoolGrain);
}

// Max pooling of one [H, W] plane, one output row at a time: for each window position (row-major) a pass over the
// row's outputs, so the inner loop has no unpredictable branch and vectorizes. Padded positions are skipped, so they
// never win; only a strictly larger value (or the first NaN, as in PyTorch) replaces the maximum so far.
// STRIDE is the column stride when known at compile time (1 or 2, the common cases), 0 for any other.
template <int STRIDE>
NW_NOINLINE void maxPoolPlane(const WindowGeom& g, const float* in, float* out, std::int32_t* where,
                              std::int32_t base) {
  const int64_t H = g.H, W = g.W, OH = g.OH, OW = g.OW, KH = g.KH, KW = g.KW, SH = g.SH, PH = g.PH;
  const int64_t SW = STRIDE > 0 ? STRIDE : g.SW;
  const auto stride = static_cast<std::int32_t>(SW);
  for (int64_t oh = 0; oh < OH; ++oh) {
    float* best = out + oh * OW;
    std::int32_t* at = where + oh * OW;
    for (int64_t ow = 0; ow < OW; ++ow) {
      best[ow] = -std::numeric_limits<float>::infinity();
      at[ow] = -1;  // nothing seen yet: the first real element always wins
    }
    for (int64_t kh = 0; kh < KH; ++kh) {
      const int64_t ih = oh * SH - PH + kh;
      if (ih < 0 || ih >= H) continue;
      const float* row = in + ih * W;
      for (int64_t kw = 0; kw < KW; ++kw) {
        int64_t begin, end;
        validColumns(W, OW, SW, g.PW, kw, begin, end);
        const int64_t shift = kw - g.PW;
        const std::int32_t first = base + static_cast<std::int32_t>(ih * W + shift);
        for (int64_t ow = begin; ow < end; ++ow) {
          const float v = row[ow * SW + shift];
          const float current = best[ow];
          const std::int32_t currentAt = at[ow];
          const bool take = (currentAt < 0) | (v > current) | ((v != v) & (current == current));
          best[ow] = take ? v : current;
          at[ow] = take ? first + static_cast<std::int32_t>(ow) * stride : currentAt;
        }
      }
    }
  }
}

// maxPool2dForward(x, y, argmax, geom)
Napi::Value MaxPool2dForward(const Napi::CallbackInfo& info) {
  Args args(info, "maxPool2dForward", 4);
  FloatView x = args.floats(0, "x");
  FloatView y = args.floats(1, "y");
  IntView argmax = args.ints(2, "argmax");
  const WindowGeom g = readGeom(args, 3, WindowKind::Pooling);
  const size_t inCount = args.product({g.N, g.C, g.H, g.W});
  args.need(x, inCount);
  args.need(y, args.product({g.N, g.C, g.OH, g.OW}));
  args.need(argmax, args.product({g.N, g.C, g.OH, g.OW}));
  if (inCount > static_cast<size_t>(INT32_MAX)) args.fail("x is too large for Int32 argmax indices");
  KernelScope scope;
  const size_t planes = static_cast<size_t>(g.N * g.C);
  const bool fast = isMaxPool2x2(g);
  parallelFor(planeThreads(g), [&](int ith, int nth) {
    const Range r = evenShare(planes, ith, nth);
    for (size_t plane = r.begin; plane < r.end; ++plane) {
      float* out = y.data + plane * g.outputPlane();
      std::int32_t* where = argmax.data + plane * g.outputPlane();
      const float* in = x.data + plane * g.inputPlane();
      const auto base = static_cast<std::int32_t>(plane * g.inputPlane());
      if (fast) {
        maxPool2x2Plane(in, g.H, g.W, out, where, base);
        continue;
      }
      switch (g.SW) {
        case 1: maxPoolPlane<1>(g, in, out, where, base); break;
        case 2: maxPoolPlane<2>(g, in, out, where, base); break;
        default: maxPoolPlane<0>(g, in, out, where, base); break;
      }
    }
  });
  return info.Env().Undefined();
}

// The first k in [0, n) with where[k] outside [lo, hi), or n. One branch-free pass (vectorizable) in the usual case.
size_t firstOutside(const std::int32_t* where, size_t n, int64_t lo, int64_t hi) {
  if (lo > INT32_MAX) return 0;  // no Int32 index can reach the plane (n >= 1)
  // where - lo < span in unsigned arithmetic <=> lo <= where < min(hi, 2^31), the wrap-around making low values big.
  const auto low = static_cast<std::uint32_t>(lo);
  const auto span = static_cast<std::uint32_t>(std::min<int64_t>(hi, INT64_C(1) << 31) - lo);
  std::uint32_t outside = 0;
  for (size_t k = 0; k < n; ++k)
    outside |= static_cast<std::uint32_t>(static_cast<std::uint32_t>(where[k]) - low >= span);
  if (outside == 0) return n;
  for (size_t k = 0; k < n; ++k) {
    if (static_cast<std::uint32_t>(where[k]) - low >= span) return k;
  }
  return n;
}

void lowerTo(std::atomic<size_t>& target, size_t value) {
  size_t current = target.load();
  while (value < current && !target.compare_exchange_weak(current, value)) {
  }
}

// maxPool2dBackward(dy, argmax, dx, geom, accumulate)
Napi::Value MaxPool2dBackward(const Napi::CallbackInfo& info) {
  Args args(info, "maxPool2dBackward", 5);
  FloatView dy = args.floats(0, "dy");
  IntView argmax = args.ints(1, "argmax");
  FloatView dx = args.floats(2, "dx");
  const WindowGeom g = readGeom(args, 3, WindowKind::Pooling);
  const bool accumulate = args.flag(4, "accumulate");
  const size_t outCount = args.product({g.N, g.C, g.OH, g.OW});
  args.need(dy, outCount);
  args.need(argmax, outCount);
  args.need(dx, args.product({g.N, g.C, g.H, g.W}));
  // Each index must point into its own plane (as maxPool2dForward wrote it): that keeps the writes in bounds and
  // lets threads own planes without racing. Each thread checks a plane's indices as it goes (the 2x2 fast path
  // checks that each lies in its own window; the general path checks the plane before writing it) and the lowest
  // bad index is reported after the loop: no extra pass. On a bad index, dx is partly written.
  const size_t planes = static_cast<size_t>(g.N * g.C);
  const size_t outPlane = g.outputPlane(), inPlane = g.inputPlane();
  const bool fast = isMaxPool2x2(g) && planes * inPlane <= static_cast<size_t>(INT32_MAX);
  std::atomic<size_t> firstBad{SIZE_MAX};
  KernelScope scope;
  parallelFor(planeThreads(g), [&](int ith, int nth) {
    const Range r = evenShare(planes, ith, nth);
    for (size_t plane = r.begin; plane < r.end; ++plane) {
      const float* grad = dy.data + plane * outPlane;
      const std::int32_t* where = argmax.data + plane * outPlane;
      float* d = dx.data + plane * inPlane;
      const auto base = static_cast<std::int32_t>(plane * inPlane);
      if (fast && maxPool2x2BackwardPlane(grad, where, g.H, g.W, base, d, accumulate)) continue;
      const size_t bad = firstOutside(where, outPlane, static_cast<int64_t>(plane * inPlane),
                                      static_cast<int64_t>((plane + 1) * inPlane));
      if (bad < outPlane) {
        lowerTo(firstBad, plane * outPlane + bad);
        continue;
      }
      if (!accumulate) {
        for (size_t k = 0; k < inPlane; ++k) d[k] = 0.0f;
      }
      for (size_t k = 0; k < outPlane; ++k) dx.data[where[k]] += grad[k];
    }
  });
  const size_t bad = firstBad.load();
  if (bad != SIZE_MAX) {
    const size_t plane = bad / outPlane;
    args.fail("argmax[" + std::to_string(bad) + "] = " + std::to_string(argmax.data[bad]) +
              " is outside its window's plane [" + std::to_string(plane * inPlane) + ", " +
              std::to_string((plane + 1) * inPlane) + ")");
  }
  return info.Env().Undefined();
}

// avgPool2dForward(x, y, geom): mean over KH*KW, padding counted as zeros.
Napi::Value AvgPool2dForward(const Napi::CallbackInfo& info) {
  Args args(info, "avgPool2dForward", 3);
  FloatView x = args.floats(0, "x");
  FloatView y = args.floats(1, "y");
  const WindowGeom g = readGeom(args, 2, WindowKind::Pooling);
  args.need(x, args.product({g.N, g.C, g.H, g.W}));
  args.need(y, args.product({g.N, g.C, g.OH, g.OW}));
  KernelScope scope;
  const size_t planes = static_cast<size_t>(g.N * g.C);
  const float inverseArea = 1.0f / static_cast<float>(g.KH * g.KW);
  parallelFor(planeThreads(g), [&](int ith, int nth) {
    const Range r = evenShare(planes, ith, nth);
    for (size_t plane = r.begin; plane < r.end; ++plane) {
      const float* in = x.data + plane * g.inputPlane();
      for (int64_t oh = 0; oh < g.OH; ++oh) {
        // Row by row over window positions (row-major order), the inner loop over output columns.
        float* out = y.data + plane * g.outputPlane() + oh * g.OW;
        for (int64_t ow = 0; ow < g.OW; ++ow) out[ow] = 0.0f;
        for (int64_t kh = 0; kh < g.KH; ++kh) {
          const int64_t ih = oh * g.SH - g.PH + kh;
          if (ih < 0 || ih >= g.H) continue;
          const float* row = in + ih * g.W;
          for (int64_t kw = 0; kw < g.KW; ++kw) {
            int64_t begin, end;
            validColumns(g.W, g.OW, g.SW, g.PW, kw, begin, end);
            const int64_t shift = kw - g.PW;
            for (int64_t ow = begin; ow < end; ++ow) out[ow] += row[ow * g.SW + shift];
          }
        }
        for (int64_t ow = 0; ow < g.OW; ++ow) out[ow] *= inverseArea;
      }
    }
  });
  return info.Env().Undefined();
}

// avgPool2dBackward(dy, dx, geom, accumulate)
Napi::Value AvgPool2dBackward(const Napi::CallbackInfo& info) {
  Args args(info, "avgPool2dBackward", 4);
  FloatView dy = args.floats(0, "dy");
  FloatView dx = args.floats(1, "dx");
  const WindowGeom g = readGeom(args, 2, WindowKind::Pooling);
  const bool accumulate = args.flag(3, "accumulate");
  args.need(dy, args.product({g.N, g.C, g.OH, g.OW}));
  args.need(dx, args.product({g.N, g.C, g.H, g.W}));
  KernelScope scope;
  const size_t planes = static_cast<size_t>(g.N * g.C);
  const float inverseArea = 1.0f / static_cast<float>(g.KH * g.KW);
  parallelFor(planeThreads(g), [&](int ith, int nth) {
    const Range r = evenShare(planes, ith, nth);
    for (size_t plane = r.begin; plane < r.end; ++plane) {
      float* d = dx.data + plane * g.inputPlane();
      const float* grad = dy.data + plane * g.outputPlane();
      if (!accumulate) {
        for (size_t k = 0; k < g.inputPlane(); ++k) d[k] = 0.0f;
      }
      for (int64_t oh = 0; oh < g.OH; ++oh) {
        const int64_t h0 = std::max<int64_t>(0, oh * g.SH - g.PH);
        const int64_t h1 = std::min<int64_t>(g.H, oh * g.SH - g.PH + g.KH);
        for (int64_t ow = 0; ow < g.OW; ++ow) {
          const int64_t w0 = std::max<int64_t>(0, ow * g.SW - g.PW);
          const int64_t w1 = std::min<int64_t>(g.W, ow * g.SW - g.PW + g.KW);
          const float share = grad[oh * g.OW + ow] * inverseArea;
          for (int64_t ih = h0; ih < h1; ++ih) {
            for (int64_t iw = w0; iw < w1; ++iw) d[ih * g.W + iw] += share;
          }
        }
      }
    }
  });
  return info.Env().Undefined();
}

struct GlobalDims {
  int64_t batch, channels, spatial;
};

GlobalDims readGlobalDims(const Args& args, size_t first) {
  return {args.integer(first, "batch", 1), args.integer(first + 1, "channels", 1),
          args.integer(first + 2, "spatial", 1)};
}

// globalAvgPoolForward(x, y, batch, channels, spatial): y[N,C] = mean of x[N,C,spatial].
Napi::Value GlobalAvgPoolForward(const Napi::CallbackInfo& info) {
  Args args(info, "globalAvgPoolForward", 5);
  FloatView x = args.floats(0, "x");
  FloatView y = args.floats(1, "y");
  const GlobalDims d = readGlobalDims(args, 2);
  args.need(x, args.product({d.batch, d.channels, d.spatial}));
  args.need(y, args.product({d.batch, d.channels}));
  KernelScope scope;
  const size_t planes = static_cast<size_t>(d.batch * d.channels);
  const size_t spatial = static_cast<size_t>(d.spatial);
  parallelFor(threadsFor(static_cast<double>(planes * spatial), kPoolGrain), [&](int ith, int nth) {
    const Range r = evenShare(planes, ith, nth);
    for (size_t plane = r.begin; plane < r.end; ++plane) {
      const float* in = x.data + plane * spatial;
      const double sum = interleavedSum(spatial, [in](size_t s) { return in[s]; });
      y.data[plane] = static_cast<float>(sum / static_cast<double>(spatial));
    }
  });
  return info.Env().Undefined();
}

// globalAvgPoolBackward(dy, dx, batch, channels, spatial, accumulate)
Napi::Value GlobalAvgPoolBackward(const Napi::CallbackInfo& info) {
  Args args(info, "globalAvgPoolBackward", 6);
  FloatView dy = args.floats(0, "dy");
  FloatView dx = args.floats(1, "dx");
  const GlobalDims d = readGlobalDims(args, 2);
  const bool accumulate = args.flag(5, "accumulate");
  args.need(dy, args.product({d.batch, d.channels}));
  args.need(dx, args.product({d.batch, d.channels, d.spatial}));
  KernelScope scope;
  const size_t planes = static_cast<size_t>(d.batch * d.channels);
  const size_t spatial = static_cast<size_t>(d.spatial);
  const float inverse = 1.0f / static_cast<float>(spatial);
  parallelFor(threadsFor(static_cast<double>(planes * spatial), kPoolGrain), [&](int ith, int nth) {
    const Range r = evenShare(planes, ith, nth);
    for (size_t plane = r.begin; plane < r.end; ++plane) {
      const float share = dy.data[plane] * inverse;
      float* out = dx.data + plane * spatial;
      if (accumulate) {
        for (size_t s = 0; s < spatial; ++s) out[s] += share;
      } else {
        for (size_t s = 0; s < spatial; ++s) out[s] = share;
      }
    }
  });
  return info.Env().Undefined();
}

}  // namespace

void registerPool(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "maxPool2dForward", MaxPool2dForward);
  exportFunction(env, exports, "maxPool2dBackward", MaxPool2dBackward);
  exportFunction(env, exports, "avgPool2dForward", AvgPool2dForward);
  exportFunction(env, exports, "avgPool2dBackward", AvgPool2dBackward);
  exportFunction(env, exports, "globalAvgPoolForward", GlobalAvgPoolForward);
  exportFunction(env, exports, "globalAvgPoolBackward", GlobalAvgPoolBackward);
}

}  // namespace nw
