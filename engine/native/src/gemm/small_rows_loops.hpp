// The loops every ISA's small-M kernels share (small_rows_*.cpp): register tiles along the columns, then one
// instantiation per number of rows. Each ISA file supplies its tiles as a class `Isa` with
//   kLanes                     floats per vector (the columns of one axpy vector),
//   kDotColumns[rows], kAxpyVectors[rows] (rows 1..4) the tile widths,
//   dotTile<ROWS, COLS>(K, a, lda, b, ldb, sums, lds) (COLS from 1 to kDotColumns[ROWS]) and axpyTile<ROWS, VECS>(K, a,
//   lda, b, ldb, width, sums, lds) (width < kLanes only with VECS = 1: the last columns).
// Everything here has internal linkage, so each ISA library compiles its own copy with its own flags (the reason
// microkernel.hpp holds no inline code).
#pragma once

#include <cstddef>
#include <cstdint>

namespace nw {
namespace {

// One tile `width` (1 to WIDTH) columns wide.
template <class Isa, int ROWS, int WIDTH>
void dotTileOf(int width, std::int64_t K, const float* a, std::ptrdiff_t lda, const float* b, std::ptrdiff_t ldb,
               float* sums, std::ptrdiff_t lds) {
  if constexpr (WIDTH >= 1) {
    if (width == WIDTH) return Isa::template dotTile<ROWS, WIDTH>(K, a, lda, b, ldb, sums, lds);
    dotTileOf<Isa, ROWS, WIDTH - 1>(width, K, a, lda, b, ldb, sums, lds);
  }
}

// The columns in as few tiles of at most COLS as they need, their widths differing by one at most: a classifier's 10
// columns of 4 rows as 5 + 5 on AVX-512, where tiles of 4, 4, 1 and 1 left two tiles with 4 chains each, too few for
// the FMA latency (256 x 512 x 10: 17.4-18.0 -> 12.9-13.6 us on one Zen 5 thread, with the 5-wide tile). Each sum
// is computed as in any other tile, so the bits do not depend on the tiling.
template <class Isa, int ROWS, int COLS>
void dotColumns(std::int64_t K, const float* a, std::ptrdiff_t lda, const float* b, std::ptrdiff_t ldb,
                std::int64_t cols, float* sums, std::ptrdiff_t lds) {
  const std::int64_t tiles = (cols + COLS - 1) / COLS;
  for (std::int64_t t = 0, j = 0; t < tiles; ++t) {
    const std::int64_t width = (cols - j + (tiles - t) - 1) / (tiles - t);
    dotTileOf<Isa, ROWS, COLS>(static_cast<int>(width), K, a, lda, b + j * ldb, ldb, sums + j, lds);
    j += width;
  }
}

template <class Isa, int ROWS, int VECS>
void axpyColumns(std::int64_t K, const float* a, std::ptrdiff_t lda, const float* b, std::ptrdiff_t ldb,
                 std::int64_t cols, float* sums, std::ptrdiff_t lds) {
  constexpr int lanes = Isa::kLanes;
  std::int64_t j = 0;
  for (; j + lanes * VECS <= cols; j += lanes * VECS) {
    Isa::template axpyTile<ROWS, VECS>(K, a, lda, b + j, ldb, lanes, sums + j, lds);
  }
  for (; j < cols; j += lanes) {
    const int width = cols - j < lanes ? static_cast<int>(cols - j) : lanes;
    Isa::template axpyTile<ROWS, 1>(K, a, lda, b + j, ldb, width, sums + j, lds);
  }
}

template <class Isa>
void dotRowsOf(int rows, std::int64_t K, const float* a, std::ptrdiff_t lda, const float* b, std::ptrdiff_t ldb,
               std::int64_t cols, float* sums, std::ptrdiff_t lds) {
  switch (rows) {
    case 1: return dotColumns<Isa, 1, Isa::kDotColumns[1]>(K, a, lda, b, ldb, cols, sums, lds);
    case 2: return dotColumns<Isa, 2, Isa::kDotColumns[2]>(K, a, lda, b, ldb, cols, sums, lds);
    case 3: return dotColumns<Isa, 3, Isa::kDotColumns[3]>(K, a, lda, b, ldb, cols, sums, lds);
    default: return dotColumns<Isa, 4, Isa::kDotColumns[4]>(K, a, lda, b, ldb, cols, sums, lds);
  }
}

template <class Isa>
void axpyRowsOf(int rows, std::int64_t K, const float* a, std::ptrdiff_t lda, const float* b, std::ptrdiff_t ldb,
                std::int64_t cols, float* sums, std::ptrdiff_t lds) {
  switch (rows) {
    case 1: return axpyColumns<Isa, 1, Isa::kAxpyVectors[1]>(K, a, lda, b, ldb, cols, sums, lds);
    case 2: return axpyColumns<Isa, 2, Isa::kAxpyVectors[2]>(K, a, lda, b, ldb, cols, sums, lds);
    case 3: return axpyColumns<Isa, 3, Isa::kAxpyVectors[3]>(K, a, lda, b, ldb, cols, sums, lds);
    default: return axpyColumns<Isa, 4, Isa::kAxpyVectors[4]>(K, a, lda, b, ldb, cols, sums, lds);
  }
}

}  // namespace
}  // namespace nw
