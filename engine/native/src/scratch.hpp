// Scratch memory owned by the addon (packed GEMM panels, im2col columns, partial sums): grown on demand on the
// calling thread, then reused, so steady-state kernel calls allocate nothing. Worker threads only use it.
#pragma once

#include <cstddef>
#include <mutex>
#include <vector>

#include "fp_mode.hpp"

namespace nw {

/** A growable 64-byte-aligned buffer. */
class Scratch {
 public:
  /** Grows to at least `count` elements of T (contents not kept) and returns the aligned start. Caller thread only. */
  template <class T>
  T* reserve(std::size_t count) {
    return static_cast<T*>(reserveBytes(count * sizeof(T)));
  }
  template <class T>
  T* data() const {
    return static_cast<T*>(aligned_);
  }

 private:
  void* reserveBytes(std::size_t bytes);
  std::vector<unsigned char> storage_;
  void* aligned_ = nullptr;
  std::size_t capacity_ = 0;
};

/** Per-thread scratch, indexed by ith. */
struct ThreadScratch {
  Scratch packedA;  // GEMM: one MC x KC block of op(A)
  Scratch packedB;  // GEMM: one KC x NC block of op(B)
  Scratch columns;  // convolution: a few im2col rows of one image, built before they are moved into panels
  // Convolution, one unit of images at a time (see ops/conv.cpp): its packed im2col panels, its outputs or dy side
  // by side, and its column gradient.
  Scratch unitPanels;
  Scratch unitGathered;
  Scratch unitColumnGrad;
  Scratch unitPadded;  // the unit's images zero-padded (shifted-window convolution, ops/conv_shifted.cpp)
};

/** Slot ith; valid for ith < pool().size() once a KernelScope is open. */
ThreadScratch& threadScratch(int ith);

/** Scratch shared by all threads of one kernel (e.g. a batch's gathered columns), by purpose. */
enum class Shared {
  Gathered,
  Partials,
  WeightPartials,
  FlippedWeights,
  SmallRows,
  WeightRows,
  WeightRowsPanels,
  Count
};
Scratch& sharedScratch(Shared which);

std::mutex& kernelCallMutex();
void prepareThreadScratch();

/**
 * Opened by every binding before it runs a kernel: serializes kernel calls (the pool and scratch are process-wide),
 * sets flush-to-zero on the calling thread for the duration, and makes sure each pool thread has its scratch slot.
 */
class KernelScope {
 public:
  KernelScope() : lock_(kernelCallMutex()) { prepareThreadScratch(); }

 private:
  std::lock_guard<std::mutex> lock_;
  FlushDenormalsScope flush_;
};

}  // namespace nw
