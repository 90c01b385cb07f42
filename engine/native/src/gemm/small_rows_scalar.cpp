// Portable small-M kernels (MicroKernel::dotRows, ::axpyRows): 8 lanes of partial sums (dot) or 8 columns (axpy)
// as two vectors of four (quad_lanes.hpp), so that a tile's sums stay in registers: as arrays of floats they were
// stored on every pass over k (4 x 784 x 512 with B [K, N]: 336 -> 67 us on one Zen 5 core). Used with the scalar
// microkernel (NETWRIGHT_ISA=scalar, or no SIMD).
#include "gemm/small_rows_kernels.hpp"
#include "gemm/small_rows_loops.hpp"
#include "quad_lanes.hpp"
#include "tile_loops.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::ptrdiff_t;

// The register tiles, for small_rows_loops.hpp.
struct Scalar {
  static constexpr int kLanes = 8;  // the columns of one axpy tile
  static constexpr int kDotColumns[5] = {0, 4, 2, 1, 1};
  static constexpr int kAxpyVectors[5] = {0, 4, 2, 1, 1};  // 8, 8, 6 and 8 chains of four lanes

  template <int ROWS, int COLS>
  static void dotTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, float* sums,
                      ptrdiff_t lds) {
    Lanes acc[ROWS][COLS];
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) { NW_TILE_LOOP for (int j = 0; j < COLS; ++j) acc[i][j] = Lanes{}; }
    const int64_t whole = K / 8 * 8;
    for (int64_t k = 0; k < whole; k += 8) {
      NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
        const Quad aLo = loadQuad(a + i * lda + k), aHi = loadQuad(a + i * lda + k + 4);
        NW_TILE_LOOP for (int j = 0; j < COLS; ++j) {
          acc[i][j].lo += aLo * loadQuad(b + j * ldb + k);
          acc[i][j].hi += aHi * loadQuad(b + j * ldb + k + 4);
        }
      }
    }
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int j = 0; j < COLS; ++j) {
        for (int64_t k = whole; k < K; ++k) {  // the last k into lanes 0 to K - whole - 1, as a whole step would
          const float term = a[i * lda + k] * b[j * ldb + k];
          const int l = static_cast<int>(k - whole);
          if (l < 4) {
            acc[i][j].lo[l] += term;
          } else {
            acc[i][j].hi[l - 4] += term;
          }
        }
        sums[i * lds + j] = sumLanes(acc[i][j]);
      }
    }
  }

  // sums[i][0, 8 VECS) over k in order; `width` < 8 (VECS = 1 only) for the last columns.
  template <int ROWS, int VECS>
  static void axpyTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, int width, float* sums,
                       ptrdiff_t lds) {
    if (VECS == 1 && width < kLanes) return axpyPart<ROWS>(K, a, lda, b, ldb, width, sums, lds);
    Lanes acc[ROWS][VECS];
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) { NW_TILE_LOOP for (int v = 0; v < VECS; ++v) acc[i][v] = Lanes{}; }
    for (int64_t k = 0; k < K; ++k) {
      const float* row = b + k * ldb;
      Lanes bv[VECS];
      NW_TILE_LOOP for (int v = 0; v < VECS; ++v) bv[v] = Lanes{loadQuad(row + 8 * v), loadQuad(row + 8 * v + 4)};
      NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
        const Quad ai = splat(a[i * lda + k]);
        NW_TILE_LOOP for (int v = 0; v < VECS; ++v) {
          acc[i][v].lo += ai * bv[v].lo;
          acc[i][v].hi += ai * bv[v].hi;
        }
      }
    }
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int v = 0; v < VECS; ++v) {
        storeQuad(sums + i * lds + 8 * v, acc[i][v].lo);
        storeQuad(sums + i * lds + 8 * v + 4, acc[i][v].hi);
      }
    }
  }

  // The last columns (width < 8), one at a time: the same sums in the same order.
  template <int ROWS>
  static void axpyPart(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, int width, float* sums,
                       ptrdiff_t lds) {
    for (int j = 0; j < width; ++j) {
      float acc[ROWS] = {};
      for (int64_t k = 0; k < K; ++k) {
        NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) acc[i] += a[i * lda + k] * b[k * ldb + j];
      }
      NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) sums[i * lds + j] = acc[i];
    }
  }
};

}  // namespace

NW_SMALL_ROWS_KERNEL(dotRowsScalar) { dotRowsOf<Scalar>(rows, K, a, lda, b, ldb, cols, sums, lds); }

NW_SMALL_ROWS_KERNEL(axpyRowsScalar) { axpyRowsOf<Scalar>(rows, K, a, lda, b, ldb, cols, sums, lds); }

}  // namespace nw
