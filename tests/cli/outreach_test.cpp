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

}  // namespace kith::cli
