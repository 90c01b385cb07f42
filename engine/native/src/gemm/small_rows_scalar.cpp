// Portable small-M kernels (MicroKernel::dotRows, ::axpyRows): plain loops over 8 lanes of partial sums that the
// compiler vectorizes at the baseline ISA. Used with the scalar microkernel (NETWRIGHT_ISA=scalar, or no SIMD).
#include "gemm/small_rows_kernels.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::ptrdiff_t;

constexpr int kLanes = 8;
constexpr int kAxpyWidth = 16;  // columns of one axpy tile

// Lanes added in a fixed tree: l + (l + 4), then l + (l + 2), then 0 + 1.
inline float addLanes(float* x) {
  for (int width = kLanes / 2; width >= 1; width /= 2) {
    for (int l = 0; l < width; ++l) x[l] += x[l + width];
  }
  return x[0];
}

template <int ROWS, int COLS>
void dotTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, float* sums, ptrdiff_t lds) {
  float acc[ROWS][COLS][kLanes] = {};
  const int64_t whole = K / kLanes * kLanes;
  for (int64_t k = 0; k < whole; k += kLanes) {
    for (int i = 0; i < ROWS; ++i) {
      for (int j = 0; j < COLS; ++j) {
        for (int l = 0; l < kLanes; ++l) acc[i][j][l] += a[i * lda + k + l] * b[j * ldb + k + l];
      }
    }
  }
  for (int i = 0; i < ROWS; ++i) {
    for (int j = 0; j < COLS; ++j) {
      for (int64_t k = whole; k < K; ++k) acc[i][j][k - whole] += a[i * lda + k] * b[j * ldb + k];
      sums[i * lds + j] = addLanes(acc[i][j]);
    }
  }
}

template <int ROWS, int COLS>
void dotColumns(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, int64_t cols, float* sums,
                ptrdiff_t lds) {
  int64_t j = 0;
  for (; j + COLS <= cols; j += COLS) dotTile<ROWS, COLS>(K, a, lda, b + j * ldb, ldb, sums + j, lds);
  for (; j < cols; ++j) dotTile<ROWS, 1>(K, a, lda, b + j * ldb, ldb, sums + j, lds);
}

// sums[i][0, width) over k in order, width <= kAxpyWidth.
template <int ROWS>
void axpyTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, int width, float* sums,
              ptrdiff_t lds) {
  float acc[ROWS][kAxpyWidth] = {};
  for (int64_t k = 0; k < K; ++k) {
    const float* row = b + k * ldb;
    for (int i = 0; i < ROWS; ++i) {
      const float ai = a[i * lda + k];
      if (width == kAxpyWidth) {
        for (int j = 0; j < kAxpyWidth; ++j) acc[i][j] += ai * row[j];
      } else {
        for (int j = 0; j < width; ++j) acc[i][j] += ai * row[j];
      }
    }
  }
  for (int i = 0; i < ROWS; ++i) {
    for (int j = 0; j < width; ++j) sums[i * lds + j] = acc[i][j];
  }
}

template <int ROWS>
void axpyColumns(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, int64_t cols, float* sums,
                 ptrdiff_t lds) {
  for (int64_t j = 0; j < cols; j += kAxpyWidth) {
    const int width = cols - j < kAxpyWidth ? static_cast<int>(cols - j) : kAxpyWidth;
    axpyTile<ROWS>(K, a, lda, b + j, ldb, width, sums + j, lds);
  }
}

}  // namespace

NW_SMALL_ROWS_KERNEL(dotRowsScalar) {
  switch (rows) {
    case 1: return dotColumns<1, 4>(K, a, lda, b, ldb, cols, sums, lds);
    case 2: return dotColumns<2, 2>(K, a, lda, b, ldb, cols, sums, lds);
    case 3: return dotColumns<3, 1>(K, a, lda, b, ldb, cols, sums, lds);
    default: return dotColumns<4, 1>(K, a, lda, b, ldb, cols, sums, lds);
  }
}

NW_SMALL_ROWS_KERNEL(axpyRowsScalar) {
  switch (rows) {
    case 1: return axpyColumns<1>(K, a, lda, b, ldb, cols, sums, lds);
    case 2: return axpyColumns<2>(K, a, lda, b, ldb, cols, sums, lds);
    case 3: return axpyColumns<3>(K, a, lda, b, ldb, cols, sums, lds);
    default: return axpyColumns<4>(K, a, lda, b, ldb, cols, sums, lds);
  }
}

}  // namespace nw
