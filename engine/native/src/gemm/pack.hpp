// Packing op(A) and op(B) into the microkernel's micro-panels, for gemm.cpp only. When a panel's rows (of A) or
// columns (of op(B) = B^T) are contiguous in k in memory, packing is a transpose: it goes through 4 x 4 blocks in
// SSE registers (4 source rows, 4 consecutive k) instead of gathering one float from each of 16 strided rows per k.
// Compiled with the addon's baseline flags (SSE2 on x64): this header is not included by the ISA libraries.
#pragma once

#include <algorithm>
#include <cstdint>

#include "gemm/gemm.hpp"

#if defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
#include <emmintrin.h>
#define NW_PACK_SSE 1
#endif

#if defined(_MSC_VER) && !defined(__clang__)
#if defined(NW_PACK_SSE)
#define NW_PREFETCH(address) _mm_prefetch(reinterpret_cast<const char*>(address), _MM_HINT_T0)
#else
#define NW_PREFETCH(address) ((void)0)
#endif
#else
#define NW_PREFETCH(address) __builtin_prefetch(address)
#endif
// Into L2 (and L3) only, for data needed after what is in L1 now.
#if defined(_MSC_VER) && !defined(__clang__)
#if defined(NW_PACK_SSE)
#define NW_PREFETCH_L2(address) _mm_prefetch(reinterpret_cast<const char*>(address), _MM_HINT_T1)
#else
#define NW_PREFETCH_L2(address) ((void)0)
#endif
#else
#define NW_PREFETCH_L2(address) __builtin_prefetch(address, 0, 2)
#endif

