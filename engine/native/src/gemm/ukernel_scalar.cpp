// Portable 4x8 SGEMM microkernel: plain loops over a small accumulator array that the compiler keeps in vector
// registers at the baseline ISA (SSE2 on x64). Used when nothing better is available or NETWRIGHT_ISA=scalar.
#include "gemm/microkernel.hpp"
#include "gemm/small_rows_kernels.hpp"

namespace nw {
namespace {

constexpr int kRows = 4;
constexpr int kCols = 8;

void runScalar(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, float beta) {
  float acc[kRows][kCols] = {};
  for (int k = 0; k < kc; ++k) {
    const float* ak = a + k * kRows;
    const float* bk = b + k * kCols;
    for (int i = 0; i < kRows; ++i) {
      for (int j = 0; j < kCols; ++j) acc[i][j] += ak[i] * bk[j];
    }
  }
  for (int i = 0; i < kRows; ++i) {
    float* row = c + i * ldc;
    if (beta == 0.0f) {
      for (int j = 0; j < kCols; ++j) row[j] = acc[i][j];
    } else if (beta == 1.0f) {
      for (int j = 0; j < kCols; ++j) row[j] += acc[i][j];
    } else {
      for (int j = 0; j < kCols; ++j) row[j] = beta * row[j] + acc[i][j];
    }
  }
}

// The peak probe: 12 chains of 4 lanes (what the baseline vectorizes), x = x * m + a (a multiply and an add).
double fmaLoopScalar(std::int64_t iterations, float* sink) {
  float x[12][4];
  for (int c = 0; c < 12; ++c) {
    for (int l = 0; l < 4; ++l) x[c][l] = static_cast<float>(c);
  }
  for (std::int64_t it = 0; it < iterations; ++it) {
    for (int c = 0; c < 12; ++c) {
      for (int l = 0; l < 4; ++l) x[c][l] = x[c][l] * 0.999f + 0.001f;
    }
  }
  float sum = 0.0f;
  for (int c = 0; c < 12; ++c) sum += x[c][0];
  *sink = sum;
  return static_cast<double>(iterations) * 12 * 4 * 2;
}

}  // namespace

extern const MicroKernel kGemmScalar = {
    "scalar",      kRows,   kCols,   128,     256,     2048,    runScalar, nullptr, dotRowsScalar, axpyRowsScalar,
    fmaLoopScalar, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,   nullptr, nullptr,       nullptr};

}  // namespace nw
