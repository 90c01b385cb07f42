// The data movement of a convolution over one unit of images (see conv.cpp), cut into jobs so that a unit's work can
// run on one thread or be spread over the pool: im2col into GEMM panels, gathering dy, scattering results.
// Every function does jobs [begin, end) and uses only `row`, the calling thread's scratch, besides its outputs.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "ops/column_layouts.hpp"
#include "ops/geometry.hpp"

namespace nw {

/** Sizes of a convolution, and how its batch is cut into units of `chunk` images processed together. */
struct ConvPlan {
  std::size_t plane;     // OH * OW
  std::size_t patch;     // C * KH * KW: rows of an image's im2col matrix
  std::size_t imageIn;   // C * H * W
  std::size_t imageOut;  // O * OH * OW
  std::size_t chunk;     // images per unit
  std::size_t units;     // ceil(N / chunk)
  bool direct;           // 1x1, stride 1, no padding: an image is its own im2col matrix
};

/**
 * Job (image, k) of a unit starting at image `first`: row k of that image's im2col matrix, written into B panels over
 * the columns of the unit (PanelsOverColumns, depth = patch). The row is built contiguously in `row` (plane floats),
 * then moved into the panels mostly as whole panel rows.
 */
template <std::size_t NR>
void packColumnJobs(const WindowGeom& g, const ConvPlan& plan, const float* x, std::size_t first, float* panels,
                    float* row, std::size_t begin, std::size_t end) {
  const RowMajorColumns sink{row, 0, 0, 0};
  const PanelsOverColumns<NR> layout{panels, plan.patch};
  for (std::size_t job = begin; job < end; ++job) {
    const std::size_t image = job / plan.patch;
    const std::size_t k = job % plan.patch;
    im2colRuns(g, x + (first + image) * plan.imageIn, k, k + 1, sink);
    std::size_t column = image * plan.plane;
    std::size_t j = 0;
    for (; j < plan.plane && column % NR != 0; ++j, ++column) *layout.at(k, column) = row[j];
    for (; j + NR <= plan.plane; j += NR, column += NR) std::memcpy(layout.at(k, column), row + j, NR * sizeof(float));
    for (; j < plan.plane; ++j, ++column) *layout.at(k, column) = row[j];
  }
}

/**
 * Job (image, q) of a unit of `count` images: panel q of the transposed im2col matrix (op(B) = im2col^T, depth
 * count * plane), holding rows [q*NR, q*NR + NR) at [q*NR*depth + j*NR + row % NR]; rows past the patch are zero.
 * `rows` holds NR * plane floats.
 */
template <std::size_t NR>
void packRowPanelJobs(const WindowGeom& g, const ConvPlan& plan, const float* x, std::size_t first, std::size_t count,
                      float* panels, float* rows, std::size_t begin, std::size_t end) {
  const std::size_t panelCount = (plan.patch + NR - 1) / NR;
  const std::size_t depth = count * plan.plane;
  for (std::size_t job = begin; job < end; ++job) {
    const std::size_t image = job / panelCount;
    const std::size_t q = job % panelCount;
    const std::size_t k0 = q * NR;
    const std::size_t k1 = std::min(plan.patch, k0 + NR);
    const RowMajorColumns sink{rows, plan.plane, 0, k0};
    im2colRuns(g, x + (first + image) * plan.imageIn, k0, k1, sink);
    for (std::size_t k = k1; k < k0 + NR; ++k)
      std::fill(rows + (k - k0) * plan.plane, rows + (k - k0 + 1) * plan.plane, 0.0f);
    float* dst = panels + q * NR * depth + image * plan.plane * NR;
    for (std::size_t j = 0; j < plan.plane; ++j) {
      for (std::size_t lane = 0; lane < NR; ++lane) dst[j * NR + lane] = rows[lane * plan.plane + j];
    }
  }
}

/** Job (image, o): gathered [O, count*plane] row o, columns of that image = dy of image first + image, channel o. */
inline void gatherOutputJobs(const WindowGeom& g, const ConvPlan& plan, const float* dy, std::size_t first,
                             std::size_t count, float* gathered, std::size_t begin, std::size_t end) {
  const std::size_t ld = count * plan.plane;
  const std::size_t channels = static_cast<std::size_t>(g.O);
  for (std::size_t job = begin; job < end; ++job) {
    const std::size_t image = job / channels;
    const std::size_t o = job % channels;
    std::memcpy(gathered + o * ld + image * plan.plane, dy + (first + image) * plan.imageOut + o * plan.plane,
                plan.plane * sizeof(float));
  }
}

/** Job (image, o): the inverse of gatherOutputJobs for y, adding the bias (when given). */
inline void scatterOutputJobs(const WindowGeom& g, const ConvPlan& plan, const float* gathered, const float* bias,
                              std::size_t first, std::size_t count, float* y, std::size_t begin, std::size_t end) {
  const std::size_t ld = count * plan.plane;
  const std::size_t channels = static_cast<std::size_t>(g.O);
  for (std::size_t job = begin; job < end; ++job) {
    const std::size_t image = job / channels;
    const std::size_t o = job % channels;
    const float* src = gathered + o * ld + image * plan.plane;
    float* dst = y + (first + image) * plan.imageOut + o * plan.plane;
    const float shift = bias ? bias[o] : 0.0f;
    for (std::size_t s = 0; s < plan.plane; ++s) dst[s] = src[s] + shift;
  }
}

/** Job (image, c): adds the column gradient [patch, count*plane] of that image into channel c of dx (or overwrites). */
inline void col2imJobs(const WindowGeom& g, const ConvPlan& plan, const float* columnGrad, std::size_t first,
                       std::size_t count, float* dx, bool accumulate, std::size_t begin, std::size_t end) {
  const std::size_t channels = static_cast<std::size_t>(g.C);
  const std::size_t ld = count * plan.plane;
  for (std::size_t job = begin; job < end; ++job) {
    const std::size_t image = job / channels;
    const std::size_t c = job % channels;
    float* dxn = dx + (first + image) * plan.imageIn;
    if (!accumulate) std::fill(dxn + c * g.inputPlane(), dxn + (c + 1) * g.inputPlane(), 0.0f);
    col2imAdd(g, columnGrad + image * plan.plane, ld, dxn, c, c + 1);
  }
}

}  // namespace nw
