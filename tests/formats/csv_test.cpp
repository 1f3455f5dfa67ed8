// RFC 4180 CSV: reading records with quotes and line breaks, writing them, and kith's
// contact table.
#include "formats/csv.hpp"

#include <catch2/catch.hpp>
#include <sstream>

namespace kith::formats {
namespace {

// Every record as "a|b|c", records joined by "/", or the error text.
std::string records(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in);
  std::vector<std::string> fields;
  std::string out;
  while (true) {
    auto more = reader.next(fields);
    if (!more) return "error: " + more.error().message;
    if (!*more) return out;
    if (!out.empty()) out += "/";
    out += std::to_string(reader.line()) + ":";
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "|" : "") + fields[i];
  }
}

}  // namespace

TEST_CASE("CSV records split on commas, end at CRLF or LF, and name their first line",
          "[formats][csv]") {
  CHECK(records("a,b,c\r\nd,e,f\r\n") == "1:a|b|c/2:d|e|f");
  CHECK(records("a,b\nc,d") == "1:a|b/2:c|d");
  CHECK(records("a,,\n\nb") == "1:a||/2:/3:b");
}

TEST_CASE("quoted CSV fields hold commas, doubled quotes and line breaks", "[formats][csv]") {
  CHECK(records("\"a,b\",\"say \"\"hi\"\"\",c\r\n") == "1:a,b|say \"hi\"|c");
  CHECK(records("\"two\r\nlines\",x\r\nnext,row\r\n") == "1:two\r\nlines|x/3:next|row");
  CHECK(records("\"\",\"\"") == "1:|");
}

TEST_CASE("stray quotes inside unquoted fields are kept as they are", "[formats][csv]") {
  CHECK(records("5'10\",ok") == "1:5'10\"|ok");
  CHECK(records("\"quoted\"tail,x") == "1:quotedtail|x");
}

TEST_CASE("broken CSV is an error naming the line", "[formats][csv]") {
  CHECK(records("a,b\n\"never closed,x\ny\n") ==
        "error: line 2: a quoted field is not closed before the end");
  CHECK(records(std::string("a,b\nc\0d\n", 8)) ==
        "error: line 2: binary data (a NUL byte), not CSV text");
  CHECK(records("x," + std::string(CsvReader::kMaxField + 1, 'y')) ==
        "error: line 1: a field longer than 64 KiB");
}

TEST_CASE("CSV fields are quoted only when they must be, rows end in CRLF", "[formats][csv]") {
  CHECK(csv_field("plain text") == "plain text");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  std::ostringstream out;
  write_csv_row(out, {"a", "b,c", ""});
  CHECK(out.str() == "a,\"b,c\",\r\n");
}

TEST_CASE("the contact table has due dates and balance, and defuses spreadsheet formulas",
          "[formats][csv]") {
  Contact c;
  c.name = "=HYPERLINK(\"http://evil\")";
  c.uuid = "0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10";
  c.types = {"mentor", "peer"};
  c.tags = {"exec"};
  c.emails = {"a@example.com", "b@example.com"};
  c.phones = {"+1 555-0101"};
  c.org = "Acme, Inc.";
  c.circle = 2;
  c.added_on = *Date::parse_iso("2026-01-01");
  c.last_contact = *Date::parse_iso("2026-10-01");
  c.balance.given = 3;
  c.balance.received = 5;
  auto row = contact_csv_row(c, *Duration::parse("4w"), *Date::parse_iso("2026-11-22"));
  std::ostringstream out;
  write_csv_row(out, row);
  CHECK(
      out.str() ==
      "\"'=HYPERLINK(\"\"http://evil\"\")\",0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10,mentor; peer,exec,"
      "a@example.com; b@example.com,+1 555-0101,\"Acme, Inc.\",,2,4w,2026-10-01,2026-10-29,24,"
      "3,5,-2,no\r\n");
  CHECK(row.size() == contacts_csv_header().size());
}

}  // namespace kith::formats
