// AVX2 + FMA SGEMM microkernel: a 6x16 register tile (12 ymm accumulators, 2 ymm of B, 1 broadcast of A), so each
// k step issues 12 FMAs for 2 loads of B and 6 broadcasts. Compiled with -mavx2 -mfma (/arch:AVX2) in its own library.
#include <immintrin.h>

#include <cstdint>
#include <type_traits>

#include "gemm/avx2_packing.hpp"
#include "gemm/microkernel.hpp"
#include "gemm/small_rows_kernels.hpp"

// GCC and Clang on x86-64 take the in-place op(A) kernel's assembly loop; MSVC has no inline assembly on x64, and
// its builds run those products through the packed driver.
#if defined(__GNUC__) && defined(__x86_64__)
#define NW_AVX2_INPLACE_A 1
#else
#define NW_AVX2_INPLACE_A 0
#endif

namespace nw {
namespace {

inline __m256 combine(__m256 acc, const float* c, __m256 beta, int mode) {
  // mode 0: C = acc; 1: C += acc; 2: C = beta C + acc.
  if (mode == 0) return acc;
  if (mode == 1) return _mm256_add_ps(_mm256_loadu_ps(c), acc);
  return _mm256_fmadd_ps(beta, _mm256_loadu_ps(c), acc);
}

// Where a k step's 16 floats of op(B) are: a packed micro-panel (k * 16, 64-byte aligned) or, for a convolution over
// shifted windows, rows of a padded image at offsets[k] from the panel's start (unaligned: loadu on aligned data costs
// the same).
struct PackedRows {
  const float* b;
  const float* row(int k) const { return b + 16 * static_cast<std::ptrdiff_t>(k); }
};
struct OffsetRows {
  const float* b;
  const std::int64_t* offsets;
  const float* row(int k) const { return b + offsets[k]; }
};

#if NW_AVX2_INPLACE_A
// The k loop of runInPlaceA, 4 k at a time over the whole steps of kc (returns how many k it did): op(A)'s rows 0, 1,
// 2, 4 at r0 + {0, 1, 2, 4} lda and rows 3, 5 at r3 = r0 + 3 lda + {0, 2} lda, so three registers address all six.
// Assembly: GCC's register allocation of the same intrinsics moves accumulators between registers and hoists
// broadcasts (87 GFLOPS against 104 for this loop, standalone). Each accumulator takes the same FMAs in the same order
// as runTileOf on the rows packed (a * b + c is exact before rounding, so the operands' order does not matter), hence
// the same bits. ymm12-15 hold op(B) and the broadcasts.
__attribute__((always_inline)) inline int inPlaceSteps(int kc, const float* const rowsA[6], const float* b, __m256& c00,
                                                       __m256& c01, __m256& c10, __m256& c11, __m256& c20, __m256& c21,
                                                       __m256& c30, __m256& c31, __m256& c40, __m256& c41, __m256& c50,
                                                       __m256& c51) {
  const char* r0 = reinterpret_cast<const char*>(rowsA[0]);
  const char* r3 = reinterpret_cast<const char*>(rowsA[3]);
  const std::ptrdiff_t ld = reinterpret_cast<const char*>(rowsA[1]) - r0;
  int k = 0;
  for (; k + 4 <= kc; k += 4) {
    asm volatile(
        "prefetcht0 512(%[b])\n\t"
        "vmovups 0(%[b]), %%ymm12\n\t"
        "vmovups 32(%[b]), %%ymm13\n\t"
        "vbroadcastss 0(%[r0]), %%ymm14\n\t"
        "vfmadd231ps %%ymm12, %%ymm14, %[c00]\n\t"
        "vfmadd231ps %%ymm13, %%ymm14, %[c01]\n\t"
        "vbroadcastss 0(%[r0],%[ld],1), %%ymm15\n\t"
        "vfmadd231ps %%ymm12, %%ymm15, %[c10]\n\t"
        "vfmadd231ps %%ymm13, %%ymm15, %[c11]\n\t"
        "vbroadcastss 0(%[r0],%[ld],2), %%ymm14\n\t"
        "vfmadd231ps %%ymm12, %%ymm14, %[c20]\n\t"
        "vfmadd231ps %%ymm13, %%ymm14, %[c21]\n\t"
        "vbroadcastss 0(%[r3]), %%ymm15\n\t"
        "vfmadd231ps %%ymm12, %%ymm15, %[c30]\n\t"
        "vfmadd231ps %%ymm13, %%ymm15, %[c31]\n\t"
        "vbroadcastss 0(%[r0],%[ld],4), %%ymm14\n\t"
        "vfmadd231ps %%ymm12, %%ymm14, %[c40]\n\t"
        "vfmadd231ps %%ymm13, %%ymm14, %[c41]\n\t"
        "vbroadcastss 0(%[r3],%[ld],2), %%ymm15\n\t"
        "vfmadd231ps %%ymm12, %%ymm15, %[c50]\n\t"
        "vfmadd231ps %%ymm13, %%ymm15, %[c51]\n\t"
        "vmovups 64(%[b]), %%ymm12\n\t"
        "vmovups 96(%[b]), %%ymm13\n\t"
        "vbroadcastss 4(%[r0]), %%ymm14\n\t"
        "vfmadd231ps %%ymm12, %%ymm14, %[c00]\n\t"
        "vfmadd231ps %%ymm13, %%ymm14, %[c01]\n\t"
        "vbroadcastss 4(%[r0],%[ld],1), %%ymm15\n\t"
        "vfmadd231ps %%ymm12, %%ymm15, %[c10]\n\t"
        "vfmadd231ps %%ymm13, %%ymm15, %[c11]\n\t"
        "vbroadcastss 4(%[r0],%[ld],2), %%ymm14\n\t"
        "vfmadd231ps %%ymm12, %%ymm14, %[c20]\n\t"
        "vfmadd231ps %%ymm13, %%ymm14, %[c21]\n\t"
        "vbroadcastss 4(%[r3]), %%ymm15\n\t"
        "vfmadd231ps %%ymm12, %%ymm15, %[c30]\n\t"
        "vfmadd231ps %%ymm13, %%ymm15, %[c31]\n\t"
        "vbroadcastss 4(%[r0],%[ld],4), %%ymm14\n\t"
        "vfmadd231ps %%ymm12, %%ymm14, %[c40]\n\t"
        "vfmadd231ps %%ymm13, %%ymm14, %[c41]\n\t"
        "vbroadcastss 4(%[r3],%[ld],2), %%ymm15\n\t"
        "vfmadd231ps %%ymm12, %%ymm15, %[c50]\n\t"
        "vfmadd231ps %%ymm13, %%ymm15, %[c51]\n\t"
        "vmovups 128(%[b]), %%ymm12\n\t"
        "vmovups 160(%[b]), %%ymm13\n\t"
        "vbroadcastss 8(%[r0]), %%ymm14\n\t"
        "vfmadd231ps %%ymm12, %%ymm14, %[c00]\n\t"
        "vfmadd231ps %%ymm13, %%ymm14, %[c01]\n\t"
        "vbroadcastss 8(%[r0],%[ld],1), %%ymm15\n\t"
        "vfmadd231ps %%ymm12, %%ymm15, %[c10]\n\t"
        "vfmadd231ps %%ymm13, %%ymm15, %[c11]\n\t"
        "vbroadcastss 8(%[r0],%[ld],2), %%ymm14\n\t"
        "vfmadd231ps %%ymm12, %%ymm14, %[c20]\n\t"
        "vfmadd231ps %%ymm13, %%ymm14, %[c21]\n\t"
        "vbroadcastss 8(%[r3]), %%ymm15\n\t"
        "vfmadd231ps %%ymm12, %%ymm15, %[c30]\n\t"
        "vfmadd231ps %%ymm13, %%ymm15, %[c31]\n\t"
        "vbroadcastss 8(%[r0],%[ld],4), %%ymm14\n\t"
        "vfmadd231ps %%ymm12, %%ymm14, %[c40]\n\t"
        "vfmadd231ps %%ymm13, %%ymm14, %[c41]\n\t"
        "vbroadcastss 8(%[r3],%[ld],2), %%ymm15\n\t"
        "vfmadd231ps %%ymm12, %%ymm15, %[c50]\n\t"
        "vfmadd231ps %%ymm13, %%ymm15, %[c51]\n\t"
        "vmovups 192(%[b]), %%ymm12\n\t"
        "vmovups 224(%[b]), %%ymm13\n\t"
        "vbroadcastss 12(%[r0]), %%ymm14\n\t"
        "vfmadd231ps %%ymm12, %%ymm14, %[c00]\n\t"
        "vfmadd231ps %%ymm13, %%ymm14, %[c01]\n\t"
        "vbroadcastss 12(%[r0],%[ld],1), %%ymm15\n\t"
        "vfmadd231ps %%ymm12, %%ymm15, %[c10]\n\t"
        "vfmadd231ps %%ymm13, %%ymm15, %[c11]\n\t"
        "vbroadcastss 12(%[r0],%[ld],2), %%ymm14\n\t"
        "vfmadd231ps %%ymm12, %%ymm14, %[c20]\n\t"
        "vfmadd231ps %%ymm13, %%ymm14, %[c21]\n\t"
        "vbroadcastss 12(%[r3]), %%ymm15\n\t"
        "vfmadd231ps %%ymm12, %%ymm15, %[c30]\n\t"
        "vfmadd231ps %%ymm13, %%ymm15, %[c31]\n\t"
        "vbroadcastss 12(%[r0],%[ld],4), %%ymm14\n\t"
        "vfmadd231ps %%ymm12, %%ymm14, %[c40]\n\t"
        "vfmadd231ps %%ymm13, %%ymm14, %[c41]\n\t"
        "vbroadcastss 12(%[r3],%[ld],2), %%ymm15\n\t"
        "vfmadd231ps %%ymm12, %%ymm15, %[c50]\n\t"
        "vfmadd231ps %%ymm13, %%ymm15, %[c51]\n\t"
        : [c00] "+x"(c00), [c01] "+x"(c01), [c10] "+x"(c10), [c11] "+x"(c11), [c20] "+x"(c20), [c21] "+x"(c21),
          [c30] "+x"(c30), [c31] "+x"(c31), [c40] "+x"(c40), [c41] "+x"(c41), [c50] "+x"(c50), [c51] "+x"(c51)
        : [r0] "r"(r0), [r3] "r"(r3), [b] "r"(b), [ld] "r"(ld)
        : "memory", "xmm12", "xmm13", "xmm14", "xmm15");
    r0 += 16;
    r3 += 16;
    b += 64;
  }
  return k;
}
#endif

// RELU: the stored tile through max(x, 0), which (second operand on a NaN or on equal zeros) is the ReLU kernel's
// x > 0 ? x : 0 bit for bit, NaN and -0 giving +0: GemmProblem::relu without a second pass over the tile.
// BIAS: C = bias[j] + sum (bias non-null, beta unused), the sum the driver would otherwise add to C filled with the
// bias first (the same add, so the same bits), without writing and reading back the bias rows.
// IN_PLACE_A: op(A)'s 6 rows read where they lie, row i at a + i * lda contiguous in k (runInPlaceA), instead of a
// packed micro-panel; see runInPlaceAAvx2.
template <class Rows, bool RELU = false, bool BIAS = false, bool IN_PLACE_A = false>
void runTileOf(int kc, const float* a, Rows rows, float* c, std::ptrdiff_t ldc, float beta, const float* bias = nullptr,
               std::ptrdiff_t lda = 0) {
  __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
  __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
  __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
  __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
  __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps();
  __m256 c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();

// One k step: op(B)'s 16 floats at B, op(A)'s 6 at A0 ... A5.
#define NW_AVX2_STEP6(A0, A1, A2, A3, A4, A5, B) \
  do {                                           \
    const __m256 b0 = _mm256_loadu_ps(B);        \
    const __m256 b1 = _mm256_loadu_ps((B) + 8);  \
    __m256 av = _mm256_broadcast_ss(A0);         \
    c00 = _mm256_fmadd_ps(av, b0, c00);          \
    c01 = _mm256_fmadd_ps(av, b1, c01);          \
    av = _mm256_broadcast_ss(A1);                \
    c10 = _mm256_fmadd_ps(av, b0, c10);          \
    c11 = _mm256_fmadd_ps(av, b1, c11);          \
    av = _mm256_broadcast_ss(A2);                \
    c20 = _mm256_fmadd_ps(av, b0, c20);          \
    c21 = _mm256_fmadd_ps(av, b1, c21);          \
    av = _mm256_broadcast_ss(A3);                \
    c30 = _mm256_fmadd_ps(av, b0, c30);          \
    c31 = _mm256_fmadd_ps(av, b1, c31);          \
    av = _mm256_broadcast_ss(A4);                \
    c40 = _mm256_fmadd_ps(av, b0, c40);          \
    c41 = _mm256_fmadd_ps(av, b1, c41);          \
    av = _mm256_broadcast_ss(A5);                \
    c50 = _mm256_fmadd_ps(av, b0, c50);          \
    c51 = _mm256_fmadd_ps(av, b1, c51);          \
  } while (0)
#define NW_AVX2_STEP(A, B) NW_AVX2_STEP6(A, (A) + 1, (A) + 2, (A) + 3, (A) + 4, (A) + 5, B)

  int k = 0;
  if constexpr (IN_PLACE_A) {
    const float* rowsA[6] = {a, a + lda, a + 2 * lda, a + 3 * lda, a + 4 * lda, a + 5 * lda};
#if NW_AVX2_INPLACE_A
    k = inPlaceSteps(kc, rowsA, rows.b, c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51);
#endif
    for (; k < kc; ++k) {
      NW_AVX2_STEP6(rowsA[0] + k, rowsA[1] + k, rowsA[2] + k, rowsA[3] + k, rowsA[4] + k, rowsA[5] + k, rows.row(k));
    }
  } else {
    for (; k + 4 <= kc; k += 4) {
      if constexpr (std::is_same<Rows, PackedRows>::value) {
        _mm_prefetch(reinterpret_cast<const char*>(rows.row(k + 8)), _MM_HINT_T0);
      }
      NW_AVX2_STEP(a, rows.row(k));
      NW_AVX2_STEP(a + 6, rows.row(k + 1));
      NW_AVX2_STEP(a + 12, rows.row(k + 2));
      NW_AVX2_STEP(a + 18, rows.row(k + 3));
      a += 24;
    }
    for (; k < kc; ++k) {
      NW_AVX2_STEP(a, rows.row(k));
      a += 6;
    }
  }
#undef NW_AVX2_STEP
#undef NW_AVX2_STEP6

  const int mode = beta == 0.0f ? 0 : (beta == 1.0f ? 1 : 2);
  const __m256 betaV = _mm256_set1_ps(beta);
  const __m256 zero = _mm256_setzero_ps();
  const auto finish = [zero](__m256 v) { return RELU ? _mm256_max_ps(v, zero) : v; };
  __m256 biasLo = zero, biasHi = zero;
  if constexpr (BIAS) {
    biasLo = _mm256_loadu_ps(bias);
    biasHi = _mm256_loadu_ps(bias + 8);
  }
  const auto start = [&](__m256 acc, const float* row, __m256 biasV) {
    return BIAS ? _mm256_add_ps(biasV, acc) : combine(acc, row, betaV, mode);
  };
#define NW_AVX2_STORE(ROW, LO, HI)                                 \
  do {                                                             \
    float* row = c + (ROW)*ldc;                                    \
    _mm256_storeu_ps(row, finish(start(LO, row, biasLo)));         \
    _mm256_storeu_ps(row + 8, finish(start(HI, row + 8, biasHi))); \
  } while (0)
  NW_AVX2_STORE(0, c00, c01);
  NW_AVX2_STORE(1, c10, c11);
  NW_AVX2_STORE(2, c20, c21);
  NW_AVX2_STORE(3, c30, c31);
  NW_AVX2_STORE(4, c40, c41);
  NW_AVX2_STORE(5, c50, c51);
#undef NW_AVX2_STORE
}

void runAvx2(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, float beta) {
  runTileOf(kc, a, PackedRows{b}, c, ldc, beta);
}

void runReluAvx2(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, float beta) {
  runTileOf<PackedRows, true>(kc, a, PackedRows{b}, c, ldc, beta);
}

void runBiasAvx2(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, const float* bias, bool relu) {
  if (relu) return runTileOf<PackedRows, true, true>(kc, a, PackedRows{b}, c, ldc, 1.0f, bias);
  runTileOf<PackedRows, false, true>(kc, a, PackedRows{b}, c, ldc, 1.0f, bias);
}

void runOffsetsAvx2(int kc, const float* a, const float* b, const std::int64_t* offsets, float* c, std::ptrdiff_t ldc,
                    float beta) {
  runTileOf(kc, a, OffsetRows{b, offsets}, c, ldc, beta);
}

// The first ROWS (< 6) rows of a tile, fewer accumulators. 3 to 5 rows keep runAvx2's order. 1 or 2 rows would have
// only 2 or 4 chains in flight for 5 cycles of FMA latency x 2 pipes (the last 2 rows of a 32-channel convolution ran
// at 40 % of the peak), so they sum even and odd k apart and add the two at the end: still one fixed order for each
// element, whatever the thread split. (3 rows split so would need 12 accumulators, which GCC spills.)
// The accumulators are named variables, rows past ROWS compiled out: held in arrays, they stayed in memory (GCC stored
// every accumulator on every k step, 8-10 stores a step on a port that takes one a cycle, and the 4-row tile of a
// 64-row product took 1.3 times as long as a 6-row one).
#define NW_AVX2_ROW(I, A, LO, HI)                     \
  if constexpr (ROWS > (I)) {                         \
    const __m256 av = _mm256_broadcast_ss((A) + (I)); \
    LO = _mm256_fmadd_ps(av, b0, LO);                 \
    HI = _mm256_fmadd_ps(av, b1, HI);                 \
  }
#define NW_AVX2_ROWS_STEP(A, B, L0, H0, L1, H1, L2, H2, L3, H3, L4, H4) \
  do {                                                                  \
    const __m256 b0 = _mm256_loadu_ps(B);                               \
    const __m256 b1 = _mm256_loadu_ps((B) + 8);                         \
    NW_AVX2_ROW(0, A, L0, H0)                                           \
    NW_AVX2_ROW(1, A, L1, H1)                                           \
    NW_AVX2_ROW(2, A, L2, H2)                                           \
    NW_AVX2_ROW(3, A, L3, H3)                                           \
    NW_AVX2_ROW(4, A, L4, H4)                                           \
  } while (0)

template <int ROWS, class Rows>
void runRowsOf(int kc, const float* a, Rows rows, float* c, std::ptrdiff_t ldc, float beta) {
  static_assert(ROWS >= 1 && ROWS <= 5, "a partial tile has 1 to 5 rows");
  const __m256 zero = _mm256_setzero_ps();
  __m256 l0 = zero, h0 = zero, l1 = zero, h1 = zero, l2 = zero, h2 = zero, l3 = zero, h3 = zero, l4 = zero, h4 = zero;
  int k = 0;
  if constexpr (ROWS <= 2) {
    // Odd k into l2/h2 (row 0) and l3/h3 (row 1), added to the even sums at the end.
    for (; k + 2 <= kc; k += 2) {
      NW_AVX2_ROWS_STEP(a, rows.row(k), l0, h0, l1, h1, l2, h2, l3, h3, l4, h4);
      NW_AVX2_ROWS_STEP(a + 6, rows.row(k + 1), l2, h2, l3, h3, l4, h4, l4, h4, l4, h4);
      a += 12;
    }
    if (k < kc) {  // an odd kc's last k
      NW_AVX2_ROWS_STEP(a, rows.row(k), l0, h0, l1, h1, l2, h2, l3, h3, l4, h4);
    }
    l0 = _mm256_add_ps(l0, l2);
    h0 = _mm256_add_ps(h0, h2);
    l1 = _mm256_add_ps(l1, l3);
    h1 = _mm256_add_ps(h1, h3);
  } else {
    for (; k < kc; ++k) {
      NW_AVX2_ROWS_STEP(a, rows.row(k), l0, h0, l1, h1, l2, h2, l3, h3, l4, h4);
      a += 6;
    }
  }
  const int mode = beta == 0.0f ? 0 : (beta == 1.0f ? 1 : 2);
  const __m256 betaV = _mm256_set1_ps(beta);
  const __m256 lo[5] = {l0, l1, l2, l3, l4};
  const __m256 hi[5] = {h0, h1, h2, h3, h4};
  for (int i = 0; i < ROWS; ++i) {
    float* row = c + i * ldc;
    _mm256_storeu_ps(row, combine(lo[i], row, betaV, mode));
    _mm256_storeu_ps(row + 8, combine(hi[i], row + 8, betaV, mode));
  }
}
#undef NW_AVX2_ROWS_STEP
#undef NW_AVX2_ROW

template <class Rows>
void runRowsWith(int rows, int kc, const float* a, Rows b, float* c, std::ptrdiff_t ldc, float beta) {
  switch (rows) {
    case 1: return runRowsOf<1>(kc, a, b, c, ldc, beta);
    case 2: return runRowsOf<2>(kc, a, b, c, ldc, beta);
    case 3: return runRowsOf<3>(kc, a, b, c, ldc, beta);
    case 4: return runRowsOf<4>(kc, a, b, c, ldc, beta);
    default: return runRowsOf<5>(kc, a, b, c, ldc, beta);
  }
}

void runRowsAvx2(int rows, int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, float beta) {
  runRowsWith(rows, kc, a, PackedRows{b}, c, ldc, beta);
}

void runRowsOffsetsAvx2(int rows, int kc, const float* a, const float* b, const std::int64_t* offsets, float* c,
                        std::ptrdiff_t ldc, float beta) {
  runRowsWith(rows, kc, a, OffsetRows{b, offsets}, c, ldc, beta);
}

// runInPlaceA (MicroKernel): runTileOf with op(A)'s 6 rows broadcast from where they lie (inPlaceSteps).
#if NW_AVX2_INPLACE_A
void runInPlaceAAvx2(int kc, const float* a, std::ptrdiff_t lda, const float* b, float* c, std::ptrdiff_t ldc,
                     float beta) {
  runTileOf<PackedRows, false, false, true>(kc, a, PackedRows{b}, c, ldc, beta, nullptr, lda);
}
#endif

// The peak probe: 12 chains of 8 lanes, x = x * m + a (converging to 1: no overflow, no denormals).
double fmaLoopAvx2(std::int64_t iterations, float* sink) {
  const __m256 m = _mm256_set1_ps(0.999f);
  const __m256 a = _mm256_set1_ps(0.001f);
  __m256 x[12];
  for (int c = 0; c < 12; ++c) x[c] = _mm256_set1_ps(static_cast<float>(c));
  for (std::int64_t it = 0; it < iterations; ++it) {
    for (int c = 0; c < 12; ++c) x[c] = _mm256_fmadd_ps(x[c], m, a);
  }
  __m256 sum = x[0];
  for (int c = 1; c < 12; ++c) sum = _mm256_add_ps(sum, x[c]);
  *sink = _mm256_cvtss_f32(sum);
  return static_cast<double>(iterations) * 12 * 8 * 2;
}

// Rows lo and hi's 4 floats at k side by side: [lo[k..k+3] | hi[k..k+3]].
inline __m256 loadPair(const float* lo, const float* hi) {
  return _mm256_insertf128_ps(_mm256_castps128_ps256(_mm_loadu_ps(lo)), _mm_loadu_ps(hi), 1);
}

// A 4 k x 8 row transpose: rows r, r + ld, ..., r + 7 ld at k .. k + 3 in, each k's 8 values stored whole at
// out + k * pitch. The rows are loaded as pairs (i, i + 4) of 128-bit halves, so that two unpacks and two shuffles
// per output put every value in place without crossing 128-bit lanes: 16 shuffles per 8 x 8 block instead of the
// 24 of an 8 x 8 register transpose, and a 784 x 512 weight packs in 34 us from L1 instead of 49. storeTransposed
// takes the rows' pairs (0, 4), (1, 5), (2, 6), (3, 7) as loadPair gives them.
inline void storeTransposed(__m256 a0, __m256 a1, __m256 a2, __m256 a3, float* out, std::ptrdiff_t pitch) {
  const __m256 t0 = _mm256_unpacklo_ps(a0, a1), t1 = _mm256_unpackhi_ps(a0, a1);
  const __m256 t2 = _mm256_unpacklo_ps(a2, a3), t3 = _mm256_unpackhi_ps(a2, a3);
  _mm256_storeu_ps(out, _mm256_shuffle_ps(t0, t2, 0x44));
  _mm256_storeu_ps(out + pitch, _mm256_shuffle_ps(t0, t2, 0xEE));
  _mm256_storeu_ps(out + 2 * pitch, _mm256_shuffle_ps(t1, t3, 0x44));
  _mm256_storeu_ps(out + 3 * pitch, _mm256_shuffle_ps(t1, t3, 0xEE));
}

inline void transposeQuad(const float* r, std::ptrdiff_t ld, float* out, std::ptrdiff_t pitch) {
  storeTransposed(loadPair(r, r + 4 * ld), loadPair(r + ld, r + 5 * ld), loadPair(r + 2 * ld, r + 6 * ld),
                  loadPair(r + 3 * ld, r + 7 * ld), out, pitch);
}

// One WIDTH-column op(B) panel from WIDTH rows of B (see MicroKernel::transposePanel; 16 for this kernel, 32 for the
// AVX-512 one): 8 rows x 4 k at a time (transposeQuad), a depth not a multiple of 4 ending one k at a time. No software
// prefetches: the hardware's streams do better (512 x 784 from L3: 42 us against 50 with them).
template <int WIDTH>
void transposeColumns(const float* src, std::ptrdiff_t ld, std::int64_t depth, float* out) {
  const std::int64_t depth4 = depth & ~std::int64_t{3};
  for (int part = 0; part < WIDTH / 8; ++part) {
    const float* r = src + part * 8 * ld;
    float* o = out + part * 8;
    for (std::int64_t k = 0; k < depth4; k += 4) transposeQuad(r + k, ld, o + k * WIDTH, WIDTH);
    for (std::int64_t k = depth4; k < depth; ++k) {
      for (int i = 0; i < 8; ++i) o[k * WIDTH + i] = r[i * ld + k];
    }
  }
}

void transposePanelAvx2(const float* src, std::ptrdiff_t ld, std::int64_t depth, float* out) {
  transposeColumns<16>(src, ld, depth, out);
}

// One 6-row op(A) micro-panel from 6 rows of A (see MicroKernel::packPanelA): 4 k at a time, rows (0, 4), (1, 5),
// (2, zero) and (3, zero) loaded as pairs of 128-bit halves (times scale) and put in place by two unpacks and two
// shuffles per k, as in transposeQuad; each k's 6 values are stored as 8 floats at out + 6 k, the 2 extra ones
// overwritten by the next k's store (the depth's last k stores 4 + 2, so nothing is written past the panel).
void packPanelAAvx2(const float* src, std::ptrdiff_t ld, std::int64_t depth, float* out, float scale) {
  const __m256 s = _mm256_set1_ps(scale);
  const __m128 zero = _mm_setzero_ps();
  const std::int64_t depth4 = depth & ~std::int64_t{3};
  for (std::int64_t k = 0; k < depth4; k += 4) {
    const float* r = src + k;
    const __m256 a0 = _mm256_mul_ps(loadPair(r, r + 4 * ld), s);
    const __m256 a1 = _mm256_mul_ps(loadPair(r + ld, r + 5 * ld), s);
    const __m256 a2 = _mm256_mul_ps(_mm256_set_m128(zero, _mm_loadu_ps(r + 2 * ld)), s);
    const __m256 a3 = _mm256_mul_ps(_mm256_set_m128(zero, _mm_loadu_ps(r + 3 * ld)), s);
    const __m256 t0 = _mm256_unpacklo_ps(a0, a1), t1 = _mm256_unpackhi_ps(a0, a1);
    const __m256 t2 = _mm256_unpacklo_ps(a2, a3), t3 = _mm256_unpackhi_ps(a2, a3);
    float* o = out + k * 6;
    _mm256_storeu_ps(o, _mm256_shuffle_ps(t0, t2, 0x44));
    _mm256_storeu_ps(o + 6, _mm256_shuffle_ps(t0, t2, 0xEE));
    _mm256_storeu_ps(o + 12, _mm256_shuffle_ps(t1, t3, 0x44));
    const __m256 last = _mm256_shuffle_ps(t1, t3, 0xEE);
    if (k + 4 < depth) {
      _mm256_storeu_ps(o + 18, last);
    } else {
      _mm_storeu_ps(o + 18, _mm256_castps256_ps128(last));
      _mm_storel_pi(reinterpret_cast<__m64*>(o + 22), _mm256_extractf128_ps(last, 1));
    }
  }
  for (std::int64_t k = depth4; k < depth; ++k) {
    for (int i = 0; i < 6; ++i) out[k * 6 + i] = scale * src[i * ld + k];
  }
}

}  // namespace

// The AVX-512 kernel's packing (avx2_packing.hpp): its 32-column op(B) panels are four 8-row transposes side by side,
// and its 8-row op(A) panels one, scaled (transposeQuad's shuffles after the scaling multiply, so the same products).
void transposePanel32Avx2(const float* src, std::ptrdiff_t ld, std::int64_t depth, float* out) {
  transposeColumns<32>(src, ld, depth, out);
}

void packPanelA8Avx2(const float* src, std::ptrdiff_t ld, std::int64_t depth, float* out, float scale) {
  const __m256 s = _mm256_set1_ps(scale);
  const std::int64_t depth4 = depth & ~std::int64_t{3};
  for (std::int64_t k = 0; k < depth4; k += 4) {
    const float* r = src + k;
    storeTransposed(_mm256_mul_ps(loadPair(r, r + 4 * ld), s), _mm256_mul_ps(loadPair(r + ld, r + 5 * ld), s),
                    _mm256_mul_ps(loadPair(r + 2 * ld, r + 6 * ld), s),
                    _mm256_mul_ps(loadPair(r + 3 * ld, r + 7 * ld), s), out + k * 8, 8);
  }
  for (std::int64_t k = depth4; k < depth; ++k) {
    for (int i = 0; i < 8; ++i) out[k * 8 + i] = scale * src[i * ld + k];
  }
}

extern const MicroKernel kGemmAvx2 = {"avx2",
                                      6,
                                      16,
                                      144,
                                      256,
                                      3072,
                                      runAvx2,
                                      runRowsAvx2,
                                      dotRowsAvx2,
                                      axpyRowsAvx2,
                                      fmaLoopAvx2,
                                      transposePanelAvx2,
                                      runOffsetsAvx2,
                                      runRowsOffsetsAvx2,
                                      runReluAvx2,
                                      runBiasAvx2,
                                      packPanelAAvx2,
#if NW_AVX2_INPLACE_A
                                      runInPlaceAAvx2,
#else
                                      nullptr,
#endif
                                      nullptr,
                                      nullptr};

}  // namespace nw
