// col2imAdd (geometry.hpp) for stride 1, a block of image rows at a time, each row's run of columns kept in a
// register while every window adds to it: the problem, the ISA files' entry points (col2im_avx2.cpp,
// col2im_avx512.cpp) and their shared loop. Like microkernel.hpp, nothing here is inline code with external linkage
// (the loop has internal linkage, so each ISA library compiles its own copy with its own flags), and geometry.hpp,
// which has some, is not included.
#pragma once

#include <cstddef>
#include <cstdint>

namespace nw {

/** col2imAdd's arguments and the geometry it needs (WindowGeom's fields of the same names; SH and SW are 1). */
struct Col2imRowsProblem {
  const float* cols;  // row (c * KH + kh) * KW + kw of the im2col-shaped gradient at cols + row * ld
  std::size_t ld;
  float* image;  // channel c's plane at image + c * H * W
  std::size_t channelBegin, channelEnd;
  std::int64_t H, W, KH, KW, PH, PW, OH, OW;
};

using Col2imRowsKernel = void (*)(const Col2imRowsProblem&);

#if defined(NW_GEMM_X86)
void col2imRowsAvx2(const Col2imRowsProblem& p);
void col2imRowsAvx512(const Col2imRowsProblem& p);
#endif

namespace {

// The address of lane 0 of a run whose lane l reads row[shift + l]: for shift < 0 it lies before the row, and only
// the lanes the window reaches (shift + l >= 0) are read, so it is formed as an integer, never dereferenced itself.
inline const float* laneZero(const float* row, std::int64_t shift) {
  return reinterpret_cast<const float*>(reinterpret_cast<std::uintptr_t>(row) +
                                        static_cast<std::uintptr_t>(shift) * sizeof(float));
}

// For each channel, block of at most ROWS image rows from ih0 and run of at most LANES columns from iw0:
// block(first, rows, width, windows) gets the block's first float (its rows p.W apart), how many rows and columns it
// has, and windows(add) calls add(row, offset, lo, hi, rBegin, rEnd) for each window (kh, kw), in geometry.cpp's order
// (kh, then kw): the window adds to lanes [lo, hi) of the block's rows [rBegin, rEnd), lane l of row r reading the
// gradient's row at laneZero(row, offset + r * p.OW) + l (only lanes [lo, hi) may be read). The output columns a
// window kw reaches are geometry.cpp's validColumns at stride 1; the rows, its output rows at stride 1.
template <int LANES, int ROWS, class Block>
void col2imRows(const Col2imRowsProblem& p, Block block) {
  for (std::size_t c = p.channelBegin; c < p.channelEnd; ++c) {
    float* plane = p.image + c * static_cast<std::size_t>(p.H * p.W);
    const float* rowsOfC = p.cols + c * static_cast<std::size_t>(p.KH * p.KW) * p.ld;
    for (std::int64_t ih0 = 0; ih0 < p.H; ih0 += ROWS) {
      const int rows = static_cast<int>(p.H - ih0 < ROWS ? p.H - ih0 : ROWS);
      for (std::int64_t iw0 = 0; iw0 < p.W; iw0 += LANES) {
        const std::int64_t width = p.W - iw0 < LANES ? p.W - iw0 : LANES;
        const auto windows = [&](auto add) {
          for (std::int64_t kh = 0; kh < p.KH; ++kh) {
            const std::int64_t oh0 = ih0 + p.PH - kh;  // the output row that reaches row ih0 through kh
            const std::int64_t rBegin = oh0 < 0 ? -oh0 : 0;
            const std::int64_t rEnd = p.OH - oh0 < rows ? p.OH - oh0 : rows;
            if (rBegin >= rEnd) continue;
            for (std::int64_t kw = 0; kw < p.KW; ++kw) {
              const std::int64_t owBegin = p.PW > kw ? p.PW - kw : 0;
              const std::int64_t owEnd = p.W + p.PW - kw < p.OW ? p.W + p.PW - kw : p.OW;
              const std::int64_t shift = iw0 + p.PW - kw;  // lane l is reached from output column shift + l
              const std::int64_t lo = owBegin - shift > 0 ? owBegin - shift : 0;
              const std::int64_t hi = owEnd - shift < width ? owEnd - shift : width;
              if (lo >= hi) continue;
              add(rowsOfC + static_cast<std::size_t>(kh * p.KW + kw) * p.ld, oh0 * p.OW + shift, lo, hi,
                  static_cast<int>(rBegin), static_cast<int>(rEnd));
            }
          }
        };
        block(plane + ih0 * p.W + iw0, rows, width, windows);
      }
    }
  }
}

}  // namespace
}  // namespace nw
