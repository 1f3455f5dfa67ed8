// Importing files into the database: kith's own JSON (a merge by uuid that keeps the newer
// of two records), vCard address books and LinkedIn's Connections.csv. All or nothing: one
// transaction, and a file that cannot be read or holds an invalid record changes nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kith/date.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

enum class ImportFormat { json, vcard, linkedin };
// "json", "vcard", "linkedin".
std::string_view to_string(ImportFormat format);
// Case-insensitive; also "vcf". invalid_input listing the formats otherwise.
Result<ImportFormat> parse_import_format(std::string_view text);

struct ImportOptions {
  ImportFormat format = ImportFormat::json;
  // Do everything in a transaction that is rolled back: the report says what would change,
  // and nothing does.
  bool dry_run = false;
  // The day a contact new from a vCard or LinkedIn file is added on.
  Date today;
  // Called with the number of records read so far and the number in the file (0 when it is
  // not known in advance, as for vCard and CSV), every kProgressEvery records and once at
  // the end; for a progress display. May be empty.
  std::function<void(std::uint64_t records, std::uint64_t total)> progress;
};

inline constexpr std::uint64_t kProgressEvery = 1000;
// Warnings kept in a report; more are counted in warnings_left_out.
inline constexpr std::size_t kMaxWarnings = 50;

// What merging did to the records of one kind. For vCard and LinkedIn, `skipped` counts the
// contacts the file had nothing new about.
struct MergeCounts {
  std::uint64_t added = 0;
  std::uint64_t updated = 0;
  std::uint64_t skipped = 0;
};

struct ImportReport {
  MergeCounts types;
  MergeCounts contacts;
  MergeCounts interactions;
  MergeCounts reminders;
  MergeCounts goals;
  MergeCounts links;  // json: who knows whom (kith knows)
  // Values left out of a vCard or LinkedIn file because kith cannot hold them (a phone
  // that is not a number, a date without a day), each "<file>: line N: <problem>".
  std::vector<std::string> warnings;
  std::uint64_t warnings_left_out = 0;
  // LinkedIn connections without an email whose name is several contacts' names: each was
  // added as a new contact, and kith dupes lists it beside them.
  std::uint64_t possible_duplicates = 0;
};

// Opens an import's input at its start. Called once per pass over it (a JSON file whose
// sections are out of kith's order is read more than once), so each call must give the
// same bytes (ImportInput's source() does, for files, pipes and standard input alike).
// Errc::bad_file when the input cannot be read.
using ImportSource = std::function<Result<std::unique_ptr<std::istream>>()>;

// Reads what `open` gives in options.format and merges it into the store in one transaction
// (rolled back for a dry run), naming the input `name` in errors and warnings.
// - json: records merge by uuid: a new one is added; a known one is replaced only when the
//   file's updated_at is later (kept as in the file, with uuid and created_at). Importing
//   the same file twice changes nothing. Nothing is ever deleted. Sections may come in any
//   order (the input is read again per section when they are not in kith's order).
// - vcard: each card is matched to a contact by UID (kith's uuid, or an earlier import's
//   UID), else by an email; the fields it has replace the contact's, and its emails, phones,
//   tags and dates are added (see formats/contact_patch.hpp). A new contact is added today.
// - linkedin: each connection is matched by its profile URL, else its email; Company and
//   Position replace the organisation and title, Connected On is kept with the profile.
// Errors leave the store unchanged: Errc::bad_file "<name>: <where>: <problem>" for input
// that cannot be read or parsed or holds an invalid record (where: a line, or a JSON
// record's index and uuid); Errc::storage for the database; Errc::cancelled when a cancel
// is requested before the transaction commits (kith/cancel.hpp: checked between records).
Result<ImportReport> import_from(Store& store, std::string_view name, const ImportSource& open,
                                 const ImportOptions& options);

// Imports a vdir as vCards (options.format is ignored): every file ending ".vcf" in the folder
// `dir` (not hidden), in name order, each holding cards as `kith import FILE --format vcard`
// reads them, all in one transaction. Errors as import_from's, "<dir>: <file>: line N: ..."
// for a card that cannot be parsed; a folder without any card is Errc::bad_file too.
Result<ImportReport> import_folder(Store& store, const std::filesystem::path& dir,
                                   const ImportOptions& options);

}  // namespace kith
