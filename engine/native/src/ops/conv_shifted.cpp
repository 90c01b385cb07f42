// Stride-1 convolution over shifted windows of the padded image (see conv_shifted.hpp), in units of images run like
// conv.cpp's: pad, pack panel rows as contiguous runs, one GEMM, then drop the extra columns while storing y.
#include "ops/conv_shifted.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "gemm/gemm.hpp"
#include "ops/conv_dot.hpp"
#include "ops/conv_epilogue.hpp"
#include "ops/conv_units.hpp"
#include "scratch.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::size_t;

constexpr size_t kUnitBudget = size_t(96) * 1024;       // floats of a unit's panels, as in conv.cpp
constexpr size_t kDotImagesBudget = size_t(64) * 1024;  // floats of padded images one weight-gradient run reads
constexpr size_t kDotImages = 4;  // images per run: 1, 2, 4 took W5's 64-channel weight gradient 8.3, 7.5, 7.2 ms

struct ShiftedPlan {
  size_t HP, WP;  // padded image height and width
  size_t paddedPlane;
  size_t paddedImage;  // C * HP * WP plus NR floats of zeros: the last panel row of an image may read past its end
  size_t columns;      // grid columns per image: (OH - 1) * WP + OW rounded up to whole panels
  size_t tiles;        // panels per image
  size_t patch;        // C * KH * KW
  size_t plane;        // OH * OW
  size_t chunk, units;
  // The forward pass's unit: its chunk images side by side in every padded row ([C, HP, chunk * WP], then nr floats
  // of zeros), so that one grid runs across them and only the unit's last grid row ends in a partial panel.
  size_t stackWidth;  // chunk * WP
  size_t stackPlane;  // HP * stackWidth
  size_t stackImage;  // C * stackPlane + nr
};

ShiftedPlan planFor(const WindowGeom& g) {
  const size_t nr = static_cast<size_t>(gemmKernel().nr);
  ShiftedPlan plan;
  plan.HP = static_cast<size_t>(g.H + 2 * g.PH);
  plan.WP = static_cast<size_t>(g.W + 2 * g.PW);
  plan.paddedPlane = plan.HP * plan.WP;
  plan.paddedImage = static_cast<size_t>(g.C) * plan.paddedPlane + nr;
  const size_t used = static_cast<size_t>(g.OH - 1) * plan.WP + static_cast<size_t>(g.OW);
  plan.tiles = (used + nr - 1) / nr;
  plan.columns = plan.tiles * nr;
  plan.patch = g.patch();
  plan.plane = g.outputPlane();
  const size_t perImage = std::max(plan.patch, static_cast<size_t>(g.O)) * plan.columns;
  plan.chunk = std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(g.N), kUnitBudget / perImage));
  plan.units = (static_cast<size_t>(g.N) + plan.chunk - 1) / plan.chunk;
  plan.stackWidth = plan.chunk * plan.WP;
  plan.stackPlane = plan.HP * plan.stackWidth;
  plan.stackImage = static_cast<size_t>(g.C) * plan.stackPlane + nr;
  return plan;
}

// Panels of the grid over a unit of `count` images side by side: (OH - 1) full stacked rows, then the last row up to
// the last image's OW columns.
size_t stackTiles(const WindowGeom& g, const ShiftedPlan& plan, size_t count, size_t nr) {
  const size_t used =
      static_cast<size_t>(g.OH - 1) * plan.stackWidth + (count - 1) * plan.WP + static_cast<size_t>(g.OW);
  return (used + nr - 1) / nr;
}

