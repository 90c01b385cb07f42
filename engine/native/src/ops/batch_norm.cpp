// Batch normalization over x[batch, channels, spatial] (spatial = 1 for BatchNorm1d): training and eval forward,
// and both backwards. Threads own whole channels; each channel's sums run in (batch, spatial) order in double.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "args.hpp"
#include "ops/batch_norm_passes.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::size_t;

constexpr double kNormGrain = 32.0 * 1024.0;

NormDims readDims(const Args& args, size_t first) {
  const int64_t batch = args.integer(first, "batch", 1);
  const int64_t channels = args.integer(first + 1, "channels", 1);
  const int64_t spatial = args.integer(first + 2, "spatial", 1);
  args.product({batch, channels, spatial});
  return {static_cast<size_t>(batch), static_cast<size_t>(channels), static_cast<size_t>(spatial)};
}

int channelThreads(const NormDims& d) { return threadsFor(static_cast<double>(d.count()), kNormGrain); }

// batchNormForwardTrain(x, gamma, beta, y, savedMean, savedInvStd, runningMean, runningVar,
//                       batch, channels, spatial, eps, momentum)
// batchNormReluForwardTrain(x, gamma, beta, y, savedMean, savedInvStd, savedScale, runningMean, ...): y = max(BN(x), 0)
// as the ReLU kernel computes it (the ReLU after a batch norm in training, without writing the batch norm's own output
// and reading it back); savedScale gets each channel's float gamma * invStd, which batchNormReluBackward's gate needs.
Napi::Value ForwardTrainWith(const Napi::CallbackInfo& info, const char* name, bool relu) {
  const std::size_t r = relu ? 1 : 0;  // arguments after savedInvStd move one place
  Args args(info, name, 13 + r);
  FloatView x = args.floats(0, "x");
  FloatView gamma = args.floats(1, "gamma");
  FloatView beta = args.floats(2, "beta");
  FloatView y = args.floats(3, "y");
  FloatView savedMean = args.floats(4, "savedMean");
  FloatView savedInvStd = args.floats(5, "savedInvStd");
  FloatView savedScale = relu ? args.floats(6, "savedScale") : FloatView{};
  FloatView runningMean = args.floats(6 + r, "runningMean");
  FloatView runningVar = args.floats(7 + r, "runningVar");
  const NormDims d = readDims(args, 8 + r);
  const double eps = args.number(11 + r, "eps");
  const double momentum = args.number(12 + r, "momentum");
  if (eps <= 0) args.fail("eps must be > 0");
  if (momentum < 0 || momentum > 1) args.fail("momentum must be in [0, 1]");
  if (d.perChannel() < 2) {
    args.fail("training mode needs more than one value per channel (batch * spatial = " +
              std::to_string(d.perChannel()) + ")");
  }
  args.need(x, d.count());
  args.need(y, d.count());
  for (FloatView* v : {&gamma, &beta, &savedMean, &savedInvStd, &runningMean, &runningVar}) args.need(*v, d.channels);
  if (relu) args.need(savedScale, d.channels);
  KernelScope scope;
  const double m = static_cast<double>(d.perChannel());
  double* scratch = channelScratch(d);
  parallelFor(channelThreads(d), [&](int ith, int nth) {
    const Range r = evenShare(d.channels, ith, nth);
    const ChannelScratch share = shareOf(scratch, r);
    double* sums = share.first;
    double* squares = share.second;
    double* shifts = share.third;
    channelMoments(d, x.data, r.begin, r.end, shifts, sums, squares);
    for (size_t c = r.begin; c < r.end; ++c) {
      const double shiftedMean = sums[c - r.begin] / m;
      const double mean = shifts[c - r.begin] + shiftedMean;
      const double variance = std::max(0.0, squares[c - r.begin] / m - shiftedMean * shiftedMean);
      const double invStd = 1.0 / std::sqrt(variance + eps);
      savedMean.data[c] = static_cast<float>(mean);
      savedInvStd.data[c] = static_cast<float>(invStd);
      runningMean.data[c] = static_cast<float>((1.0 - momentum) * runningMean.data[c] + momentum * mean);
      runningVar.data[c] =
          static_cast<float>((1.0 - momentum) * runningVar.data[c] + momentum * variance * m / (m - 1.0));
      const double scale = gamma.data[c] * invStd;
      share.transforms[c - r.begin] = {static_cast<float>(scale), 0.0f, beta.data[c], static_cast<float>(mean)};
      if (relu) savedScale.data[c] = static_cast<float>(scale);
    }
    applyAffine(d, x.data, y.data, r.begin, r.end, share.transforms, relu);
  });
  return info.Env().Undefined();
}

