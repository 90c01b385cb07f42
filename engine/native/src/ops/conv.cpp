// 2-D convolution (cross-correlation) over NCHW via im2col + GEMM, forward and backward.
// Shapes: x [N,C,H,W], weight [O,C,KH,KW] = [O, CKK], y [N,O,OH,OW]. Images are processed in chunks whose im2col
// columns sit side by side ([CKK, chunk*OH*OW]), so each GEMM is wide even for small images; im2col writes straight
// into the GEMM's packed panels (column_layouts.hpp), so the columns are written once and read once.
// The chunk size depends only on the dimensions, so the weight gradient (summed over chunks in order) does not
// depend on the thread count; every other output is a single dot product per element anyway.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <type_traits>

#include "args.hpp"
#include "gemm/gemm.hpp"
#include "ops/column_layouts.hpp"
#include "ops/geometry.hpp"
#include "ops/register.hpp"
#include "ops/sums.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::size_t;

// Floats of im2col columns (or gathered dy) per chunk of images: large enough for wide GEMMs, small enough (1 MB)
// to stay mostly in cache between being written and being read.
constexpr size_t kChunkBudget = size_t(1) << 18;
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

// Calls f(std::integral_constant<size_t, nr>) for the microkernel panel widths (see ukernel_*.cpp).
template <class F>
void withPanelWidth(size_t nr, const F& f) {
  switch (nr) {
    case 8: return f(std::integral_constant<size_t, 8>{});
    case 12: return f(std::integral_constant<size_t, 12>{});
    case 16: return f(std::integral_constant<size_t, 16>{});
    case 32: return f(std::integral_constant<size_t, 32>{});
    default: std::abort();  // a microkernel was added without its panel width here
  }
}

// The im2col matrix of images [first, first + count) as GEMM B panels over its columns (PanelsOverColumns). Each
// row of an image is first built contiguously in the thread's scratch (short runs copy fast there), then moved into
// the panels mostly as whole, fixed-size panel rows.
template <size_t NR>
void gatherColumnPanels(const WindowGeom& g, const ConvPlan& plan, const float* x, size_t first, size_t count,
                        float* panels) {
  const size_t jobs = count * plan.patch;
  const int nth = threadsFor(static_cast<double>(jobs * plan.plane), kCopyGrain);
  for (int t = 0; t < nth; ++t) threadScratch(t).columns.reserve<float>(plan.plane);
  parallelFor(nth, [&](int ith, int n) {
    const Range r = evenShare(jobs, ith, n);
    float* row = threadScratch(ith).columns.data<float>();
    const RowMajorColumns sink{row, 0, 0, 0};
    const PanelsOverColumns<NR> layout{panels, plan.patch};
    for (size_t job = r.begin; job < r.end; ++job) {
      const size_t image = job / plan.patch;
      const size_t k = job % plan.patch;
      im2colRuns(g, x + (first + image) * plan.imageIn, k, k + 1, sink);
      size_t column = image * plan.plane;
      size_t j = 0;
      for (; j < plan.plane && column % NR != 0; ++j, ++column) *layout.at(k, column) = row[j];
      for (; j + NR <= plan.plane; j += NR, column += NR) std::memcpy(layout.at(k, column), row + j, NR * sizeof(float));
      for (; j < plan.plane; ++j, ++column) *layout.at(k, column) = row[j];
    }
  });
}

