// The counter-based generator behind dropout: uniform(seed, stream, i) is a pure function of its arguments, so a
// mask is the same for any thread count and can be recomputed. engine/native/reference.ts mirrors it exactly.
//   fmix32: MurmurHash3's finalizer; key = fmix32(fmix32(seed) + 0x9E3779B9 * (stream + 1));
//   bits(i) = fmix32(fmix32(i ^ key) + key); uniform = (bits >> 8) / 2^24 in [0, 1). All arithmetic mod 2^32.
#pragma once

#include <cstdint>

namespace nw {

inline std::uint32_t fmix32(std::uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

inline std::uint32_t dropoutKey(std::uint32_t seed, std::uint32_t stream) {
  return fmix32(fmix32(seed) + 0x9e3779b9u * (stream + 1u));
}

/** 24 random bits for element i; element i is kept when bits / 2^24 >= p. */
inline std::uint32_t dropoutBits(std::uint32_t key, std::uint32_t i) { return fmix32(fmix32(i ^ key) + key) >> 8; }

}  // namespace nw
