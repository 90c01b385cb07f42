// AVX-512F small-M kernels (MicroKernel::dotRows, ::axpyRows): 16 lanes; the tails of k (dot) and of the columns
// (axpy) are loaded masked, zeros past them, so every sum runs the same FMA chain wherever its column falls in a
// call. Uses only the intrinsics tools/avx512-emulation provides. Compiled with -mavx512f in gemm_avx512.
#include <immintrin.h>

#include "gemm/small_rows_kernels.hpp"
#include "gemm/small_rows_loops.hpp"
#include "tile_loops.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::ptrdiff_t;

constexpr int kLanes = 16;

// n (< 16) floats from p, zeros after them: a masked load, which reads nothing past p[n - 1] (a copy through a padded
// stack vector took longer than the products: 256 x 84 x 10, W3's classifier at batch 256, 18 -> 4 us).
inline __m512 loadFirst(const float* p, int64_t n) {
  return _mm512_maskz_loadu_ps(static_cast<__mmask16>((1u << n) - 1u), p);
}

// 128-bit chunks of a and b (a's two, then b's two) in the order imm gives, in the mask form: GCC 12 warns on the
// plain _mm512_shuffle_f32x4 (its _mm512_undefined_ps pass-through).
#define NW_CHUNKS(a, b, imm) _mm512_maskz_shuffle_f32x4(0xFFFF, a, b, imm)

// The lanes of 16 vectors added at once, each in one fixed tree: l + (l + 8), then l + (l + 4), l + (l + 2), 0 + 1.
// Each step adds the same pairs for every vector, two or four vectors packed into one register, so a tile's sums
// take 15 shuffle pairs instead of a store and 15 scalar adds each (a batch-1 dense layer spent as long adding lanes
// as multiplying). Vector n's sum lands in lane 4 * (n % 4) + n / 4.
inline __m512 addLanes16(const __m512 (&v)[16]) {
  __m512 halves[8], quarters[4], pairs[2];
  for (int p = 0; p < 8; ++p) {  // lanes 0-7: v[2p]'s l + (l + 8); lanes 8-15: v[2p + 1]'s
    const __m512 x = v[2 * p], y = v[2 * p + 1];
    halves[p] = _mm512_add_ps(NW_CHUNKS(x, y, _MM_SHUFFLE(1, 0, 1, 0)), NW_CHUNKS(x, y, _MM_SHUFFLE(3, 2, 3, 2)));
  }
  for (int p = 0; p < 4; ++p) {  // chunk q: v[4p + q]'s l + (l + 4)
    const __m512 x = halves[2 * p], y = halves[2 * p + 1];
    quarters[p] = _mm512_add_ps(NW_CHUNKS(x, y, _MM_SHUFFLE(2, 0, 2, 0)), NW_CHUNKS(x, y, _MM_SHUFFLE(3, 1, 3, 1)));
  }
  for (int p = 0; p < 2; ++p) {  // chunk q: v[8p + q]'s l + (l + 2) in lanes 0-1, v[8p + 4 + q]'s in lanes 2-3
    const __m512 x = quarters[2 * p], y = quarters[2 * p + 1];
    pairs[p] = _mm512_add_ps(_mm512_shuffle_ps(x, y, _MM_SHUFFLE(1, 0, 1, 0)),
                             _mm512_shuffle_ps(x, y, _MM_SHUFFLE(3, 2, 3, 2)));
  }
  // chunk q: lane 0 + lane 1 of v[q], v[4 + q], v[8 + q], v[12 + q]
  return _mm512_add_ps(_mm512_shuffle_ps(pairs[0], pairs[1], _MM_SHUFFLE(2, 0, 2, 0)),
                       _mm512_shuffle_ps(pairs[0], pairs[1], _MM_SHUFFLE(3, 1, 3, 1)));
}
#undef NW_CHUNKS

// The register tiles, for small_rows_loops.hpp. One or two rows take 8 columns (16 chains, as many as addLanes16
// sums): 1 x 512 x 512 in 9.1-9.4 us against 10.0-10.2 with 4. Four rows take 5 (20 chains, 9 loads for 20 FMAs,
// the sums in two rounds): a classifier's 10 columns in two whole tiles (64 x 512 x 10: 4.8 -> 3.5 us).
struct Avx512 {
  static constexpr int kLanes = 16;
  static constexpr int kDotColumns[5] = {0, 8, 8, 5, 5};
  static constexpr int kAxpyVectors[5] = {0, 4, 4, 4, 4};

  template <int ROWS, int COLS>
  static void dotTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, float* sums,
                      ptrdiff_t lds) {
    __m512 acc[ROWS][COLS];
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int j = 0; j < COLS; ++j) acc[i][j] = _mm512_setzero_ps();
    }
    const int64_t whole = K / kLanes * kLanes;
    for (int64_t k = 0; k < whole; k += kLanes) {
      __m512 av[ROWS];
      NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) av[i] = _mm512_loadu_ps(a + i * lda + k);
      NW_TILE_LOOP for (int j = 0; j < COLS; ++j) {
        const __m512 bv = _mm512_loadu_ps(b + j * ldb + k);
        NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) acc[i][j] = _mm512_fmadd_ps(av[i], bv, acc[i][j]);
      }
    }
    if (whole < K) {
      __m512 av[ROWS];
      NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) av[i] = loadFirst(a + i * lda + whole, K - whole);
      NW_TILE_LOOP for (int j = 0; j < COLS; ++j) {
        const __m512 bv = loadFirst(b + j * ldb + whole, K - whole);
        NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) acc[i][j] = _mm512_fmadd_ps(av[i], bv, acc[i][j]);
      }
    }
    // The sums 16 at a time (a 4 x 5 tile's 20 in two rounds); each vector goes through the same tree either way.
    static_assert(ROWS * COLS <= 32, "a dot tile's sums fit two addLanes16");
    for (int first = 0; first < ROWS * COLS; first += 16) {
      __m512 v[16];
      for (int n = 0; n < 16; ++n) {
        const int at = first + n;
        v[n] = at < ROWS * COLS ? acc[at / COLS][at % COLS] : _mm512_setzero_ps();
      }
      alignas(64) float lanes[kLanes];
      _mm512_storeu_ps(lanes, addLanes16(v));
      for (int n = 0; n < 16 && first + n < ROWS * COLS; ++n) {
        const int at = first + n;
        sums[(at / COLS) * lds + at % COLS] = lanes[4 * (n % 4) + n / 4];
      }
    }
  }

  // sums[i][0, 16 VECS) over k in order; `width` < 16 (VECS = 1 only) pads the columns past it with zeros.
  template <int ROWS, int VECS>
  static void axpyTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, int width, float* sums,
                       ptrdiff_t lds) {
    const bool partial = VECS == 1 && width < kLanes;
    __m512 acc[ROWS][VECS];
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int v = 0; v < VECS; ++v) acc[i][v] = _mm512_setzero_ps();
    }
    for (int64_t k = 0; k < K; ++k) {
      const float* row = b + k * ldb;
      __m512 bv[VECS];
      NW_TILE_LOOP for (int v = 0; v < VECS; ++v) {
        bv[v] = partial ? loadFirst(row, width) : _mm512_loadu_ps(row + kLanes * v);
      }
      NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
        const __m512 av = _mm512_set1_ps(a[i * lda + k]);
        NW_TILE_LOOP for (int v = 0; v < VECS; ++v) acc[i][v] = _mm512_fmadd_ps(av, bv[v], acc[i][v]);
      }
    }
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int v = 0; v < VECS; ++v) {
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
