// The passes of batch normalization over channels [cBegin, cEnd) of x[batch, channels, spatial]: per-channel sums
// in double (in an order that depends on the dimensions only) and the elementwise transforms, swept image by image.
#pragma once

#include <cstddef>

#include "thread_pool.hpp"

namespace nw {

struct NormDims {
  size_t batch, channels, spatial;
  size_t count() const { return batch * channels * spatial; }
  size_t perChannel() const { return batch * spatial; }
  const float* at(const float* base, size_t n, size_t c) const { return base + (n * channels + c) * spatial; }
  float* at(float* base, size_t n, size_t c) const { return base + (n * channels + c) * spatial; }
};

// A channel's elementwise pass: forward y = (x - mean) a + e; backward dx = a dy + b (x - mean) + e, or a dy.
struct Transform {
  float a, b, e, mean;
};

// The gradient a backward pass reads: dy itself, or (reluScale set) the gradient through the ReLU that follows the
// batch norm, with dz in `dy`: dz where the training forward's output, (x - reluMean[c]) * reluScale[c] +
// reluShift[c], is > 0 and 0 elsewhere (ReluGate), the ReLU backward's value, from x rather than the ReLU's output.
struct Gradient {
  const float* dy;
  const float* reluMean = nullptr;
  const float* reluScale = nullptr;
  const float* reluShift = nullptr;
};

// A thread's share of the channel scratch: three double arrays and one Transform per channel of its range.
struct ChannelScratch {
  double *first, *second, *third;
  Transform* transforms;
};
/** Scratch for all channels (call on the calling thread, KernelScope open); shareOf gives thread range r's part. */
double* channelScratch(const NormDims& d);
ChannelScratch shareOf(double* scratch, const Range& r);

/**
 * One pass over channels [cBegin, cEnd): shifts[c - cBegin] = the channel's first element, sums and squares = sum of
 * (x - shift) and of (x - shift)^2, in double. Then mean = shift + sums / m and variance = squares / m - (sums / m)^2:
 * shifting by a value of the channel keeps the subtraction from cancelling away precision when the mean is large.
 */
void channelMoments(const NormDims& d, const float* x, std::size_t cBegin, std::size_t cEnd, double* shifts,
                    double* sums, double* squares);
/** sumDy = sum of dy, sumDyCentred = sum of dy (x - mean), per channel (dBeta and dGamma / invStd). */
void gradientSums(const NormDims& d, const float* x, const Gradient& dy, std::size_t cBegin, std::size_t cEnd,
                  const double* means, double* sumDy, double* sumDyCentred);

/** y = (x - mean) a + e per channel (t indexed c - cBegin), then y > 0 ? y : 0 if relu (the ReLU kernel's bits). */
void applyAffine(const NormDims& d, const float* x, float* y, std::size_t cBegin, std::size_t cEnd, const Transform* t,
                 bool relu);
/** dx (=|+=) a dy + b (x - mean) + e per channel. */
void applyGradient(const NormDims& d, const Gradient& dy, const float* x, float* dx, std::size_t cBegin,
                   std::size_t cEnd, const Transform* t, bool accumulate);
/** dx (=|+=) a dy per channel. */
void applyScale(const NormDims& d, const float* dy, float* dx, std::size_t cBegin, std::size_t cEnd, const Transform* t,
                bool accumulate);

}  // namespace nw
