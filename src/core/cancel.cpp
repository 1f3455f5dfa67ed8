// Cancellation (kith/cancel.hpp): a process-wide flag, and the connections to interrupt.
#include "kith/cancel.hpp"

#include <array>
#include <atomic>

#include "store_impl.hpp"

namespace kith {
namespace {

std::atomic<bool> requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

// The open connections, each in a slot of its own. A handler reads them while the thread it
// interrupted may be between statements, never inside a registration: a slot holds a live
// connection or nullptr. More connections than slots are not interrupted, only polled.
constexpr std::size_t kSlots = 16;
std::array<std::atomic<sqlite3*>, kSlots> connections{};
static_assert(std::atomic<sqlite3*>::is_always_lock_free);

}  // namespace

void request_cancel() noexcept {
  requested.store(true);
  for (auto& slot : connections) {
    if (sqlite3* db = slot.load()) sqlite3_interrupt(db);
  }
}

bool cancel_requested() noexcept { return requested.load(std::memory_order_relaxed); }

Error cancelled_error() { return {Errc::cancelled, "cancelled; nothing was changed"}; }

Status check_cancel() {
  if (cancel_requested()) return cancelled_error();
  return {};
}

void reset_cancel() noexcept { requested.store(false); }

InterruptHook::InterruptHook(sqlite3* db) noexcept {
  for (std::size_t i = 0; i < kSlots; ++i) {
    sqlite3* empty = nullptr;
    if (connections[i].compare_exchange_strong(empty, db)) {
      slot_ = static_cast<int>(i);
      // A request made before this connection existed still stops its first statement.
      if (cancel_requested()) sqlite3_interrupt(db);
      return;
    }
  }
}

InterruptHook::~InterruptHook() {
  if (slot_ >= 0) connections[static_cast<std::size_t>(slot_)].store(nullptr);
}

}  // namespace kith
