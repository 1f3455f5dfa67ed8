// Device-to-device sync (kith sync DIR): the records devices exchange, and the rules that make
// every device end with the same records whatever order they sync in.
//
// Each field of a record, and each element of a record's sets, carries a stamp: the value of
// the writing device's hybrid logical clock, and the device's id. Of two values of one field,
// the one with the greater stamp wins (the greater value on equal stamps, which happens only
// for values devices held before they first synced). Applying the same records in any order
// therefore ends in the same state on every device.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/status.hpp"

namespace kith {

// When and where a value was written. The default stamp is the least: values written before
// a database's first sync carry it.
struct Stamp {
  std::int64_t clock = 0;  // hybrid logical clock: wall milliseconds << 16, plus a counter
  std::string device;
  friend auto operator<=>(const Stamp&, const Stamp&) = default;
  friend bool operator==(const Stamp&, const Stamp&) = default;
};

// The clock value for a wall-clock time in milliseconds since 1970.
constexpr std::int64_t clock_at(std::int64_t wall_ms) { return wall_ms << 16; }
// The wall-clock milliseconds a clock value stands for.
constexpr std::int64_t wall_of(std::int64_t clock) { return clock >> 16; }

// The next value of a device's clock for an event at `wall_ms`: later than every value it
// issued or saw (`last`), and than the wall clock. Survives a wall clock that runs behind
// another device's, or goes back: order follows what each device had seen.
std::int64_t tick(std::int64_t last, std::int64_t wall_ms);

// The kinds of synced records. Frozen: written in sync files as "type", "contact",
// "interaction", "reminder", "goal", "link" (a "knows" link between two people).
enum class SyncKind { type, contact, interaction, reminder, goal, link };
std::string_view to_string(SyncKind kind);
std::optional<SyncKind> parse_sync_kind(std::string_view text);

// One field's value (nullopt: empty, SQL NULL), or one set element's (nullopt: removed; ""
// for a plain set's present element; the day for a labelled date), with its stamp.
struct SyncValue {
  std::optional<std::string> value;
  Stamp stamp;
  friend bool operator==(const SyncValue&, const SyncValue&) = default;
};

// True when `a` beats `b`: the greater stamp, or on equal stamps the greater value (a
// present value beats nullopt).
bool wins(const SyncValue& a, const SyncValue& b);

// A record's state as one device knows it. Types are keyed by name, the rest by uuid.
struct SyncRecord {
  SyncKind kind = SyncKind::contact;
  std::string uuid;
  std::map<std::string, SyncValue> fields;
  // Each set's elements, removed ones included (their value nullopt) while they have a stamp.
  std::map<std::string, std::map<std::string, SyncValue>> sets;
  // For each field changed on the sending device since its last sync, the stamp it replaced
  // there: the receiver that holds another stamp had changed the field too (a conflict).
  std::map<std::string, Stamp> bases;
  // Made on its device after that device first synced (not a record it held before): the only
  // kind of record that may come back after a deletion, and only when made after it (kith
  // redo of an undone add).
  std::optional<Stamp> created;
};

// A deleted record. A contact merged into another (kith merge) names it.
struct SyncDeletion {
  SyncKind kind = SyncKind::contact;
  std::string uuid;
  Stamp stamp;
  std::optional<std::string> merged_into;  // the uuid of the contact it became part of
};

// Two devices changed one field before either saw the other's change: both resolve it alike,
// and the sync that saw it reports it.
struct SyncConflict {
  SyncKind kind = SyncKind::contact;
  std::string uuid;
  std::string record;  // what people call the record: the contact's name, the summary
  std::string field;
  std::optional<std::string> kept;  // the winning value
  Stamp kept_stamp;
  std::optional<std::string> lost;
  Stamp lost_stamp;
};

// What to do with an incoming field, given the local one, the stamp the sender's change
// replaced (`base`, when it changed the field since its last sync) and this device's id.
struct FieldMerge {
  bool take = false;  // the incoming value wins
  // This device changed the field and the sender changed it too without having seen that
  // change, to another value: a conflict, which both devices see and settle alike.
  bool conflict = false;
};
FieldMerge merge_field(const SyncValue& local, const SyncValue& incoming,
                       const std::optional<Stamp>& base, std::string_view self);

}  // namespace kith
