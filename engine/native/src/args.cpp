// Implementation of Args: type checks on typed arrays and numbers, length checks, checked size arithmetic.
#include "args.hpp"

#include <cmath>
#include <limits>

namespace nw {
namespace {

const char* describe(const Napi::Value& value) {
  switch (value.Type()) {
    case napi_undefined: return "undefined";
    case napi_null: return "null";
    case napi_boolean: return "a boolean";
    case napi_number: return "a number";
    case napi_string: return "a string";
    case napi_symbol: return "a symbol";
    case napi_function: return "a function";
    case napi_bigint: return "a bigint";
    case napi_object:
      if (value.IsTypedArray()) {
        switch (value.As<Napi::TypedArray>().TypedArrayType()) {
          case napi_int8_array: return "an Int8Array";
          case napi_uint8_array: return "a Uint8Array";
          case napi_uint8_clamped_array: return "a Uint8ClampedArray";
          case napi_int16_array: return "an Int16Array";
          case napi_uint16_array: return "a Uint16Array";
          case napi_int32_array: return "an Int32Array";
          case napi_uint32_array: return "a Uint32Array";
          case napi_float32_array: return "a Float32Array";
          case napi_float64_array: return "a Float64Array";
          default: return "a typed array";
        }
      }
      if (value.IsArray()) return "an array";
      return "an object";
    default: return "an unknown value";
  }
}

template <class T>
View<T> typedView(const Args& args, const Napi::Value& value, napi_typedarray_type type, const char* typeName,
                  const char* name) {
  if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != type) {
    args.failType(std::string(name) + " must be " + typeName + ", got " + describe(value));
  }
  auto array = value.As<Napi::TypedArrayOf<T>>();
  View<T> view;
  view.length = array.ElementLength();
  view.data = view.length == 0 ? nullptr : array.Data();
  view.name = name;
  if (view.data == nullptr) {
    // Empty (or detached) arrays still need a non-null pointer so that "null" keeps meaning "not passed".
    static T empty[1];
    view.data = empty;
  }
  return view;
}

}  // namespace

Args::Args(const Napi::CallbackInfo& info, const char* function, std::size_t count) : info_(info), function_(function) {
  if (info.Length() != count) {
    fail("expected " + std::to_string(count) + " arguments, got " + std::to_string(info.Length()));
  }
}

void Args::fail(const std::string& message) const {
  throw Napi::RangeError::New(env(), std::string(function_) + ": " + message);
}

void Args::failType(const std::string& message) const {
  throw Napi::TypeError::New(env(), std::string(function_) + ": " + message);
}

FloatView Args::floats(std::size_t i, const char* name) const {
  return typedView<float>(*this, at(i), napi_float32_array, "a Float32Array", name);
}

FloatView Args::floatsOrNull(std::size_t i, const char* name) const {
  Napi::Value value = at(i);
  if (value.IsNull() || value.IsUndefined()) {
    FloatView none;
    none.name = name;
    return none;
  }
  if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != napi_float32_array) {
    failType(std::string(name) + " must be a Float32Array or null, got " + describe(value));
  }
  return floats(i, name);
}

IntView Args::ints(std::size_t i, const char* name) const {
  return typedView<std::int32_t>(*this, at(i), napi_int32_array, "an Int32Array", name);
}

ByteView Args::bytes(std::size_t i, const char* name) const {
  return typedView<std::uint8_t>(*this, at(i), napi_uint8_array, "a Uint8Array", name);
}

DoubleView Args::doubles(std::size_t i, const char* name) const {
  return typedView<double>(*this, at(i), napi_float64_array, "a Float64Array", name);
}

std::int64_t Args::integer(std::size_t i, const char* name, std::int64_t min, std::int64_t max) const {
  Napi::Value value = at(i);
  if (!value.IsNumber()) failType(std::string(name) + " must be an integer, got " + describe(value));
  double number = value.As<Napi::Number>().DoubleValue();
  if (!std::isfinite(number) || std::floor(number) != number) {
    fail(std::string(name) + " must be an integer, got " + std::to_string(number));
  }
  if (number < static_cast<double>(min) || number > static_cast<double>(max)) {
    fail(std::string(name) + " must be in [" + std::to_string(min) + ", " + std::to_string(max) + "], got " +
         std::to_string(static_cast<long long>(number)));
  }
  return static_cast<std::int64_t>(number);
}

double Args::number(std::size_t i, const char* name, bool allowInfinite) const {
  Napi::Value value = at(i);
  if (!value.IsNumber()) failType(std::string(name) + " must be a number, got " + describe(value));
  double number = value.As<Napi::Number>().DoubleValue();
  if (std::isnan(number) || (!allowInfinite && !std::isfinite(number))) {
    fail(std::string(name) + " must be a finite number, got " + std::to_string(number));
  }
  return number;
}

bool Args::flag(std::size_t i, const char* name) const {
  Napi::Value value = at(i);
  if (!value.IsBoolean()) failType(std::string(name) + " must be a boolean, got " + describe(value));
  return value.As<Napi::Boolean>().Value();
}

void Args::needElements(const char* name, std::size_t length, std::size_t count, const char* unit) const {
  if (length < count) {
    fail(std::string(name) + " holds " + std::to_string(length) + " " + unit + ", needs " + std::to_string(count));
  }
}

void Args::disjoint(std::initializer_list<FloatView> views, std::size_t count) const {
  for (auto a = views.begin(); a != views.end(); ++a) {
    for (auto b = a + 1; b != views.end(); ++b) {
      if (!a->data || !b->data || count == 0) continue;
      if (a->data < b->data + count && b->data < a->data + count) {
        fail(std::string(a->name) + " and " + b->name + " overlap; they must be separate buffers");
      }
    }
  }
}

std::size_t Args::product(std::initializer_list<std::int64_t> factors) const {
  std::size_t result = 1;
  for (std::int64_t factor : factors) {
    if (factor < 0) fail("negative size");
    auto f = static_cast<std::size_t>(factor);
    if (f != 0 && result > std::numeric_limits<std::size_t>::max() / f) fail("sizes overflow");
    result *= f;
  }
  // Typed arrays cannot hold more than 2^53 elements; anything larger is a mistake in the dimensions.
  if (result > (static_cast<std::size_t>(1) << 53)) fail("sizes are too large");
  return result;
}

}  // namespace nw
