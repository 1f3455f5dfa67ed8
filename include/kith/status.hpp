// kith's one error currency.
//
// Core functions report failure by returning an Error inside a Result<T> (or a Status, which
// is Result<void>). They never throw across the public API and never print. The CLI maps an
// Error's code to the process exit code that README.md documents ("Exit codes").
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace kith {

// What went wrong, coarse enough to choose an exit code and fine enough for tests to assert.
enum class Errc {
  invalid_input,  // a bad argument, date, duration, name or type (exit 2)
  not_found,      // no such contact, type or reminder (exit 3)
  ambiguous,      // a name that matches several contacts (exit 3)
  bad_file,       // an input file that cannot be read or parsed (exit 4)
  storage,        // the database cannot be opened, is locked, damaged or too new (exit 5)
  internal,       // a bug: anything else (exit 1)
  cancelled,      // stopped on request (Ctrl-C, SIGTERM: kith/cancel.hpp); nothing was changed
                  // (exit 128 + the signal's number)
};

// An error: a code and one line of text that names the problem and the offending input.
// The message never contains a contact's notes or other private free text.
struct Error {
  Errc code;
  std::string message;
};

inline Error invalid_input(std::string message) {
  return {Errc::invalid_input, std::move(message)};
}
inline Error not_found(std::string message) { return {Errc::not_found, std::move(message)}; }

// Either a T or an Error. Accessing the wrong alternative is a programming error
// (std::bad_variant_access), never a silent default.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  // On a temporary Result, the value itself (moved out), never a reference into the
  // temporary: `for (auto& x : *store.reminders(...))` must not iterate a destroyed vector.
  T value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Success, or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return !error_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

}  // namespace kith

// Evaluates a Result-returning expression and returns its Error from the enclosing function
// when it failed. Works in functions returning any Result<U>.
#define KITH_TRY(expr) KITH_TRY_IMPL(expr, KITH_TRY_NAME(kith_try_, __COUNTER__))
#define KITH_TRY_NAME(a, b) KITH_TRY_CONCAT(a, b)
#define KITH_TRY_CONCAT(a, b) a##b
#define KITH_TRY_IMPL(expr, name)                            \
  do {                                                       \
    if (auto name = (expr); !name.ok()) return name.error(); \
  } while (false)
