// How the use cases run: one transaction each, returning what it read. Internal to the core.
#pragma once

#include <optional>
#include <utility>

#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

// Runs `body` (returning Result<T>) in one Store::write and returns its value once committed;
// on any error the transaction is rolled back and the error returned.
template <class T, class Body>
Result<T> in_write(Store& store, Body&& body) {
  std::optional<T> out;
  KITH_TRY(store.write([&]() -> Status {
    Result<T> result = body();
    if (!result) return result.error();
    out.emplace(std::move(result).value());
    return {};
  }));
  return std::move(*out);
}

// The same in one Store::read: every query of `body` sees one state of the database.
template <class T, class Body>
Result<T> in_read(Store& store, Body&& body) {
  std::optional<T> out;
  KITH_TRY(store.read([&]() -> Status {
    Result<T> result = body();
    if (!result) return result.error();
    out.emplace(std::move(result).value());
    return {};
  }));
  return std::move(*out);
}

}  // namespace kith