// Job (image, c): channel c of the image, zero-padded, into its padded copy (and the trailing zeros after the last).
void padJobs(const WindowGeom& g, const ShiftedPlan& plan, const float* x, size_t first, float* padded, size_t begin,
             size_t end) {
  const size_t channels = static_cast<size_t>(g.C);
  const size_t W = static_cast<size_t>(g.W), PW = static_cast<size_t>(g.PW), PH = static_cast<size_t>(g.PH);
  for (size_t job = begin; job < end; ++job) {
    const size_t image = job / channels;
    const size_t c = job % channels;
    const float* src = x + ((first + image) * channels + c) * g.inputPlane();
    float* dst = padded + image * plan.paddedImage + c * plan.paddedPlane;
    std::fill(dst, dst + PH * plan.WP, 0.0f);
    for (size_t h = 0; h < static_cast<size_t>(g.H); ++h) {
      float* row = dst + (PH + h) * plan.WP;
      std::fill(row, row + PW, 0.0f);
      std::memcpy(row + PW, src + h * W, W * sizeof(float));
      std::fill(row + PW + W, row + plan.WP, 0.0f);
    }
    std::fill(dst + (PH + static_cast<size_t>(g.H)) * plan.WP, dst + plan.paddedPlane, 0.0f);
    if (c + 1 == channels) std::fill(dst + plan.paddedPlane, padded + (image + 1) * plan.paddedImage, 0.0f);
  }
}

// Job (slot, c): channel c of the unit's image in slot `slot` (of plan.chunk) into its band of columns [slot * WP,
// slot * WP + WP) of every padded row of channel c; a slot past the unit's `count` images gets zeros. The last job
// also zeroes the nr floats after the last channel, which the last panels may read.
void padStackedJobs(const WindowGeom& g, const ShiftedPlan& plan, const float* x, size_t first, size_t count,
                    float* padded, size_t begin, size_t end) {
  const size_t channels = static_cast<size_t>(g.C);
  const size_t H = static_cast<size_t>(g.H), W = static_cast<size_t>(g.W);
  const size_t PH = static_cast<size_t>(g.PH), PW = static_cast<size_t>(g.PW);
  for (size_t job = begin; job < end; ++job) {
    const size_t slot = job / channels;
    const size_t c = job % channels;
    const float* src = slot < count ? x + ((first + slot) * channels + c) * g.inputPlane() : nullptr;
    float* band = padded + c * plan.stackPlane + slot * plan.WP;
    for (size_t h = 0; h < plan.HP; ++h) {
      float* row = band + h * plan.stackWidth;
      if (src == nullptr || h < PH || h >= PH + H) {
        std::fill(row, row + plan.WP, 0.0f);
        continue;
      }
      std::fill(row, row + PW, 0.0f);
      std::memcpy(row + PW, src + (h - PH) * W, W * sizeof(float));
      std::fill(row + PW + W, row + plan.WP, 0.0f);
    }
    if (job + 1 == plan.chunk * channels)
      std::fill(padded + channels * plan.stackPlane, padded + plan.stackImage, 0.0f);
  }
}

// Job q: panel q of the unit's grid, row k = (c, kh, kw) being NR floats of the stacked padded images from offset
// offsets[k] + q * NR. Panel by panel, the writes are one sequential run of patch * NR floats and the reads stay in
// a few small padded images; row by row across all panels (each row's NR floats landing patch * NR floats from the
// last) cost LeNet's two convolutions 4 % and 14 % more CPU time per forward call (batch 256, one thread, AVX2).
template <size_t NR>
void packJobs(const ShiftedPlan& plan, const std::int64_t* offsets, const float* padded, float* panels, size_t begin,
              size_t end) {
  for (size_t q = begin; q < end; ++q) {
    const float* src = padded + q * NR;
    float* dst = panels + q * NR * plan.patch;
    for (size_t k = 0; k < plan.patch; ++k) std::memcpy(dst + k * NR, src + offsets[k], NR * sizeof(float));
  }
}

// offsets[k] = where row k = (c, kh, kw) of the shifted windows starts in padded images whose channels are `plane`
// floats apart and rows `rowStride`: c * plane + kh * rowStride + kw (one image: HP * WP and WP; a forward unit's
// stacked images: stackPlane and stackWidth).
void windowOffsets(const WindowGeom& g, size_t patch, size_t plane, size_t rowStride, std::int64_t* offsets) {
  const size_t area = static_cast<size_t>(g.KH * g.KW);
  for (size_t k = 0; k < patch; ++k) {
    const size_t c = k / area, kh = (k % area) / static_cast<size_t>(g.KW), kw = k % static_cast<size_t>(g.KW);
    offsets[k] = static_cast<std::int64_t>(c * plane + kh * rowStride + kw);
  }
}

