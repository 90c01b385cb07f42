// How a convolution's units of images are run (see conv.cpp): whole units per pool thread when there are enough of
// them, else one after the other with each unit's jobs and GEMMs spread over the pool. Either way a unit's code is
// the same, written against an executor (OnThread or OverPool), and gives the same bits.
#pragma once

#include <cstddef>

#include "gemm/gemm.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {

constexpr double kCopyGrain = 32.0 * 1024.0;      // floats moved per thread worth a wake-up
constexpr double kMultiplyGrain = 96.0 * 1024.0;  // multiply-adds per thread worth a wake-up

// How a unit's work runs: all on pool thread `ith` (inside a pool task), or spread over the pool (from the caller).
struct OnThread {
  int ith;
  template <class Job>
  void jobs(std::size_t count, double, const Job& job) const {
    job(std::size_t(0), count, ith);
  }
  void gemm(const GemmProblem& p) const { gemmSerial(p, ith); }
};
struct OverPool {
  template <class Job>
  void jobs(std::size_t count, double floatsPerJob, const Job& job) const {
    parallelFor(threadsFor(static_cast<double>(count) * floatsPerJob, kCopyGrain), [&](int ith, int nth) {
      const Range r = evenShare(count, ith, nth);
      job(r.begin, r.end, ith);
    });
  }
  void gemm(const GemmProblem& p) const { gemmParallel(p); }
};

// Threads worth using for `items` independent items (units or groups) of a convolution with `multiplies` in all:
// 1 means spread each item over the pool instead (too few items to share out evenly, or too little work).
inline int threadsForItems(std::size_t items, double multiplies) {
  const int nth = threadsFor(multiplies, kMultiplyGrain);
  if (nth <= 1) return 1;
  const auto n = static_cast<std::size_t>(nth);
  return items >= 2 * n || (items >= n && items % n == 0) ? nth : 1;
}

// Runs unit(exec, slot, u) for every unit: whole units per thread when there are enough, else one by one over the pool.
template <class Unit>
void forEachUnit(std::size_t units, double multiplies, const Unit& unit) {
  const int nth = threadsForItems(units, multiplies);
  if (nth == 1) {
    for (std::size_t u = 0; u < units; ++u) unit(OverPool{}, threadScratch(0), u);
    return;
  }
  parallelFor(nth, [&](int ith, int n) {
    const Range r = evenShare(units, ith, n);
    for (std::size_t u = r.begin; u < r.end; ++u) unit(OnThread{ith}, threadScratch(ith), u);
  });
}

/**
 * A weight gradient summed over units in fixed, consecutive groups (at most 16; more groups than threads keeps every
 * thread busy): each group sums its units in order into its own partial, then the partials are added in group order.
 * The grouping depends on the number of units only, so any thread count gives the same bits.
 */
struct WeightGroups {
  std::size_t perGroup;  // units per group (the last group may have fewer)
  std::size_t count;     // groups

  explicit WeightGroups(std::size_t units) {
    constexpr std::size_t kMaxGroups = 16;
    perGroup = (units + kMaxGroups - 1) / kMaxGroups;
    count = (units + perGroup - 1) / perGroup;
  }
  std::size_t first(std::size_t group) const { return group * perGroup; }
  std::size_t end(std::size_t group, std::size_t units) const {
    return units < first(group + 1) ? units : first(group + 1);
  }

  /** Where group `group` sums: its slot of `partials` when there are several groups, else the result itself. */
  float* target(float* partials, float* result, std::size_t group, std::size_t size) const {
    return count > 1 ? partials + group * size : result;
  }

  /** result = sum of the partials in group order (nothing to do for one group); threads split the elements. */
  void addUp(const float* partials, std::size_t size, float* result) const {
    if (count <= 1) return;
    const std::size_t groups = count;
    parallelRange(size, kCopyGrain / static_cast<double>(groups), [&](std::size_t begin, std::size_t end) {
      const float* parts = partials;
      float* out = result;
      for (std::size_t i = begin; i < end; ++i) out[i] = parts[i];
      for (std::size_t group = 1; group < groups; ++group) {
        const float* part = parts + group * size;
        for (std::size_t i = begin; i < end; ++i) out[i] += part[i];
      }
    });
  }
};

}  // namespace nw
