// What kith add and kith edit ask to change in a contact: the pure rules that check a change
// and apply it.
#include "kith/contact_change.hpp"

#include <catch2/catch.hpp>

#include "core/fixtures.hpp"

namespace kith {
namespace {

using test::day;
using test::every;

const Date kToday = test::day("2026-11-22");

YearlyDate yearly(std::string_view text) { return *YearlyDate::parse(text); }

// Normalises and applies `change` to `contact`; the contact afterwards, or the error message.
Result<Contact> changed(Contact contact, const ContactChange& change) {
  auto normalized = normalize_change(change, kToday);
  if (!normalized) return normalized.error();
  KITH_TRY(apply_change(*normalized, contact));
  return contact;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

Contact grace() {
  Contact c;
  c.name = "Grace";
  c.types = {"peer"};
  c.tags = {"navy"};
  c.emails = {"g@example.com"};
  c.phones = {"555 0100"};
  c.dates = {{"met", yearly("--06-21")}};
  c.every = every("3w");
  c.circle = 2;
  c.birthday = yearly("--12-09");
  c.org = "Navy";
  return c;
}

}  // namespace

TEST_CASE("a change is checked and normalised value by value", "[contact_change]") {
  ContactChange change;
  change.name = "  Grace Hopper ";
  change.types = {"Sponsor"};
  change.no_types = {" PEER "};
  change.emails = {" gh@example.com "};
  change.no_emails = {" G@example.com "};
  change.tags = {" COBOL "};
  change.org = "  Navy  ";
  change.dates = {{" Work anniversary ", yearly("1944-01-01")}};
  change.met_via = "  Howard Aiken ";
  auto normalized = normalize_change(change, kToday);
  REQUIRE(normalized);
  CHECK(*normalized->name == "Grace Hopper");
  CHECK(joined(normalized->types) == "sponsor");
  CHECK(joined(normalized->no_types) == "peer");
  CHECK(joined(normalized->emails) == "gh@example.com");
  CHECK(joined(normalized->no_emails) == "G@example.com");
  CHECK(joined(normalized->tags) == "cobol");
  CHECK(*normalized->org == "Navy");
  CHECK(normalized->dates.front().label == "Work anniversary");
  CHECK(*normalized->met_via == "Howard Aiken");
}

TEST_CASE("each bad value of a change is refused with a message naming it", "[contact_change]") {
  struct Case {
    std::string label;
    ContactChange change;
    std::string message;
  };
  auto with = [](auto set) {
    ContactChange c;
    set(c);
    return c;
  };
  const std::vector<Case> cases = {
      {"a blank name", with([](auto& c) { c.name = "  "; }), "invalid name '  ': it is empty"},
      {"a type name that is no word", with([](auto& c) { c.types = {"9lives"}; }),
       "invalid type name '9lives'"},
      {"a bad type to remove", with([](auto& c) { c.no_types = {"a b"}; }),
       "invalid type name 'a b'"},
      {"an email without a domain", with([](auto& c) { c.emails = {"bob-at-example"}; }),
       "invalid email 'bob-at-example'"},
      {"a phone without digits", with([](auto& c) { c.phones = {"call me"}; }),
       "invalid phone 'call me'"},
      {"a tag of two words", with([](auto& c) { c.tags = {"two words"}; }),
       "invalid tag 'two words'"},
      {"an organisation with an escape", with([](auto& c) { c.org = "Acme\x1b"; }),
       "invalid organisation: it contains control characters"},
      {"a note with invalid UTF-8", with([](auto& c) { c.note = "secret \xff"; }),
       "invalid note: not valid UTF-8"},
      {"a birthday in the future", with([](auto& c) { c.birthday = yearly("2030-01-01"); }),
       "invalid birthday '2030-01-01': it is in the future (today is 2026-11-22)"},
      {"an empty date label", with([](auto& c) {
         c.dates = {{"", yearly("01-01")}};
       }),
       "invalid date label: it is empty"},
      {"a date labelled birthday", with([](auto& c) {
         c.dates = {{"Birthday", yearly("01-01")}};
       }),
       "use --birthday for the birthday"},
      {"circle 4", with([](auto& c) { c.circle = 4; }), "invalid circle 4"},
      {"an introducer with an escape", with([](auto& c) { c.met_via = "Ada\x1b"; }),
       "invalid met-via: it contains control characters"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.label);
    auto normalized = normalize_change(c.change, kToday);
    REQUIRE_FALSE(normalized);
    CHECK(normalized.error().code == Errc::invalid_input);
    CHECK_THAT(normalized.error().message, Catch::StartsWith(c.message));
  }
}

TEST_CASE("a birthday without a year, or with one today or before, is accepted",
          "[contact_change]") {
  for (std::string text : {"--12-31", "2026-11-22", "1985-02-28"}) {
    CAPTURE(text);
    ContactChange change;
    change.birthday = yearly(text);
    CHECK(normalize_change(change, kToday));
  }
}

TEST_CASE("lists are added to without repeats, types and tags kept sorted", "[contact_change]") {
  ContactChange change;
  change.types = {"mentor", "peer", "customer"};
  change.tags = {"ml", "navy", "history"};
  change.emails = {"G@EXAMPLE.COM", "gh@example.com"};
  change.phones = {"555 0100", "555 0199"};
  auto c = changed(grace(), change);
  REQUIRE(c);
  CHECK(joined(c->types) == "customer,mentor,peer");
  CHECK(joined(c->tags) == "history,ml,navy");
  CHECK(joined(c->emails) == "g@example.com,gh@example.com");  // an email's case is no new one
  CHECK(joined(c->phones) == "555 0100,555 0199");
}

TEST_CASE("removals take away what is there, emails matched whatever their case",
          "[contact_change]") {
  ContactChange change;
  change.no_types = {"peer"};
  change.no_tags = {"NAVY"};
  change.no_emails = {"G@Example.com"};
  change.no_phones = {" 555 0100 "};
  change.no_dates = {"MET"};
  auto c = changed(grace(), change);
  REQUIRE(c);
  CHECK(c->types.empty());
  CHECK(c->tags.empty());
  CHECK(c->emails.empty());
  CHECK(c->phones.empty());
  CHECK(c->dates.empty());
}

TEST_CASE("removing what the contact lacks is refused naming the contact and the value",
          "[contact_change]") {
  struct Case {
    ContactChange change;
    std::string message;
  };
  auto with = [](auto set) {
    ContactChange c;
    set(c);
    return c;
  };
  for (const Case& c : std::vector<Case>{
           {with([](auto& x) { x.no_types = {"mentor"}; }), "Grace has no type 'mentor'"},
           {with([](auto& x) { x.no_tags = {"army"}; }), "Grace has no tag 'army'"},
           {with([](auto& x) { x.no_emails = {"g@example.org"}; }),
            "Grace has no email 'g@example.org'"},
           {with([](auto& x) { x.no_phones = {"555 0199"}; }), "Grace has no phone '555 0199'"},
           {with([](auto& x) { x.no_dates = {"graduation"}; }), "Grace has no date 'graduation'"},
           // the name in the message is the new one: the rename comes first
           {with([](auto& x) {
              x.name = "Grace Hopper";
              x.no_types = {"mentor"};
            }),
            "Grace Hopper has no type 'mentor'"},
       }) {
    CAPTURE(c.message);
    auto result = changed(grace(), c.change);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == Errc::invalid_input);
    CHECK(result.error().message == c.message);
  }
}

TEST_CASE("a date set under a label already there replaces it, and dates stay sorted by label",
          "[contact_change]") {
  ContactChange change;
  change.dates = {{"work anniversary", yearly("2019-12-01")}, {"Met", yearly("2001-06-21")}};
  auto c = changed(grace(), change);
  REQUIRE(c);
  REQUIRE(c->dates.size() == 2);
  CHECK(c->dates[0].label == "Met");
  CHECK(c->dates[0].date == yearly("2001-06-21"));
  CHECK(c->dates[1].label == "work anniversary");
}

TEST_CASE("the no_ flags forget a value, a value given sets it, and an empty text clears one",
          "[contact_change]") {
  ContactChange forget;
  forget.no_every = true;
  forget.no_birthday = true;
  forget.no_circle = true;
  forget.org = "";
  auto c = changed(grace(), forget);
  REQUIRE(c);
  CHECK_FALSE(c->every);
  CHECK_FALSE(c->birthday);
  CHECK_FALSE(c->circle);
  CHECK(c->org.empty());

  ContactChange set;
  set.every = every("2w");
  set.circle = 1;
  set.birthday = yearly("1906-12-09");
  set.title = "Rear Admiral";
  c = changed(grace(), set);
  REQUIRE(c);
  CHECK(c->every == every("2w"));
  CHECK(c->circle == 1);
  CHECK(c->birthday == yearly("1906-12-09"));
  CHECK(c->title == "Rear Admiral");
  CHECK(c->org == "Navy");  // untouched
}

TEST_CASE("a change is empty only when it asks for nothing", "[contact_change]") {
  CHECK(empty(ContactChange{}));
  ContactChange clear_org;
  clear_org.org = "";
  CHECK_FALSE(empty(clear_org));
  ContactChange forget;
  forget.no_circle = true;
  CHECK_FALSE(empty(forget));
  ContactChange introducer;
  introducer.met_via = "";
  CHECK_FALSE(empty(introducer));
}

}  // namespace kith
