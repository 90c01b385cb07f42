// Batch normalization over x[batch, channels, spatial] (spatial = 1 for BatchNorm1d): training and eval forward,
// and both backwards. Threads own whole channels; each channel's sums run in (batch, spatial) order in double.
#include <cmath>
#include <string>
#include <cstdint>

#include "args.hpp"
#include "ops/register.hpp"
#include "ops/sums.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::size_t;

constexpr double kNormGrain = 32.0 * 1024.0;

struct NormDims {
  size_t batch, channels, spatial;
  size_t count() const { return batch * channels * spatial; }
  size_t perChannel() const { return batch * spatial; }
  const float* at(const float* base, size_t n, size_t c) const { return base + (n * channels + c) * spatial; }
  float* at(float* base, size_t n, size_t c) const { return base + (n * channels + c) * spatial; }
};

NormDims readDims(const Args& args, size_t first) {
  const int64_t batch = args.integer(first, "batch", 1);
  const int64_t channels = args.integer(first + 1, "channels", 1);
  const int64_t spatial = args.integer(first + 2, "spatial", 1);
  args.product({batch, channels, spatial});
  return {static_cast<size_t>(batch), static_cast<size_t>(channels), static_cast<size_t>(spatial)};
}

int channelThreads(const NormDims& d) { return threadsFor(static_cast<double>(d.count()), kNormGrain); }

// Below this many positions per (image, channel) the channels are summed side by side instead (BatchNorm1d).
constexpr size_t kWideSpatial = 16;

/**
 * out[c - cBegin] = sum over the batch and positions of channel c of term(i, c), i the flat index, in double, for c
 * in [cBegin, cEnd). The order depends on the dimensions only: per image in order, positions interleaved when
 * there are many of them; for few positions, channels are summed side by side (vectorizable) in (image, position)
 * order. `out` must hold cEnd - cBegin doubles.
 */
template <class Term>
void sumPerChannel(const NormDims& d, size_t cBegin, size_t cEnd, double* out, const Term& term) {
  if (d.spatial >= kWideSpatial) {
    for (size_t c = cBegin; c < cEnd; ++c) {
      double total = 0.0;
      for (size_t n = 0; n < d.batch; ++n) {
        const size_t base = (n * d.channels + c) * d.spatial;
        total += interleavedSum(d.spatial, [&](size_t s) { return term(base + s, c); });
      }
      out[c - cBegin] = total;
    }
    return;
  }
  for (size_t c = cBegin; c < cEnd; ++c) out[c - cBegin] = 0.0;
  for (size_t n = 0; n < d.batch; ++n) {
    for (size_t s = 0; s < d.spatial; ++s) {
      for (size_t c = cBegin; c < cEnd; ++c) out[c - cBegin] += static_cast<double>(term((n * d.channels + c) * d.spatial + s, c));
    }
  }
}

// Per-thread room for three channel-sum arrays: thread ith's share starts at 3 * (first channel of its range).
double* channelScratch(const NormDims& d) { return sharedScratch(Shared::Partials).reserve<double>(3 * d.channels); }

// y = (x - mean) * scale + shift for one channel (centred first, so a large mean does not cancel precision away).
void affine(const NormDims& d, const float* x, float* y, size_t c, float mean, float scale, float shift) {
  for (size_t n = 0; n < d.batch; ++n) {
    const float* in = d.at(x, n, c);
    float* out = d.at(y, n, c);
    for (size_t s = 0; s < d.spatial; ++s) out[s] = (in[s] - mean) * scale + shift;
  }
}

