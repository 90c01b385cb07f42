// A dense layer's weight packed once into the GEMM's op(B) panel layout (GemmProblem::packedB) for eval-mode
// forwards: JS holds one handle per layer, and the packing is redone only when the model's weights version moves.
#pragma once

#include <napi.h>

#include <cstddef>
#include <cstdint>
#include <memory>

#include "args.hpp"

namespace nw {

/**
 * op(B) = weight^T for weight [N, K] (row-major, a dense layer's [out, in]) in panel layout: panel q holds columns
 * [q*nr, q*nr + nr) at q*nr*K, (k, c) at [k*nr + c], zero past N, 64-byte aligned. Remembers which weight buffer,
 * shape and weights version it was packed from, so it is reused only for exactly those.
 */
class PackedWeights {
 public:
  /**
   * The panels of `weight` [N, K] as of `version`: reused when the same buffer, shape and version were packed last,
   * otherwise packed now on the pool (call with a KernelScope open). The allocation is kept for the next repack of
   * the same shape and replaced when the shape changes, its size reported to V8 as external memory.
   */
  const float* panelsFor(Napi::Env env, const float* weight, std::int64_t N, std::int64_t K, std::int64_t version);
  /** Bytes held now (0 until first packed). */
  std::size_t bytes() const { return bytes_; }

 private:
  struct AlignedFree {
    void operator()(float* p) const;
  };
  std::unique_ptr<float[], AlignedFree> panels_;
  std::size_t bytes_ = 0;
  const float* source_ = nullptr;
  std::int64_t N_ = -1, K_ = -1;
  std::int64_t version_ = -1;  // versions are non-negative: -1 never matches
};

/** Argument i as a handle made by packedWeights(), or nullptr for null/undefined; anything else throws. */
PackedWeights* packedWeightsOrNull(const Args& args, const Napi::Value& value, const char* name);

}  // namespace nw
