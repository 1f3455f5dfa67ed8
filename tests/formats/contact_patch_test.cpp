// Merging what another address book says about a person into a kith contact.
#include "formats/contact_patch.hpp"

#include <catch2/catch.hpp>

namespace kith::formats {
namespace {

Contact known() {
  Contact c;
  c.name = "Ada Lovelace";
  c.emails = {"Ada@Example.com"};
  c.phones = {"+44 20 7946 0958"};
  c.tags = {"math"};
  c.org = "Analytical Engines";
  c.note = "kith's own note";
  c.learn = "kept: vCards have no such field";
  c.dates = {{"met", *YearlyDate::parse("2020-01-01")}};
  return c;
}

}  // namespace

TEST_CASE("a patch replaces the fields it has and keeps the ones it lacks", "[formats]") {
  Contact c = known();
  std::vector<ExternalId> ids;
  ContactPatch p;
  p.name = "Ada King";
  p.title = "Countess";
  CHECK(apply(p, c, ids));
  CHECK(c.name == "Ada King");
  CHECK(c.title == "Countess");
  CHECK(c.org == "Analytical Engines");
  CHECK(c.note == "kith's own note");
  CHECK(c.learn == "kept: vCards have no such field");
}

TEST_CASE("a patch adds to lists, recognising emails by case and phones by digits", "[formats]") {
  Contact c = known();
  std::vector<ExternalId> ids;
  ContactPatch p;
  p.name = c.name;
  p.emails = {"ada@example.com", "ada@work.example"};
  p.phones = {"+442079460958"};
  p.tags = {"pioneer", "math"};
  p.dates = {{"met", *YearlyDate::parse("2020-01-02")},
             {"anniversary", *YearlyDate::parse("--06-01")}};
  p.external_ids = {{ExternalSource::linkedin, "https://www.linkedin.com/in/ada", std::nullopt}};
  CHECK(apply(p, c, ids));
  CHECK(c.emails == std::vector<std::string>{"Ada@Example.com", "ada@work.example"});
  CHECK(c.phones == std::vector<std::string>{"+44 20 7946 0958"});
  CHECK(c.tags == std::vector<std::string>{"math", "pioneer"});
  REQUIRE(c.dates.size() == 2);
  CHECK(c.dates[0].label == "anniversary");
  CHECK(c.dates[1].date.to_string() == "2020-01-02");
  CHECK(ids.size() == 1);
}

TEST_CASE("a patch with nothing new changes nothing and says so", "[formats]") {
  Contact c = known();
  std::vector<ExternalId> ids = {{ExternalSource::linkedin, "u", *Date::parse_iso("2024-01-01")}};
  ContactPatch p;
  p.name = c.name;
  p.emails = {"ADA@example.com"};
  p.org = c.org;
  p.external_ids = {{ExternalSource::linkedin, "u", std::nullopt}};
  CHECK_FALSE(apply(p, c, ids));
  CHECK(ids[0].since == *Date::parse_iso("2024-01-01"));  // no date never erases one
  p.external_ids[0].since = *Date::parse_iso("2024-02-02");
  CHECK(apply(p, c, ids));
  CHECK(ids[0].since == *Date::parse_iso("2024-02-02"));
}

}  // namespace kith::formats
