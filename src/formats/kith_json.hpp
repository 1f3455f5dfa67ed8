// kith's own JSON document (export --format json, import): one versioned document with every
// record, written and read one record at a time so that memory stays flat however large the
// database. The shape is docs/export.schema.json; docs/interop.md explains it. Pure.
//
//   {"format": "kith", "version": 1, "exported_at": "...",
//    "types": [...], "contacts": [...], "interactions": [...], "reminders": [...],
//    "goals": [...], "links": [...]}
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kith/records.hpp"
#include "kith/status.hpp"

namespace kith::formats {

// The version this kith writes and the newest it reads. A change that older readers would
// misread gets a new version; adding keys does not (readers ignore keys they do not know).
inline constexpr int kKithJsonVersion = 1;

// The record arrays, in the order kith writes them (and references point backwards).
// "goals" and "links" came later: a document without them has none.
enum class Section { types, contacts, interactions, reminders, goals, links };
inline constexpr std::size_t kSections = 6;
std::string_view to_string(Section section);

// Writes a document to a stream: the header when constructed, then records, then finish().
// Records of a section must come together, sections in Section order; a section with no
// record is written as []. One record per line, so the output diffs and greps well.
class KithJsonWriter {
 public:
  // `exported_at` is a kith timestamp (2026-11-22T21:03:11.512Z).
  KithJsonWriter(std::ostream& out, std::string_view exported_at);
  void add(const TypeRecord& record);
  void add(const ContactRecord& record);
  void add(const InteractionRecord& record);
  void add(const ReminderRecord& record);
  void add(const GoalRecord& record);
  void add(const LinkRecord& record);
  // Closes the open section, writes the empty ones after it and ends the document.
  void finish();

 private:
  void enter(Section section);
  void line(const std::string& json);

  std::ostream& out_;
  int open_ = -1;      // the section being written, -1 before the first
  bool empty_ = true;  // no record yet in the open section
};

// What a document holds, from a reading pass.
struct KithJsonOutline {
  int version = 0;
  std::string exported_at;
  std::vector<Section> order;                   // the sections in the order the file has them
  std::array<std::size_t, kSections> counts{};  // records per section
};

// What a reading pass does with each record, checked and converted. A section without a
// handler is skipped without building its records (cheap: a pass that wants only the
// outline builds none). A handler's error stops the pass.
struct KithJsonHandlers {
  std::function<Status(TypeRecord&)> type;
  std::function<Status(ContactRecord&)> contact;
  std::function<Status(InteractionRecord&)> interaction;
  std::function<Status(ReminderRecord&)> reminder;
  std::function<Status(GoalRecord&)> goal;
  std::function<Status(LinkRecord&)> link;
};

// Most levels of nesting a document may have (kith's records use four).
inline constexpr int kMaxDepth = 16;
// Longest string value accepted.
inline constexpr std::size_t kMaxString = 1024 * 1024;

// Reads a document from `in` in one pass with bounded memory: one record at a time, each
// checked (fields of the right type, required ones present, values kith accepts: names,
// dates, uuids, timestamps...) and handed to its handler in file order. Keys kith does not
// know are ignored, at the top and in records.
//
// Errors, all Errc::bad_file unless a handler returns Errc::storage, Errc::internal or
// Errc::cancelled (passed on as they are, the last without a record's prefix):
// - not JSON: "not valid JSON at line L, column C: <what>" (never quoting the text read);
//   a number too large for a double (1e400, or an integer of 400 digits) in a record:
//   "<section>[<index>] (uuid <uuid>): "<key>": number out of range", naming the key at the
//   record's top level that holds it and the uuid when it came before;
// - not kith's: no "format": "kith", no "version", a version newer than kKithJsonVersion,
//   a section that is not an array, nesting deeper than kMaxDepth, a string longer than
//   kMaxString, a duplicate key;
// - a bad record: "<section>[<index>] (uuid <uuid>): <problem>", index 0-based as in jq,
//   problems like: missing "name"; "weight": expected an integer from 1 to 5. A handler's
//   error gets the same prefix.
// The header is checked when read and again at the end; a handler may see records before a
// header that comes after them, so check the outline in a pass without handlers first.
Result<KithJsonOutline> read_kith_json(std::istream& in, const KithJsonHandlers& handlers);

}  // namespace kith::formats