// Job (o, image): the image's band of channel o's grid row into y, dropping the columns past OW, plus the bias; or
// added to y; or through the epilogue (ReLU, then the pool: y is not written when pooling). Channel by channel, so a
// channel's grid row (the unit's images side by side) is read from L2 once while each image's band is stored; image
// by image, a line shared by two bands was read twice. W5's first layer (two images a unit, no panel saved by
// stacking them): 652 us image by image, 640-645 channel by channel, 626-627 with each image on its own grid.
void storeJobs(const WindowGeom& g, const ShiftedPlan& plan, size_t count, const float* result, size_t ld,
               const float* bias, size_t first, float* y, bool accumulate, const ConvEpilogue& epilogue, size_t begin,
               size_t end) {
  const size_t channels = static_cast<size_t>(g.O);
  const size_t OW = static_cast<size_t>(g.OW);
  const size_t pooledPlane = static_cast<size_t>(g.OH / 2) * (OW / 2);
  for (size_t job = begin; job < end; ++job) {
    const size_t o = job / count;
    const size_t image = job % count;
    const float* src = result + o * ld + image * plan.WP;  // the image's band of the stacked grid
    float* dst = y + ((first + image) * channels + o) * plan.plane;
    const float shift = bias ? bias[o] : 0.0f;
    if (epilogue.relu) {
      float* pooled = epilogue.pooled ? epilogue.pooled + ((first + image) * channels + o) * pooledPlane : nullptr;
      reluPoolPlane(src, plan.stackWidth, static_cast<size_t>(g.OH), OW, shift, pooled ? nullptr : dst, pooled);
      continue;
    }
    for (size_t oh = 0; oh < static_cast<size_t>(g.OH); ++oh) {
      const float* in = src + oh * plan.stackWidth;
      float* out = dst + oh * OW;
      if (accumulate) {
        for (size_t ow = 0; ow < OW; ++ow) out[ow] += in[ow] + shift;
      } else {
        for (size_t ow = 0; ow < OW; ++ow) out[ow] = in[ow] + shift;
      }
    }
  }
}

template <size_t NR, class Exec>
void runUnit(const Exec& exec, ThreadScratch& slot, const WindowGeom& g, const ShiftedPlan& plan,
             const std::int64_t* offsets, const float* x, const float* weight, const float* bias, float* y,
             bool accumulate, const ConvEpilogue& epilogue, size_t u) {
  const size_t first = u * plan.chunk;
  const size_t count = std::min(plan.chunk, static_cast<size_t>(g.N) - first);
  float* padded = slot.unitPadded.data<float>();
  float* panels = slot.unitPanels.data<float>();
  float* result = slot.unitGathered.data<float>();
  const size_t tiles = stackTiles(g, plan, count, NR);
  const size_t ld = tiles * NR;
  exec.jobs(plan.chunk * static_cast<size_t>(g.C), static_cast<double>(plan.paddedPlane),
            [&](size_t begin, size_t end, int) { padStackedJobs(g, plan, x, first, count, padded, begin, end); });
  GemmProblem p;  // result [O, tiles * NR] = weight [O, patch] · the stacked grid's panels
  p.M = g.O;
  p.N = static_cast<int64_t>(ld);
  p.K = static_cast<int64_t>(plan.patch);
  p.A = weight;
  p.lda = p.K;
  if (gemmReadsOffsets()) {
    // The microkernel reads each panel row where it lies in the padded images: nothing is copied into panels.
    std::int64_t* starts = slot.unitPanels.data<std::int64_t>();
    for (size_t q = 0; q < tiles; ++q) starts[q] = static_cast<std::int64_t>(q * NR);
    p.B = padded;
    p.rowOffsets = offsets;
    p.panelStarts = starts;
  } else {
    exec.jobs(tiles, static_cast<double>(plan.patch * NR),
              [&](size_t begin, size_t end, int) { packJobs<NR>(plan, offsets, padded, panels, begin, end); });
    p.packedB = panels;
  }
  p.C = result;
  p.ldc = p.N;
  exec.gemm(p);
  exec.jobs(count * static_cast<size_t>(g.O), static_cast<double>(plan.plane), [&](size_t begin, size_t end, int) {
    storeJobs(g, plan, count, result, ld, bias, first, y, accumulate, epilogue, begin, end);
  });
}

}  // namespace

