// Flush-to-zero / denormals-are-zero: denormal floats are slow on every CPU and never matter for training.
// Workers set it once; the JS thread sets it only for the duration of a kernel (V8's doubles must not change).
#pragma once

namespace nw {

void setFlushDenormalsForThisThread();

/** Sets FTZ/DAZ on the current thread and restores the previous mode on destruction. */
class FlushDenormalsScope {
 public:
  FlushDenormalsScope();
  ~FlushDenormalsScope();
  FlushDenormalsScope(const FlushDenormalsScope&) = delete;
  FlushDenormalsScope& operator=(const FlushDenormalsScope&) = delete;

 private:
  unsigned long long saved_;
};

}  // namespace nw
