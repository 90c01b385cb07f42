// 2-D convolution (cross-correlation) over NCHW via im2col + GEMM, forward and backward.
// Shapes: x [N,C,H,W], weight [O,C,KH,KW] = [O, CKK], y [N,O,OH,OW]. Images are processed in chunks whose im2col
// columns sit side by side ([CKK, chunk*OH*OW]), so each GEMM is wide even for small images.
// The chunk size depends only on the dimensions, so the weight gradient (summed over chunks in order) does not
// depend on the thread count; every other output is a single dot product per element anyway.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "args.hpp"
#include "gemm/gemm.hpp"
#include "ops/geometry.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::size_t;

// Floats of gathered columns per chunk: large enough for wide GEMMs, small enough to stay in the last-level cache.
constexpr size_t kChunkBudget = size_t(1) << 20;
constexpr double kCopyGrain = 32.0 * 1024.0;  // floats copied per thread worth a wake-up

struct ConvPlan {
  size_t plane;     // OH * OW
  size_t patch;     // C * KH * KW
  size_t imageIn;   // C * H * W
  size_t imageOut;  // O * OH * OW
  size_t chunk;     // images per chunk
  bool direct;      // 1x1, stride 1, no padding: an image is its own im2col matrix
};

ConvPlan planFor(const WindowGeom& g) {
  ConvPlan plan;
  plan.plane = g.outputPlane();
  plan.patch = g.patch();
  plan.imageIn = static_cast<size_t>(g.C) * g.inputPlane();
  plan.imageOut = static_cast<size_t>(g.O) * plan.plane;
  const size_t perImage = std::max(plan.patch, static_cast<size_t>(g.O)) * plan.plane;
  plan.chunk = std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(g.N), kChunkBudget / perImage));
  plan.direct = g.KH == 1 && g.KW == 1 && g.SH == 1 && g.SW == 1 && g.PH == 0 && g.PW == 0;
  return plan;
}

// Runs job(i) for i in [0, jobs) over the pool, each job moving about `floatsPerJob` floats.
template <class Job>
void forEachJob(size_t jobs, size_t floatsPerJob, const Job& job) {
  parallelFor(threadsFor(static_cast<double>(jobs * floatsPerJob), kCopyGrain), [&](int ith, int nth) {
    const Range r = evenShare(jobs, ith, nth);
    for (size_t i = r.begin; i < r.end; ++i) job(i);
  });
}

// columns [patch, count*plane] = im2col of images [first, first + count), image i in columns [i*plane, (i+1)*plane).
void gatherColumns(const WindowGeom& g, const ConvPlan& plan, const float* x, size_t first, size_t count, float* columns) {
  const size_t ld = count * plan.plane;
  forEachJob(count * plan.patch, plan.plane, [&](size_t job) {
    const size_t image = job / plan.patch;
    const size_t row = job % plan.patch;
    im2col(g, x + (first + image) * plan.imageIn, columns + image * plan.plane, ld, row, row + 1);
  });
}

// gathered [O, count*plane] = dy of images [first, first + count) side by side.
void gatherOutputs(const WindowGeom& g, const ConvPlan& plan, const float* dy, size_t first, size_t count, float* gathered) {
  const size_t ld = count * plan.plane;
  const size_t channels = static_cast<size_t>(g.O);
  forEachJob(count * channels, plan.plane, [&](size_t job) {
    const size_t image = job / channels;
    const size_t o = job % channels;
    std::memcpy(gathered + o * ld + image * plan.plane, dy + (first + image) * plan.imageOut + o * plan.plane,
                plan.plane * sizeof(float));
  });
}