bool shiftedWindowsApply(const WindowGeom& g) {
  if (g.SH != 1 || g.SW != 1) return false;
  const ShiftedPlan plan = planFor(g);
  // Dropped columns cost GEMM work; im2col's gather costs about as much as a third of the columns for few channels.
  // The grid is judged in runs of at most 16 columns: the AVX-512 kernel's 32-column panels round a small plane up
  // further (LeNet's 10 x 10 output: 160 columns for 100), which shiftedWindowsCheaper weighs against im2col; the
  // weight gradient's dot products (this test alone decides theirs) read no panels.
  const size_t run = std::min<size_t>(static_cast<size_t>(gemmKernel().nr), 16);
  const size_t used = static_cast<size_t>(g.OH - 1) * plan.WP + static_cast<size_t>(g.OW);
  return (used + run - 1) / run * run * 2 <= plan.plane * 3;
}

bool shiftedWindowsCheaper(const WindowGeom& shifted, const WindowGeom& im2col) {
  // Costs in multiply-adds per image. A float packed as part of a contiguous run costs about 2; one gathered by
  // im2col (built, then moved into panels or added back by col2im) about 12 (measured roughly on AVX2). The AVX-512
  // kernel does a multiply-add in half the time and the copies take as long, so there they cost twice as many
  // (LeNet's second convolution, 6 -> 16 channels of 10 x 10, forward on one Zen 5 core: 0.65 ms by im2col, 0.22 ms
  // over shifted windows).
  const double copy = gemmKernel().nr >= 32 ? 2.0 : 1.0;
  const ShiftedPlan plan = planFor(shifted);
  const double viaShifted = static_cast<double>(plan.patch) * static_cast<double>(plan.columns) *
                            (static_cast<double>(shifted.O) + 2.0 * copy);
  const double patch = static_cast<double>(im2col.patch()), plane = static_cast<double>(im2col.outputPlane());
  const double viaIm2col = patch * plane * (static_cast<double>(im2col.O) + 12.0 * copy);
  return viaShifted <= viaIm2col;
}

void shiftedWindowsConv(const WindowGeom& g, const float* x, const float* weight, const float* bias, float* y,
                        bool accumulate, const ConvEpilogue& epilogue) {
  const ShiftedPlan plan = planFor(g);
  const size_t nr = static_cast<size_t>(gemmKernel().nr);
  const size_t tiles = stackTiles(g, plan, plan.chunk, nr);  // a whole unit's, the most any unit has
  for (int t = 0; t < pool().size(); ++t) {
    ThreadScratch& s = threadScratch(t);
    s.unitPadded.reserve<float>(plan.stackImage);
    if (gemmReadsOffsets()) {
      s.unitPanels.reserve<std::int64_t>(tiles);  // each panel's start (runUnit)
    } else {
      s.unitPanels.reserve<float>(tiles * nr * plan.patch);
    }
    s.unitGathered.reserve<float>(tiles * nr * static_cast<size_t>(g.O));
  }
  std::int64_t* offsets = sharedScratch(Shared::Gathered).reserve<std::int64_t>(plan.patch);
  windowOffsets(g, plan.patch, plan.stackPlane, plan.stackWidth, offsets);
  const double multiplies = static_cast<double>(g.N) * static_cast<double>(g.O) * static_cast<double>(plan.columns) *
                            static_cast<double>(plan.patch);
  const auto unit = [&](const auto& exec, ThreadScratch& slot, size_t u) {
    switch (gemmKernel().nr) {
      case 8: return runUnit<8>(exec, slot, g, plan, offsets, x, weight, bias, y, accumulate, epilogue, u);
      case 12: return runUnit<12>(exec, slot, g, plan, offsets, x, weight, bias, y, accumulate, epilogue, u);
      case 16: return runUnit<16>(exec, slot, g, plan, offsets, x, weight, bias, y, accumulate, epilogue, u);
      case 32: return runUnit<32>(exec, slot, g, plan, offsets, x, weight, bias, y, accumulate, epilogue, u);
      default: std::abort();  // a microkernel was added without its panel width here
    }
  };
  forEachUnit(plan.units, multiplies, unit);
}

