// A portable stand-in for the AVX-512 intrinsics ukernel_avx512.cpp uses, so the 8x32 microkernel and the driver's
// MR=8 / NR=32 paths run (slowly) on a CPU without AVX-512: scripts/test-native-emulated.mjs. fmadd rounds once.
#pragma once
#include <cmath>
struct __m512 {
  float v[16];
};
inline __m512 _mm512_setzero_ps() {
  __m512 r;
  for (int i = 0; i < 16; ++i) r.v[i] = 0.0f;
  return r;
}
inline __m512 _mm512_set1_ps(float x) {
  __m512 r;
  for (int i = 0; i < 16; ++i) r.v[i] = x;
  return r;
}
inline __m512 _mm512_loadu_ps(const void* p) {
  __m512 r;
  for (int i = 0; i < 16; ++i) r.v[i] = static_cast<const float*>(p)[i];
  return r;
}
inline __m512 _mm512_load_ps(const void* p) {
  if (reinterpret_cast<unsigned long>(p) % 64 != 0) __builtin_trap();  // the real load faults on misalignment
  return _mm512_loadu_ps(p);
}
inline void _mm512_storeu_ps(void* p, __m512 a) {
  for (int i = 0; i < 16; ++i) static_cast<float*>(p)[i] = a.v[i];
}
inline __m512 _mm512_add_ps(__m512 a, __m512 b) {
  for (int i = 0; i < 16; ++i) a.v[i] += b.v[i];
  return a;
}
typedef unsigned short __mmask16;
// max gives its second operand unless the first is greater (a NaN or equal zeros give the second), as the instruction
// does; lanes whose mask bit is clear are zero.
inline __m512 _mm512_maskz_max_ps(__mmask16 mask, __m512 a, __m512 b) {
  for (int i = 0; i < 16; ++i) a.v[i] = (mask >> i & 1) == 0 ? 0.0f : (a.v[i] > b.v[i] ? a.v[i] : b.v[i]);
  return a;
}
// A masked load reads only the lanes whose bit is set (the others may lie past the end of an array), zero elsewhere.
inline __m512 _mm512_maskz_loadu_ps(__mmask16 mask, const void* p) {
  __m512 r;
  for (int i = 0; i < 16; ++i) r.v[i] = (mask >> i & 1) == 0 ? 0.0f : static_cast<const float*>(p)[i];
  return r;
}
// a + b where the mask bit is set, src elsewhere.
inline __m512 _mm512_mask_add_ps(__m512 src, __mmask16 mask, __m512 a, __m512 b) {
  for (int i = 0; i < 16; ++i) src.v[i] = (mask >> i & 1) == 0 ? src.v[i] : a.v[i] + b.v[i];
  return src;
}
// A masked store writes only the lanes whose bit is set.
inline void _mm512_mask_storeu_ps(void* p, __mmask16 mask, __m512 a) {
  for (int i = 0; i < 16; ++i) {
    if ((mask >> i & 1) != 0) static_cast<float*>(p)[i] = a.v[i];
  }
}
// 128-bit chunks: a's at imm bits 0-1 and 2-3, then b's at bits 4-5 and 6-7; zero where the mask bit is clear.
inline __m512 _mm512_maskz_shuffle_f32x4(__mmask16 mask, __m512 a, __m512 b, int imm) {
  __m512 r;
  for (int q = 0; q < 4; ++q) {
    const __m512& from = q < 2 ? a : b;
    const int chunk = imm >> (2 * q) & 3;
    for (int i = 0; i < 4; ++i) r.v[4 * q + i] = (mask >> (4 * q + i) & 1) == 0 ? 0.0f : from.v[4 * chunk + i];
  }
  return r;
}
// Within each 128-bit chunk: a's lanes at imm bits 0-1 and 2-3, then b's at bits 4-5 and 6-7.
inline __m512 _mm512_shuffle_ps(__m512 a, __m512 b, int imm) {
  __m512 r;
  for (int q = 0; q < 4; ++q) {
    for (int i = 0; i < 4; ++i) r.v[4 * q + i] = (i < 2 ? a : b).v[4 * q + (imm >> (2 * i) & 3)];
  }
  return r;
}
inline float _mm512_cvtss_f32(__m512 a) { return a.v[0]; }
#define _MM_SHUFFLE(z, y, x, w) (((z) << 6) | ((y) << 4) | ((x) << 2) | (w))
inline __m512 _mm512_fmadd_ps(__m512 a, __m512 b, __m512 c) {
  for (int i = 0; i < 16; ++i) c.v[i] = std::fma(a.v[i], b.v[i], c.v[i]);
  return c;
}
#define _MM_HINT_T0 0
inline void _mm_prefetch(const char*, int) {}