Napi::Value BatchNormForwardTrain(const Napi::CallbackInfo& info) {
  return ForwardTrainWith(info, "batchNormForwardTrain", false);
}
Napi::Value BatchNormReluForwardTrain(const Napi::CallbackInfo& info) {
  return ForwardTrainWith(info, "batchNormReluForwardTrain", true);
}

// batchNormForwardEval(x, gamma, beta, y, runningMean, runningVar, batch, channels, spatial, eps)
Napi::Value BatchNormForwardEval(const Napi::CallbackInfo& info) {
  Args args(info, "batchNormForwardEval", 10);
  FloatView x = args.floats(0, "x");
  FloatView gamma = args.floats(1, "gamma");
  FloatView beta = args.floats(2, "beta");
  FloatView y = args.floats(3, "y");
  FloatView runningMean = args.floats(4, "runningMean");
  FloatView runningVar = args.floats(5, "runningVar");
  const NormDims d = readDims(args, 6);
  const double eps = args.number(9, "eps");
  if (eps <= 0) args.fail("eps must be > 0");
  args.need(x, d.count());
  args.need(y, d.count());
  for (FloatView* v : {&gamma, &beta, &runningMean, &runningVar}) args.need(*v, d.channels);
  KernelScope scope;
  double* scratch = channelScratch(d);
  parallelFor(channelThreads(d), [&](int ith, int nth) {
    const Range r = evenShare(d.channels, ith, nth);
    const ChannelScratch share = shareOf(scratch, r);
    for (size_t c = r.begin; c < r.end; ++c) {
      const double invStd = 1.0 / std::sqrt(static_cast<double>(runningVar.data[c]) + eps);
      const double scale = gamma.data[c] * invStd;
      share.transforms[c - r.begin] = {static_cast<float>(scale), 0.0f, beta.data[c], runningMean.data[c]};
    }
    applyAffine(d, x.data, y.data, r.begin, r.end, share.transforms, false);
  });
  return info.Env().Undefined();
}

// batchNormBackward(x, gamma, dy, savedMean, savedInvStd, dx, dGamma, dBeta, batch, channels, spatial, accumulateDx)
// dx = gamma invStd / m (m dy - dBeta - xhat dGamma).
// batchNormReluBackward(x, gamma, beta, dz, savedMean, savedInvStd, savedScale, dx, ...): the same through the ReLU
// that follows, from its output gradient dz: dy = dz where the forward's output (x - savedMean) * savedScale + beta,
// recomputed from x with the forward's floats, is > 0, else 0 (the ReLU backward's bits), read as the passes need it:
// neither the batch norm's output nor the ReLU's, nor dy, is read or written.
Napi::Value BackwardWith(const Napi::CallbackInfo& info, const char* name, bool relu) {
  const std::size_t r = relu ? 1 : 0;  // arguments from dy on move one place, from dx on two
  Args args(info, name, 12 + 2 * r);
  FloatView x = args.floats(0, "x");
  FloatView gamma = args.floats(1, "gamma");
  FloatView beta = relu ? args.floats(2, "beta") : FloatView{};
  FloatView dy = args.floats(2 + r, relu ? "dz" : "dy");
  FloatView savedMean = args.floats(3 + r, "savedMean");
  FloatView savedInvStd = args.floats(4 + r, "savedInvStd");
  FloatView savedScale = relu ? args.floats(6, "savedScale") : FloatView{};
  FloatView dx = args.floats(5 + 2 * r, "dx");
  FloatView dGamma = args.floats(6 + 2 * r, "dGamma");
  FloatView dBeta = args.floats(7 + 2 * r, "dBeta");
  const NormDims d = readDims(args, 8 + 2 * r);
  const bool accumulate = args.flag(11 + 2 * r, "accumulateDx");
  args.need(x, d.count());
  args.need(dy, d.count());
  args.need(dx, d.count());
  for (FloatView* v : {&gamma, &savedMean, &savedInvStd, &dGamma, &dBeta}) args.need(*v, d.channels);
  if (relu) {
    args.need(beta, d.channels);
    args.need(savedScale, d.channels);
  }
  KernelScope scope;
  const double m = static_cast<double>(d.perChannel());
  double* scratch = channelScratch(d);
  parallelFor(channelThreads(d), [&](int ith, int nth) {
    const Range r = evenShare(d.channels, ith, nth);
    const ChannelScratch share = shareOf(scratch, r);
    double* sumDy = share.first;
    double* sumDyCentred = share.second;
    double* means = share.third;
    for (size_t c = r.begin; c < r.end; ++c) means[c - r.begin] = savedMean.data[c];
    const Gradient g = relu ? Gradient{dy.data, savedMean.data, savedScale.data, beta.data} : Gradient{dy.data};
    gradientSums(d, x.data, g, r.begin, r.end, means, sumDy, sumDyCentred);
    for (size_t c = r.begin; c < r.end; ++c) {
      const double mean = savedMean.data[c];
      const double invStd = savedInvStd.data[c];
      const double gradBeta = sumDy[c - r.begin];
      const double gradGamma = sumDyCentred[c - r.begin] * invStd;
      dGamma.data[c] = static_cast<float>(gradGamma);
      dBeta.data[c] = static_cast<float>(gradBeta);
      // dx = k (dy - meanDy - xhat meanDyXhat) with k = gamma invStd, as dx = a dy + b (x - mean) + e.
      const double k = gamma.data[c] * invStd;
      const double meanDy = gradBeta / m;
      const double meanDyXhat = gradGamma / m;
      share.transforms[c - r.begin] = {static_cast<float>(k), static_cast<float>(-k * meanDyXhat * invStd),
                                       static_cast<float>(-k * meanDy), static_cast<float>(mean)};
    }
    applyGradient(d, g, x.data, dx.data, r.begin, r.end, share.transforms, accumulate);
  });
  return info.Env().Undefined();
}

