// NEON (AArch64) small-M kernels (MicroKernel::dotRows, ::axpyRows): 4 lanes; the tails of k (dot) and of the
// columns (axpy) are copied into zero-padded vectors, so every sum runs the same FMA chain wherever its column falls
// in a call. NEON is part of the arm64 baseline.
#include <arm_neon.h>

#include "gemm/small_rows_kernels.hpp"
#include "gemm/small_rows_loops.hpp"
#include "tile_loops.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::ptrdiff_t;

constexpr int kLanes = 4;

// n (< 4) floats from p, zeros after them.
inline float32x4_t loadFirst(const float* p, int64_t n) {
  float padded[kLanes] = {};
  for (int64_t l = 0; l < n; ++l) padded[l] = p[l];
  return vld1q_f32(padded);
}

// Lanes added in a fixed tree: l + (l + 2), then 0 + 1.
inline float addLanes(float32x4_t v) {
  const float32x2_t half = vadd_f32(vget_low_f32(v), vget_high_f32(v));
  return vget_lane_f32(half, 0) + vget_lane_f32(half, 1);
}

// The register tiles, for small_rows_loops.hpp.
struct Neon {
  static constexpr int kLanes = 4;
  static constexpr int kDotColumns[5] = {0, 4, 4, 4, 4};
  static constexpr int kAxpyVectors[5] = {0, 4, 4, 4, 4};

  template <int ROWS, int COLS>
  static void dotTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, float* sums,
                      ptrdiff_t lds) {
    float32x4_t acc[ROWS][COLS];
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int j = 0; j < COLS; ++j) acc[i][j] = vdupq_n_f32(0.0f);
    }
    const int64_t whole = K / kLanes * kLanes;
    for (int64_t k = 0; k < whole; k += kLanes) {
      float32x4_t av[ROWS];
      NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) av[i] = vld1q_f32(a + i * lda + k);
      NW_TILE_LOOP for (int j = 0; j < COLS; ++j) {
        const float32x4_t bv = vld1q_f32(b + j * ldb + k);
        NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) acc[i][j] = vfmaq_f32(acc[i][j], av[i], bv);
      }
    }
    if (whole < K) {
      float32x4_t av[ROWS];
      NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) av[i] = loadFirst(a + i * lda + whole, K - whole);
      NW_TILE_LOOP for (int j = 0; j < COLS; ++j) {
        const float32x4_t bv = loadFirst(b + j * ldb + whole, K - whole);
        NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) acc[i][j] = vfmaq_f32(acc[i][j], av[i], bv);
      }
    }
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int j = 0; j < COLS; ++j) sums[i * lds + j] = addLanes(acc[i][j]);
    }
  }

  // sums[i][0, 4 VECS) over k in order; `width` < 4 (VECS = 1 only) pads the columns past it with zeros.
  template <int ROWS, int VECS>
  static void axpyTile(int64_t K, const float* a, ptrdiff_t lda, const float* b, ptrdiff_t ldb, int width, float* sums,
                       ptrdiff_t lds) {
    const bool partial = VECS == 1 && width < kLanes;
    float32x4_t acc[ROWS][VECS];
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int v = 0; v < VECS; ++v) acc[i][v] = vdupq_n_f32(0.0f);
    }
    for (int64_t k = 0; k < K; ++k) {
      const float* row = b + k * ldb;
      float32x4_t bv[VECS];
      NW_TILE_LOOP for (int v = 0; v < VECS; ++v) bv[v] = partial ? loadFirst(row, width) : vld1q_f32(row + kLanes * v);
      NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
        const float32x4_t av = vdupq_n_f32(a[i * lda + k]);
        NW_TILE_LOOP for (int v = 0; v < VECS; ++v) acc[i][v] = vfmaq_f32(acc[i][v], av, bv[v]);
      }
    }
    NW_TILE_LOOP for (int i = 0; i < ROWS; ++i) {
      NW_TILE_LOOP for (int v = 0; v < VECS; ++v) {
        if (partial) {
          float x[kLanes];
          vst1q_f32(x, acc[i][v]);
          for (int l = 0; l < width; ++l) sums[i * lds + l] = x[l];
        } else {
          vst1q_f32(sums + i * lds + kLanes * v, acc[i][v]);
        }
      }
    }
  }
};

}  // namespace

NW_SMALL_ROWS_KERNEL(dotRowsNeon) { dotRowsOf<Neon>(rows, K, a, lda, b, ldb, cols, sums, lds); }

NW_SMALL_ROWS_KERNEL(axpyRowsNeon) { axpyRowsOf<Neon>(rows, K, a, lda, b, ldb, cols, sums, lds); }

}  // namespace nw