// The transposed im2col matrix of images [first, first + count) as GEMM B panels over its rows (op(B) = im2col^T,
// depth count*plane): panel q (rows [q*NR, q*NR + NR)) holds (row, position j) at [q*NR*depth + j*NR + row % NR].
// A job is one image and one panel: its rows are built contiguously in the thread's scratch, then transposed into
// the panel (rows past the patch are zero). Threads never share a panel row's cache lines.
template <size_t NR>
void gatherRowPanels(const WindowGeom& g, const ConvPlan& plan, const float* x, size_t first, size_t count,
                     float* panels) {
  const size_t panelCount = (plan.patch + NR - 1) / NR;
  const size_t jobs = count * panelCount;
  const size_t depth = count * plan.plane;
  const int nth = threadsFor(static_cast<double>(jobs * NR * plan.plane), kCopyGrain);
  for (int t = 0; t < nth; ++t) threadScratch(t).columns.reserve<float>(NR * plan.plane);
  parallelFor(nth, [&](int ith, int n) {
    const Range r = evenShare(jobs, ith, n);
    float* rows = threadScratch(ith).columns.data<float>();
    for (size_t job = r.begin; job < r.end; ++job) {
      const size_t image = job / panelCount;
      const size_t q = job % panelCount;
      const size_t k0 = q * NR;
      const size_t k1 = std::min(plan.patch, k0 + NR);
      const RowMajorColumns sink{rows, plan.plane, 0, k0};
      im2colRuns(g, x + (first + image) * plan.imageIn, k0, k1, sink);
      for (size_t k = k1; k < k0 + NR; ++k) std::fill(rows + (k - k0) * plan.plane, rows + (k - k0 + 1) * plan.plane, 0.0f);
      float* dst = panels + q * NR * depth + image * plan.plane * NR;
      for (size_t j = 0; j < plan.plane; ++j) {
        for (size_t lane = 0; lane < NR; ++lane) dst[j * NR + lane] = rows[lane * plan.plane + j];
      }
    }
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
  const size_t nr = static_cast<size_t>(gemmKernel().nr);
  float* columns = sharedScratch(Shared::Columns).reserve<float>(packedBFloats(static_cast<int64_t>(plan.plane * plan.chunk),
                                                                              static_cast<int64_t>(plan.patch)));
  float* gathered = plan.chunk > 1 ? sharedScratch(Shared::Gathered).reserve<float>(plan.imageOut * plan.chunk) : nullptr;
  for (size_t first = 0; first < static_cast<size_t>(g.N); first += plan.chunk) {
    const size_t count = std::min(plan.chunk, static_cast<size_t>(g.N) - first);
    const size_t ld = count * plan.plane;
    const bool packed = !(plan.direct && count == 1);  // else the image itself is B, packed by the GEMM
    if (packed) {
      withPanelWidth(nr, [&](auto width) {
        constexpr size_t NR = decltype(width)::value;
        gatherColumnPanels<NR>(g, plan, x.data, first, count, columns);
        PanelsOverColumns<NR>{columns, plan.patch}.zeroTail(ld);
      });
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
    p.B = packed ? nullptr : x.data + first * plan.imageIn;
    p.ldb = p.N;
    p.packedB = packed ? columns : nullptr;
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
  const size_t nr = static_cast<size_t>(gemmKernel().nr);
  const size_t columnCount = plan.patch * plan.plane * plan.chunk;
  float* columns = sharedScratch(Shared::Columns).reserve<float>(packedBFloats(static_cast<int64_t>(plan.patch),
                                                                              static_cast<int64_t>(plan.plane * plan.chunk)));
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
    const bool packed = !(plan.direct && count == 1);  // else the image itself is B, packed by the GEMM
    if (packed) {
      withPanelWidth(nr, [&](auto width) { gatherRowPanels<decltype(width)::value>(g, plan, x.data, first, count, columns); });
    }

    GemmProblem pw;  // dWeight [O, CKK] (+)= dy_chunk [O, ld] · columns [CKK, ld]^T
    pw.transB = true;
    pw.M = g.O;
    pw.N = static_cast<int64_t>(plan.patch);
    pw.K = static_cast<int64_t>(ld);
    pw.A = a;
    pw.lda = static_cast<int64_t>(ld);
    pw.B = packed ? nullptr : x.data + first * plan.imageIn;
    pw.ldb = static_cast<int64_t>(ld);
    pw.packedB = packed ? columns : nullptr;
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
    // dBias[o] = sum over images (in order) of the interleaved sum over positions of dy, in double; threads own
    // output channels.
    const int nth = threadsFor(static_cast<double>(g.N) * g.O * static_cast<double>(plan.plane), 64.0 * 1024.0);
    parallelFor(nth, [&](int ith, int n) {
      const Range channels = evenShare(static_cast<size_t>(g.O), ith, n);
      for (size_t o = channels.begin; o < channels.end; ++o) {
        double sum = 0.0;
        for (int64_t image = 0; image < g.N; ++image) {
          const float* row = dy.data + static_cast<size_t>(image) * plan.imageOut + o * plan.plane;
          sum += interleavedSum(plan.plane, [row](size_t s) { return row[s]; });
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
