// Argument checking at the JS boundary: every binding reads its arguments through Args, which throws a JS error
// naming the function and the argument ("conv2dForward: weight holds 10 floats, needs 54") instead of crashing.
#pragma once

#include <napi.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>

// Pointers a hot loop writes through and that never overlap, so the compiler may vectorize without alias checks.
#if defined(_MSC_VER)
#define NW_RESTRICT __restrict
#else
#define NW_RESTRICT __restrict__
#endif

namespace nw {

/** A typed-array view: data is null for an optional buffer passed as null. */
template <class T>
struct View {
  T* data = nullptr;
  std::size_t length = 0;
  const char* name = "";
  explicit operator bool() const { return data != nullptr; }
};
using FloatView = View<float>;
using IntView = View<std::int32_t>;
using ByteView = View<std::uint8_t>;
using DoubleView = View<double>;

class Args {
 public:
  /** Throws unless exactly `count` arguments were passed. */
  Args(const Napi::CallbackInfo& info, const char* function, std::size_t count);

  Napi::Env env() const { return info_.Env(); }
  const char* function() const { return function_; }

  FloatView floats(std::size_t i, const char* name) const;
  FloatView floatsOrNull(std::size_t i, const char* name) const;
  IntView ints(std::size_t i, const char* name) const;
  ByteView bytes(std::size_t i, const char* name) const;
  DoubleView doubles(std::size_t i, const char* name) const;
  /** An integral number in [min, max]. */
  std::int64_t integer(std::size_t i, const char* name, std::int64_t min, std::int64_t max = INT32_MAX) const;
  /** A finite number (or any non-NaN number when allowInfinite). */
  double number(std::size_t i, const char* name, bool allowInfinite = false) const;
  bool flag(std::size_t i, const char* name) const;

  /** Throws unless the (non-null) view holds at least `count` elements. */
  void need(const FloatView& view, std::size_t count) const { needElements(view.name, view.length, count, "floats"); }
  void need(const IntView& view, std::size_t count) const { needElements(view.name, view.length, count, "ints"); }
  void need(const ByteView& view, std::size_t count) const { needElements(view.name, view.length, count, "bytes"); }
  void need(const DoubleView& view, std::size_t count) const { needElements(view.name, view.length, count, "doubles"); }

  /** Throws if the first `count` elements of the (non-null) views overlap: kernels that write through restrict
   *  pointers need distinct buffers. */
  void disjoint(std::initializer_list<FloatView> views, std::size_t count) const;

  /** Product of non-negative sizes, throwing instead of overflowing. */
  std::size_t product(std::initializer_list<std::int64_t> factors) const;

  [[noreturn]] void fail(const std::string& message) const;
  [[noreturn]] void failType(const std::string& message) const;

 private:
  void needElements(const char* name, std::size_t length, std::size_t count, const char* unit) const;
  Napi::Value at(std::size_t i) const { return info_[i]; }

  const Napi::CallbackInfo& info_;
  const char* function_;
};

}  // namespace nw
