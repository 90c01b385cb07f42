// A persistent pool of worker threads in the ggml style: every kernel is a function of (ith, nth) that splits its
// own work; idle threads spin briefly, then sleep on a condition variable. The shares ith are claimed, not assigned:
// each thread claims its own share first (the caller share 0, worker i share i, so consecutive calls find their data
// in the same core's caches), then any other still unclaimed, so on a busy machine a worker slow to wake costs no
// waiting (its share runs on the calling thread), and a caller waiting for a descheduled worker sleeps instead of
// taking the core from it. Which thread runs a share never changes what it computes.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

// Keeps a per-plane or per-row worker out of the big parallel lambda it is called from, where register pressure
// would otherwise make the compiler spill its loop variables.
#if defined(_MSC_VER)
#define NW_NOINLINE __declspec(noinline)
#else
#define NW_NOINLINE __attribute__((noinline))
#endif

namespace nw {

class ThreadPool {
 public:
  using Task = void (*)(const void* context, int ith, int nth);

  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  /** Total size, calling thread included. Only call while no task runs. */
  void resize(int threads);
  int size() const { return static_cast<int>(workers_.size()) + 1; }
  /** Runs task(context, ith, nth) for ith in [0, nth) (nth clamped to size()); returns when all are done. */
  void run(int nth, Task task, const void* context);

 private:
  void workerLoop(std::uint64_t seen, int self);
  void stopWorkers();
  /** Claims and runs shares of the task published as `generation`, thread `self`'s own first, until none is left. */
  void runShares(std::uint64_t generation, int self);

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable finished_;  // the last share of a task is done
  std::atomic<std::uint64_t> generation_{0};
  /** The current task's generation (above bit 16) and its share count (low 16 bits). */
  std::atomic<std::uint64_t> task_word_{0};
  /** Per share: generation - 1 while open to the current task, its generation once claimed. */
  std::unique_ptr<std::atomic<std::uint32_t>[]> claimed_;
  /** Shares of the current task not finished yet. */
  std::atomic<int> remaining_{0};
  std::atomic<bool> stopping_{false};
  Task task_ = nullptr;
  const void* context_ = nullptr;
};

/** The process-wide pool, created on first use with NETWRIGHT_THREADS or the hardware concurrency. */
ThreadPool& pool();

/** Runs f(ith, nth) on nth threads of the pool (nth <= 1 runs inline). f must not throw. */
template <class F>
void parallelFor(int nth, const F& f) {
  if (nth <= 1) {
    f(0, 1);
    return;
  }
  pool().run(
      nth, [](const void* context, int ith, int n) { (*static_cast<const F*>(context))(ith, n); }, &f);
}

/** How many threads a job of `work` units deserves when each thread should get at least `grain` units. */
int threadsFor(double work, double grain);

/** The [begin, end) share of thread ith when n items are split evenly over nth threads. */
struct Range {
  std::size_t begin;
  std::size_t end;
};
inline Range evenShare(std::size_t n, int ith, int nth) {
  return {n * static_cast<std::size_t>(ith) / static_cast<std::size_t>(nth),
          n * static_cast<std::size_t>(ith + 1) / static_cast<std::size_t>(nth)};
}

}  // namespace nw

namespace nw {

/** Splits [0, count) into contiguous ranges over as many threads as the work deserves; f(begin, end). */
template <class F>
void parallelRange(std::size_t count, double grain, const F& f) {
  parallelFor(threadsFor(static_cast<double>(count), grain), [&](int ith, int nth) {
    const Range r = evenShare(count, ith, nth);
    if (r.begin < r.end) f(r.begin, r.end);
  });
}

}  // namespace nw
