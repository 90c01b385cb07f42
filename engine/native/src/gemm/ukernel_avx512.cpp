// AVX-512F SGEMM microkernel: an 8x32 register tile (16 zmm accumulators, 2 zmm of B, 1 broadcast of A), so each
// k step issues 16 FMAs for 2 loads of B and 8 broadcasts. Compiled with -mavx512f (/arch:AVX512) in its own library.
#include <immintrin.h>

#include "gemm/microkernel.hpp"
#include "gemm/small_rows_kernels.hpp"

namespace nw {
namespace {

inline __m512 combine(__m512 acc, const float* c, __m512 beta, int mode) {
  // mode 0: C = acc; 1: C += acc; 2: C = beta C + acc.
  if (mode == 0) return acc;
  if (mode == 1) return _mm512_add_ps(_mm512_loadu_ps(c), acc);
  return _mm512_fmadd_ps(beta, _mm512_loadu_ps(c), acc);
}

void runAvx512(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, float beta) {
  __m512 c00 = _mm512_setzero_ps(), c01 = _mm512_setzero_ps();
  __m512 c10 = _mm512_setzero_ps(), c11 = _mm512_setzero_ps();
  __m512 c20 = _mm512_setzero_ps(), c21 = _mm512_setzero_ps();
  __m512 c30 = _mm512_setzero_ps(), c31 = _mm512_setzero_ps();
  __m512 c40 = _mm512_setzero_ps(), c41 = _mm512_setzero_ps();
  __m512 c50 = _mm512_setzero_ps(), c51 = _mm512_setzero_ps();
  __m512 c60 = _mm512_setzero_ps(), c61 = _mm512_setzero_ps();
  __m512 c70 = _mm512_setzero_ps(), c71 = _mm512_setzero_ps();

#define NW_AVX512_ROW(A, R, ACC0, ACC1)       \
  do {                                        \
    const __m512 av = _mm512_set1_ps((A)[R]); \
    ACC0 = _mm512_fmadd_ps(av, b0, ACC0);     \
    ACC1 = _mm512_fmadd_ps(av, b1, ACC1);     \
  } while (0)
#define NW_AVX512_STEP(A, B)                    \
  do {                                          \
    const __m512 b0 = _mm512_load_ps(B);        \
    const __m512 b1 = _mm512_load_ps((B) + 16); \
    NW_AVX512_ROW(A, 0, c00, c01);              \
    NW_AVX512_ROW(A, 1, c10, c11);              \
    NW_AVX512_ROW(A, 2, c20, c21);              \
    NW_AVX512_ROW(A, 3, c30, c31);              \
    NW_AVX512_ROW(A, 4, c40, c41);              \
    NW_AVX512_ROW(A, 5, c50, c51);              \
    NW_AVX512_ROW(A, 6, c60, c61);              \
    NW_AVX512_ROW(A, 7, c70, c71);              \
  } while (0)

  int k = 0;
  for (; k + 2 <= kc; k += 2) {
    _mm_prefetch(reinterpret_cast<const char*>(b + 32 * 8), _MM_HINT_T0);
    NW_AVX512_STEP(a, b);
    NW_AVX512_STEP(a + 8, b + 32);
    a += 16;
    b += 64;
  }
  for (; k < kc; ++k) {
    NW_AVX512_STEP(a, b);
    a += 8;
    b += 32;
  }
#undef NW_AVX512_STEP
#undef NW_AVX512_ROW

  const int mode = beta == 0.0f ? 0 : (beta == 1.0f ? 1 : 2);
  const __m512 betaV = _mm512_set1_ps(beta);
#define NW_AVX512_STORE(ROW, LO, HI)                                \
  do {                                                              \
    float* row = c + (ROW)*ldc;                                     \
    _mm512_storeu_ps(row, combine(LO, row, betaV, mode));           \
    _mm512_storeu_ps(row + 16, combine(HI, row + 16, betaV, mode)); \
  } while (0)
  NW_AVX512_STORE(0, c00, c01);
  NW_AVX512_STORE(1, c10, c11);
  NW_AVX512_STORE(2, c20, c21);
  NW_AVX512_STORE(3, c30, c31);
  NW_AVX512_STORE(4, c40, c41);
  NW_AVX512_STORE(5, c50, c51);
  NW_AVX512_STORE(6, c60, c61);
  NW_AVX512_STORE(7, c70, c71);
#undef NW_AVX512_STORE
}

// The peak probe: 12 chains of 16 lanes, x = x * m + a (converging to 1: no overflow, no denormals).
double fmaLoopAvx512(std::int64_t iterations, float* sink) {
  const __m512 m = _mm512_set1_ps(0.999f);
  const __m512 a = _mm512_set1_ps(0.001f);
  __m512 x[12];
  for (int c = 0; c < 12; ++c) x[c] = _mm512_set1_ps(static_cast<float>(c));
  for (std::int64_t it = 0; it < iterations; ++it) {
    for (int c = 0; c < 12; ++c) x[c] = _mm512_fmadd_ps(x[c], m, a);
  }
  __m512 sum = x[0];
  for (int c = 1; c < 12; ++c) sum = _mm512_add_ps(sum, x[c]);
  alignas(64) float lanes[16];
  _mm512_storeu_ps(lanes, sum);
  *sink = lanes[0];
  return static_cast<double>(iterations) * 12 * 16 * 2;
}

}  // namespace

extern const MicroKernel kGemmAvx512 = {
    "avx512",      8,       32,      192,     192,     3072,    runAvx512, nullptr, dotRowsAvx512, axpyRowsAvx512,
    fmaLoopAvx512, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,   nullptr};

}  // namespace nw
