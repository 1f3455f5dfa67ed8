// LinkedIn's Connections.csv (from "Get a copy of your data"): a few lines of notes, then
// the header First Name, Last Name, URL, Email Address, Company, Position, Connected On,
// then one connection per row. Pure: streams and plain structs, no database.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contact_patch.hpp"
#include "csv.hpp"
#include "kith/date.hpp"
#include "kith/status.hpp"

namespace kith::formats {

// The tag a contact first imported from LinkedIn gets, so that they can be found and sorted.
inline constexpr std::string_view kLinkedInTag = "linkedin";

// "Connected On" as LinkedIn writes it, "21 Nov 2024" (English month abbreviations or
// names), or "2024-11-21". nullopt otherwise.
std::optional<Date> parse_connected_on(std::string_view text);

struct LinkedInConnection {
  int line = 0;  // the row's line in the file
  std::string first_name;
  std::string last_name;
  std::string url;
  std::string email;
  std::string company;
  std::string position;
  std::string connected_on;
};

class LinkedInReader {
 public:
  // How many records may come before the header (LinkedIn writes three).
  static constexpr int kHeaderSearch = 20;

  explicit LinkedInReader(std::istream& in) : csv_(in) {}

  // Reads the next connection. Returns true on one, false at the end, or Errc::bad_file:
  // no header with First Name, Last Name and URL among the first kHeaderSearch records
  // (naming what was expected), or the CSV errors CsvReader names by line. Columns are found
  // by their header name, in any order; a UTF-8 BOM is ignored; blank rows are skipped.
  Result<bool> next(LinkedInConnection& connection);

 private:
  Status find_header();

  CsvReader csv_;
  bool header_found_ = false;
  // Column index of each field in LinkedInConnection order; -1 when absent.
  std::vector<int> columns_;
};

// What a connection says about the person: the name, the email, Company as organisation,
// Position as title, the profile as a LinkedIn external id with the day you connected, and
// the "linkedin" tag for a new contact. nullopt (with a warning "line N: ...") for a row
// without a name or a profile URL (the key that recognises it again); a value kith cannot
// hold is left out with a warning.
std::optional<ContactPatch> contact_patch(const LinkedInConnection& connection,
                                          std::vector<std::string>& warnings);

}  // namespace kith::formats
