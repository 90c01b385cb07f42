// Dense weights packed once for eval-mode forwards (see prepack.hpp), and the JS entry points that make a handle
// and report what it holds.
#include "gemm/prepack.hpp"

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <new>
#include <string>
#include <unordered_set>

#include "gemm/gemm.hpp"
#include "gemm/pack.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;

constexpr std::size_t kAlignment = 64;

// Copying is cheap per float: a second thread pays off from about this many floats each (a 784 x 512 weight, 400 K
// floats, packs on 2 threads).
constexpr double kPackGrain = 128.0 * 1024.0;

// Handles made by packedWeights() and not yet collected: an argument is dereferenced only if it is one of these, so a
// foreign external (another addon's) is refused instead of read. Guarded, since the addon may be loaded in worker
// threads too (one set per process).
class LiveHandles {
 public:
  void add(const PackedWeights* handle) {
    std::lock_guard<std::mutex> lock(mutex_);
    live_.insert(handle);
  }
  void remove(const PackedWeights* handle) {
    std::lock_guard<std::mutex> lock(mutex_);
    live_.erase(handle);
  }
  bool has(const PackedWeights* handle) {
    std::lock_guard<std::mutex> lock(mutex_);
    return live_.count(handle) != 0;
  }

 private:
  std::mutex mutex_;
  std::unordered_set<const PackedWeights*> live_;
};

LiveHandles& liveHandles() {
  static LiveHandles live;
  return live;
}

template <int NR>
void packColumns(const GemmProblem& p, int64_t j0, int64_t nc, float* out) {
  pack::packB<NR>(p, j0, nc, 0, p.K, out + j0 * p.K);
}

// Columns [j0, j0 + nc) of op(B) = weight^T into their panels (j0 a multiple of nr): the same packing the driver
// does per block, over the whole depth at once, so the panels hold the same floats in the layout packedB names.
void packRange(const GemmProblem& p, int nr, int64_t j0, int64_t nc, float* out) {
  // One instantiation per microkernel's tile width (the driver's list, gemm.cpp).
  switch (nr) {
    case 16: return packColumns<16>(p, j0, nc, out);
    case 32: return packColumns<32>(p, j0, nc, out);
    case 12: return packColumns<12>(p, j0, nc, out);
    case 8: return packColumns<8>(p, j0, nc, out);
    default: std::abort();  // a microkernel was added without its instantiation here
  }
}

}  // namespace

void PackedWeights::AlignedFree::operator()(float* p) const { ::operator delete[](p, std::align_val_t(kAlignment)); }

const float* PackedWeights::panelsFor(Napi::Env env, const float* weight, int64_t N, int64_t K, int64_t version) {
  if (panels_ && weight == source_ && N == N_ && K == K_ && version == version_) return panels_.get();
  const int nr = gemmKernel().nr;
  const std::size_t floats = packedBFloats(N, K);
  if (!panels_ || N != N_ || K != K_) {
    // A new shape (or the first packing): replace the allocation, telling V8 what it holds outside its heap so the
    // handle's collection is not put off for want of pressure.
    panels_.reset();
    Napi::MemoryManagement::AdjustExternalMemory(env, -static_cast<int64_t>(bytes_));
    bytes_ = 0;
    panels_.reset(static_cast<float*>(::operator new[](floats * sizeof(float), std::align_val_t(kAlignment))));
    bytes_ = floats * sizeof(float);
    Napi::MemoryManagement::AdjustExternalMemory(env, static_cast<int64_t>(bytes_));
  }
  source_ = weight;
  N_ = N;
  K_ = K;
  version_ = version;

  GemmProblem p;
  p.transB = true;  // op(B) = weight^T: column j of op(B) is row j of weight, contiguous in k
  p.N = N;
  p.K = K;
  p.B = weight;
  p.ldb = K;
  const auto panels = static_cast<std::size_t>((N + nr - 1) / nr);
  float* out = panels_.get();
  // Threads own whole panels, and each float is a copy: the result does not depend on the split.
  parallelFor(threadsFor(static_cast<double>(N) * static_cast<double>(K), kPackGrain), [&](int ith, int nth) {
    const Range r = evenShare(panels, ith, nth);
    if (r.begin >= r.end) return;
    const int64_t j0 = static_cast<int64_t>(r.begin) * nr;
    const int64_t j1 = std::min<int64_t>(N, static_cast<int64_t>(r.end) * nr);
    packRange(p, nr, j0, j1 - j0, out);
  });
  return out;
}

PackedWeights* packedWeightsOrNull(const Args& args, const Napi::Value& value, const char* name) {
  if (value.IsNull() || value.IsUndefined()) return nullptr;
  if (value.IsExternal()) {
    auto* handle = value.As<Napi::External<PackedWeights>>().Data();
    if (liveHandles().has(handle)) return handle;
  }
  args.failType(std::string(name) + " must be a handle made by packedWeights(), or null");
}

namespace {

// packedWeights(): an empty handle for one dense layer's packed weight; it holds memory once a forward packs into it,
// and frees it when collected.
Napi::Value NewPackedWeights(const Napi::CallbackInfo& info) {
  Args args(info, "packedWeights", 0);
  auto* handle = new PackedWeights();
  liveHandles().add(handle);
  return Napi::External<PackedWeights>::New(info.Env(), handle, [](Napi::Env env, PackedWeights* gone) {
    liveHandles().remove(gone);
    Napi::MemoryManagement::AdjustExternalMemory(env, -static_cast<int64_t>(gone->bytes()));
    delete gone;
  });
}

// packedWeightsBytes(packed): the bytes the handle holds now (the weight's floats rounded up to whole panels, times 4).
Napi::Value PackedWeightsBytes(const Napi::CallbackInfo& info) {
  Args args(info, "packedWeightsBytes", 1);
  PackedWeights* handle = packedWeightsOrNull(args, info[0], "packed");
  if (handle == nullptr) args.failType("packed must be a handle made by packedWeights()");
  return Napi::Number::New(info.Env(), static_cast<double>(handle->bytes()));
}

}  // namespace

void registerPrepack(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "packedWeights", NewPackedWeights);
  exportFunction(env, exports, "packedWeightsBytes", PackedWeightsBytes);
}

}  // namespace nw
