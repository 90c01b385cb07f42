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
  for (int ith = 1; ith < threads; ++ith) workers_.emplace_back([this, ith, current] { workerLoop(ith, current); });
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

void ThreadPool::run(int nth, Task task, const void* context) {
  if (nth > size()) nth = size();
  if (nth <= 1) {
    task(context, 0, 1);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    task_ = task;
    context_ = context;
    nth_ = nth;
    pending_.store(static_cast<int>(workers_.size()), std::memory_order_relaxed);
    generation_.fetch_add(1, std::memory_order_release);
  }
  wake_.notify_all();
  task(context, 0, nth);
  // The other shares are about as long as ours, so spin (yielding the core if a worker was descheduled).
  for (unsigned spins = 0; pending_.load(std::memory_order_acquire) != 0; ++spins) {
    if (spins < 4096) {
      NW_CPU_RELAX();
    } else {
      std::this_thread::yield();
    }
  }
}

void ThreadPool::workerLoop(int ith, std::uint64_t seen) {
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
    if (ith < nth_) task_(context_, ith, nth_);
    pending_.fetch_sub(1, std::memory_order_acq_rel);
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