namespace {

// Job (image, o): dy of channel o laid on the padded grid (row oh at oh * WP, zeros in the dropped columns and up to
// `length`), the layout the dot products read.
void dyGridJobs(const WindowGeom& g, const ShiftedPlan& plan, const float* dy, size_t first, size_t length, float* grid,
                size_t begin, size_t end) {
  const size_t channels = static_cast<size_t>(g.O);
  const size_t OW = static_cast<size_t>(g.OW);
  for (size_t job = begin; job < end; ++job) {
    const size_t image = job / channels;
    const size_t o = job % channels;
    const float* src = dy + ((first + image) * channels + o) * plan.plane;
    float* dst = grid + (image * channels + o) * length;
    std::fill(dst, dst + length, 0.0f);
    for (size_t oh = 0; oh < static_cast<size_t>(g.OH); ++oh)
      std::memcpy(dst + oh * plan.WP, src + oh * OW, OW * sizeof(float));
  }
}

// How the weight gradient's dot products (conv_dot.hpp) read dy and the padded images; from the shape only.
struct DotLayout {
  bool inPlace;   // dy read where it lies, row by row (OW a multiple of 8), else laid on the padded grid first
  size_t rows;    // per image: OH rows of OW floats in place, or one run over the grid
  size_t width;   // OW, or the grid's (OH - 1) * WP + OW rounded up to the kernel's lanes
  size_t images;  // summed in one dot product before its lanes are reduced
};

DotLayout dotLayoutFor(const WindowGeom& g, const ShiftedPlan& plan) {
  DotLayout layout;
  layout.inPlace = g.OW % 8 == 0;
  layout.rows = layout.inPlace ? static_cast<size_t>(g.OH) : 1;
  // The grid rounded up to whole steps of the kernel (zeros of dy past the grid): no masked last step, and each grid
  // row starts on a 64-byte line. LeNet's second layer (136 floats: 8.5 steps of 16) at batch 64 on one Zen 5 core:
  // 297-301 -> 270-273 us. The x read past a padded image's grid stays within its trailing nr >= lanes - 1 zeros.
  const size_t lanes = convDotLanes();
  layout.width = layout.inPlace ? static_cast<size_t>(g.OW)
                                : ((static_cast<size_t>(g.OH - 1) * plan.WP + static_cast<size_t>(g.OW)) + lanes - 1) /
                                      lanes * lanes;
  // Every block of C reads all of a run's padded images: keep them within kDotImagesBudget floats (half of a 512 KB
  // L2), and at most kDotImages of them.
  layout.images = std::clamp<size_t>(kDotImagesBudget / plan.paddedImage, 1, kDotImages);
  return layout;
}

}  // namespace

