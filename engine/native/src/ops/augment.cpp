// The augmentImages binding: checks a batch's buffers and augments its images in parallel, one image per task unit
// (each image is computed alone, so the result does not depend on the thread count).
#include <cstdint>
#include <string>
#include <vector>

#include "args.hpp"
#include "ops/augment_images.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::size_t;

// A 28x28 image takes a few microseconds: below 8 images a thread, waking it costs more than it saves.
constexpr double kGrainImages = 8.0;

// augmentImages(features, rows, batch, channels, height, width, stats, flags, shifts, factors, cutoutSize,
//               cutoutCount, cutouts, target): see AugmentBatch; stats = [mean of each channel, std of each channel].
Napi::Value AugmentImages(const Napi::CallbackInfo& info) {
  Args args(info, "augmentImages", 14);
  FloatView features = args.floats(0, "features");
  IntView rows = args.ints(1, "rows");
  const size_t batch = static_cast<size_t>(args.integer(2, "batch", 0));
  const std::int64_t channels = args.integer(3, "channels", 1);
  // Sizes up to 2^15: the rotation indexes its bordered plane with 32-bit ints.
  const std::int64_t height = args.integer(4, "height", 1, 1 << 15);
  const std::int64_t width = args.integer(5, "width", 1, 1 << 15);
  DoubleView stats = args.doubles(6, "stats");
  ByteView flags = args.bytes(7, "flags");
  IntView shifts = args.ints(8, "shifts");
  DoubleView factors = args.doubles(9, "factors");
  const std::int64_t cutoutSize = args.integer(10, "cutoutSize", 0);
  const size_t cutoutCount = static_cast<size_t>(args.integer(11, "cutoutCount", 0));
  IntView cutouts = args.ints(12, "cutouts");
  FloatView target = args.floats(13, "target");

  const size_t size = args.product({channels, height, width});
  args.need(rows, batch);
  args.need(stats, 2 * static_cast<size_t>(channels));
  args.need(flags, batch);
  args.need(shifts, 2 * batch);
  args.need(factors, 4 * batch);
  args.need(cutouts, args.product({static_cast<std::int64_t>(batch), static_cast<std::int64_t>(cutoutCount), 2}));
  args.need(target, args.product({static_cast<std::int64_t>(batch), static_cast<std::int64_t>(size)}));
  const size_t images = features.length / size;
  for (size_t i = 0; i < batch; ++i) {
    if (rows.data[i] < 0 || static_cast<size_t>(rows.data[i]) >= images) {
      args.fail("rows[" + std::to_string(i) + "] is " + std::to_string(rows.data[i]) + ", but features hold " +
                std::to_string(images) + " images");
    }
  }

  const AugmentBatch job{features.data,
                         rows.data,
                         batch,
                         static_cast<size_t>(channels),
                         static_cast<size_t>(height),
                         static_cast<size_t>(width),
                         stats.data,
                         stats.data + channels,
                         flags.data,
                         shifts.data,
                         factors.data,
                         cutoutSize,
                         cutoutCount,
                         cutouts.data,
                         target.data};
  KernelScope scope;
  const int nth = threadsFor(static_cast<double>(batch), kGrainImages);
  const size_t scratch = augmentScratchSize(job.height, job.width);
  std::vector<double> bordered(scratch * static_cast<size_t>(nth));
  std::vector<double> means(batch);
  parallelFor(nth, [&](int ith, int n) {
    const Range r = evenShare(batch, ith, n);
    double* own = bordered.data() + scratch * static_cast<size_t>(ith);
    imageMeans(job, r.begin, r.end, means.data() + r.begin);
    for (size_t i = r.begin; i < r.end; ++i) augmentImage(job, i, means[i], own);
  });
  return info.Env().Undefined();
}

}  // namespace

void registerAugment(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "augmentImages", AugmentImages);
}

}  // namespace nw