// batchNormForwardTrain(x, gamma, beta, y, savedMean, savedInvStd, runningMean, runningVar,
//                       batch, channels, spatial, eps, momentum)
Napi::Value BatchNormForwardTrain(const Napi::CallbackInfo& info) {
  Args args(info, "batchNormForwardTrain", 13);
  FloatView x = args.floats(0, "x");
  FloatView gamma = args.floats(1, "gamma");
  FloatView beta = args.floats(2, "beta");
  FloatView y = args.floats(3, "y");
  FloatView savedMean = args.floats(4, "savedMean");
  FloatView savedInvStd = args.floats(5, "savedInvStd");
  FloatView runningMean = args.floats(6, "runningMean");
  FloatView runningVar = args.floats(7, "runningVar");
  const NormDims d = readDims(args, 8);
  const double eps = args.number(11, "eps");
  const double momentum = args.number(12, "momentum");
  if (eps <= 0) args.fail("eps must be > 0");
  if (momentum < 0 || momentum > 1) args.fail("momentum must be in [0, 1]");
  if (d.perChannel() < 2) {
    args.fail("training mode needs more than one value per channel (batch * spatial = " +
              std::to_string(d.perChannel()) + ")");
  }
  args.need(x, d.count());
  args.need(y, d.count());
  for (FloatView* v : {&gamma, &beta, &savedMean, &savedInvStd, &runningMean, &runningVar}) args.need(*v, d.channels);
  KernelScope scope;
  const double m = static_cast<double>(d.perChannel());
  double* scratch = channelScratch(d);
  parallelFor(channelThreads(d), [&](int ith, int nth) {
    const Range r = evenShare(d.channels, ith, nth);
    double* sums = scratch + 3 * r.begin;
    double* squares = sums + (r.end - r.begin);
    double* means = squares + (r.end - r.begin);
    sumPerChannel(d, r.begin, r.end, sums, [&](size_t i, size_t) { return x.data[i]; });
    for (size_t c = r.begin; c < r.end; ++c) means[c - r.begin] = sums[c - r.begin] / m;
    // Second pass over centred values: the variance does not cancel catastrophically for a large mean.
    sumPerChannel(d, r.begin, r.end, squares, [&](size_t i, size_t c) {
      const double centred = static_cast<double>(x.data[i]) - means[c - r.begin];
      return centred * centred;
    });
    for (size_t c = r.begin; c < r.end; ++c) {
      const double mean = means[c - r.begin];
      const double variance = squares[c - r.begin] / m;
      const double invStd = 1.0 / std::sqrt(variance + eps);
      savedMean.data[c] = static_cast<float>(mean);
      savedInvStd.data[c] = static_cast<float>(invStd);
      runningMean.data[c] = static_cast<float>((1.0 - momentum) * runningMean.data[c] + momentum * mean);
      runningVar.data[c] = static_cast<float>((1.0 - momentum) * runningVar.data[c] + momentum * variance * m / (m - 1.0));
      const double scale = gamma.data[c] * invStd;
      affine(d, x.data, y.data, c, static_cast<float>(mean), static_cast<float>(scale), beta.data[c]);
    }
  });
  return info.Env().Undefined();
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
  parallelFor(channelThreads(d), [&](int ith, int nth) {
    const Range r = evenShare(d.channels, ith, nth);
    for (size_t c = r.begin; c < r.end; ++c) {
      const double invStd = 1.0 / std::sqrt(static_cast<double>(runningVar.data[c]) + eps);
      const double scale = gamma.data[c] * invStd;
      affine(d, x.data, y.data, c, runningMean.data[c], static_cast<float>(scale), beta.data[c]);
    }
  });
  return info.Env().Undefined();
}

// For channels [cBegin, cEnd): sumDy = sum dy and sumDyCentred = sum dy (x - mean_c), so that
// dBeta = sumDy and dGamma = invStd * sumDyCentred.
template <class Mean>
void gradientSums(const NormDims& d, const float* x, const float* dy, size_t cBegin, size_t cEnd, const Mean& meanOf,
                  double* sumDy, double* sumDyCentred) {
  sumPerChannel(d, cBegin, cEnd, sumDy, [&](size_t i, size_t) { return dy[i]; });
  sumPerChannel(d, cBegin, cEnd, sumDyCentred, [&](size_t i, size_t c) {
    return static_cast<double>(dy[i]) * (static_cast<double>(x[i]) - meanOf(c));
  });
}

