// AVX-512F SGEMM microkernel: an 8x32 register tile (16 zmm accumulators, 2 zmm of B, 1 broadcast of A), so each
// k step issues 16 FMAs for 2 loads of B and 8 broadcasts. Compiled with -mavx512f (/arch:AVX512) in its own library;
// its panels are packed by AVX2 code (avx2_packing.hpp). Intrinsics used here must also be in
// tools/avx512-emulation/immintrin.h (scripts/test-native-emulated.mjs).
#include <immintrin.h>

#include <cstdint>
#include <type_traits>

#include "gemm/avx2_packing.hpp"
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

// Where a k step's 32 floats of op(B) are: a packed micro-panel (k * 32, 64-byte aligned) or, for a convolution over
// shifted windows, rows of a padded image at offsets[k] from the panel's start (any alignment).
struct PackedRows {
  const float* b;
  const float* row(int k) const { return b + 32 * static_cast<std::ptrdiff_t>(k); }
  static __m512 load(const float* at) { return _mm512_load_ps(at); }
};
// B stored [K, N] read where it lies: row k of the panel at b + k * ldb (MicroKernel::runStrided).
struct StridedRows {
  const float* b;
  std::ptrdiff_t ldb;
  const float* row(int k) const { return b + ldb * k; }
  static __m512 load(const float* at) { return _mm512_loadu_ps(at); }
};
struct OffsetRows {
  const float* b;
  const std::int64_t* offsets;
  const float* row(int k) const { return b + offsets[k]; }
  static __m512 load(const float* at) { return _mm512_loadu_ps(at); }
};

// max(v, 0) in the mask form: GCC 12 warns on the plain _mm512_max_ps (its _mm512_undefined_ps pass-through).
inline __m512 reluOf(__m512 v, __m512 zero) { return _mm512_maskz_max_ps(0xFFFF, v, zero); }

// IN_PLACE_A: op(A)'s 8 rows read where they lie, row i at a + i * lda contiguous in k (MicroKernel::runInPlaceA),
// instead of a packed micro-panel: the same FMAs in the same order, so the same bits.
// RELU: the stored tile through max(x, 0), which (second operand on a NaN or on equal zeros) is the ReLU kernel's
// x > 0 ? x : 0 bit for bit, NaN and -0 giving +0 (MicroKernel::runRelu). BIAS: C = bias[j] + sum (beta unused), the
// same add as the driver's bias rows in C read back by beta = 1, so the same bits (MicroKernel::runBias).
// ACC_IN: the sums start from the 16 registers at acc (an earlier part of the depth block) instead of zero. ACC_OUT:
// they go back to acc, C untouched, for a later part. A stored float is reloaded exactly, so a block run in parts
// makes the FMAs of the block run whole, in the same order (MicroKernel::runStrided).
template <class Rows, bool RELU = false, bool BIAS = false, bool IN_PLACE_A = false, bool ACC_IN = false,
          bool ACC_OUT = false>