void shiftedWindowsWeightGrad(const WindowGeom& g, const float* x, const float* dy, float* dWeight) {
  ShiftedPlan plan = planFor(g);
  const DotLayout layout = dotLayoutFor(g, plan);
  plan.units = static_cast<size_t>(g.N);
  const size_t channels = static_cast<size_t>(g.O);
  const size_t weightSize = channels * plan.patch;
  std::int64_t* offsets = sharedScratch(Shared::Gathered).reserve<std::int64_t>(plan.patch);
  windowOffsets(g, plan.patch, plan.paddedPlane, plan.WP, offsets);
  for (int t = 0; t < pool().size(); ++t) {
    ThreadScratch& s = threadScratch(t);
    s.unitPadded.reserve<float>(layout.images * plan.paddedImage);
    if (!layout.inPlace) s.unitGathered.reserve<float>(layout.images * channels * layout.width);
  }
  const WeightGroups groups(plan.units);
  float* partials =
      groups.count > 1 ? sharedScratch(Shared::WeightPartials).reserve<float>(groups.count * weightSize) : nullptr;
  const DotKernel dot = convDotKernel();
  const double multiplies = static_cast<double>(g.N) * static_cast<double>(channels) * static_cast<double>(plan.patch) *
                            static_cast<double>(layout.rows * layout.width);
  forEachUnit(groups.count, multiplies, [&](const auto& exec, ThreadScratch& slot, size_t group) {
    float* padded = slot.unitPadded.data<float>();
    float* grid = slot.unitGathered.data<float>();
    const size_t end = groups.end(group, plan.units);
    // The group's images in fixed runs of layout.images from its first: each run is one sum per element of C.
    for (size_t first = groups.first(group); first < end; first += layout.images) {
      const size_t count = std::min(layout.images, end - first);
      exec.jobs(count * static_cast<size_t>(g.C), static_cast<double>(plan.paddedPlane),
                [&](size_t begin, size_t stop, int) { padJobs(g, plan, x, first, padded, begin, stop); });
      DotProblem p;
      if (layout.inPlace) {
        p.dy = dy + first * channels * plan.plane;
        p.dyImage = channels * plan.plane;
        p.ldd = plan.plane;
        p.dyRow = static_cast<size_t>(g.OW);
        p.xRow = plan.WP;
      } else {
        exec.jobs(count * channels, static_cast<double>(layout.width), [&](size_t begin, size_t stop, int) {
          dyGridJobs(g, plan, dy, first, layout.width, grid, begin, stop);
        });
        p.dy = grid;
        p.dyImage = channels * layout.width;
        p.ldd = layout.width;
        p.dyRow = p.xRow = 0;
      }
      p.x = padded;
      p.xImage = plan.paddedImage;
      p.offsets = offsets;
      p.patch = plan.patch;
      p.images = count;
      p.rows = layout.rows;
      p.width = layout.width;
      p.C = groups.target(partials, dWeight, group, weightSize);
      p.ldc = plan.patch;
      p.accumulate = first != groups.first(group);
      // Threads (when spread) own rows o of C; every element is computed the same way whoever computes it.
      exec.jobs(channels, static_cast<double>(count * plan.patch * layout.rows * layout.width),
                [&](size_t begin, size_t stop, int) {
                  DotProblem rows = p;
                  rows.oBegin = begin;
                  rows.oEnd = stop;
                  dot(rows);
                });
    }
  });
  groups.addUp(partials, weightSize, dWeight);
}

WindowGeom adjointGeometry(const WindowGeom& g) {
  WindowGeom none{};
  if (g.SH != 1 || g.SW != 1 || g.PH > g.KH - 1 || g.PW > g.KW - 1) return none;
  WindowGeom adjoint = g;
  adjoint.C = g.O;
  adjoint.H = g.OH;
  adjoint.W = g.OW;
  adjoint.O = g.C;
  adjoint.PH = g.KH - 1 - g.PH;
  adjoint.PW = g.KW - 1 - g.PW;
  adjoint.OH = g.H;
  adjoint.OW = g.W;
  return shiftedWindowsApply(adjoint) ? adjoint : none;
}

void flipWeights(const WindowGeom& g, const float* weight, float* flipped) {
  const size_t area = static_cast<size_t>(g.KH * g.KW);
  for (size_t o = 0; o < static_cast<size_t>(g.O); ++o) {
    for (size_t c = 0; c < static_cast<size_t>(g.C); ++c) {
      const float* src = weight + (o * static_cast<size_t>(g.C) + c) * area;
      float* dst = flipped + (c * static_cast<size_t>(g.O) + o) * area;
      for (size_t i = 0; i < area; ++i) dst[i] = src[area - 1 - i];
    }
  }
}

}  // namespace nw
