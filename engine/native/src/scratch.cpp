// Storage behind Scratch, the per-thread slots and the shared buffers.
#include "scratch.hpp"

#include <cstdint>
#include <memory>

#include "gemm/gemm.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

constexpr std::size_t kAlignment = 64;

std::vector<std::unique_ptr<ThreadScratch>>& slots() {
  static std::vector<std::unique_ptr<ThreadScratch>> all;
  return all;
}

}  // namespace

void* Scratch::reserveBytes(std::size_t bytes) {
  if (bytes > capacity_ || aligned_ == nullptr) {
    std::size_t grown = bytes + bytes / 4;  // headroom so slowly growing sizes do not reallocate every call
    storage_.clear();
    storage_.shrink_to_fit();
    storage_.resize(grown + kAlignment);
    auto address = reinterpret_cast<std::uintptr_t>(storage_.data());
    aligned_ = storage_.data() + ((kAlignment - address % kAlignment) % kAlignment);
    capacity_ = grown;
  }
  return aligned_;
}

ThreadScratch& threadScratch(int ith) { return *slots()[static_cast<std::size_t>(ith)]; }

Scratch& sharedScratch(Shared which) {
  static Scratch shared[static_cast<int>(Shared::Count)];
  return shared[static_cast<int>(which)];
}

std::mutex& kernelCallMutex() {
  static std::mutex mutex;
  return mutex;
}

void prepareThreadScratch() {
  auto& all = slots();
  auto size = static_cast<std::size_t>(pool().size());
  while (all.size() < size) {
    all.push_back(std::make_unique<ThreadScratch>());
    reserveGemmPanels(*all.back());
  }
}

}  // namespace nw