void runTileOf(int kc, const float* a, Rows rows, float* c, std::ptrdiff_t ldc, float beta, const float* bias = nullptr,
               std::ptrdiff_t lda = 0, float* acc = nullptr) {
#define NW_AVX512_INIT(I) (ACC_IN ? _mm512_load_ps(acc + 16 * (I)) : _mm512_setzero_ps())
  __m512 c00 = NW_AVX512_INIT(0), c01 = NW_AVX512_INIT(1);
  __m512 c10 = NW_AVX512_INIT(2), c11 = NW_AVX512_INIT(3);
  __m512 c20 = NW_AVX512_INIT(4), c21 = NW_AVX512_INIT(5);
  __m512 c30 = NW_AVX512_INIT(6), c31 = NW_AVX512_INIT(7);
  __m512 c40 = NW_AVX512_INIT(8), c41 = NW_AVX512_INIT(9);
  __m512 c50 = NW_AVX512_INIT(10), c51 = NW_AVX512_INIT(11);
  __m512 c60 = NW_AVX512_INIT(12), c61 = NW_AVX512_INIT(13);
  __m512 c70 = NW_AVX512_INIT(14), c71 = NW_AVX512_INIT(15);
#undef NW_AVX512_INIT

#define NW_AVX512_ROW(AV, ACC0, ACC1)     \
  do {                                    \
    const __m512 av = _mm512_set1_ps(AV); \
    ACC0 = _mm512_fmadd_ps(av, b0, ACC0); \
    ACC1 = _mm512_fmadd_ps(av, b1, ACC1); \
  } while (0)
// One k step: op(B)'s 32 floats at B, op(A)'s 8 at A0 ... A7.
#define NW_AVX512_STEP8(A0, A1, A2, A3, A4, A5, A6, A7, B) \
  do {                                                     \
    const __m512 b0 = Rows::load(B);                       \
    const __m512 b1 = Rows::load((B) + 16);                \
    NW_AVX512_ROW(A0, c00, c01);                           \
    NW_AVX512_ROW(A1, c10, c11);                           \
    NW_AVX512_ROW(A2, c20, c21);                           \
    NW_AVX512_ROW(A3, c30, c31);                           \
    NW_AVX512_ROW(A4, c40, c41);                           \
    NW_AVX512_ROW(A5, c50, c51);                           \
    NW_AVX512_ROW(A6, c60, c61);                           \
    NW_AVX512_ROW(A7, c70, c71);                           \
  } while (0)
#define NW_AVX512_STEP(A, B) NW_AVX512_STEP8((A)[0], (A)[1], (A)[2], (A)[3], (A)[4], (A)[5], (A)[6], (A)[7], B)

  int k = 0;
  if constexpr (IN_PLACE_A) {
    const float* r0 = a;
    const float* r1 = a + lda;
    const float* r2 = a + 2 * lda;
    const float* r3 = a + 3 * lda;
    const float* r4 = a + 4 * lda;
    const float* r5 = a + 5 * lda;
    const float* r6 = a + 6 * lda;
    const float* r7 = a + 7 * lda;
    for (; k + 2 <= kc; k += 2) {
      _mm_prefetch(reinterpret_cast<const char*>(rows.row(k + 8)), _MM_HINT_T0);
      NW_AVX512_STEP8(r0[k], r1[k], r2[k], r3[k], r4[k], r5[k], r6[k], r7[k], rows.row(k));
      NW_AVX512_STEP8(r0[k + 1], r1[k + 1], r2[k + 1], r3[k + 1], r4[k + 1], r5[k + 1], r6[k + 1], r7[k + 1],
                      rows.row(k + 1));
    }
    for (; k < kc; ++k) NW_AVX512_STEP8(r0[k], r1[k], r2[k], r3[k], r4[k], r5[k], r6[k], r7[k], rows.row(k));
  } else {
    for (; k + 2 <= kc; k += 2) {
      if constexpr (std::is_same<Rows, PackedRows>::value) {
        _mm_prefetch(reinterpret_cast<const char*>(rows.row(k + 8)), _MM_HINT_T0);
      }
      NW_AVX512_STEP(a, rows.row(k));
      NW_AVX512_STEP(a + 8, rows.row(k + 1));
      a += 16;
    }
    for (; k < kc; ++k) {
      NW_AVX512_STEP(a, rows.row(k));
      a += 8;
    }
  }
#undef NW_AVX512_STEP
#undef NW_AVX512_STEP8
#undef NW_AVX512_ROW

  if constexpr (ACC_OUT) {
    const __m512 sums[16] = {c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71};
    for (int i = 0; i < 16; ++i) _mm512_storeu_ps(acc + 16 * i, sums[i]);
    return;
  }
  const int mode = beta == 0.0f ? 0 : (beta == 1.0f ? 1 : 2);
  const __m512 betaV = _mm512_set1_ps(beta);
  const __m512 zero = _mm512_setzero_ps();
  __m512 biasLo = zero, biasHi = zero;
  if constexpr (BIAS) {
    biasLo = _mm512_loadu_ps(bias);
    biasHi = _mm512_loadu_ps(bias + 16);
  }
  const auto finish = [&](__m512 acc, const float* row, __m512 biasV) {
    const __m512 v = BIAS ? _mm512_add_ps(biasV, acc) : combine(acc, row, betaV, mode);
    return RELU ? reluOf(v, zero) : v;
  };
#define NW_AVX512_STORE(ROW, LO, HI)                          \
  do {                                                        \
    float* row = c + (ROW)*ldc;                               \
    _mm512_storeu_ps(row, finish(LO, row, biasLo));           \
    _mm512_storeu_ps(row + 16, finish(HI, row + 16, biasHi)); \
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

void runAvx512(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, float beta) {
  runTileOf(kc, a, PackedRows{b}, c, ldc, beta);
}

void runReluAvx512(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, float beta) {
  runTileOf<PackedRows, true>(kc, a, PackedRows{b}, c, ldc, beta);
}

void runBiasAvx512(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, const float* bias, bool relu) {
  if (relu) return runTileOf<PackedRows, true, true>(kc, a, PackedRows{b}, c, ldc, 1.0f, bias);
  runTileOf<PackedRows, false, true>(kc, a, PackedRows{b}, c, ldc, 1.0f, bias);
}

void runInPlaceAAvx512(int kc, const float* a, std::ptrdiff_t lda, const float* b, float* c, std::ptrdiff_t ldc,
                       float beta) {
  runTileOf<PackedRows, false, false, true>(kc, a, PackedRows{b}, c, ldc, beta, nullptr, lda);
}

// phase: 0 first part, 1 middle part, 2 the whole block, 3 last part (MicroKernel::runStrided).
void runStridedAvx512(int kc, const float* a, const float* b, std::ptrdiff_t ldb, float* acc, int phase, float* c,
                      std::ptrdiff_t ldc, float beta) {
  const StridedRows rows{b, ldb};
  switch (phase) {
    case 0: return runTileOf<StridedRows, false, false, false, false, true>(kc, a, rows, c, ldc, beta, nullptr, 0, acc);
    case 1: return runTileOf<StridedRows, false, false, false, true, true>(kc, a, rows, c, ldc, beta, nullptr, 0, acc);
    case 2: return runTileOf<StridedRows>(kc, a, rows, c, ldc, beta);
    default:
      return runTileOf<StridedRows, false, false, false, true, false>(kc, a, rows, c, ldc, beta, nullptr, 0, acc);
  }
}

void runOffsetsAvx512(int kc, const float* a, const float* b, const std::int64_t* offsets, float* c, std::ptrdiff_t ldc,
                      float beta) {
  runTileOf(kc, a, OffsetRows{b, offsets}, c, ldc, beta);
}

// The first ROWS (< 8) rows of a tile, fewer accumulators (MicroKernel::runRows). 3 to 7 rows keep runAvx512's order.
// 1 or 2 rows would have only 2 or 4 chains in flight for the FMA latency on two pipes, so they sum even and odd k
// apart and add the two at the end: still one fixed order for each element, whatever the thread split. The
// accumulators are named variables, rows past ROWS compiled out (held in arrays, compilers keep them in memory).
#define NW_AVX512_PART_ROW(I, A, LO, HI)      \
  if constexpr (ROWS > (I)) {                 \
    const __m512 av = _mm512_set1_ps((A)[I]); \
    LO = _mm512_fmadd_ps(av, b0, LO);         \
    HI = _mm512_fmadd_ps(av, b1, HI);         \
  }
#define NW_AVX512_PART_STEP(A, B, L0, H0, L1, H1, L2, H2, L3, H3, L4, H4, L5, H5, L6, H6) \
  do {                                                                                    \
    const __m512 b0 = Rows::load(B);                                                      \
    const __m512 b1 = Rows::load((B) + 16);                                               \
    NW_AVX512_PART_ROW(0, A, L0, H0)                                                      \
    NW_AVX512_PART_ROW(1, A, L1, H1)                                                      \
    NW_AVX512_PART_ROW(2, A, L2, H2)                                                      \
    NW_AVX512_PART_ROW(3, A, L3, H3)                                                      \
    NW_AVX512_PART_ROW(4, A, L4, H4)                                                      \
    NW_AVX512_PART_ROW(5, A, L5, H5)                                                      \
    NW_AVX512_PART_ROW(6, A, L6, H6)                                                      \
  } while (0)

// ACC_IN / ACC_OUT as runTileOf's (3 to 7 rows only: 1 or 2 rows carry twice as many sums).
template <int ROWS, class Rows, bool ACC_IN = false, bool ACC_OUT = false>
void runRowsOf(int kc, const float* a, Rows rows, float* c, std::ptrdiff_t ldc, float beta, float* acc = nullptr) {
  static_assert(ROWS >= 1 && ROWS <= 7, "a partial tile has 1 to 7 rows");
  static_assert(ROWS >= 3 || !(ACC_IN || ACC_OUT), "sums carried between parts for 3 to 7 rows");
  const __m512 zero = _mm512_setzero_ps();
  __m512 l0 = zero, h0 = zero, l1 = zero, h1 = zero, l2 = zero, h2 = zero, l3 = zero, h3 = zero;
  __m512 l4 = zero, h4 = zero, l5 = zero, h5 = zero, l6 = zero, h6 = zero;
  if constexpr (ACC_IN) {
    __m512* lo[7] = {&l0, &l1, &l2, &l3, &l4, &l5, &l6};
    __m512* hi[7] = {&h0, &h1, &h2, &h3, &h4, &h5, &h6};
    for (int i = 0; i < ROWS; ++i) {
      *lo[i] = _mm512_load_ps(acc + 32 * i);
      *hi[i] = _mm512_load_ps(acc + 32 * i + 16);
    }
  }
  int k = 0;
  if constexpr (ROWS <= 2) {
    // Odd k into l2/h2 (row 0) and l3/h3 (row 1), added to the even sums at the end.
    for (; k + 2 <= kc; k += 2) {
      NW_AVX512_PART_STEP(a, rows.row(k), l0, h0, l1, h1, l2, h2, l3, h3, l4, h4, l5, h5, l6, h6);
      NW_AVX512_PART_STEP(a + 8, rows.row(k + 1), l2, h2, l3, h3, l4, h4, l4, h4, l4, h4, l4, h4, l4, h4);
      a += 16;
    }
    if (k < kc) {  // an odd kc's last k
      NW_AVX512_PART_STEP(a, rows.row(k), l0, h0, l1, h1, l2, h2, l3, h3, l4, h4, l5, h5, l6, h6);
    }
    l0 = _mm512_add_ps(l0, l2);
    h0 = _mm512_add_ps(h0, h2);
    l1 = _mm512_add_ps(l1, l3);
    h1 = _mm512_add_ps(h1, h3);
  } else {
    for (; k < kc; ++k) {
      NW_AVX512_PART_STEP(a, rows.row(k), l0, h0, l1, h1, l2, h2, l3, h3, l4, h4, l5, h5, l6, h6);
      a += 8;
    }
  }
  const __m512 lo[7] = {l0, l1, l2, l3, l4, l5, l6};
  const __m512 hi[7] = {h0, h1, h2, h3, h4, h5, h6};
  if constexpr (ACC_OUT) {
    for (int i = 0; i < ROWS; ++i) {
      _mm512_storeu_ps(acc + 32 * i, lo[i]);
      _mm512_storeu_ps(acc + 32 * i + 16, hi[i]);
    }
    return;
  }
  const int mode = beta == 0.0f ? 0 : (beta == 1.0f ? 1 : 2);
  const __m512 betaV = _mm512_set1_ps(beta);
  for (int i = 0; i < ROWS; ++i) {
    float* row = c + i * ldc;
    _mm512_storeu_ps(row, combine(lo[i], row, betaV, mode));
    _mm512_storeu_ps(row + 16, combine(hi[i], row + 16, betaV, mode));
  }
}
#undef NW_AVX512_PART_STEP
#undef NW_AVX512_PART_ROW

template <class Rows>
void runRowsWith(int rows, int kc, const float* a, Rows b, float* c, std::ptrdiff_t ldc, float beta) {
  switch (rows) {
    case 1: return runRowsOf<1>(kc, a, b, c, ldc, beta);
    case 2: return runRowsOf<2>(kc, a, b, c, ldc, beta);
    case 3: return runRowsOf<3>(kc, a, b, c, ldc, beta);
    case 4: return runRowsOf<4>(kc, a, b, c, ldc, beta);
    case 5: return runRowsOf<5>(kc, a, b, c, ldc, beta);
    case 6: return runRowsOf<6>(kc, a, b, c, ldc, beta);
    default: return runRowsOf<7>(kc, a, b, c, ldc, beta);
  }
}

void runRowsAvx512(int rows, int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, float beta) {
  runRowsWith(rows, kc, a, PackedRows{b}, c, ldc, beta);
}

template <int ROWS>
void runRowsStridedOf(int kc, const float* a, StridedRows b, float* acc, int phase, float* c, std::ptrdiff_t ldc,
                      float beta) {
  switch (phase) {
    case 0: return runRowsOf<ROWS, StridedRows, false, true>(kc, a, b, c, ldc, beta, acc);
    case 1: return runRowsOf<ROWS, StridedRows, true, true>(kc, a, b, c, ldc, beta, acc);
    case 2: return runRowsOf<ROWS, StridedRows>(kc, a, b, c, ldc, beta);
    default: return runRowsOf<ROWS, StridedRows, true, false>(kc, a, b, c, ldc, beta, acc);
  }
}

// The first `rows` (3 to 7) rows of runStridedAvx512's tile (MicroKernel::runRowsStrided).
void runRowsStridedAvx512(int rows, int kc, const float* a, const float* b, std::ptrdiff_t ldb, float* acc, int phase,
                          float* c, std::ptrdiff_t ldc, float beta) {
  const StridedRows strided{b, ldb};
  switch (rows) {
    case 3: return runRowsStridedOf<3>(kc, a, strided, acc, phase, c, ldc, beta);
    case 4: return runRowsStridedOf<4>(kc, a, strided, acc, phase, c, ldc, beta);
    case 5: return runRowsStridedOf<5>(kc, a, strided, acc, phase, c, ldc, beta);
    case 6: return runRowsStridedOf<6>(kc, a, strided, acc, phase, c, ldc, beta);
    default: return runRowsStridedOf<7>(kc, a, strided, acc, phase, c, ldc, beta);
  }
}

void runRowsOffsetsAvx512(int rows, int kc, const float* a, const float* b, const std::int64_t* offsets, float* c,
                          std::ptrdiff_t ldc, float beta) {
  runRowsWith(rows, kc, a, OffsetRows{b, offsets}, c, ldc, beta);
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

// mc = 256: a 256-row product (inference at batch 256) is one row block, so each op(B) panel is read from L3 once
// instead of once for 192 rows and again for 64 (A blocks of 256 x kc = 196 KB; every AVX-512 core has 1 MB of L2 or
// more). infer-W2 at batch 256 with weights packed once, alternating builds: one thread 757 against 767 us (784 -> 512)
// and 495 against 503 (512 -> 512); two threads 349-368k against 338-359k samples/s. Other shapes the same; the bits
// too (tiles and depth blocks do not move).
extern const MicroKernel kGemmAvx512 = {"avx512",
                                        8,
                                        32,
                                        256,
                                        192,
                                        3072,
                                        runAvx512,
                                        runRowsAvx512,
                                        dotRowsAvx512,
                                        axpyRowsAvx512,
                                        fmaLoopAvx512,
                                        transposePanel32Avx2,
                                        runOffsetsAvx512,
                                        runRowsOffsetsAvx512,
                                        runReluAvx512,
                                        runBiasAvx512,
                                        packPanelA8Avx2,
                                        runInPlaceAAvx512,
                                        runStridedAvx512,
                                        runRowsStridedAvx512};

}  // namespace nw
