// LinkedIn's Connections.csv: the notes before the header, the BOM, profile URLs as keys.
#include "formats/linkedin.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "formats/fixtures.hpp"

namespace kith::formats {
namespace {

struct Read {
  std::string rows;
  std::string warnings;
  std::string error;
};

Read read(const std::string& text) {
  std::istringstream in(text);
  LinkedInReader reader(in);
  Read out;
  std::vector<std::string> warnings;
  LinkedInConnection row;
  while (true) {
    auto more = reader.next(row);
    if (!more) {
      out.error = more.error().message;
      break;
    }
    if (!*more) break;
    auto patch = contact_patch(row, warnings);
    if (!patch) continue;
    out.rows +=
        std::to_string(patch->line) + " " + patch->name + " | " + patch->org.value_or("-") + " | " +
        patch->title.value_or("-") + " | " + (patch->emails.empty() ? "-" : patch->emails[0]) +
        " | " + patch->external_ids.at(0).id + " since " +
        (patch->external_ids[0].since ? patch->external_ids[0].since->to_string() : "?") + "\n";
  }
  for (const auto& w : warnings) out.warnings += w + "\n";
  return out;
}

}  // namespace

TEST_CASE("Connections.csv is read past its notes and BOM, with the connection date",
          "[formats][linkedin]") {
  Read r = read(test::fixture("Connections.csv"));
  CHECK(r.error.empty());
  CHECK(r.rows ==
        "5 Ada Lovelace | Analytical Engines | Engineer, Mathematics | - | "
        "https://www.linkedin.com/in/ada-lovelace-1815 since 2024-11-21\n"
        "6 Kwame Mensah | Northwind Labs | Head of Analytics | kwame.mensah@example.com | "
        "https://www.linkedin.com/in/kwamemensah since 2023-01-03\n"
        "7 Søren Lindqvist, PhD | Nordic \"Data\" Cooperative | Data Platform Lead | - | "
        "https://www.linkedin.com/in/soren-lindqvist since 2021-08-15\n");
  CHECK(r.warnings == "line 9: a connection without a profile URL; left out\n");
}

TEST_CASE("a CSV without LinkedIn's header is refused, saying what was expected",
          "[formats][linkedin]") {
  CHECK(read("Name,Email\nAda,ada@example.com\n").error ==
        "no LinkedIn header (First Name,Last Name,URL,Email Address,Company,Position,Connected "
        "On) in the first 20 rows: is this LinkedIn's Connections.csv?");
  CHECK(read("").error.find("no LinkedIn header") == 0);
}

TEST_CASE("columns are found by name in any order and short rows are fine", "[formats][linkedin]") {
  Read r = read("URL,Last Name,First Name\nlinkedin.com/in/x,Doe,Jane\n");
  CHECK(r.rows == "2 Jane Doe | - | - | - | https://www.linkedin.com/in/x since ?\n");
}

TEST_CASE("profile URLs in any spelling are one key", "[formats][linkedin]") {
  for (const char* url :
       {"https://www.linkedin.com/in/ada-lovelace", "http://linkedin.com/in/Ada-Lovelace/",
        "www.linkedin.com/in/ada-lovelace?trk=x", "https://uk.linkedin.com/in/ada-lovelace#top",
        "  https://www.linkedin.com/in/ada-lovelace/  "}) {
    CAPTURE(url);
    CHECK(linkedin_profile(url) == "https://www.linkedin.com/in/ada-lovelace");
  }
  for (const char* url :
       {"", "https://example.com/in/ada", "https://www.linkedin.com/company/x",
        "https://www.linkedin.com/in/", "https://notlinkedin.com/in/ada",
        "https://www.linkedin.com/in/ad\xff", "https://www.linkedin.com/in/a\x1b[2Jb",
        "https://www.linkedin.com/in/ada lovelace"}) {
    CAPTURE(url);
    CHECK_FALSE(linkedin_profile(url));
  }
}

TEST_CASE("Connected On reads LinkedIn's day-month-year and ISO dates", "[formats][linkedin]") {
  CHECK(parse_connected_on("21 Nov 2024") == *Date::parse_iso("2024-11-21"));
  CHECK(parse_connected_on("3 January 2023") == *Date::parse_iso("2023-01-03"));
  CHECK(parse_connected_on("2024-11-21") == *Date::parse_iso("2024-11-21"));
  for (const char* bad : {"", "Nov 2024", "31 Feb 2024", "21 Foo 2024", "21 Nov 24"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_connected_on(bad));
  }
}

TEST_CASE("rows without a name and values kith cannot hold are left out with a warning",
          "[formats][linkedin]") {
  Read r = read(
      "First Name,Last Name,URL,Email Address,Connected On\n"
      ",,https://www.linkedin.com/in/ghost,,\n"
      "Ada,L,https://example.com/ada,ada@example.com,\n"
      "Bo,M,https://www.linkedin.com/in/bo,not-an-email,someday\n");
  CHECK(r.warnings ==
        "line 2: a connection without a usable name (invalid name '': it is empty); left out\n"
        "line 3: URL 'https://example.com/ada' is not a LinkedIn profile; left out\n"
        "line 4: Connected On 'someday' is not a date; left out\n"
        "line 4: invalid email 'not-an-email': expected name@domain; left out\n");
}

}  // namespace kith::formats
