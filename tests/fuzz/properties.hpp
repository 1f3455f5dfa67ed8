// What must hold for any input to kith's parsers, checked by the libFuzzer targets in this
// folder and, for every saved input (tests/fuzz/corpus/<target>/), by the Catch2 suite: an
// input that once broke a property stays a test.
//
// Each function takes arbitrary bytes and returns "" when every property holds, else one
// line saying which did not. None may crash, hang or trip a sanitizer on any input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kith::fuzz {

// Dates and durations: parse_date (the first bytes choose today and the weekday rule),
// Date::parse_iso, Duration::parse, YearlyDate::parse; round trips and ranges.
std::string date_properties(std::string_view input);

// Names and free text: UTF-8 validation, folding, display width, truncation and padding,
// trimming, blank detection, the name/tag/label/type/free-text checks, and the CLI's
// printable() and elide_middle() (the first byte chooses the widths).
std::string text_properties(std::string_view input);

// The search and WHO lookup on a small database: find() and resolve() answer or refuse
// with invalid input, never a database error (no text may become FTS5 or SQL syntax).
std::string search_properties(std::string_view input);

// kith's JSON import into an in-memory database: the input is refused as a bad file (one
// line, the database unchanged, the dry run agreeing) or imported, and importing the same
// bytes again changes nothing (format_properties.cpp, as the two below).
std::string json_import_properties(std::string_view input);

// The vCard reader: values and what a card says are UTF-8; the 4.0 writer's output of each
// card has CRLF lines of at most 75 octets and reads back as the same person.
std::string vcard_properties(std::string_view input);

// The CSV reader and LinkedIn's reader on the bytes, and writer-then-reader round trips of
// the bytes cut into fields (0x1F between fields, 0x1E between records).
std::string csv_properties(std::string_view input);

struct Target {
  const char* name;  // the libFuzzer binary, and its seed corpus tests/fuzz/corpus/<name>/
  std::string (*properties)(std::string_view input);
};

// Every fuzz target. tests/fuzz/CMakeLists.txt builds one binary for each (a new parser
// needs a properties function, an entry here, a line there and a seed corpus).
const std::vector<Target>& targets();

}  // namespace kith::fuzz
