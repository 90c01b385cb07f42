// AVX-512F small-M kernels (MicroKernel::dotRows, ::axpyRows): 16 lanes; the tails of k (dot) and of the columns
// (axpy) are copied into zero-padded vectors, so every sum runs the same FMA chain wherever its column falls in a
// call. Uses only the intrinsics tools/avx512-emulation provides. Compiled with -mavx512f in gemm_avx512.
#include <immintrin.h>

#include "gemm/small_rows_kernels.hpp"
#include "gemm/small_rows_loops.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::ptrdiff_t;

constexpr int kLanes = 16;

// n (< 16) floats from p, zeros after them.
inline __m512 loadFirst(const float* p, int64_t n) {
  alignas(64) float padded[kLanes] = {};
  for (int64_t l = 0; l < n; ++l) padded[l] = p[l];
  return _mm512_loadu_ps(padded);
}

// Lanes added in a fixed tree: l + (l + 8), then l + (l + 4), l + (l + 2), 0 + 1.
inline float addLanes(__m512 v) {
  alignas(64) float x[kLanes];
  _mm512_storeu_ps(x, v);
  for (int width = kLanes / 2; width >= 1; width /= 2) {
    for (int l = 0; l < width; ++l) x[l] += x[l + width];
  }
  return x[0];
}

// The register tiles, for small_rows_loops.hpp.
struct Avx512 {
  static constexpr int kLanes = 16;
  static constexpr int kDotColumns[5] = {0, 4, 4, 4, 4};
  static constexpr int kAxpyVectors[5] = {0, 4, 4, 4, 4};

  template <int ROWS, int COLS>
  static void dotTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, float* sums,
                      ptrdiff_t lds) {
    __m512 acc[ROWS][COLS];
    for (int i = 0; i < ROWS; ++i) {
      for (int j = 0; j < COLS; ++j) acc[i][j] = _mm512_setzero_ps();
    }
    const int64_t whole = K / kLanes * kLanes;
    for (int64_t k = 0; k < whole; k += kLanes) {
      __m512 av[ROWS];
      for (int i = 0; i < ROWS; ++i) av[i] = _mm512_loadu_ps(a + i * lda + k);
      for (int j = 0; j < COLS; ++j) {
        const __m512 bv = _mm512_loadu_ps(b + j * ldb + k);
        for (int i = 0; i < ROWS; ++i) acc[i][j] = _mm512_fmadd_ps(av[i], bv, acc[i][j]);
      }
    }
    if (whole < K) {
      __m512 av[ROWS];
      for (int i = 0; i < ROWS; ++i) av[i] = loadFirst(a + i * lda + whole, K - whole);
      for (int j = 0; j < COLS; ++j) {
        const __m512 bv = loadFirst(b + j * ldb + whole, K - whole);
        for (int i = 0; i < ROWS; ++i) acc[i][j] = _mm512_fmadd_ps(av[i], bv, acc[i][j]);
      }
    }
    for (int i = 0; i < ROWS; ++i) {
      for (int j = 0; j < COLS; ++j) sums[i * lds + j] = addLanes(acc[i][j]);
    }
  }

  // sums[i][0, 16 VECS) over k in order; `width` < 16 (VECS = 1 only) pads the columns past it with zeros.
  template <int ROWS, int VECS>
  static void axpyTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, int width, float* sums,
                       ptrdiff_t lds) {
    const bool partial = VECS == 1 && width < kLanes;
    __m512 acc[ROWS][VECS];
    for (int i = 0; i < ROWS; ++i) {
      for (int v = 0; v < VECS; ++v) acc[i][v] = _mm512_setzero_ps();
    }
    for (int64_t k = 0; k < K; ++k) {
      const float* row = b + k * ldb;
      __m512 bv[VECS];
      for (int v = 0; v < VECS; ++v) bv[v] = partial ? loadFirst(row, width) : _mm512_loadu_ps(row + kLanes * v);
      for (int i = 0; i < ROWS; ++i) {
        const __m512 av = _mm512_set1_ps(a[i * lda + k]);
        for (int v = 0; v < VECS; ++v) acc[i][v] = _mm512_fmadd_ps(av, bv[v], acc[i][v]);
      }
    }
    for (int i = 0; i < ROWS; ++i) {
      for (int v = 0; v < VECS; ++v) {
        if (partial) {
          alignas(64) float x[kLanes];
          _mm512_storeu_ps(x, acc[i][v]);
          for (int l = 0; l < width; ++l) sums[i * lds + l] = x[l];
        } else {
          _mm512_storeu_ps(sums + i * lds + kLanes * v, acc[i][v]);
        }
      }
    }
  }
};

}  // namespace

NW_SMALL_ROWS_KERNEL(dotRowsAvx512) { dotRowsOf<Avx512>(rows, K, a, lda, b, ldb, cols, sums, lds); }

NW_SMALL_ROWS_KERNEL(axpyRowsAvx512) { axpyRowsOf<Avx512>(rows, K, a, lda, b, ldb, cols, sums, lds); }

}  // namespace nw
