#include "kith/use_cases/journal.hpp"

#include <string>

#include "transaction.hpp"

namespace kith {
namespace {

// "change #14 (edit Ada Lovelace)": how errors name a change.
std::string named(const JournalEntry& entry) {
  return "change #" + std::to_string(entry.id) + " (" + entry.summary + ")";
}

}  // namespace

Result<JournalEntry> undo_change(Store& store, std::optional<std::int64_t> id) {
  return in_write<JournalEntry>(store, [&]() -> Result<JournalEntry> {
    JournalEntry entry;
    if (id) {
      auto found = store.journal_entry(*id);
      if (!found) return found.error();
      if (found->undone) {
        return invalid_input(named(*found) +
                             " is already undone (kith redo brings back the last "
                             "undo)");
      }
      auto later = store.later_change_touching(*id);
      if (!later) return later.error();
      if (*later) {
        return invalid_input("cannot undo " + named(*found) + " alone: " + named(**later) +
                             " touched the same records since; undo that first");
      }
      entry = std::move(*found);
    } else {
      auto last = store.last_change();
      if (!last) return last.error();
      if (!*last) return Error{Errc::not_found, "nothing to undo: the journal holds no change"};
      entry = std::move(**last);
    }
    Status reverted = store.revert_change(entry.id);
    if (!reverted) {
      if (reverted.error().code != Errc::invalid_input) return reverted.error();
      return invalid_input("cannot undo " + named(entry) + ": " + reverted.error().message);
    }
    return store.journal_entry(entry.id);
  });
}

Result<JournalEntry> redo_change(Store& store) {
  return in_write<JournalEntry>(store, [&]() -> Result<JournalEntry> {
    auto redoable = store.redoable_change();
    if (!redoable) return redoable.error();
    if (!*redoable) {
      return Error{Errc::not_found,
                   "nothing to redo: kith redo re-applies the last undo while nothing else "
                   "has been written since"};
    }
    const JournalEntry& entry = **redoable;
    Status reapplied = store.reapply_change(entry.id);
    if (!reapplied) {
      if (reapplied.error().code != Errc::invalid_input) return reapplied.error();
      return invalid_input("cannot redo " + named(entry) + ": " + reapplied.error().message);
    }
    return store.journal_entry(entry.id);
  });
}

Result<std::vector<JournalEntry>> list_changes(Store& store, int limit) {
  return store.journal(limit);
}

}  // namespace kith
