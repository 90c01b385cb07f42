// 2-D convolution (cross-correlation) over NCHW, forward and backward: the bindings, and the im2col + GEMM path.
// Shapes: x [N,C,H,W], weight [O,C,KH,KW] = [O, CKK], y [N,O,OH,OW].
// Each pass picks its method: stride-1 passes run over shifted windows of the padded image (conv_shifted.cpp; the
// weight gradient as dot products, conv_dot.hpp) where that is estimated cheaper, everything else through im2col.
//
// im2col: the batch is cut into units of a few images whose im2col columns sit side by side ([CKK, chunk*OH*OW]), so
// each GEMM is wide even for small images while a unit's columns stay in the L2 cache between being written and read.
// im2col writes straight into the GEMM's packed panels (column_layouts.hpp). When there are enough units, each
// thread takes whole units and runs them alone (no synchronization per image); otherwise the units run one after
// the other with their jobs and GEMMs spread over the pool. Both give the same bits: the weight gradient is summed
// per fixed group of units, then over groups in order, and the grouping depends only on the dimensions.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <type_traits>

#include "args.hpp"
#include "gemm/gemm.hpp"
#include "ops/conv_epilogue.hpp"
#include "ops/conv_jobs.hpp"
#include "ops/conv_shifted.hpp"
#include "ops/conv_units.hpp"
#include "ops/geometry.hpp"
#include "ops/register.hpp"
#include "ops/sums.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::size_t;

// Floats of a unit's im2col columns (or its column gradient): about 384 KB, so they stay in a core's L2.
constexpr size_t kUnitBudget = size_t(96) * 1024;

ConvPlan planFor(const WindowGeom& g) {
  ConvPlan plan;
  plan.plane = g.outputPlane();
  plan.patch = g.patch();
  plan.imageIn = static_cast<size_t>(g.C) * g.inputPlane();
  plan.imageOut = static_cast<size_t>(g.O) * plan.plane;
  const size_t perImage = std::max(plan.patch, static_cast<size_t>(g.O)) * plan.plane;
  plan.chunk = std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(g.N), kUnitBudget / perImage));
  plan.units = (static_cast<size_t>(g.N) + plan.chunk - 1) / plan.chunk;
  plan.direct = g.KH == 1 && g.KW == 1 && g.SH == 1 && g.SW == 1 && g.PH == 0 && g.PW == 0;
  return plan;
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

// Grows every pool thread's scratch for a unit (the caller's slot serves units spread over the pool).
void reserveUnitScratch(const ConvPlan& plan, bool columnGrad) {
  const size_t nr = static_cast<size_t>(gemmKernel().nr);
  const size_t panels =
      std::max(packedBFloats(static_cast<int64_t>(plan.plane * plan.chunk), static_cast<int64_t>(plan.patch)),
               packedBFloats(static_cast<int64_t>(plan.patch), static_cast<int64_t>(plan.plane * plan.chunk)));
  for (int t = 0; t < pool().size(); ++t) {
    ThreadScratch& s = threadScratch(t);
    s.columns.reserve<float>(nr * plan.plane);
    s.unitPanels.reserve<float>(panels);
    if (plan.chunk > 1) s.unitGathered.reserve<float>(plan.imageOut * plan.chunk);
    if (columnGrad) s.unitColumnGrad.reserve<float>(plan.patch * plan.plane * plan.chunk);
  }
}

