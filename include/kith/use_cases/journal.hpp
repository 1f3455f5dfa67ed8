// Use cases about the journal of changes: kith undo, kith undo --list, kith redo.
//
// As in kith/use_cases/contacts.hpp: one transaction, everything shown read inside it, the
// database as it was on any error. Every write command is one change (kith/journal.hpp);
// kith rm is the one that cannot be undone.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "kith/journal.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

// kith undo [ID]: reverts the newest change in force, or the change `id` when no later change
// in force touched the records it wrote; returns it as it is afterwards (undone). The
// summaries, balances, next check-ins and search indexes follow. Errors:
// - not_found: nothing to undo ("nothing to undo: the journal holds no change in force"), or
//   no change `id`;
// - invalid_input: `id` is already undone; a later change touched its records (naming that
//   change: undo it first); the database no longer holds what the change left (a record
//   changed outside kith).
Result<JournalEntry> undo_change(Store& store, std::optional<std::int64_t> id);

// kith redo: applies again the change the last undo reverted, as long as nothing was written
// since that undo; returns it, in force again. not_found when there is nothing to redo
// (naming why: nothing was undone, or something was written since).
Result<JournalEntry> redo_change(Store& store);

// kith undo --list: the newest `limit` changes (0: all the journal keeps), newest first.
Result<std::vector<JournalEntry>> list_changes(Store& store, int limit);

}  // namespace kith
