// The journal of changes: what kith undo and kith redo work from.
//
// Every write command is one change. The store records, inside the command's own transaction,
// what it did to the base tables (an SQLite session changeset) together with the note the use
// case gives it (Store::note_change). Undo applies the inverse of a change, redo the change
// again; both recompute what is derived (the per-person summaries, the full-text indexes)
// instead of journaling it. docs/architecture.md, "Undo", has the design.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "kith/date.hpp"

namespace kith {

// What the running write command is, for the journal. Written by the use case, inside
// Store::write, once it knows what it did.
struct ChangeNote {
  std::string command;  // the command as typed: "log", "amend", "import"...
  // One readable line that says what it did, with the names people know it by:
  // "log with José Núñez on 2026-11-22, 'Sent him the savings'".
  std::string summary;
  Date day;  // the command's today
  // Not journaled, and never undoable (kith rm): the use case erases the person from the
  // journal itself (Store::forget_person).
  bool final = false;
};

// How many records of each kind a change touched (added, changed or removed).
struct Touched {
  std::int64_t contacts = 0;
  std::int64_t interactions = 0;
  std::int64_t reminders = 0;
  std::int64_t types = 0;
};

// One change in the journal.
struct JournalEntry {
  std::int64_t id = 0;  // what kith undo ID names; ids only grow
  Date day;             // the day of the command that made it
  std::string at;       // when it was recorded, UTC: "2026-12-03T09:41:07Z"
  std::string command;
  std::string summary;
  Touched touched;
  std::int64_t bytes = 0;  // the size of what the journal holds for it
  bool undone = false;
};

// How much the journal keeps: the newest change always, and of the older ones at most
// kMaxEntries, none from more than kMaxAgeDays before the newest one's day, and no more than
// kMaxBytes of changesets in all. Older ones are pruned as new ones are recorded.
inline constexpr int kJournalMaxEntries = 500;
inline constexpr int kJournalMaxAgeDays = 90;
inline constexpr std::int64_t kJournalMaxBytes = 256LL * 1024 * 1024;

}  // namespace kith
