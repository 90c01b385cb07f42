// The division- and square-root-bound optimizer rules of optimizer_rules.hpp, 8 floats at a time in AVX2 (Adam on
// 670k parameters: 0.63 -> 0.33 ms on one Zen 3 core). Each lane computes exactly the portable loop's float
// operations in its order; this library is compiled with -mavx2 -ffp-contract=off so that no multiply and add are
// fused (GCC would fuse even these intrinsics), which keeps the bits of ops/optimizers.cpp. The last count % 8
// elements go through the same expressions in scalar code.
#include <immintrin.h>

#include <cmath>

#include "ops/optimizer_rules.hpp"

namespace nw {

void adagradRangeAvx2(const AdagradRule& r, float* w, const float* g, float* sum, std::size_t begin, std::size_t end) {
  const __m256 lr = _mm256_set1_ps(r.lr), eps = _mm256_set1_ps(r.eps), decay = _mm256_set1_ps(r.weightDecay);
  std::size_t i = begin;
  for (; i + 8 <= end; i += 8) {
    const __m256 weight = _mm256_loadu_ps(w + i);
    const __m256 grad = _mm256_add_ps(_mm256_loadu_ps(g + i), _mm256_mul_ps(decay, weight));
    const __m256 total = _mm256_add_ps(_mm256_loadu_ps(sum + i), _mm256_mul_ps(grad, grad));
    _mm256_storeu_ps(sum + i, total);
    const __m256 step = _mm256_div_ps(grad, _mm256_add_ps(_mm256_sqrt_ps(total), eps));
    _mm256_storeu_ps(w + i, _mm256_sub_ps(weight, _mm256_mul_ps(lr, step)));
  }
  for (; i < end; ++i) {
    const float grad = g[i] + r.weightDecay * w[i];
    const float total = sum[i] + grad * grad;
    sum[i] = total;
    w[i] -= r.lr * (grad / (std::sqrt(total) + r.eps));
  }
}

void rmspropRangeAvx2(const RmspropRule& r, float* w, const float* g, float* v, float* buf, std::size_t begin,
                      std::size_t end) {
  const __m256 lr = _mm256_set1_ps(r.lr), alpha = _mm256_set1_ps(r.alpha), rest = _mm256_set1_ps(r.oneMinusAlpha);
  const __m256 eps = _mm256_set1_ps(r.eps), momentum = _mm256_set1_ps(r.momentum);
  const __m256 decay = _mm256_set1_ps(r.weightDecay);
  const bool withMomentum = r.momentum > 0.0f;
  std::size_t i = begin;
  for (; i + 8 <= end; i += 8) {
    const __m256 weight = _mm256_loadu_ps(w + i);
    const __m256 grad = _mm256_add_ps(_mm256_loadu_ps(g + i), _mm256_mul_ps(decay, weight));
    // alpha v + (1 - alpha) grad grad, the products left to right as in the portable loop.
    const __m256 average =
        _mm256_add_ps(_mm256_mul_ps(alpha, _mm256_loadu_ps(v + i)), _mm256_mul_ps(_mm256_mul_ps(rest, grad), grad));
    _mm256_storeu_ps(v + i, average);
    const __m256 scaled = _mm256_div_ps(grad, _mm256_add_ps(_mm256_sqrt_ps(average), eps));
    if (withMomentum) {
      const __m256 velocity = _mm256_add_ps(_mm256_mul_ps(momentum, _mm256_loadu_ps(buf + i)), scaled);
      _mm256_storeu_ps(buf + i, velocity);
      _mm256_storeu_ps(w + i, _mm256_sub_ps(weight, _mm256_mul_ps(lr, velocity)));
    } else {
      _mm256_storeu_ps(w + i, _mm256_sub_ps(weight, _mm256_mul_ps(lr, scaled)));
    }
  }
  for (; i < end; ++i) {
    const float grad = g[i] + r.weightDecay * w[i];
    const float average = r.alpha * v[i] + r.oneMinusAlpha * grad * grad;
    v[i] = average;
    if (withMomentum) {
      const float velocity = r.momentum * buf[i] + grad / (std::sqrt(average) + r.eps);
      buf[i] = velocity;
      w[i] -= r.lr * velocity;
    } else {
      w[i] -= r.lr * (grad / (std::sqrt(average) + r.eps));
    }
  }
}

void adamRangeAvx2(const AdamRule& r, float* w, const float* g, float* m, float* v, std::size_t begin,
                   std::size_t end) {
  const __m256 b1 = _mm256_set1_ps(r.b1), b2 = _mm256_set1_ps(r.b2);
  const __m256 rest1 = _mm256_set1_ps(r.oneMinusB1), rest2 = _mm256_set1_ps(r.oneMinusB2);
  const __m256 stepSize = _mm256_set1_ps(r.stepSize), root2 = _mm256_set1_ps(r.root2), eps = _mm256_set1_ps(r.eps);
  const __m256 decay = _mm256_set1_ps(r.coupledDecay), shrink = _mm256_set1_ps(r.shrink);
  std::size_t i = begin;
  for (; i + 8 <= end; i += 8) {
    const __m256 weight = _mm256_loadu_ps(w + i);
    const __m256 grad = _mm256_add_ps(_mm256_loadu_ps(g + i), _mm256_mul_ps(decay, weight));
    const __m256 first = _mm256_add_ps(_mm256_mul_ps(b1, _mm256_loadu_ps(m + i)), _mm256_mul_ps(rest1, grad));
    const __m256 second =
        _mm256_add_ps(_mm256_mul_ps(b2, _mm256_loadu_ps(v + i)), _mm256_mul_ps(_mm256_mul_ps(rest2, grad), grad));
    _mm256_storeu_ps(m + i, first);
    _mm256_storeu_ps(v + i, second);
    const __m256 denominator = _mm256_add_ps(_mm256_div_ps(_mm256_sqrt_ps(second), root2), eps);
    _mm256_storeu_ps(w + i, _mm256_sub_ps(_mm256_mul_ps(weight, shrink),
                                          _mm256_mul_ps(stepSize, _mm256_div_ps(first, denominator))));
  }
  for (; i < end; ++i) {
    const float weight = w[i];
    const float grad = g[i] + r.coupledDecay * weight;
    const float first = r.b1 * m[i] + r.oneMinusB1 * grad;
    const float second = r.b2 * v[i] + r.oneMinusB2 * grad * grad;
    m[i] = first;
    v[i] = second;
    w[i] = weight * r.shrink - r.stepSize * (first / (std::sqrt(second) / r.root2 + r.eps));
  }
}

}  // namespace nw
