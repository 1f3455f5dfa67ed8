// The pure rules about contacts: cadence, when a check-in is due, and field validation.
#include "kith/contact.hpp"

#include <catch2/catch.hpp>

namespace kith {
namespace {

Date day(std::string_view iso) { return *Date::parse_iso(iso); }
Duration every(std::string_view text) { return *Duration::parse(text); }

std::vector<RelationshipType> builtin() {
  return {{"mentor", every("6w"), 4, true, ""},  {"sponsor", every("4w"), 5, true, ""},
          {"peer", every("8w"), 2, true, ""},    {"manager", every("2w"), 4, true, ""},
          {"report", every("2w"), 3, true, ""},  {"customer", every("4w"), 3, true, ""},
          {"friend", std::nullopt, 2, false, ""}};
}

Contact person(std::vector<std::string> types, std::string_view added = "2026-01-01") {
  Contact c;
  c.name = "Ada";
  c.types = std::move(types);
  c.added_on = day(added);
  return c;
}

std::string due_text(const Contact& c) {
  auto due = next_due(c, effective_cadence(c, builtin()));
  return due ? due->to_string() : "never";
}

}  // namespace

TEST_CASE("a contact's cadence is its own, else the shortest of its types'", "[contact]") {
  CHECK(effective_cadence(person({"mentor"}), builtin()) == every("6w"));
  CHECK(effective_cadence(person({"mentor", "sponsor", "peer"}), builtin()) == every("4w"));
  Contact own = person({"manager"});
  own.every = every("3m");
  CHECK(effective_cadence(own, builtin()) == every("3m"));
}

TEST_CASE("a contact with no cadence of its own or from its types is never due", "[contact]") {
  CHECK_FALSE(effective_cadence(person({}), builtin()));
  CHECK_FALSE(effective_cadence(person({"friend"}), builtin()));
  CHECK(due_text(person({"friend"})) == "never");
  CHECK(effective_cadence(person({"friend", "peer"}), builtin()) == every("8w"));
}

TEST_CASE("a contact never contacted is due one cadence after it was added", "[contact]") {
  CHECK(due_text(person({"manager"}, "2026-01-01")) == "2026-01-15");
  CHECK(due_text(person({"customer"}, "2026-01-31")) == "2026-02-28");
}

TEST_CASE("a contact is due one cadence after the last interaction", "[contact]") {
  Contact c = person({"mentor"}, "2025-01-01");
  c.last_contact = day("2026-10-01");
  CHECK(due_text(c) == "2026-11-12");
}

TEST_CASE("an archived contact is never due", "[contact]") {
  Contact c = person({"manager"});
  c.archived = true;
  CHECK(due_text(c) == "never");
}

TEST_CASE("overdue means today is past the due date, not on it", "[contact]") {
  std::optional<Date> due = day("2026-11-22");
  CHECK_FALSE(is_overdue(due, day("2026-11-21")));
  CHECK_FALSE(is_overdue(due, day("2026-11-22")));
  CHECK(is_overdue(due, day("2026-11-23")));
  CHECK_FALSE(is_overdue(std::nullopt, day("2030-01-01")));
}

TEST_CASE("a yearly date takes a year or not, and Feb 29 only where it exists", "[contact]") {
  auto cases = std::vector<std::pair<std::string, std::string>>{
      {"1985-03-14", "1985-03-14"}, {"03-14", "--03-14"},         {"--03-14", "--03-14"},
      {"02-29", "--02-29"},         {"2000-02-29", "2000-02-29"}, {" 12-31 ", "--12-31"}};
  for (const auto& [text, stored] : cases) {
    CAPTURE(text);
    auto parsed = YearlyDate::parse(text);
    REQUIRE(parsed);
    CHECK(parsed->to_string() == stored);
    CHECK(*YearlyDate::parse(parsed->to_string()) == *parsed);
  }
  for (std::string bad : {"", "13-01", "02-30", "2001-02-29", "1985/03/14", "3-14", "--0314",
                          "tomorrow", "1985-03-14x"}) {
    CAPTURE(bad);
    auto parsed = YearlyDate::parse(bad);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == Errc::invalid_input);
  }
}

TEST_CASE("names are trimmed and must not be empty, control characters or invalid UTF-8",
          "[contact]") {
  CHECK(*normalize_name("  José Núñez ") == "José Núñez");
  for (std::string bad :
       {std::string(""), std::string("   "), std::string("a\x01b"), std::string("a\nb"),
        std::string("\xff\xfe"), std::string(201, 'x'), std::string("a\0b", 3)}) {
    CAPTURE(bad);
    auto name = normalize_name(bad);
    REQUIRE_FALSE(name);
    CHECK(name.error().code == Errc::invalid_input);
  }
}

TEST_CASE("a name typed in decomposed Unicode is stored composed", "[contact]") {
  CHECK(*normalize_name(" Jose\u0301 Nu\u0301n\u0303ez ") == "Jos\u00E9 N\u00FA\u00F1ez");
  CHECK(*normalize_name("\u110B\u1175\u1109\u116E\u110C\u1175\u11AB") == "이수진");
  CHECK(*normalize_name("\uFB01nn") == "\uFB01nn");  // NFC keeps compatibility forms
  // Nothing left to find it by once folded: marks alone, apostrophes alone.
  for (std::string bad : {"\u0301\u0308", "'", "\u02B9\u2019"}) {
    CAPTURE(bad);
    auto name = normalize_name(bad);
    REQUIRE_FALSE(name);
    CHECK(name.error().message == "invalid name: it has no letter, digit or symbol to find it by");
  }
}

TEST_CASE("tags and date labels are stored composed", "[contact]") {
  CHECK(*normalize_tag("Cafe\u0301") == "caf\u00E9");
  CHECK(*normalize_label(" Fe\u0302te ") == "F\u00EAte");
}

TEST_CASE("a free-text error names the field, never the text", "[contact]") {
  auto status = check_free_text("secret \x07 note", "note");
  REQUIRE_FALSE(status);
  CHECK(status.error().message == "invalid note: it contains control characters");
  CHECK(check_free_text("line one\nline two\ttabbed", "note"));
}

TEST_CASE("circles are 1, 2 or 3", "[contact]") {
  CHECK(check_circle(1));
  CHECK(check_circle(3));
  CHECK_FALSE(check_circle(0));
  CHECK_FALSE(check_circle(4));
  CHECK_FALSE(check_circle(-1));
}

TEST_CASE("tags are one lowercase word", "[contact]") {
  CHECK(*normalize_tag(" ML ") == "ml");
  CHECK(*normalize_tag("open-source") == "open-source");
  CHECK_FALSE(normalize_tag("two words"));
  CHECK_FALSE(normalize_tag("a,b"));
  CHECK_FALSE(normalize_tag(""));
}

TEST_CASE("a yearly date marks no years before its first anniversary", "[contact]") {
  auto met = *YearlyDate::parse("2026-11-30");
  CHECK(years_at(met, day("2026-11-30")) == std::nullopt);  // the day itself: not "0 years"
  CHECK(years_at(met, day("2027-11-29")) == std::nullopt);
  CHECK(years_at(met, day("2027-11-30")) == 1);
  CHECK(years_at(*YearlyDate::parse("--11-30"), day("2027-11-30")) == std::nullopt);
}

}  // namespace kith