// batchNormBackward(x, gamma, dy, savedMean, savedInvStd, dx, dGamma, dBeta, batch, channels, spatial, accumulateDx)
// dx = gamma invStd / m (m dy - dBeta - xhat dGamma).
Napi::Value BatchNormBackward(const Napi::CallbackInfo& info) {
  Args args(info, "batchNormBackward", 12);
  FloatView x = args.floats(0, "x");
  FloatView gamma = args.floats(1, "gamma");
  FloatView dy = args.floats(2, "dy");
  FloatView savedMean = args.floats(3, "savedMean");
  FloatView savedInvStd = args.floats(4, "savedInvStd");
  FloatView dx = args.floats(5, "dx");
  FloatView dGamma = args.floats(6, "dGamma");
  FloatView dBeta = args.floats(7, "dBeta");
  const NormDims d = readDims(args, 8);
  const bool accumulate = args.flag(11, "accumulateDx");
  args.need(x, d.count());
  args.need(dy, d.count());
  args.need(dx, d.count());
  for (FloatView* v : {&gamma, &savedMean, &savedInvStd, &dGamma, &dBeta}) args.need(*v, d.channels);
  KernelScope scope;
  const double m = static_cast<double>(d.perChannel());
  double* scratch = channelScratch(d);
  parallelFor(channelThreads(d), [&](int ith, int nth) {
    const Range r = evenShare(d.channels, ith, nth);
    double* sumDy = scratch + 3 * r.begin;
    double* sumDyCentred = sumDy + (r.end - r.begin);
    gradientSums(d, x.data, dy.data, r.begin, r.end, [&](size_t c) { return static_cast<double>(savedMean.data[c]); },
                 sumDy, sumDyCentred);
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
      const float a = static_cast<float>(k);
      const float b = static_cast<float>(-k * meanDyXhat * invStd);
      const float e = static_cast<float>(-k * meanDy);
      const float meanF = static_cast<float>(mean);
      for (size_t n = 0; n < d.batch; ++n) {
        const float* in = d.at(x.data, n, c);
        const float* grad = d.at(dy.data, n, c);
        float* out = d.at(dx.data, n, c);
        if (accumulate) {
          for (size_t s = 0; s < d.spatial; ++s) out[s] += a * grad[s] + b * (in[s] - meanF) + e;
        } else {
          for (size_t s = 0; s < d.spatial; ++s) out[s] = a * grad[s] + b * (in[s] - meanF) + e;
        }
      }
    }
  });
  return info.Env().Undefined();
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
    double* sumDy = scratch + 3 * r.begin;
    double* sumDyCentred = sumDy + (r.end - r.begin);
    gradientSums(d, x.data, dy.data, r.begin, r.end, [&](size_t c) { return static_cast<double>(runningMean.data[c]); },
                 sumDy, sumDyCentred);
    for (size_t c = r.begin; c < r.end; ++c) {
      const double invStd = 1.0 / std::sqrt(static_cast<double>(runningVar.data[c]) + eps);
      dGamma.data[c] = static_cast<float>(sumDyCentred[c - r.begin] * invStd);
      dBeta.data[c] = static_cast<float>(sumDy[c - r.begin]);
      const float k = static_cast<float>(gamma.data[c] * invStd);
      for (size_t n = 0; n < d.batch; ++n) {
        const float* grad = d.at(dy.data, n, c);
        float* out = d.at(dx.data, n, c);
        if (accumulate) {
          for (size_t s = 0; s < d.spatial; ++s) out[s] += k * grad[s];
        } else {
          for (size_t s = 0; s < d.spatial; ++s) out[s] = k * grad[s];
        }
      }
    }
  });
  return info.Env().Undefined();
}

}  // namespace

void registerBatchNorm(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "batchNormForwardTrain", BatchNormForwardTrain);
  exportFunction(env, exports, "batchNormForwardEval", BatchNormForwardEval);
  exportFunction(env, exports, "batchNormBackward", BatchNormBackward);
  exportFunction(env, exports, "batchNormBackwardEval", BatchNormBackwardEval);
}

}  // namespace nw
