// CSV as RFC 4180 describes it: reading records (quoted fields, doubled quotes, line breaks
// inside quotes, CRLF or LF) and writing them.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kith/contact.hpp"
#include "kith/status.hpp"

namespace kith::formats {

// Reads CSV records from a stream, one at a time, with bounded memory.
class CsvReader {
 public:
  // Longest field and record accepted; longer ones are an error (a file that is not CSV,
  // or a runaway quote).
  static constexpr std::size_t kMaxField = 64 * 1024;
  static constexpr std::size_t kMaxRecord = 1024 * 1024;

  explicit CsvReader(std::istream& in) : in_(in) {}

  // Reads the next record into `fields`. Returns true on a record, false at the end of the
  // input, or Errc::bad_file naming the line: an unclosed quote, a field or record too long,
  // a NUL byte (binary data). A blank line is a record of one empty field. Quotes inside an
  // unquoted field, and text after a closing quote, are kept as they are.
  Result<bool> next(std::vector<std::string>& fields);

  // The line (1-based) on which the last record returned began.
  int line() const { return record_line_; }

 private:
  std::istream& in_;
  int line_ = 1;
  int record_line_ = 0;
};

// The field quoted per RFC 4180 when it holds a comma, a quote, CR or LF (quotes doubled);
// as is otherwise.
std::string csv_field(std::string_view value);

// Writes one record: fields quoted as needed, separated by commas, ended by CRLF.
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

// kith's contact table (export --format csv): one row per contact.
//
// Lists are joined by "; ". Text that a spreadsheet would run as a formula (starting with
// = + - @, a tab or CR) gets a leading apostrophe, in the text columns only: names and
// organisations can come from other people (a LinkedIn import), phones and numbers cannot.
std::vector<std::string> contacts_csv_header();

// The row of one contact. `cadence` is its effective cadence; the next check-in and how
// many days it is overdue are computed as of `today`.
std::vector<std::string> contact_csv_row(const Contact& contact,
                                         const std::optional<Duration>& cadence, Date today);

}  // namespace kith::formats