// conv2dForward(x, weight, bias | null, y, geom)
Napi::Value Conv2dForward(const Napi::CallbackInfo& info) {
  Args args(info, "conv2dForward", 5);
  FloatView x = args.floats(0, "x");
  FloatView weight = args.floats(1, "weight");
  FloatView bias = args.floatsOrNull(2, "bias");
  FloatView y = args.floats(3, "y");
  const WindowGeom g = readGeom(args, 4, WindowKind::Convolution);
  args.need(x, args.product({g.N, g.C, g.H, g.W}));
  args.need(weight, args.product({g.O, g.C, g.KH, g.KW}));
  if (bias) args.need(bias, static_cast<size_t>(g.O));
  args.need(y, args.product({g.N, g.O, g.OH, g.OW}));
  KernelScope scope;

  const ConvPlan plan = planFor(g);
  const size_t channels = static_cast<size_t>(g.O);
  float* columns = sharedScratch(Shared::Columns).reserve<float>(plan.patch * plan.plane * plan.chunk);
  float* gathered = plan.chunk > 1 ? sharedScratch(Shared::Gathered).reserve<float>(plan.imageOut * plan.chunk) : nullptr;
  for (size_t first = 0; first < static_cast<size_t>(g.N); first += plan.chunk) {
    const size_t count = std::min(plan.chunk, static_cast<size_t>(g.N) - first);
    const size_t ld = count * plan.plane;
    const float* b = columns;
    if (plan.direct && count == 1) {
      b = x.data + first * plan.imageIn;
    } else if (plan.direct) {
      forEachJob(count * static_cast<size_t>(g.C), plan.plane, [&](size_t job) {
        const size_t image = job / static_cast<size_t>(g.C);
        const size_t c = job % static_cast<size_t>(g.C);
        std::memcpy(columns + c * ld + image * plan.plane, x.data + (first + image) * plan.imageIn + c * plan.plane,
                    plan.plane * sizeof(float));
      });
    } else {
      gatherColumns(g, plan, x.data, first, count, columns);
    }
    // One image: write y[n] directly, starting from the bias. Several: a gathered [O, count*plane] result,
    // scattered into y with the bias added.
    float* target = count == 1 ? y.data + first * plan.imageOut : gathered;
    if (count == 1 && bias) {
      for (size_t o = 0; o < channels; ++o) std::fill(target + o * plan.plane, target + (o + 1) * plan.plane, bias.data[o]);
    }
    GemmProblem p;
    p.M = g.O;
    p.N = static_cast<int64_t>(ld);
    p.K = static_cast<int64_t>(plan.patch);
    p.A = weight.data;
    p.lda = p.K;
    p.B = b;
    p.ldb = p.N;
    p.beta = count == 1 && bias ? 1.0f : 0.0f;
    p.C = target;
    p.ldc = p.N;
    gemmParallel(p);
    if (count == 1) continue;
    forEachJob(count * channels, plan.plane, [&](size_t job) {
      const size_t image = job / channels;
      const size_t o = job % channels;
      const float* src = gathered + o * ld + image * plan.plane;
      float* dst = y.data + (first + image) * plan.imageOut + o * plan.plane;
      const float shift = bias ? bias.data[o] : 0.0f;
      for (size_t s = 0; s < plan.plane; ++s) dst[s] = src[s] + shift;
    });
  }
  return info.Env().Undefined();
}

