// The files kith sync DIR writes into the shared folder: JSON Lines, one device's changes per
// file (docs/sync.md, "The folder").
//
//   {"kith_sync":1,"device":"3f9c...","name":"laptop","file":7}          the header
//   {"kind":"contact","uuid":"...","values":{"title":"CTO",...},         a record's state
//    "stamps":{"title":[112233,"3f9c..."]},"sets":{"tags":{"vip":""}},
//    "set_stamps":{"tags":{"vip":[...]}},"bases":{"title":[...]},"created":[...]}
//   {"kind":"contact","uuid":"...","deleted":[112240,"3f9c..."],"merged_into":"..."}
//   {"end":7,"lines":2}                                                   the trailer
//
// Values are strings or null; a stamp is [clock, device]; a field or element without a stamp
// has the least one. A file without its trailer is not whole yet (a sync tool still writing
// it) and is not read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "kith/status.hpp"
#include "kith/sync.hpp"

namespace kith {

inline constexpr int kSyncFormat = 1;

struct SyncFileHeader {
  int format = kSyncFormat;
  std::string device;
  std::string name;
  std::int64_t file = 0;
};

struct SyncFileEnd {
  std::int64_t file = 0;
  std::int64_t lines = 0;
};

using SyncLine = std::variant<SyncFileHeader, SyncRecord, SyncDeletion, SyncFileEnd>;

std::string sync_line(const SyncLine& line);

// One line parsed and checked: every value of a record as kith would store it (a real date,
// a known channel, a weight from 1 to 5...). Errc::bad_file saying what is wrong (never the
// value: it may be a person's note); a header of a newer format says so.
Result<SyncLine> parse_sync_line(std::string_view text);

}  // namespace kith
