// Exporting the database to files that kith and other tools read: kith JSON (everything,
// for backup and sync), vCard (contacts for address books), iCalendar (reminders and yearly
// dates for calendar apps) and CSV (a contact table for spreadsheets).
#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

#include "kith/date.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

enum class ExportFormat { json, vcard, ics, csv };
// "json", "vcard", "ics", "csv".
std::string_view to_string(ExportFormat format);
// Case-insensitive; also "vcf" and "ical". invalid_input listing the formats otherwise.
Result<ExportFormat> parse_export_format(std::string_view text);

struct ExportOptions {
  ExportFormat format = ExportFormat::json;
  // The export time, a kith timestamp (2026-11-22T21:03:11.512Z): JSON's exported_at and
  // every calendar event's DTSTAMP. The caller reads the clock; the core never does.
  std::string now;
  // CSV only: the next check-in and days overdue are as of this day.
  Date today;
};

// How many records an export wrote.
struct ExportCounts {
  std::uint64_t types = 0;
  std::uint64_t contacts = 0;
  std::uint64_t interactions = 0;
  std::uint64_t reminders = 0;
  std::uint64_t goals = 0;
  std::uint64_t links = 0;   // json: who knows whom (kith knows)
  std::uint64_t events = 0;  // ics: calendar events (a reminder can make two)
};

// Writes the database to `out` in options.format, streaming: records go from the database
// to `out` one at a time, so memory stays flat however large the database. Records come in
// the order they were added.
// - json: every type, contact, interaction and reminder (docs/interop.md); exporting,
//   importing into an empty database and exporting again gives the same bytes but for
//   exported_at.
// - vcard: every contact, archived ones included, as vCard 4.0.
// - ics: open reminders of every kind, and birthdays and important dates of active contacts
//   as yearly events.
// - csv: one row per contact, archived ones included.
// REQUIRES: is_timestamp(options.now) for json and ics.
// Errc::storage when the database fails; Errc::bad_file "cannot write the export" when
// `out` fails (the caller names the file).
Result<ExportCounts> export_to(Store& store, std::ostream& out, const ExportOptions& options);

// export_to for a stream whose bytes cannot be taken back (standard output): when it fails
// after writing part of the export, the error says so, with the cause's code: "the export
// is incomplete: <cause>" (a damaged database: exit 5 in the CLI; a cancel; a failed write).
Result<ExportCounts> export_to_stream(Store& store, std::ostream& out,
                                      const ExportOptions& options);

// export_to into the file at `target` (OutputFile): kith's own files are refused (the
// database at `database` and those beside it), a regular file is replaced atomically with
// mode 0600, a FIFO, device or terminal is written directly. On any failure a regular file is
// left as it was (the temporary file removed). Errors: OutputFile's; export_to's, a failed
// write as "cannot write 'T': <reason>" (Errc::bad_file).
Result<ExportCounts> export_to_file(Store& store, const std::filesystem::path& target,
                                    const std::filesystem::path& database,
                                    const ExportOptions& options);

}  // namespace kith