// conv2dBackward(x, weight, dy, dx | null, dWeight, dBias | null, geom, accumulateDx)
// Per chunk of images: dWeight (+)= dy_chunk [O, count*plane] · columns^T, and
// dx = col2im(weight^T [CKK, O] · dy_chunk).
Napi::Value Conv2dBackward(const Napi::CallbackInfo& info) {
  Args args(info, "conv2dBackward", 8);
  FloatView x = args.floats(0, "x");
  FloatView weight = args.floats(1, "weight");
  FloatView dy = args.floats(2, "dy");
  FloatView dx = args.floatsOrNull(3, "dx");
  FloatView dWeight = args.floats(4, "dWeight");
  FloatView dBias = args.floatsOrNull(5, "dBias");
  const WindowGeom g = readGeom(args, 6, WindowKind::Convolution);
  const bool accumulateDx = args.flag(7, "accumulateDx");
  args.need(x, args.product({g.N, g.C, g.H, g.W}));
  args.need(weight, args.product({g.O, g.C, g.KH, g.KW}));
  args.need(dy, args.product({g.N, g.O, g.OH, g.OW}));
  if (dx) args.need(dx, args.product({g.N, g.C, g.H, g.W}));
  args.need(dWeight, args.product({g.O, g.C, g.KH, g.KW}));
  if (dBias) args.need(dBias, static_cast<size_t>(g.O));
  KernelScope scope;

  const ConvPlan plan = planFor(g);
  const size_t columnCount = plan.patch * plan.plane * plan.chunk;
  float* columns = sharedScratch(Shared::Columns).reserve<float>(columnCount);
  float* columnGrad = dx ? sharedScratch(Shared::ColumnGradient).reserve<float>(columnCount) : nullptr;
  float* gathered = plan.chunk > 1 ? sharedScratch(Shared::Gathered).reserve<float>(plan.imageOut * plan.chunk) : nullptr;
  const size_t channelsIn = static_cast<size_t>(g.C);

  for (size_t first = 0; first < static_cast<size_t>(g.N); first += plan.chunk) {
    const size_t count = std::min(plan.chunk, static_cast<size_t>(g.N) - first);
    const size_t ld = count * plan.plane;
    const float* a = dy.data + first * plan.imageOut;
    if (count > 1) {
      gatherOutputs(g, plan, dy.data, first, count, gathered);
      a = gathered;
    }
    const float* b = columns;
    if (plan.direct && count == 1) {
      b = x.data + first * plan.imageIn;
    } else if (plan.direct) {
      forEachJob(count * channelsIn, plan.plane, [&](size_t job) {
        const size_t image = job / channelsIn;
        const size_t c = job % channelsIn;
        std::memcpy(columns + c * ld + image * plan.plane, x.data + (first + image) * plan.imageIn + c * plan.plane,
                    plan.plane * sizeof(float));
      });
    } else {
      gatherColumns(g, plan, x.data, first, count, columns);
    }

    GemmProblem pw;  // dWeight [O, CKK] (+)= dy_chunk [O, ld] · columns [CKK, ld]^T
    pw.transB = true;
    pw.M = g.O;
    pw.N = static_cast<int64_t>(plan.patch);
    pw.K = static_cast<int64_t>(ld);
    pw.A = a;
    pw.lda = static_cast<int64_t>(ld);
    pw.B = b;
    pw.ldb = static_cast<int64_t>(ld);
    pw.beta = first == 0 ? 0.0f : 1.0f;
    pw.C = dWeight.data;
    pw.ldc = static_cast<int64_t>(plan.patch);
    gemmParallel(pw);

    if (!dx) continue;
    const bool inPlace = plan.direct && count == 1;  // the column gradient is dx[n] itself
    GemmProblem px;  // column gradient [CKK, ld] = weight^T [CKK, O] · dy_chunk [O, ld]
    px.transA = true;
    px.M = static_cast<int64_t>(plan.patch);
    px.N = static_cast<int64_t>(ld);
    px.K = g.O;
    px.A = weight.data;
    px.lda = static_cast<int64_t>(plan.patch);
    px.B = a;
    px.ldb = static_cast<int64_t>(ld);
    px.beta = inPlace && accumulateDx ? 1.0f : 0.0f;
    px.C = inPlace ? dx.data + first * plan.imageIn : columnGrad;
    px.ldc = static_cast<int64_t>(ld);
    gemmParallel(px);
    if (inPlace) continue;
    forEachJob(count * channelsIn, plan.patch / channelsIn * plan.plane, [&](size_t job) {
      const size_t image = job / channelsIn;
      const size_t c = job % channelsIn;
      float* dxn = dx.data + (first + image) * plan.imageIn;
      if (!accumulateDx) std::fill(dxn + c * g.inputPlane(), dxn + (c + 1) * g.inputPlane(), 0.0f);
      col2imAdd(g, columnGrad + image * plan.plane, ld, dxn, c, c + 1);
    });
  }

  if (dBias) {
    // dBias[o] = sum over images and positions of dy, in that order, in double; threads own output channels.
    const int nth = threadsFor(static_cast<double>(g.N) * g.O * static_cast<double>(plan.plane), 64.0 * 1024.0);
    parallelFor(nth, [&](int ith, int n) {
      const Range channels = evenShare(static_cast<size_t>(g.O), ith, n);
      for (size_t o = channels.begin; o < channels.end; ++o) {
        double sum = 0.0;
        for (int64_t image = 0; image < g.N; ++image) {
          const float* row = dy.data + static_cast<size_t>(image) * plan.imageOut + o * plan.plane;
          for (size_t s = 0; s < plan.plane; ++s) sum += row[s];
        }
        dBias.data[o] = static_cast<float>(sum);
      }
    });
  }
  return info.Env().Undefined();
}

}  // namespace

void registerConv(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "conv2dForward", Conv2dForward);
  exportFunction(env, exports, "conv2dBackward", Conv2dBackward);
}

}  // namespace nw
