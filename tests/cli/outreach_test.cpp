// How the report and the plan word why a person is listed (cli/outreach.hpp): as of the day
// shown, for a reader on today.
#include "cli/outreach.hpp"

#include <catch2/catch.hpp>

#include "core/fixtures.hpp"

namespace kith::cli {
namespace {

using test::day;
using test::every;

Urgency due_on(std::string_view due, std::string_view cadence) {
  Urgency u;
  u.due = day(due);
  u.cadence = every(cadence);
  return u;
}

}  // namespace

TEST_CASE("the due phrase of a later day says when and by then and never today", "[outreach]") {
  const Date today = day("2026-11-23");
  struct Case {
    const char* due;
    const char* on;
    std::string phrase;
  };
  std::vector<Case> cases = {
      {"2026-11-23", "2026-11-23", "due today (every 2 weeks)"},
      {"2026-11-20", "2026-11-23", "3 days overdue (every 2 weeks)"},
      {"2026-11-26", "2026-11-23", "due in 3 days (every 2 weeks)"},
      {"2026-12-01", "2026-12-01", "due on Tue 2026-12-01 (every 2 weeks)"},
      {"2026-11-20", "2026-12-01", "11 days overdue by then (every 2 weeks)"},
      {"2026-11-30", "2026-12-03", "3 days overdue by then (every 2 weeks)"},
      {"2026-12-04", "2026-12-01", "not due until Fri 2026-12-04 (every 2 weeks)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.due, c.on);
    CHECK(due_phrase(due_on(c.due, "2w"), day(c.on), today) == c.phrase);
    // The reasons open with it when the overdue term is not among them.
    CHECK(reasons(due_on(c.due, "2w"), day(c.on), today).front() == c.phrase);
  }
}

TEST_CASE("an offer stands mid-sentence with an ordinary first word lowered and acronyms kept",
          "[outreach]") {
  struct Case {
    const char* text;
    const char* mid;
  };
  std::vector<Case> cases = {
      {"Strong candidates for her team", "strong candidates for her team"},
      {"early access to the compiler", "early access to the compiler"},
      {"A referral to the platform team", "a referral to the platform team"},
      {"AWS credits", "AWS credits"},
      {"OKRs review", "OKRs review"},
      {"X", "X"},
      {"", ""},
      {"Éclairs from the bakery", "Éclairs from the bakery"},
      {"42 ideas", "42 ideas"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(mid_sentence(c.text) == c.mid);
  }
}

TEST_CASE("hints never print filler and name the offer only when one is recorded", "[outreach]") {
  Outreach person;
  person.contact.added_on = day("2026-08-01");
  person.urgency.never_contacted = true;
  CHECK(hints(person).empty());  // never contacted: the last line says so, no hint repeats it
  person.contact.balance.received = 3;
  person.contact.balance.given = 1;
  person.contact.balance.last_gave = day("2026-09-01");
  CHECK(hints(person) ==
        std::vector<std::string>{
            "you have received more than you gave (net -2; last gave 2026-09-01)"});
  person.contact.offer = "Strong candidates";
  CHECK(hints(person) ==
        std::vector<std::string>{"you have received more than you gave (net -2; "
                                 "last gave 2026-09-01): offer strong candidates"});
  person.contact.balance.given = 3;  // even: nothing to say, whatever the offer
  CHECK(hints(person).empty());
}

}  // namespace kith::cli
