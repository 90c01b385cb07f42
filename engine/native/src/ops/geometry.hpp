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
 * Writes rows [rowBegin, rowEnd) of the im2col matrix of one image [C, H, W]: row (c*KH + kh)*KW + kw, column
 * oh*OW + ow holds the zero-padded input at (c, oh*SH - PH + kh, ow*SW - PW + kw). Row r starts at cols + r * ld.
 */
void im2col(const WindowGeom& g, const float* image, float* cols, std::size_t ld, std::size_t rowBegin,
            std::size_t rowEnd);

/** The adjoint: adds the im2col-shaped gradient into image channels [channelBegin, channelEnd), in a fixed order. */
void col2imAdd(const WindowGeom& g, const float* cols, std::size_t ld, float* image, std::size_t channelBegin,
               std::size_t channelEnd);

}  // namespace nw
