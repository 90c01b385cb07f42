// AVX2 + FMA small-M kernels (MicroKernel::dotRows, ::axpyRows): 8 lanes; the tails of k (dot) and of the columns
// (axpy) go through masked loads, so every sum runs the same FMA chain wherever its column falls in a call.
// Compiled with -mavx2 -mfma in the gemm_avx2 library.
#include <immintrin.h>

#include "gemm/small_rows_kernels.hpp"
#include "gemm/small_rows_loops.hpp"
#include "tile_loops.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::ptrdiff_t;

// The first n (0..8) lanes set.
inline __m256i firstLanes(int64_t n) {
  const __m256i index = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(n)), index);
}

// Lanes added in a fixed tree: l + (l + 4), then l + (l + 2), then 0 + 1.
inline float addLanes(__m256 v) {
  __m128 x = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  x = _mm_add_ps(x, _mm_movehl_ps(x, x));
  x = _mm_add_ss(x, _mm_movehdup_ps(x));
  return _mm_cvtss_f32(x);
}

// sums[i][j] for ROWS rows of A and COLS rows of B (both contiguous in k): ROWS x COLS chains of 8 lanes.
// The register tiles, for small_rows_loops.hpp.
struct Avx2 {
  static constexpr int kLanes = 8;
  static constexpr int kDotColumns[5] = {0, 4, 4, 3, 2};
  static constexpr int kAxpyVectors[5] = {0, 4, 4, 2, 2};

  template <int ROWS, int COLS>
  static void dotTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, float* sums,
                      ptrdiff_t lds) {
    __m256 acc[ROWS][COLS];
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int j = 0; j < COLS; ++j) acc[i][j] = _mm256_setzero_ps();
    }
    const int64_t whole = K & ~int64_t{7};
    for (int64_t k = 0; k < whole; k += 8) {
      __m256 av[ROWS];
      NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) av[i] = _mm256_loadu_ps(a + i * lda + k);
      NW_TILE_LOOP for (int j = 0; j < COLS; ++j) {
        const __m256 bv = _mm256_loadu_ps(b + j * ldb + k);
        NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) acc[i][j] = _mm256_fmadd_ps(av[i], bv, acc[i][j]);
      }
    }
    if (whole < K) {
      const __m256i mask = firstLanes(K - whole);
      __m256 av[ROWS];
      NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) av[i] = _mm256_maskload_ps(a + i * lda + whole, mask);
      NW_TILE_LOOP for (int j = 0; j < COLS; ++j) {
        const __m256 bv = _mm256_maskload_ps(b + j * ldb + whole, mask);
        NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) acc[i][j] = _mm256_fmadd_ps(av[i], bv, acc[i][j]);
      }
    }
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int j = 0; j < COLS; ++j) sums[i * lds + j] = addLanes(acc[i][j]);
    }
  }

  // sums[i][0, 8 VECS) over k in order; `width` < 8 (VECS = 1 only) masks the columns past it.
  template <int ROWS, int VECS>
  static void axpyTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, int width, float* sums,
                       ptrdiff_t lds) {
    const __m256i mask = firstLanes(width);
    __m256 acc[ROWS][VECS];
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int v = 0; v < VECS; ++v) acc[i][v] = _mm256_setzero_ps();
    }
    for (int64_t k = 0; k < K; ++k) {
      const float* row = b + k * ldb;
      __m256 bv[VECS];
      NW_TILE_LOOP for (int v = 0; v < VECS; ++v) {
        bv[v] = VECS == 1 && width < 8 ? _mm256_maskload_ps(row, mask) : _mm256_loadu_ps(row + 8 * v);
      }
      NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
        const __m256 av = _mm256_broadcast_ss(a + i * lda + k);
        NW_TILE_LOOP for (int v = 0; v < VECS; ++v) acc[i][v] = _mm256_fmadd_ps(av, bv[v], acc[i][v]);
      }
    }
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int v = 0; v < VECS; ++v) {
        if (VECS == 1 && width < 8) {
          _mm256_maskstore_ps(sums + i * lds, mask, acc[i][v]);
        } else {
          _mm256_storeu_ps(sums + i * lds + 8 * v, acc[i][v]);
        }
      }
    }
  }
};

}  // namespace

NW_SMALL_ROWS_KERNEL(dotRowsAvx2) { dotRowsOf<Avx2>(rows, K, a, lda, b, ldb, cols, sums, lds); }

NW_SMALL_ROWS_KERNEL(axpyRowsAvx2) { axpyRowsOf<Avx2>(rows, K, a, lda, b, ldb, cols, sums, lds); }

}  // namespace nw
