// The persistent worker pool (see thread_pool.hpp): generation counter + condition variable, calling thread joins in.
#include "thread_pool.hpp"

#include <chrono>
#include <cstdlib>
#include <string>

#include "fp_mode.hpp"

#if defined(_M_X64) || defined(__x86_64__) || defined(_M_IX86) || defined(__i386__)
#include <immintrin.h>
#define NW_CPU_RELAX() _mm_pause()
#elif defined(__aarch64__) && !defined(_MSC_VER)
#define NW_CPU_RELAX() __asm__ __volatile__("yield")
#else
#define NW_CPU_RELAX() ((void)0)
#endif

namespace nw {
namespace {

// How long an idle worker keeps polling for the next task before it sleeps: kernels of one training step follow each
// other within microseconds, while waking a sleeping thread costs tens of microseconds.
constexpr auto kIdleSpin = std::chrono::microseconds(50);

int defaultThreadCount() {
  if (const char* env = std::getenv("NETWRIGHT_THREADS")) {
    char* end = nullptr;
    long requested = std::strtol(env, &end, 10);
    if (end != env && requested >= 1) return requested > 256 ? 256 : static_cast<int>(requested);
  }
  unsigned hardware = std::thread::hardware_concurrency();
  return hardware == 0 ? 1 : static_cast<int>(hardware);
}

}  // namespace

ThreadPool::ThreadPool(int threads) { resize(threads); }

ThreadPool::~ThreadPool() { stopWorkers(); }

void ThreadPool::resize(int threads) {
  if (threads < 1) threads = 1;
  if (threads == size()) return;
  stopWorkers();
  workers_.reserve(static_cast<std::size_t>(threads - 1));
  // A worker must wait for tasks published after this point, even if it starts running only later.
  const std::uint64_t current = generation_.load(std::memory_order_acquire);
  claimed_.reset(new std::atomic<std::uint32_t>[static_cast<std::size_t>(threads)]);
  for (int i = 0; i < threads; ++i) claimed_[i].store(0, std::memory_order_relaxed);
  for (int ith = 1; ith < threads; ++ith) {
    workers_.emplace_back([this, current, ith] { workerLoop(current, ith); });
  }
}

void ThreadPool::stopWorkers() {
  if (workers_.empty()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_.store(true);
    generation_.fetch_add(1);
  }
  wake_.notify_all();
  for (auto& worker : workers_) worker.join();
  workers_.clear();
  stopping_.store(false);
}

namespace {

constexpr unsigned kShareBits = 16;
constexpr std::uint64_t kShareMask = (std::uint64_t(1) << kShareBits) - 1;
constexpr std::uint64_t kGenerationMask = 0xffffffffu;

}  // namespace

void ThreadPool::run(int nth, Task task, const void* context) {
  if (nth > size()) nth = size();
  if (nth <= 1) {
    task(context, 0, 1);
    return;
  }
  std::uint64_t generation;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    task_ = task;
    context_ = context;
    remaining_.store(nth, std::memory_order_relaxed);
    generation = (generation_.load(std::memory_order_relaxed) + 1) & kGenerationMask;
    // Every share of this task open to a claim by this generation only (see runShares); the previous task's are all
    // done, so nothing else is claiming them now.
    for (int share = 0; share < nth; ++share) {
      claimed_[share].store(static_cast<std::uint32_t>(generation - 1), std::memory_order_relaxed);
    }
    // Released with the task word: a thread that reads it sees task_, context_ and the open shares.
    task_word_.store(generation << kShareBits | static_cast<std::uint64_t>(nth), std::memory_order_release);
    generation_.store(generation, std::memory_order_release);
  }
  wake_.notify_all();
  runShares(generation, 0);
  // Every share is claimed: wait for those still running on workers, briefly spinning (they started about when
  // ours did), then asleep, so a worker descheduled mid-share gets the core back sooner.
  for (unsigned spins = 0; spins < 4096; ++spins) {
    if (remaining_.load(std::memory_order_acquire) == 0) return;
    NW_CPU_RELAX();
  }
  std::unique_lock<std::mutex> lock(mutex_);
  finished_.wait(lock, [&] { return remaining_.load(std::memory_order_acquire) == 0; });
}

void ThreadPool::runShares(std::uint64_t generation, int self) {
  const std::uint64_t word = task_word_.load(std::memory_order_acquire);
  if (word >> kShareBits != generation) return;  // a newer task is out: this one is done
  const int nth = static_cast<int>(word & kShareMask);
  const auto open = static_cast<std::uint32_t>(generation - 1);
  // Its own share first (the caller 0, worker i share i), then any other still open: a thread keeps the same share
  // from one call to the next, so the panels and rows it packed and wrote last time are still in its core's caches
  // (claiming the next free share, as this did, let the two threads swap shares from call to call: a W2 step at
  // batch 64 on 2 threads took 2.7 ms instead of 1.9 in about half the processes).
  for (int i = 0; i < nth; ++i) {
    const int share = (self + i) % nth;
    std::uint32_t expected = open;
    // A claim succeeds only on a share open for this generation, and the task cannot end (and be replaced) before
    // this share is done: task_ and context_ stay this generation's while it runs.
    if (!claimed_[share].compare_exchange_strong(expected, static_cast<std::uint32_t>(generation),
                                                 std::memory_order_acq_rel, std::memory_order_relaxed)) {
      continue;
    }
    task_(context_, share, nth);
    if (remaining_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      { std::lock_guard<std::mutex> lock(mutex_); }  // a caller between its check and its sleep sees this
      finished_.notify_one();
    }
  }
}

void ThreadPool::workerLoop(std::uint64_t seen, int self) {
  setFlushDenormalsForThisThread();
  for (;;) {
    std::uint64_t current = generation_.load(std::memory_order_acquire);
    if (current == seen) {
      const auto start = std::chrono::steady_clock::now();
      for (unsigned spins = 1; current == seen; ++spins) {
        NW_CPU_RELAX();
        current = generation_.load(std::memory_order_acquire);
        if ((spins & 255) == 0 && std::chrono::steady_clock::now() - start > kIdleSpin) break;
      }
      if (current == seen) {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return generation_.load(std::memory_order_acquire) != seen; });
        current = generation_.load(std::memory_order_acquire);
      }
    }
    seen = current;
    if (stopping_.load()) return;
    runShares(current & kGenerationMask, self);
  }
}

ThreadPool& pool() {
  // Never destroyed: sleeping workers are simply ended with the process, so exit cannot hang on a join.
  static ThreadPool* instance = new ThreadPool(defaultThreadCount());
  return *instance;
}

int threadsFor(double work, double grain) {
  int size = pool().size();
  if (work < 2 * grain || size == 1) return 1;
  double wanted = work / grain;
  return wanted >= size ? size : static_cast<int>(wanted);
}

}  // namespace nw
