// The geometry of a 2-D window op (convolution or pooling) read from the Int32Array `geom` (layout: Geom in
// engine/core/kernels.ts), checked for consistency, plus the im2col / col2im transforms convolution is built on.
#pragma once

#include <cstddef>
#include <cstdint>

#include "args.hpp"

namespace nw {

struct WindowGeom {
  std::int64_t N, C, H, W, O, KH, KW, SH, SW, PH, PW, OH, OW;

  std::size_t inputPlane() const { return static_cast<std::size_t>(H * W); }
  std::size_t outputPlane() const { return static_cast<std::size_t>(OH * OW); }
  /** Rows of the im2col matrix: C * KH * KW. */
  std::size_t patch() const { return static_cast<std::size_t>(C * KH * KW); }
};

enum class WindowKind { Convolution, Pooling };

/** Output columns [begin, end) whose input column ow*stride - pad + k falls inside [0, width). */
void validColumns(std::int64_t width, std::int64_t outWidth, std::int64_t stride, std::int64_t pad, std::int64_t k,
                  std::int64_t& begin, std::int64_t& end);

/** Reads and validates geom (argument i): positive sizes, OH/OW matching the formula, O == C for pooling. */
WindowGeom readGeom(const Args& args, std::size_t i, WindowKind kind);

/**
 * Produces rows [rowBegin, rowEnd) of the im2col matrix of one image [C, H, W] (row (c*KH + kh)*KW + kw, column
 * j = oh*OW + ow holds the zero-padded input at (c, oh*SH - PH + kh, ow*SW - PW + kw)) as runs handed to `sink`:
 * sink.zeros(row, j, n) and sink.copy(row, j, src, n, stride) meaning values src[0], src[stride], ... The sink
 * decides the layout (row-major columns, or GEMM panels: see ops/column_layouts.hpp).
 */
template <class Sink>
void im2colRuns(const WindowGeom& g, const float* image, std::size_t rowBegin, std::size_t rowEnd, Sink& sink) {
  const std::size_t kernelArea = static_cast<std::size_t>(g.KH * g.KW);
  const std::size_t width = static_cast<std::size_t>(g.OW);
  for (std::size_t row = rowBegin; row < rowEnd; ++row) {
    const std::int64_t c = static_cast<std::int64_t>(row / kernelArea);
    const std::int64_t kh = static_cast<std::int64_t>(row % kernelArea) / g.KW;
    const std::int64_t kw = static_cast<std::int64_t>(row % kernelArea) % g.KW;
    const float* plane = image + static_cast<std::size_t>(c) * g.inputPlane();
    std::int64_t owBegin, owEnd;
    validColumns(g.W, g.OW, g.SW, g.PW, kw, owBegin, owEnd);
    const auto begin = static_cast<std::size_t>(owBegin);
    const auto end = static_cast<std::size_t>(owEnd);
    for (std::int64_t oh = 0; oh < g.OH; ++oh) {
      const std::size_t j = static_cast<std::size_t>(oh) * width;
      const std::int64_t ih = oh * g.SH - g.PH + kh;
      if (ih < 0 || ih >= g.H || begin == end) {
        sink.zeros(row, j, width);
        continue;
      }
      if (begin > 0) sink.zeros(row, j, begin);
      sink.copy(row, j + begin, plane + ih * g.W + owBegin * g.SW + kw - g.PW, end - begin, g.SW);
      if (end < width) sink.zeros(row, j + end, width - end);
    }
  }
}

/**
 * The adjoint of im2col: adds an im2col-shaped gradient (row r at cols + r * ld) into image channels
 * [channelBegin, channelEnd), in a fixed order.
 */
void col2imAdd(const WindowGeom& g, const float* cols, std::size_t ld, float* image, std::size_t channelBegin,
               std::size_t channelEnd);

}  // namespace nw
