// Reductions whose result does not depend on the thread count: the range is cut into fixed chunks of
// kReduceChunk elements, each chunk summed in order in double, and the chunk sums added in chunk order.
#pragma once

#include <cstddef>

#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {

constexpr std::size_t kReduceChunk = 4096;

/** chunkSum(begin, end) -> double must sum its range in index order. Call with a KernelScope open. */
template <class ChunkSum>
double orderedSum(std::size_t count, const ChunkSum& chunkSum) {
  const std::size_t chunks = (count + kReduceChunk - 1) / kReduceChunk;
  if (chunks == 0) return 0.0;
  double* partials = sharedScratch(Shared::Partials).reserve<double>(chunks);
  parallelRange(chunks, 8.0, [&](std::size_t first, std::size_t last) {
    for (std::size_t chunk = first; chunk < last; ++chunk) {
      const std::size_t begin = chunk * kReduceChunk;
      const std::size_t end = begin + kReduceChunk < count ? begin + kReduceChunk : count;
      partials[chunk] = chunkSum(begin, end);
    }
  });
  double total = 0.0;
  for (std::size_t chunk = 0; chunk < chunks; ++chunk) total += partials[chunk];
  return total;
}

}  // namespace nw
