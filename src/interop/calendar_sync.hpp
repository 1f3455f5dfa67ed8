// kith sync --calendar DIR: kith's calendar kept in a vdir, one .ics file per event, for
// vdirsyncer to carry to a CalDAV server (or khal to read). One way: kith writes, never reads
// events back.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

struct CalendarSyncOptions {
  // The sync time, a kith timestamp: the DTSTAMP of every event written. The caller reads the
  // clock; the core never does.
  std::string now;
  bool dry_run = false;  // say what would be written and removed; touch nothing
};

struct CalendarSyncReport {
  std::uint64_t written = 0;          // events added or changed
  std::uint64_t unchanged = 0;        // events whose file already says the same
  std::uint64_t removed = 0;          // kith's events whose source is done, cancelled or gone
  std::vector<std::string> warnings;  // files left alone ("NAME: why")
};

// Brings the vdir `dir` (created, 0700, when missing; its parent must exist) in line with the
// database: one file "<UID>.ics" per event that `kith export --format ics` would give (open
// reminders, promises, follow-ups and saved plans, birthdays and dates of active contacts),
// each a VCALENDAR with one VEVENT, with a stable UID ending "@kith"; recurring where the
// source recurs. A file whose event is unchanged (DTSTAMP aside) is not rewritten, so that
// vdirsyncer uploads only what changed; a changed event is written in place (the file it is
// in keeps its name, even when vdirsyncer named it); each file is written atomically (not
// fsynced: a sync rewrites any file that differs from its event), mode 0600. Files of kith's events
// (UID ending "@kith") whose source is no longer there are removed; every other file is left alone,
// so the calendar may be shared. Hidden files and files not ending ".ics" are never read.
// Errc::bad_file naming the folder or file when the folder cannot be made, read or written.
Result<CalendarSyncReport> sync_calendar(Store& store, const std::filesystem::path& dir,
                                         const CalendarSyncOptions& options);

}  // namespace kith