// y of one unit: y[n] (+bias) = weight [O, CKK] · columns [CKK, count*plane].
template <class Exec>
void forwardUnit(const Exec& exec, ThreadScratch& slot, const WindowGeom& g, const ConvPlan& plan, const float* x,
                 const float* weight, const float* bias, float* y, size_t u) {
  const size_t first = u * plan.chunk;
  const size_t count = std::min(plan.chunk, static_cast<size_t>(g.N) - first);
  const size_t ld = count * plan.plane;
  const bool packed = !(plan.direct && count == 1);  // else the image itself is B, packed by the GEMM
  float* panels = slot.unitPanels.data<float>();
  if (packed) {
    withPanelWidth(static_cast<size_t>(gemmKernel().nr), [&](auto width) {
      constexpr size_t NR = decltype(width)::value;
      exec.jobs(count * plan.patch, static_cast<double>(plan.plane), [&](size_t begin, size_t end, int ith) {
        packColumnJobs<NR>(g, plan, x, first, panels, threadScratch(ith).columns.data<float>(), begin, end);
      });
      PanelsOverColumns<NR>{panels, plan.patch}.zeroTail(ld);
    });
  }
  // One image: write y[n] directly, starting from the bias. Several: a gathered [O, count*plane] result, scattered
  // into y with the bias added.
  float* target = count == 1 ? y + first * plan.imageOut : slot.unitGathered.data<float>();
  if (count == 1 && bias) {
    for (size_t o = 0; o < static_cast<size_t>(g.O); ++o)
      std::fill(target + o * plan.plane, target + (o + 1) * plan.plane, bias[o]);
  }
  GemmProblem p;
  p.M = g.O;
  p.N = static_cast<int64_t>(ld);
  p.K = static_cast<int64_t>(plan.patch);
  p.A = weight;
  p.lda = p.K;
  p.B = packed ? nullptr : x + first * plan.imageIn;
  p.ldb = p.N;
  p.packedB = packed ? panels : nullptr;
  p.beta = count == 1 && bias ? 1.0f : 0.0f;
  p.C = target;
  p.ldc = p.N;
  exec.gemm(p);
  if (count == 1) return;
  exec.jobs(count * static_cast<size_t>(g.O), static_cast<double>(plan.plane), [&](size_t begin, size_t end, int) {
    scatterOutputJobs(g, plan, target, bias, first, count, y, begin, end);
  });
}

// conv2dForward(x, weight, bias | null, y, geom), and conv2dReluForward(x, weight, bias | null, y, geom,
// pooled | null): y = max(conv(x) + bias, 0) and, when pooled is given, pooled [N, O, OH/2, OW/2] = its 2x2 stride-2
// max pool (y is then scratch: it may or may not hold the ReLU'd output). Bitwise the separate kernels' results.
Napi::Value Conv2dForwardWith(const Napi::CallbackInfo& info, const char* name, bool relu) {
  Args args(info, name, relu ? 6 : 5);
  FloatView x = args.floats(0, "x");
  FloatView weight = args.floats(1, "weight");
  FloatView bias = args.floatsOrNull(2, "bias");
  FloatView y = args.floats(3, "y");
  const WindowGeom g = readGeom(args, 4, WindowKind::Convolution);
  FloatView pooled = relu ? args.floatsOrNull(5, "pooled") : FloatView{};
  args.need(x, args.product({g.N, g.C, g.H, g.W}));
  args.need(weight, args.product({g.O, g.C, g.KH, g.KW}));
  if (bias) args.need(bias, static_cast<size_t>(g.O));
  args.need(y, args.product({g.N, g.O, g.OH, g.OW}));
  if (pooled) args.need(pooled, args.product({g.N, g.O, g.OH / 2, g.OW / 2}));
  KernelScope scope;
  const ConvEpilogue epilogue{relu, pooled ? pooled.data : nullptr};

  if (shiftedWindowsApply(g) && shiftedWindowsCheaper(g, g)) {
    shiftedWindowsConv(g, x.data, weight.data, bias.data, y.data, false, epilogue);
    return info.Env().Undefined();
  }
  const ConvPlan plan = planFor(g);
  reserveUnitScratch(plan, false);
  const double multiplies =
      static_cast<double>(g.N) * static_cast<double>(plan.imageOut) * static_cast<double>(plan.patch);
  forEachUnit(plan.units, multiplies, [&](const auto& exec, ThreadScratch& slot, size_t u) {
    forwardUnit(exec, slot, g, plan, x.data, weight.data, bias.data, y.data, u);
  });
  if (!relu) return info.Env().Undefined();
  // im2col scatters its units' results into y: the epilogue is a pass over y's planes (the ReLU in place).
  const size_t planes = static_cast<size_t>(g.N * g.O), plane = g.outputPlane();
  const size_t pooledPlane = static_cast<size_t>(g.OH / 2) * static_cast<size_t>(g.OW / 2);
  parallelFor(threadsFor(static_cast<double>(planes * plane), 64.0 * 1024.0), [&](int ith, int nth) {
    const Range r = evenShare(planes, ith, nth);
    for (size_t i = r.begin; i < r.end; ++i) {
      float* in = y.data + i * plane;
      reluPoolPlane(in, static_cast<size_t>(g.OW), static_cast<size_t>(g.OH), static_cast<size_t>(g.OW), 0.0f,
                    pooled ? nullptr : in, pooled ? pooled.data + i * pooledPlane : nullptr);
    }
  });
  return info.Env().Undefined();
}

