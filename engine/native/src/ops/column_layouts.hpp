// Where im2col runs go (sinks for im2colRuns in geometry.hpp), and the layout of GEMM B panels over the columns of
// an im2col matrix (GemmProblem::packedB), which conv.cpp fills directly so the GEMM skips its own packing pass.
#pragma once

#include <cstddef>
#include <cstdint>

namespace nw {

/** Row-major [rows, ld] starting at row firstRow: (row, j) at data[(row - firstRow) * ld + offset + j]. */
struct RowMajorColumns {
  float* data;
  std::size_t ld;
  std::size_t offset;  // first column of this image
  std::size_t firstRow;

  void zeros(std::size_t row, std::size_t j, std::size_t n) const {
    float* dst = data + (row - firstRow) * ld + offset + j;
    for (std::size_t i = 0; i < n; ++i) dst[i] = 0.0f;
  }
  void copy(std::size_t row, std::size_t j, const float* src, std::size_t n, std::int64_t stride) const {
    float* dst = data + (row - firstRow) * ld + offset + j;
    if (stride == 1) {
      for (std::size_t i = 0; i < n; ++i) dst[i] = src[i];
    } else {
      for (std::size_t i = 0; i < n; ++i) dst[i] = src[static_cast<std::int64_t>(i) * stride];
    }
  }
};

/**
 * The im2col matrix [depth rows, N columns] as GEMM B panels over its columns (GemmProblem::packedB with K = depth):
 * (row, column) at data[(column / nr) * nr * depth + row * nr + column % nr].
 */
template <std::size_t nr>  // the microkernel's panel width, a constant so the index arithmetic is cheap
struct PanelsOverColumns {
  float* data;
  std::size_t depth;

  float* at(std::size_t row, std::size_t column) const {
    return data + (column / nr) * nr * depth + row * nr + column % nr;
  }
  /** Zeroes the padding columns [columns, next multiple of nr) of every row. */
  void zeroTail(std::size_t columns) const {
    const std::size_t padded = (columns + nr - 1) / nr * nr;
    for (std::size_t row = 0; row < depth; ++row) {
      for (std::size_t column = columns; column < padded; ++column) *at(row, column) = 0.0f;
    }
  }
};

}  // namespace nw
