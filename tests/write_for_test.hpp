// Store::write for tests that write through the store directly rather than through a use
// case: every write that changes something must say what it is, for the journal.
#pragma once

#include <functional>

#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

inline Status write_for_test(Store& store, const std::function<Status()>& body) {
  return store.write([&]() -> Status {
    KITH_TRY(body());
    store.note_change({"test", "a write made by a test", *Date::parse_iso("2026-11-22")});
    return {};
  });
}

}  // namespace kith
