// Vector implementations of fast_math.hpp with GCC/clang vector extensions (4 floats, any ISA: SSE2 on x64, NEON on
// arm64); MSVC falls back to the C library per element.
#include "ops/fast_math.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace nw {

#if defined(__GNUC__) || defined(__clang__)
namespace {

using Vf = float __attribute__((vector_size(16)));
using Vi = std::int32_t __attribute__((vector_size(16)));

inline Vf splat(float v) { return Vf{v, v, v, v}; }
inline Vf select(Vi mask, Vf a, Vf b) {
  return reinterpret_cast<Vf>((mask & reinterpret_cast<Vi>(a)) | (~mask & reinterpret_cast<Vi>(b)));
}

// e^x: x = n ln2 + r with |r| <= ln2/2, e^r by its Taylor polynomial to degree 7, times 2^n built from exponent bits
// in two factors 2^(n/2) 2^(n - n/2), each a normal float for n in [-150, 129].
inline Vf vexp(Vf x) {
  Vf c = select(x < splat(-104.0f), splat(-104.0f), x);  // beyond these bounds the result is 0 or inf anyway
  c = select(c > splat(89.0f), splat(89.0f), c);
  const Vf shifter = splat(12582912.0f);  // 1.5 * 2^23: adding and subtracting it rounds to an integer
  const Vf n = (c * splat(1.44269504088896341f) + shifter) - shifter;
  const Vf r = (c - n * splat(0.693145751953125f)) - n * splat(1.42860682030941723212e-6f);  // ln2 in two parts
  Vf p = splat(1.0f / 5040.0f);
  p = p * r + splat(1.0f / 720.0f);
  p = p * r + splat(1.0f / 120.0f);
  p = p * r + splat(1.0f / 24.0f);
  p = p * r + splat(1.0f / 6.0f);
  p = p * r + splat(0.5f);
  p = p * r + splat(1.0f);
  p = p * r + splat(1.0f);
  const Vi whole = __builtin_convertvector(n, Vi);
  const Vi half = whole >> 1;
  const Vf scale1 = reinterpret_cast<Vf>((half + 127) << 23);
  const Vf scale2 = reinterpret_cast<Vf>((whole - half + 127) << 23);
  return select(x != x, x, p * scale1 * scale2);
}

inline Vf vsigmoid(Vf x) { return splat(1.0f) / (splat(1.0f) + vexp(-x)); }

// tanh: an odd Taylor polynomial for |x| < 0.5, where 1 - 2 / (e^2|x| + 1) would cancel; that formula beyond.
inline Vf vtanh(Vf x) {
  const Vf magnitude = select(x < splat(0.0f), -x, x);
  const Vf x2 = x * x;
  Vf p = splat(-929569.0f / 638512875.0f);
  p = p * x2 + splat(21844.0f / 6081075.0f);
  p = p * x2 + splat(-1382.0f / 155925.0f);
  p = p * x2 + splat(62.0f / 2835.0f);
  p = p * x2 + splat(-17.0f / 315.0f);
  p = p * x2 + splat(2.0f / 15.0f);
  p = p * x2 + splat(-1.0f / 3.0f);
  const Vf small = x + x * x2 * p;
  const Vf large = splat(1.0f) - splat(2.0f) / (vexp(splat(2.0f) * magnitude) + splat(1.0f));
  const Vf signedLarge = select(x < splat(0.0f), -large, large);
  return select(magnitude < splat(0.5f), small, select(x != x, x, signedLarge));
}

template <class F>
void mapVectors(const float* in, float* out, std::size_t n, const F& f) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    Vf v;
    std::memcpy(&v, in + i, sizeof v);
    v = f(v);
    std::memcpy(out + i, &v, sizeof v);
  }
  if (i < n) {
    float padded[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    std::memcpy(padded, in + i, (n - i) * sizeof(float));
    Vf v;
    std::memcpy(&v, padded, sizeof v);
    v = f(v);
    std::memcpy(padded, &v, sizeof v);
    std::memcpy(out + i, padded, (n - i) * sizeof(float));
  }
}

}  // namespace

void expArray(const float* in, float* out, std::size_t n) {
  mapVectors(in, out, n, [](Vf v) { return vexp(v); });
}
void sigmoidArray(const float* in, float* out, std::size_t n) {
  mapVectors(in, out, n, [](Vf v) { return vsigmoid(v); });
}
void tanhArray(const float* in, float* out, std::size_t n) {
  mapVectors(in, out, n, [](Vf v) { return vtanh(v); });
}

#else

void expArray(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::exp(in[i]);
}
void sigmoidArray(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = 1.0f / (1.0f + std::exp(-in[i]));
}
void tanhArray(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::tanh(in[i]);
}

#endif

}  // namespace nw