Napi::Value BatchNormBackward(const Napi::CallbackInfo& info) { return BackwardWith(info, "batchNormBackward", false); }
Napi::Value BatchNormReluBackward(const Napi::CallbackInfo& info) {
  return BackwardWith(info, "batchNormReluBackward", true);
}

// batchNormBackwardEval(gamma, dy, x, runningMean, runningVar, dx, dGamma, dBeta, batch, channels, spatial, eps,
//                       accumulateDx): the statistics are constants, so dx = gamma invStd dy.
Napi::Value BatchNormBackwardEval(const Napi::CallbackInfo& info) {
  Args args(info, "batchNormBackwardEval", 13);
  FloatView gamma = args.floats(0, "gamma");
  FloatView dy = args.floats(1, "dy");
  FloatView x = args.floats(2, "x");
  FloatView runningMean = args.floats(3, "runningMean");
  FloatView runningVar = args.floats(4, "runningVar");
  FloatView dx = args.floats(5, "dx");
  FloatView dGamma = args.floats(6, "dGamma");
  FloatView dBeta = args.floats(7, "dBeta");
  const NormDims d = readDims(args, 8);
  const double eps = args.number(11, "eps");
  const bool accumulate = args.flag(12, "accumulateDx");
  if (eps <= 0) args.fail("eps must be > 0");
  args.need(x, d.count());
  args.need(dy, d.count());
  args.need(dx, d.count());
  for (FloatView* v : {&gamma, &runningMean, &runningVar, &dGamma, &dBeta}) args.need(*v, d.channels);
  KernelScope scope;
  double* scratch = channelScratch(d);
  parallelFor(channelThreads(d), [&](int ith, int nth) {
    const Range r = evenShare(d.channels, ith, nth);
    const ChannelScratch share = shareOf(scratch, r);
    double* sumDy = share.first;
    double* sumDyCentred = share.second;
    double* means = share.third;
    for (size_t c = r.begin; c < r.end; ++c) means[c - r.begin] = runningMean.data[c];
    gradientSums(d, x.data, Gradient{dy.data}, r.begin, r.end, means, sumDy, sumDyCentred);
    for (size_t c = r.begin; c < r.end; ++c) {
      const double invStd = 1.0 / std::sqrt(static_cast<double>(runningVar.data[c]) + eps);
      dGamma.data[c] = static_cast<float>(sumDyCentred[c - r.begin] * invStd);
      dBeta.data[c] = static_cast<float>(sumDy[c - r.begin]);
      share.transforms[c - r.begin] = {static_cast<float>(gamma.data[c] * invStd), 0.0f, 0.0f, 0.0f};
    }
    applyScale(d, dy.data, dx.data, r.begin, r.end, share.transforms, accumulate);
  });
  return info.Env().Undefined();
}

}  // namespace

void registerBatchNorm(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "batchNormForwardTrain", BatchNormForwardTrain);
  exportFunction(env, exports, "batchNormForwardEval", BatchNormForwardEval);
  exportFunction(env, exports, "batchNormBackward", BatchNormBackward);
  exportFunction(env, exports, "batchNormBackwardEval", BatchNormBackwardEval);
  exportFunction(env, exports, "batchNormReluForwardTrain", BatchNormReluForwardTrain);
  exportFunction(env, exports, "batchNormReluBackward", BatchNormReluBackward);
}

}  // namespace nw