Napi::Value Conv2dForward(const Napi::CallbackInfo& info) { return Conv2dForwardWith(info, "conv2dForward", false); }
Napi::Value Conv2dReluForward(const Napi::CallbackInfo& info) {
  return Conv2dForwardWith(info, "conv2dReluForward", true);
}

// The backward pass of one unit: dWeight's partial for the unit's group (+)= dy_unit [O, count*plane] · columns^T,
// and dx = col2im(weight^T [CKK, O] · dy_unit).
struct BackwardArgs {
  const WindowGeom& g;
  const ConvPlan& plan;
  const float* x;
  const float* weight;
  const float* dy;
  float* dx;  // null: no input gradient
  bool accumulateDx;
};

template <class Exec>
void backwardUnit(const Exec& exec, ThreadScratch& slot, const BackwardArgs& a, size_t u, float* weightGrad,
                  float beta) {
  const WindowGeom& g = a.g;
  const ConvPlan& plan = a.plan;
  const size_t first = u * plan.chunk;
  const size_t count = std::min(plan.chunk, static_cast<size_t>(g.N) - first);
  const size_t ld = count * plan.plane;
  const float* outputGrad = a.dy + first * plan.imageOut;
  if (count > 1) {
    float* gathered = slot.unitGathered.data<float>();
    exec.jobs(count * static_cast<size_t>(g.O), static_cast<double>(plan.plane), [&](size_t begin, size_t end, int) {
      gatherOutputJobs(g, plan, a.dy, first, count, gathered, begin, end);
    });
    outputGrad = gathered;
  }
  const bool packed = !(plan.direct && count == 1);  // else the image itself is B, packed by the GEMM
  float* panels = slot.unitPanels.data<float>();
  if (weightGrad && packed) {
    withPanelWidth(static_cast<size_t>(gemmKernel().nr), [&](auto width) {
      constexpr size_t NR = decltype(width)::value;
      const size_t panelCount = (plan.patch + NR - 1) / NR;
      exec.jobs(count * panelCount, static_cast<double>(NR * plan.plane), [&](size_t begin, size_t end, int ith) {
        packRowPanelJobs<NR>(g, plan, a.x, first, count, panels, threadScratch(ith).columns.data<float>(), begin, end);
      });
    });
  }

  GemmProblem pw;  // weightGrad [O, CKK] (+)= dy_unit [O, ld] · columns [CKK, ld]^T
  pw.transB = true;
  pw.M = g.O;
  pw.N = static_cast<int64_t>(plan.patch);
  pw.K = static_cast<int64_t>(ld);
  pw.A = outputGrad;
  pw.lda = static_cast<int64_t>(ld);
  pw.B = packed ? nullptr : a.x + first * plan.imageIn;
  pw.ldb = static_cast<int64_t>(ld);
  pw.packedB = packed ? panels : nullptr;
  pw.beta = beta;
  pw.C = weightGrad;
  pw.ldc = static_cast<int64_t>(plan.patch);
  if (weightGrad) exec.gemm(pw);

  if (!a.dx) return;
  const bool inPlace = plan.direct && count == 1;  // the column gradient is dx[n] itself
  float* columnGrad = inPlace ? a.dx + first * plan.imageIn : slot.unitColumnGrad.data<float>();
  GemmProblem px;  // column gradient [CKK, ld] = weight^T [CKK, O] · dy_unit [O, ld]
  px.transA = true;
  px.M = static_cast<int64_t>(plan.patch);
  px.N = static_cast<int64_t>(ld);
  px.K = g.O;
  px.A = a.weight;
  px.lda = static_cast<int64_t>(plan.patch);
  px.B = outputGrad;
  px.ldb = static_cast<int64_t>(ld);
  px.beta = inPlace && a.accumulateDx ? 1.0f : 0.0f;
  px.C = columnGrad;
  px.ldc = static_cast<int64_t>(ld);
  exec.gemm(px);
  if (inPlace) return;
  exec.jobs(count * static_cast<size_t>(g.C), static_cast<double>(plan.patch / g.C * plan.plane),
            [&](size_t begin, size_t end, int) {
              col2imJobs(g, plan, columnGrad, first, count, a.dx, a.accumulateDx, begin, end);
            });
}

