// Sums of float terms in double with eight interleaved accumulators: the order depends on the length only (so it is
// the same for any thread count), and the additions do not form one long dependency chain.
#pragma once

#include <cstddef>

namespace nw {

/** sum over i in [0, n) of term(i), accumulated in double. */
template <class Term>
double interleavedSum(std::size_t n, const Term& term) {
  double lane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    for (std::size_t l = 0; l < 8; ++l) lane[l] += static_cast<double>(term(i + l));
  }
  for (std::size_t l = 0; i < n; ++i, ++l) lane[l] += static_cast<double>(term(i));
  return ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
}

}  // namespace nw
