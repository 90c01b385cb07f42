// NEON (AArch64) SGEMM microkernel: an 8x12 register tile (24 q accumulators, 3 q of B, 2 q of A), multiplying by
// lanes of A so each k step issues 24 FMAs for 5 vector loads. NEON is part of the arm64 baseline.
#include <arm_neon.h>

#include "gemm/microkernel.hpp"
#include "gemm/small_rows_kernels.hpp"

namespace nw {
namespace {

inline float32x4_t combine(float32x4_t acc, const float* c, float beta, int mode) {
  // mode 0: C = acc; 1: C += acc; 2: C = beta C + acc.
  if (mode == 0) return acc;
  if (mode == 1) return vaddq_f32(vld1q_f32(c), acc);
  return vfmaq_n_f32(acc, vld1q_f32(c), beta);
}

void runNeon(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, float beta) {
  float32x4_t acc[8][3];
  for (int i = 0; i < 8; ++i) {
    acc[i][0] = vdupq_n_f32(0.0f);
    acc[i][1] = vdupq_n_f32(0.0f);
    acc[i][2] = vdupq_n_f32(0.0f);
  }
  for (int k = 0; k < kc; ++k) {
    const float32x4_t a0 = vld1q_f32(a);
    const float32x4_t a1 = vld1q_f32(a + 4);
    const float32x4_t b0 = vld1q_f32(b);
    const float32x4_t b1 = vld1q_f32(b + 4);
    const float32x4_t b2 = vld1q_f32(b + 8);
#define NW_NEON_ROW(R, AV, LANE)                        \
  acc[R][0] = vfmaq_laneq_f32(acc[R][0], b0, AV, LANE); \
  acc[R][1] = vfmaq_laneq_f32(acc[R][1], b1, AV, LANE); \
  acc[R][2] = vfmaq_laneq_f32(acc[R][2], b2, AV, LANE)
    NW_NEON_ROW(0, a0, 0);
    NW_NEON_ROW(1, a0, 1);
    NW_NEON_ROW(2, a0, 2);
    NW_NEON_ROW(3, a0, 3);
    NW_NEON_ROW(4, a1, 0);
    NW_NEON_ROW(5, a1, 1);
    NW_NEON_ROW(6, a1, 2);
    NW_NEON_ROW(7, a1, 3);
#undef NW_NEON_ROW
    a += 8;
    b += 12;
  }
  const int mode = beta == 0.0f ? 0 : (beta == 1.0f ? 1 : 2);
  for (int i = 0; i < 8; ++i) {
    float* row = c + i * ldc;
    vst1q_f32(row, combine(acc[i][0], row, beta, mode));
    vst1q_f32(row + 4, combine(acc[i][1], row + 4, beta, mode));
    vst1q_f32(row + 8, combine(acc[i][2], row + 8, beta, mode));
  }
}

// The peak probe: 12 chains of 4 lanes, x = x * m + a (converging to 1: no overflow, no denormals).
double fmaLoopNeon(std::int64_t iterations, float* sink) {
  const float32x4_t m = vdupq_n_f32(0.999f);
  const float32x4_t a = vdupq_n_f32(0.001f);
  float32x4_t x[12];
  for (int c = 0; c < 12; ++c) x[c] = vdupq_n_f32(static_cast<float>(c));
  for (std::int64_t it = 0; it < iterations; ++it) {
    for (int c = 0; c < 12; ++c) x[c] = vfmaq_f32(a, x[c], m);
  }
  float32x4_t sum = x[0];
  for (int c = 1; c < 12; ++c) sum = vaddq_f32(sum, x[c]);
  *sink = vgetq_lane_f32(sum, 0);
  return static_cast<double>(iterations) * 12 * 4 * 2;
}

}  // namespace

extern const MicroKernel kGemmNeon = {"neon",  8,           12,           128,         256,     3072,    runNeon,
                                      nullptr, dotRowsNeon, axpyRowsNeon, fmaLoopNeon, nullptr, nullptr, nullptr,
                                      nullptr, nullptr,     nullptr,      nullptr,     nullptr, nullptr};

}  // namespace nw