namespace nw {
namespace pack {

// How far ahead (in floats) along a source row the packing loops prefetch: a few lines in front of the reads,
// so that a B streamed from memory has misses in flight on every row.
#ifndef NW_PACK_AHEAD
#define NW_PACK_AHEAD 64
#endif
constexpr int64_t kAhead = NW_PACK_AHEAD;

using std::int64_t;

/**
 * out[k * width + r] = scale * rows[r][k] for r < count, k < depth, where rows[r] = src + r * ld (contiguous in k).
 * `width` is the panel's row pitch (MR or NR); count <= width. Entries r >= count are left alone.
 */
inline void transposeRows(const float* src, int64_t ld, int count, int64_t depth, float* out, int width, float scale) {
  int done = 0;  // rows handled by the vector code
#if defined(NW_PACK_SSE)
  const __m128 s = _mm_set1_ps(scale);
  const int64_t depth4 = depth & ~int64_t{3};
  // Four rows at a time over the whole depth, each 4 k x 4 rows block transposed in registers and written whole.
  // One group's four row pointers and the output pointer are all the loop keeps in registers: advancing every row
  // of a 16-wide panel together (as this once did) spilled them, and packing took a fifth of a 64-row product.
  for (; done + 4 <= count; done += 4) {
    const float* r0 = src + done * ld;
    const float* r1 = r0 + ld;
    const float* r2 = r1 + ld;
    const float* r3 = r2 + ld;
    float* o = out + done;
    for (int64_t k = 0; k < depth4; k += 4, o += 4 * width) {
      if ((k & 15) == 0) {
        // One line (16 floats) per row per 16 k, a few lines ahead, so a B streamed from memory has misses in flight.
        NW_PREFETCH(r0 + k + kAhead);
        NW_PREFETCH(r1 + k + kAhead);
        NW_PREFETCH(r2 + k + kAhead);
        NW_PREFETCH(r3 + k + kAhead);
      }
      __m128 a = _mm_mul_ps(_mm_loadu_ps(r0 + k), s);
      __m128 b = _mm_mul_ps(_mm_loadu_ps(r1 + k), s);
      __m128 c = _mm_mul_ps(_mm_loadu_ps(r2 + k), s);
      __m128 d = _mm_mul_ps(_mm_loadu_ps(r3 + k), s);
      _MM_TRANSPOSE4_PS(a, b, c, d);
      _mm_storeu_ps(o, a);
      _mm_storeu_ps(o + width, b);
      _mm_storeu_ps(o + 2 * width, c);
      _mm_storeu_ps(o + 3 * width, d);
    }
    for (int64_t k = depth4; k < depth; ++k) {
      float* ok = out + k * width + done;
      ok[0] = scale * r0[k];
      ok[1] = scale * r1[k];
      ok[2] = scale * r2[k];
      ok[3] = scale * r3[k];
    }
  }
  if (done + 2 <= count) {
    // 2 rows (the tail of a 6-row panel): interleaved, 2 floats per k.
    const float* r0 = src + done * ld;
    const float* r1 = r0 + ld;
    float* o = out + done;
    for (int64_t k = 0; k < depth4; k += 4, o += 4 * width) {
      const __m128 a = _mm_mul_ps(_mm_loadu_ps(r0 + k), s);
      const __m128 b = _mm_mul_ps(_mm_loadu_ps(r1 + k), s);
      const __m128 lo = _mm_unpacklo_ps(a, b);  // a0 b0 a1 b1
      const __m128 hi = _mm_unpackhi_ps(a, b);  // a2 b2 a3 b3
      _mm_storel_pi(reinterpret_cast<__m64*>(o), lo);
      _mm_storeh_pi(reinterpret_cast<__m64*>(o + width), lo);
      _mm_storel_pi(reinterpret_cast<__m64*>(o + 2 * width), hi);
      _mm_storeh_pi(reinterpret_cast<__m64*>(o + 3 * width), hi);
    }
    for (int64_t k = depth4; k < depth; ++k) {
      out[k * width + done] = scale * r0[k];
      out[k * width + done + 1] = scale * r1[k];
    }
    done += 2;
  }
#endif
  // What is left (all rows without SSE): blocks of 8 k per row keep the reads of each row sequential.
  for (int64_t k0 = 0; done < count && k0 < depth; k0 += 8) {
    const int64_t k1 = std::min<int64_t>(depth, k0 + 8);
    for (int i = done; i < count; ++i) {
      const float* row = src + i * ld;
      for (int64_t k = k0; k < k1; ++k) out[k * width + i] = scale * row[k];
    }
  }
}

/**
 * The copying case: out holds ceil(count / W) panels of W columns, panel q at out + q * W * depth with
 * element [k * W + c] = scale * src[k * ld + q * W + c], columns past `count` zero. Goes through k in chunks of 8
 * with all panels inside a chunk: the source is read as 8 parallel sequential row streams, and each panel gets
 * 8 x W contiguous floats at a time. (Panel by panel over all k instead reads one 64-byte piece per row, strided,
 * which defeats the prefetchers: 2x slower when B comes from memory, e.g. 512 x 784 in 480 us instead of 220.)
 */
template <int W>
void copyPanels(const float* src, int64_t ld, int64_t count, int64_t depth, float* out, float scale) {
  constexpr int64_t kChunk = 8;
  for (int64_t k0 = 0; k0 < depth; k0 += kChunk) {
    const int64_t k1 = std::min<int64_t>(depth, k0 + kChunk);
    for (int64_t q = 0; q < count; q += W) {
      const int cols = static_cast<int>(std::min<int64_t>(W, count - q));
      float* panel = out + q * depth;
      if (cols == W) {
        for (int64_t k = k0; k < k1; ++k) {
          for (int c = 0; c < W; ++c) panel[k * W + c] = scale * src[k * ld + q + c];
        }
      } else {
        for (int64_t k = k0; k < k1; ++k) {
          for (int c = 0; c < W; ++c) panel[k * W + c] = c < cols ? scale * src[k * ld + q + c] : 0.0f;
        }
      }
    }
  }
}

/**
 * The rows of the register tile that starts `left` rows before the end of a row block: MR, or fewer for the block's
 * last rows. With partial-row tiles (MicroKernel::runRows) a block ending in MR + 1 to MR + 4 rows ends in two
 * tiles of nearly half as many rows each (6-row tiles: 7 = 4 + 3, 8 = 4 + 4, 9 = 5 + 4, 10 = 5 + 5 instead of 6 + 1
 * ... 6 + 4): a 3- or 4-row tile has too few accumulator chains for the FMA latency and takes as long as a 5-row one
 * (64 = 9 x 6 + 5 + 5 is 1.4 % faster than 10 x 6 + 4), and 4 + 4 no longer than 6 + 2. Tiles of 3 to 5 rows sum in
 * a whole tile's order, so every row of a product with M >= 3 does (1- and 2-row tiles sum even and odd k apart, see
 * ukernel_avx2.cpp): its bits are those of the same row computed anywhere in a whole tile, which the x W^T path
 * (gemm/weight_rows.cpp, rows of C as a tile's columns) relies on. Blocks of a thread's share that end before the
 * last row of C have a multiple of MR rows: the tiles depend on M only.
 */
template <int MR>
int tileRows(int64_t left, bool partialTiles) {
  if (left >= 2 * MR) return MR;
  if (partialTiles && left > MR && left - MR <= MR - 2) return static_cast<int>((left + 1) / 2);
  return static_cast<int>(std::min<int64_t>(MR, left));
}

// Rows [i0, i0 + mc) x depth [p0, p0 + kc) of alpha * op(A) into micro-panels of MR rows, one per register tile
// (tileRows): the panel of the tile starting at row i0 + r is at [t * MR * kc] for the block's t-th tile, with
// element (i0 + r + s, p0 + k) at [t * MR * kc + k * MR + s]; a panel's rows past its tile's are zero.
template <int MR>
void packA(const GemmProblem& p, int64_t i0, int64_t mc, int64_t p0, int64_t kc, float* out, bool partialTiles) {
  if (p.transA) {
    // A is [K, M]: for each k the panels' rows are contiguous. Whole panels in one pass (8 parallel row streams);
    // a block ending in two split tiles packs those one at a time.
    int64_t whole = mc;
    if (mc > MR && mc % MR != 0 && tileRows<MR>(MR + mc % MR, partialTiles) != MR) whole = mc - MR - mc % MR;
    copyPanels<MR>(p.A + p0 * p.lda + i0, p.lda, whole, kc, out, p.alpha);
    for (int64_t r = whole; r < mc;) {
      const int rows = tileRows<MR>(mc - r, partialTiles);
      copyPanels<MR>(p.A + p0 * p.lda + i0 + r, p.lda, rows, kc, out + (r == whole ? whole : whole + MR) * kc, p.alpha);
      r += rows;
    }
    return;
  }
  // A is [M, K]: each row is contiguous in k, so this is a transpose. Rows past the block are zero.
  const auto wide = gemmKernel().packPanelA;
  for (int64_t q = 0, t = 0; q < mc; ++t) {
    const int rows = tileRows<MR>(mc - q, partialTiles);
    float* panel = out + t * MR * kc;
    q += rows;
    const int64_t first = q - rows;
    if (rows == MR && wide != nullptr) {
      wide(p.A + (i0 + first) * p.lda + p0, static_cast<std::ptrdiff_t>(p.lda), kc, panel, p.alpha);
      continue;
    }
    if (rows < MR) std::fill(panel, panel + MR * kc, 0.0f);
    transposeRows(p.A + (i0 + first) * p.lda + p0, p.lda, rows, kc, panel, MR, p.alpha);
  }
}

// Depth [p0, p0 + kc) x columns [j0, j0 + nc) of op(B) into micro-panels of NR columns: panel q holds element
// (p0 + k, j0 + q*NR + c) at [q * NR * kc + k * NR + c]; columns past the block are zero.
template <int NR>
void packB(const GemmProblem& p, int64_t j0, int64_t nc, int64_t p0, int64_t kc, float* out) {
  if (!p.transB) {
    // B is [K, N]: each k's NR columns are contiguous.
    copyPanels<NR>(p.B + p0 * p.ldb + j0, p.ldb, nc, kc, out, 1.0f);
    return;
  }
  // B is [N, K]: each column of op(B) is a contiguous row of B, so this is a transpose.
  const auto wide = gemmKernel().transposePanel;
  for (int64_t q = 0; q < nc; q += NR) {
    const int cols = static_cast<int>(std::min<int64_t>(NR, nc - q));
    float* panel = out + q * kc;
    if (cols == NR && wide != nullptr) {
      wide(p.B + (j0 + q) * p.ldb + p0, static_cast<std::ptrdiff_t>(p.ldb), kc, panel);
      continue;
    }
    if (cols < NR) std::fill(panel, panel + NR * kc, 0.0f);
    transposeRows(p.B + (j0 + q) * p.ldb + p0, p.ldb, cols, kc, panel, NR, 1.0f);
  }
}

}  // namespace pack
}  // namespace nw
