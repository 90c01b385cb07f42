// Portable small-M kernels (MicroKernel::dotRows, ::axpyRows): plain loops over 8 lanes of partial sums (dot) or
// 16 columns (axpy) that the compiler vectorizes at the baseline ISA. Used with the scalar microkernel
// (NETWRIGHT_ISA=scalar, or no SIMD).
#include "gemm/small_rows_kernels.hpp"
#include "gemm/small_rows_loops.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::ptrdiff_t;

constexpr int kDotLanes = 8;    // partial sums of one dot product
constexpr int kAxpyWidth = 16;  // columns of one axpy tile

// Lanes added in a fixed tree: l + (l + 4), then l + (l + 2), then 0 + 1.
inline float addLanes(float* x) {
  for (int width = kDotLanes / 2; width >= 1; width /= 2) {
    for (int l = 0; l < width; ++l) x[l] += x[l + width];
  }
  return x[0];
}

// The register tiles, for small_rows_loops.hpp.
struct Scalar {
  static constexpr int kLanes = kAxpyWidth;
  static constexpr int kDotColumns[5] = {0, 4, 2, 1, 1};
  static constexpr int kAxpyVectors[5] = {0, 1, 1, 1, 1};

  template <int ROWS, int COLS>
  static void dotTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, float* sums,
                      ptrdiff_t lds) {
    float acc[ROWS][COLS][kDotLanes] = {};
    const int64_t whole = K / kDotLanes * kDotLanes;
    for (int64_t k = 0; k < whole; k += kDotLanes) {
      for (int i = 0; i < ROWS; ++i) {
        for (int j = 0; j < COLS; ++j) {
          for (int l = 0; l < kDotLanes; ++l) acc[i][j][l] += a[i * lda + k + l] * b[j * ldb + k + l];
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

  // sums[i][0, width) over k in order, width <= kAxpyWidth.
  template <int ROWS, int VECS>  // VECS: always 1 (one tile of kAxpyWidth columns)
  static void axpyTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, int width, float* sums,
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
};

}  // namespace

NW_SMALL_ROWS_KERNEL(dotRowsScalar) { dotRowsOf<Scalar>(rows, K, a, lda, b, ldb, cols, sums, lds); }

NW_SMALL_ROWS_KERNEL(axpyRowsScalar) { axpyRowsOf<Scalar>(rows, K, a, lda, b, ldb, cols, sums, lds); }

}  // namespace nw
