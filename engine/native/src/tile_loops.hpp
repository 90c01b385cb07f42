// NW_TILE_LOOP, before a loop over a register tile's rows or columns (a count known at compile time), has GCC unroll
// it whole, so that an array of accumulators indexed by it is kept in registers. Without it GCC kept such arrays in
// memory in the loops around them and stored every accumulator on each pass over k: 8 stores for the 8 FMAs of
// small_rows_avx2.cpp's 2 x 4 axpy tile, 24 per row of dy in conv_dot_avx512.cpp's 4 x 6 block. Clang reads the same
// pragma; other compilers get nothing.
#pragma once

#if defined(__GNUC__)
#define NW_TILE_LOOP _Pragma("GCC unroll 16")
#else
#define NW_TILE_LOOP
#endif