// The backward pass through im2col units: dWeight and dx, each skipped when null.
void im2colBackward(const WindowGeom& g, const float* x, const float* weight, const float* dy, float* dx,
                    float* dWeight, bool accumulateDx) {
  const ConvPlan plan = planFor(g);
  reserveUnitScratch(plan, dx != nullptr);
  const WeightGroups groups(plan.units);
  const size_t weightSize = static_cast<size_t>(g.O) * plan.patch;
  float* partials = groups.count > 1 && dWeight
                        ? sharedScratch(Shared::WeightPartials).reserve<float>(groups.count * weightSize)
                        : nullptr;
  const BackwardArgs common{g, plan, x, weight, dy, dx, accumulateDx};
  const double multiplies = static_cast<double>(g.N) * static_cast<double>(plan.imageOut) *
                            static_cast<double>(plan.patch) * ((dx ? 1.0 : 0.0) + (dWeight ? 1.0 : 0.0));
  forEachUnit(groups.count, multiplies, [&](const auto& exec, ThreadScratch& slot, size_t group) {
    float* target = dWeight ? groups.target(partials, dWeight, group, weightSize) : nullptr;
    for (size_t u = groups.first(group); u < groups.end(group, plan.units); ++u) {
      backwardUnit(exec, slot, common, u, target, u == groups.first(group) ? 0.0f : 1.0f);
    }
  });
  if (dWeight) groups.addUp(partials, weightSize, dWeight);
}

// conv2dBackward(x, weight, dy, dx | null, dWeight, dBias | null, geom, accumulateDx)
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

  // Stride 1: the input gradient is the forward pass of the adjoint convolution and the weight gradient a set of
  // dot products, both over shifted windows. Otherwise (or where the adjoint needs cropping) im2col units.
  const WindowGeom adjoint = dx ? adjointGeometry(g) : WindowGeom{};
  const bool shiftedDx = adjoint.N > 0 && shiftedWindowsCheaper(adjoint, g);
  if (shiftedDx) {
    float* flipped = sharedScratch(Shared::FlippedWeights).reserve<float>(args.product({g.O, g.C, g.KH, g.KW}));
    flipWeights(g, weight.data, flipped);
    shiftedWindowsConv(adjoint, dy.data, flipped, nullptr, dx.data, accumulateDx);
  }
  const bool shiftedWeights = shiftedWindowsApply(g);
  if (shiftedWeights) shiftedWindowsWeightGrad(g, x.data, dy.data, dWeight.data);
  if (!shiftedWeights || (dx && !shiftedDx)) {
    im2colBackward(g, x.data, weight.data, dy.data, shiftedDx ? nullptr : dx.data,
                   shiftedWeights ? nullptr : dWeight.data, accumulateDx);
  }
  const size_t plane = g.outputPlane();

  if (dBias) {
    // dBias[o] = sum over images (in order) of the interleaved sum over positions of dy, in double; threads own
    // output channels.
    const int nth = threadsFor(static_cast<double>(g.N) * g.O * static_cast<double>(plane), 64.0 * 1024.0);
    parallelFor(nth, [&](int ith, int n) {
      const Range channels = evenShare(static_cast<size_t>(g.O), ith, n);
      for (size_t o = channels.begin; o < channels.end; ++o) {
        double sum = 0.0;
        for (int64_t image = 0; image < g.N; ++image) {
          const float* row = dy.data + (static_cast<size_t>(image) * static_cast<size_t>(g.O) + o) * plane;
          sum += interleavedSum(plane, [row](size_t s) { return row[s]; });
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
  exportFunction(env, exports, "conv2dReluForward", Conv2dReluForward);
  exportFunction(env, exports, "conv2dBackward", Conv2dBackward);
}

}  // namespace nw
