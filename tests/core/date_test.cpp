// The date module: every DATE and DURATION form, calendar arithmetic, and what is refused.
#include "kith/date.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace kith {
namespace {

Date day(std::string_view iso) {
  auto d = Date::parse_iso(iso);
  REQUIRE(d);
  return *d;
}

// The resolved date as "YYYY-MM-DD", or "error: <message>", so a failure reads as a sentence.
std::string parsed(std::string_view text, std::string_view today,
                   WeekdayRule rule = WeekdayRule::next_after_today) {
  auto d = parse_date(text, day(today), rule);
  return d ? d->to_string() : "error: " + d.error().message;
}

std::string duration(std::string_view text) {
  auto d = Duration::parse(text);
  return d ? d->to_string() : "error: " + d.error().message;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int month_length(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[month - 1] + (month == 2 && leap(year) ? 1 : 0);
}

// An independent day count: days since 1970-01-01 by adding up whole years and months.
std::int64_t reference_days(int y, int m, int d) {
  std::int64_t days = 0;
  for (int year = 1970; year < y; ++year) days += leap(year) ? 366 : 365;
  for (int year = y; year < 1970; ++year) days -= leap(year) ? 366 : 365;
  for (int month = 1; month < m; ++month) days += month_length(y, month);
  return days + d - 1;
}

std::string iso(int y, int m, int d) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
  return text;
}

constexpr const char* kDateForms =
    "expected YYYY-MM-DD, today, yesterday, tomorrow, a weekday, or an offset like 3d, 2w, "
    "-1m, '3 days ago'";
constexpr const char* kDurationForms = "expected a positive count and a unit, like 30d, 2w, 3m, 1y";
constexpr const char* kOutOfRange = "lands outside the supported dates 1900-01-01 to 2200-12-31";

}  // namespace

// ---------------------------------------------------------------------------------------------
// Date: construction, ISO form, fields

TEST_CASE("a default date is 2000-01-01", "[date]") {
  CHECK(Date().to_string() == "2000-01-01");
  CHECK(Date() == day("2000-01-01"));
}

TEST_CASE("every day of several years round-trips through ISO text and matches a day count",
          "[date]") {
  const int year = GENERATE(1900, 1970, 1999, 2000, 2001, 2024, 2100, 2200);
  CAPTURE(year);
  int checked = 0;
  for (int month = 1; month <= 12; ++month) {
    for (int d = 1; d <= month_length(year, month); ++d) {
      const std::string text = iso(year, month, d);
      CAPTURE(text);
      auto from_text = Date::parse_iso(text);
      REQUIRE(from_text);
      auto from_fields = Date::from_ymd(year, month, d);
      REQUIRE(from_fields);
      REQUIRE(*from_text == *from_fields);
      REQUIRE(from_text->to_string() == text);
      REQUIRE(from_text->year() == year);
      REQUIRE(from_text->month() == month);
      REQUIRE(from_text->day() == d);
      REQUIRE(from_text->days_since_epoch() == reference_days(year, month, d));
      // 1970-01-01 was a Thursday (index 3, Monday = 0).
      const std::int64_t weekday = ((reference_days(year, month, d) + 3) % 7 + 7) % 7;
      REQUIRE(static_cast<int>(from_text->weekday()) == weekday);
      ++checked;
    }
  }
  CHECK(checked == (leap(year) ? 366 : 365));
}

TEST_CASE("stepping one day at a time visits consecutive ISO dates", "[date]") {
  Date d = day("1999-01-01");
  for (int i = 0; i < 3 * 365 + 1; ++i) {
    const Date next = d.plus_days(1);
    CAPTURE(d.to_string());
    REQUIRE(days_between(d, next) == 1);
    REQUIRE(next > d);
    REQUIRE(Date::parse_iso(next.to_string()).value() == next);
    d = next;
  }
  CHECK(d.to_string() == "2002-01-01");
}

TEST_CASE("the epoch and the ends of the supported range have known day numbers", "[date]") {
  CHECK(day("1970-01-01").days_since_epoch() == 0);
  CHECK(day("1969-12-31").days_since_epoch() == -1);
  CHECK(day("2000-01-01").days_since_epoch() == 10957);
  CHECK(day("1900-01-01").days_since_epoch() == -25567);
  CHECK(day("2200-12-31").days_since_epoch() == 84370);
}

TEST_CASE("weekdays follow the calendar", "[date]") {
  CHECK(day("2026-11-22").weekday() == Weekday::sunday);
  CHECK(day("2026-11-23").weekday() == Weekday::monday);
  CHECK(day("2000-01-01").weekday() == Weekday::saturday);
  CHECK(day("1970-01-01").weekday() == Weekday::thursday);
  CHECK(day("1900-01-01").weekday() == Weekday::monday);
  CHECK(day("2200-12-31").weekday() == Weekday::wednesday);
  CHECK(day("2024-02-29").weekday() == Weekday::thursday);
}

TEST_CASE("weekdays are named in lower case", "[date]") {
  CHECK(to_string(Weekday::monday) == "monday");
  CHECK(to_string(Weekday::tuesday) == "tuesday");
  CHECK(to_string(Weekday::wednesday) == "wednesday");
  CHECK(to_string(Weekday::thursday) == "thursday");
  CHECK(to_string(Weekday::friday) == "friday");
  CHECK(to_string(Weekday::saturday) == "saturday");
  CHECK(to_string(Weekday::sunday) == "sunday");
}

TEST_CASE("dates order by day", "[date]") {
  CHECK(day("2025-01-01") < day("2025-01-02"));
  CHECK(day("2024-12-31") < day("2025-01-01"));
  CHECK(day("1999-12-31") < day("2000-01-01"));
  CHECK(day("2025-06-15") == day("2025-06-15"));
  CHECK(day("2025-06-15") != day("2025-06-16"));
  CHECK(day("2200-12-31") > day("1900-01-01"));
}

TEST_CASE("February 29 exists only in leap years", "[date]") {
  for (int year : {1904, 1996, 2000, 2004, 2020, 2024, 2028, 2096, 2104, 2196}) {
    CAPTURE(year);
    CHECK(Date::from_ymd(year, 2, 29));
  }
  for (int year : {1900, 1901, 1999, 2001, 2023, 2025, 2100, 2200}) {
    CAPTURE(year);
    auto d = Date::from_ymd(year, 2, 29);
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "invalid date '" + std::to_string(year) + "-02-29': February " +
                                   std::to_string(year) + " has 28 days");
  }
}

TEST_CASE("a day past the end of any month is refused with that month's length", "[date]") {
  for (int year : {2023, 2024}) {
    for (int month = 1; month <= 12; ++month) {
      const int last = month_length(year, month);
      CAPTURE(year, month);
      CHECK(Date::from_ymd(year, month, last));
      auto past = Date::from_ymd(year, month, last + 1);
      REQUIRE_FALSE(past);
      CHECK(past.error().code == Errc::invalid_input);
      CHECK(past.error().message.find("has " + std::to_string(last) + " days") !=
            std::string::npos);
    }
  }
}

TEST_CASE("from_ymd refuses impossible fields and names them as a date", "[date]") {
  struct Case {
    int y, m, d;
    std::string message;
  };
  for (const auto& c : std::vector<Case>{
           {2025, 2, 30, "invalid date '2025-02-30': February 2025 has 28 days"},
           {2025, 4, 31, "invalid date '2025-04-31': April 2025 has 30 days"},
           {2025, 1, 0, "invalid date '2025-01-00': January 2025 has 31 days"},
           {2025, 1, -1, "invalid date '2025-01--1': January 2025 has 31 days"},
           {2025, 13, 1, "invalid date '2025-13-01': expected a month from 01 to 12"},
           {2025, 0, 1, "invalid date '2025-00-01': expected a month from 01 to 12"},
           {1899, 12, 31, "invalid date '1899-12-31': expected a year from 1900 to 2200"},
           {2201, 1, 1, "invalid date '2201-01-01': expected a year from 1900 to 2200"},
           {0, 1, 1, "invalid date '0000-01-01': expected a year from 1900 to 2200"},
       }) {
    CAPTURE(c.y, c.m, c.d);
    auto d = Date::from_ymd(c.y, c.m, c.d);
    REQUIRE_FALSE(d);
    CHECK(d.error().code == Errc::invalid_input);
    CHECK(d.error().message == c.message);
  }
}

TEST_CASE("ISO parsing is strict about layout and names the text it refuses", "[date]") {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::string layout = "expected YYYY-MM-DD";
  for (const auto& c : std::vector<Case>{
           {"2025-02-30", "February 2025 has 28 days"},
           {"2023-02-29", "February 2023 has 28 days"},
           {"2100-02-29", "February 2100 has 28 days"},
           {"2025-04-31", "April 2025 has 30 days"},
           {"2025-06-31", "June 2025 has 30 days"},
           {"2025-09-31", "September 2025 has 30 days"},
           {"2025-11-31", "November 2025 has 30 days"},
           {"2025-01-32", "January 2025 has 31 days"},
           {"2025-01-00", "January 2025 has 31 days"},
           {"2025-13-01", "expected a month from 01 to 12"},
           {"2025-00-10", "expected a month from 01 to 12"},
           {"1800-01-01", "expected a year from 1900 to 2200"},
           {"1899-12-31", "expected a year from 1900 to 2200"},
           {"2201-01-01", "expected a year from 1900 to 2200"},
           {"2300-01-01", "expected a year from 1900 to 2200"},
           {"0000-00-00", "expected a year from 1900 to 2200"},
           {"", layout},
           {" ", layout},
           {"2025-1-05", layout},
           {"2025-01-5", layout},
           {"2025-1-5", layout},
           {"25-01-05", layout},
           {"02025-01-05", layout},
           {"2025/01/05", layout},
           {"2025.01.05", layout},
           {"20250105", layout},
           {"13/01/2025", layout},
           {"2025-01-05 ", layout},
           {" 2025-01-05", layout},
           {"2025-01-05T00:00", layout},
           {"+2025-01-05", layout},
           {"-025-01-05", layout},
           {"2025-0a-05", layout},
           {"2025-01-0x", layout},
           {"2025_01_05", layout},
           {"today", layout},
           {"yyyy-mm-dd", layout},
       }) {
    CAPTURE(c.text);
    auto d = Date::parse_iso(c.text);
    REQUIRE_FALSE(d);
    CHECK(d.error().code == Errc::invalid_input);
    CHECK(d.error().message == "invalid date '" + c.text + "': " + c.message);
  }
}

// ---------------------------------------------------------------------------------------------
// Date arithmetic

TEST_CASE("days between dates count calendar days across years and leap days", "[date]") {
  struct Case {
    std::string a, b;
    std::int64_t days;
  };
  for (const auto& c : std::vector<Case>{
           {"2024-02-28", "2024-03-01", 2},
           {"2025-02-28", "2025-03-01", 1},
           {"2025-12-31", "2026-01-01", 1},
           {"2026-01-01", "2025-01-01", -365},
           {"2024-01-01", "2025-01-01", 366},
           {"2023-01-01", "2024-01-01", 365},
           {"2000-01-01", "2001-01-01", 366},
           {"1900-01-01", "1901-01-01", 365},
           {"2100-01-01", "2101-01-01", 365},
           {"1999-12-31", "2000-03-01", 61},
           {"2024-02-29", "2028-02-29", 1461},
           {"2025-06-15", "2025-06-15", 0},
           {"1969-12-31", "1970-01-02", 2},
           {"2000-01-01", "2100-01-01", 36525},
           {"1900-01-01", "2200-12-31", 109937},
           {"2200-12-31", "1900-01-01", -109937},
       }) {
    CAPTURE(c.a, c.b);
    CHECK(days_between(day(c.a), day(c.b)) == c.days);
    CHECK(days_between(day(c.b), day(c.a)) == -c.days);
  }
}

TEST_CASE("adding days and then subtracting them returns to the start", "[date]") {
  const Date start = day("2024-02-29");
  for (std::int64_t n : {0,   1,   2,    6,     7,  28, 29,  30,   31,   59,    60,
                         365, 366, 1461, 10000, -1, -7, -29, -365, -366, -1461, -10000}) {
    CAPTURE(n);
    const Date moved = start.plus_days(n);
    CHECK(days_between(start, moved) == n);
    CHECK(moved.plus_days(-n) == start);
  }
  CHECK(day("2024-02-28").plus_days(1).to_string() == "2024-02-29");
  CHECK(day("2025-02-28").plus_days(1).to_string() == "2025-03-01");
  CHECK(day("2025-12-31").plus_days(1).to_string() == "2026-01-01");
  CHECK(day("2026-01-01").plus_days(-1).to_string() == "2025-12-31");
}

TEST_CASE("adding days past the supported range clamps to its first or last day", "[date]") {
  CHECK(day("2200-12-31").plus_days(1).to_string() == "2200-12-31");
  CHECK(day("2200-12-30").plus_days(5).to_string() == "2200-12-31");
  CHECK(day("1900-01-01").plus_days(-1).to_string() == "1900-01-01");
  CHECK(day("2025-06-15").plus_days(INT64_MAX).to_string() == "2200-12-31");
  CHECK(day("2025-06-15").plus_days(INT64_MIN).to_string() == "1900-01-01");
  CHECK(day("2025-06-15").plus_days(1'000'000).to_string() == "2200-12-31");
}

TEST_CASE("a month added to Jan 31 lands on the last day of February", "[date]") {
  CHECK(day("2025-01-31").plus_months(1).to_string() == "2025-02-28");
  CHECK(day("2024-01-31").plus_months(1).to_string() == "2024-02-29");
  CHECK(day("2100-01-31").plus_months(1).to_string() == "2100-02-28");
  CHECK(day("2000-01-31").plus_months(1).to_string() == "2000-02-29");
  CHECK(day("2025-01-29").plus_months(1).to_string() == "2025-02-28");
  CHECK(day("2025-01-28").plus_months(1).to_string() == "2025-02-28");
}

TEST_CASE("adding months clamps to the end of the target month", "[date]") {
  struct Case {
    std::string from;
    std::int64_t months;
    std::string to;
  };
  for (const auto& c : std::vector<Case>{
           {"2025-03-31", -1, "2025-02-28"},  {"2024-03-31", -1, "2024-02-29"},
           {"2025-08-31", 1, "2025-09-30"},   {"2025-12-31", 1, "2026-01-31"},
           {"2025-12-15", 2, "2026-02-15"},   {"2026-01-15", -2, "2025-11-15"},
           {"2025-01-30", 1, "2025-02-28"},   {"2025-05-31", 1, "2025-06-30"},
           {"2025-10-31", 1, "2025-11-30"},   {"2025-01-31", 13, "2026-02-28"},
           {"2025-01-31", 12, "2026-01-31"},  {"2025-02-28", 1, "2025-03-28"},
           {"2025-06-15", 0, "2025-06-15"},   {"2025-01-31", 37, "2028-02-29"},
           {"2025-07-31", -1, "2025-06-30"},  {"2025-01-31", -1, "2024-12-31"},
           {"2025-01-15", -13, "2023-12-15"}, {"2025-05-31", -3, "2025-02-28"},
           {"2024-12-31", 2, "2025-02-28"},   {"2025-03-31", -25, "2023-02-28"},
           {"2024-02-29", 12, "2025-02-28"},  {"2024-02-29", 48, "2028-02-29"},
           {"2025-02-28", 12, "2026-02-28"},  {"2025-02-28", 1 - 12, "2024-03-28"},
       }) {
    CAPTURE(c.from, c.months);
    CHECK(day(c.from).plus_months(c.months).to_string() == c.to);
  }
}

TEST_CASE("the month after each month end is clamped in leap and common years", "[date]") {
  for (int year : {2023, 2024}) {
    for (int month = 1; month <= 12; ++month) {
      const Date end = Date::from_ymd(year, month, month_length(year, month)).value();
      const int next_year = month == 12 ? year + 1 : year;
      const int next_month = month == 12 ? 1 : month + 1;
      const int expected_day =
          std::min(month_length(year, month), month_length(next_year, next_month));
      CAPTURE(end.to_string());
      CHECK(end.plus_months(1).to_string() == iso(next_year, next_month, expected_day));
    }
  }
}

TEST_CASE("months added to any day of 2023-2025 keep its day or take the month's last day",
          "[date]") {
  // For each day of 2023-2025 and each step in [-25, 25] months, the result keeps the day of
  // the month when the target month has it and takes the target's last day otherwise.
  for (Date d = day("2023-01-01"); d <= day("2025-12-31"); d = d.plus_days(1)) {
    for (int step = -25; step <= 25; ++step) {
      const int index = d.year() * 12 + d.month() - 1 + step;
      const int y = index / 12;
      const int m = index % 12 + 1;
      const std::string expected = iso(y, m, std::min(d.day(), month_length(y, m)));
      const Date got = d.plus_months(step);
      if (got.to_string() != expected) {
        CAPTURE(d.to_string(), step);
        REQUIRE(got.to_string() == expected);
      }
    }
  }
  SUCCEED("every day and step matched");
}

TEST_CASE("adding years from Feb 29 lands on Feb 28 outside leap years", "[date]") {
  CHECK(day("2024-02-29").plus_years(1).to_string() == "2025-02-28");
  CHECK(day("2024-02-29").plus_years(2).to_string() == "2026-02-28");
  CHECK(day("2024-02-29").plus_years(4).to_string() == "2028-02-29");
  CHECK(day("2024-02-29").plus_years(-1).to_string() == "2023-02-28");
  CHECK(day("2024-02-29").plus_years(-4).to_string() == "2020-02-29");
  CHECK(day("2000-02-29").plus_years(100).to_string() == "2100-02-28");
  CHECK(day("2000-02-29").plus_years(-100).to_string() == "1900-02-28");
  CHECK(day("2096-02-29").plus_years(4).to_string() == "2100-02-28");
  CHECK(day("2025-03-01").plus_years(1).to_string() == "2026-03-01");
  CHECK(day("2025-12-31").plus_years(1).to_string() == "2026-12-31");
}

TEST_CASE("adding months past the supported range clamps to its first or last day", "[date]") {
  CHECK(day("2200-12-15").plus_months(1).to_string() == "2200-12-31");
  CHECK(day("2200-06-15").plus_years(1).to_string() == "2200-12-31");
  CHECK(day("1900-01-15").plus_months(-1).to_string() == "1900-01-01");
  CHECK(day("1900-06-15").plus_years(-1).to_string() == "1900-01-01");
  CHECK(day("2025-06-15").plus_months(INT64_MAX).to_string() == "2200-12-31");
  CHECK(day("2025-06-15").plus_months(INT64_MIN).to_string() == "1900-01-01");
  // Found by fuzz_date: years * 12 overflowed before the clamp (undefined behaviour).
  CHECK(day("2025-06-15").plus_years(INT64_MAX).to_string() == "2200-12-31");
  CHECK(day("2025-06-15").plus_years(INT64_MIN).to_string() == "1900-01-01");
  CHECK(day("2025-06-15").plus_years(3543825130779062837).to_string() == "2200-12-31");
  CHECK(day("2200-11-30").plus_months(1).to_string() == "2200-12-30");
  CHECK(day("1900-02-28").plus_months(-1).to_string() == "1900-01-28");
}

// ---------------------------------------------------------------------------------------------
// Duration

TEST_CASE("durations parse in short and spelled forms and print back", "[duration]") {
  struct Case {
    std::string text;
    std::string compact;
    std::string human;
  };
  for (const auto& c : std::vector<Case>{
           {"30d", "30d", "30 days"},        {"1d", "1d", "1 day"},
           {"2w", "2w", "2 weeks"},          {"1w", "1w", "1 week"},
           {"3m", "3m", "3 months"},         {"1m", "1m", "1 month"},
           {"1y", "1y", "1 year"},           {"2y", "2y", "2 years"},
           {"30 days", "30d", "30 days"},    {"1 day", "1d", "1 day"},
           {"1 days", "1d", "1 day"},        {"3 day", "3d", "3 days"},
           {"2 weeks", "2w", "2 weeks"},     {"1 week", "1w", "1 week"},
           {"1 month", "1m", "1 month"},     {"6 months", "6m", "6 months"},
           {"1 year", "1y", "1 year"},       {"5 years", "5y", "5 years"},
           {"10days", "10d", "10 days"},     {"2weeks", "2w", "2 weeks"},
           {"3months", "3m", "3 months"},    {"1year", "1y", "1 year"},
           {"3 d", "3d", "3 days"},          {"3   days", "3d", "3 days"},
           {" 6W ", "6w", "6 weeks"},        {"1 Day", "1d", "1 day"},
           {"2 WEEKS", "2w", "2 weeks"},     {"3M", "3m", "3 months"},
           {"1Y", "1y", "1 year"},           {"\t2w\n", "2w", "2 weeks"},
           {"007d", "7d", "7 days"},         {"36500d", "36500d", "36500 days"},
           {"5200w", "5200w", "5200 weeks"}, {"1200m", "1200m", "1200 months"},
           {"100y", "100y", "100 years"},    {"100 years", "100y", "100 years"},
       }) {
    CAPTURE(c.text);
    auto d = Duration::parse(c.text);
    REQUIRE(d);
    CHECK(d->to_string() == c.compact);
    CHECK(d->to_human() == c.human);
    CHECK(Duration::parse(d->to_string()).value() == *d);
    CHECK(Duration::parse(d->to_human()).value() == *d);
  }
}

TEST_CASE("every allowed duration round-trips through its compact and human forms", "[duration]") {
  struct Limit {
    Duration::Unit unit;
    std::int32_t max;
  };
  for (const auto& limit :
       {Limit{Duration::Unit::days, 36500}, Limit{Duration::Unit::weeks, 5200},
        Limit{Duration::Unit::months, 1200}, Limit{Duration::Unit::years, 100}}) {
    for (std::int32_t count = 1; count <= limit.max; ++count) {
      const Duration d(count, limit.unit);
      auto compact = Duration::parse(d.to_string());
      auto human = Duration::parse(d.to_human());
      if (!compact || !human || *compact != d || *human != d) {
        CAPTURE(d.to_string(), d.to_human());
        REQUIRE(compact);
        REQUIRE(human);
        REQUIRE(*compact == d);
        REQUIRE(*human == d);
      }
    }
  }
  SUCCEED("all 43000 durations round-tripped");
}

TEST_CASE("a default duration is one day", "[duration]") {
  CHECK(Duration().count() == 1);
  CHECK(Duration().unit() == Duration::Unit::days);
  CHECK(Duration().to_string() == "1d");
  CHECK(Duration().to_human() == "1 day");
}

TEST_CASE("durations that are not a positive count and a unit are refused", "[duration]") {
  for (std::string text : {"",
                           " ",
                           "  ",
                           "0d",
                           "-0d",
                           "00w",
                           "0 days",
                           "-3d",
                           "+3d",
                           "3",
                           "d",
                           "days",
                           "3x",
                           "3 fortnights",
                           "soon",
                           "1.5w",
                           "1,5w",
                           "2w3d",
                           "three weeks",
                           "3 days ago",
                           "in 3 days",
                           "3ds",
                           "3 dayss",
                           "3 wk",
                           "3 mo",
                           "3 yr",
                           "3-d",
                           "d3",
                           "week",
                           "1e3d",
                           "3 d a y s",
                           "0x10d",
                           "3\xC2\xA0"
                           "days",
                           "monday",
                           "2025-01-01",
                           "today"}) {
    CAPTURE(text);
    auto d = Duration::parse(text);
    REQUIRE_FALSE(d);
    CHECK(d.error().code == Errc::invalid_input);
    CHECK(d.error().message == "invalid duration '" + text + "': " + kDurationForms);
  }
}

TEST_CASE("durations longer than a hundred years are refused with the limit", "[duration]") {
  struct Case {
    std::string text;
    std::string limit;
  };
  for (const auto& c : std::vector<Case>{
           {"36501d", "36500 days"},
           {"99999d", "36500 days"},
           {"99999999999999999999999d", "36500 days"},
           {"5201w", "5200 weeks"},
           {"1201m", "1200 months"},
           {"1201 months", "1200 months"},
           {"101y", "100 years"},
           {"1000 years", "100 years"},
       }) {
    CAPTURE(c.text);
    CHECK(duration(c.text) ==
          "error: invalid duration '" + c.text + "': expected at most " + c.limit);
  }
}

TEST_CASE("a duration is added as calendar time", "[duration]") {
  struct Case {
    std::string duration, from, after, before;
  };
  for (const auto& c : std::vector<Case>{
           {"1d", "2025-12-31", "2026-01-01", "2025-12-30"},
           {"30d", "2025-03-01", "2025-03-31", "2025-01-30"},
           {"2w", "2025-12-25", "2026-01-08", "2025-12-11"},
           {"1w", "2024-02-25", "2024-03-03", "2024-02-18"},
           {"1m", "2025-01-31", "2025-02-28", "2024-12-31"},
           {"1m", "2025-03-31", "2025-04-30", "2025-02-28"},
           {"1m", "2024-03-31", "2024-04-30", "2024-02-29"},
           {"3m", "2025-11-30", "2026-02-28", "2025-08-30"},
           {"1y", "2024-02-29", "2025-02-28", "2023-02-28"},
           {"4y", "2024-02-29", "2028-02-29", "2020-02-29"},
           {"100y", "2000-06-15", "2100-06-15", "1900-06-15"},
       }) {
    CAPTURE(c.duration, c.from);
    const Duration d = Duration::parse(c.duration).value();
    CHECK(d.after(day(c.from)).to_string() == c.after);
    CHECK(d.before(day(c.from)).to_string() == c.before);
  }
}

TEST_CASE("a duration past the supported range clamps to its first or last day", "[duration]") {
  CHECK(Duration(100, Duration::Unit::years).after(day("2150-01-01")).to_string() == "2200-12-31");
  CHECK(Duration(36500, Duration::Unit::days).before(day("1950-01-01")).to_string() ==
        "1900-01-01");
}

TEST_CASE("approximate lengths order cadences from shortest to longest", "[duration]") {
  auto d = [](std::string_view text) { return Duration::parse(text).value(); };
  CHECK(d("1d").approx_days() == Approx(1));
  CHECK(d("2w").approx_days() == Approx(14));
  CHECK(d("1m").approx_days() == Approx(30.44).epsilon(0.001));
  CHECK(d("1y").approx_days() == Approx(365.25));
  CHECK(shorter(d("4w"), d("1m")));
  CHECK(shorter(d("1m"), d("5w")));
  CHECK(shorter(d("11m"), d("1y")));
  CHECK(shorter(d("52w"), d("1y")));
  CHECK(shorter(d("1y"), d("366d")));
  CHECK(shorter(d("365d"), d("1y")));
  CHECK_FALSE(shorter(d("1y"), d("365d")));
  // Equal lengths are not shorter either way.
  CHECK_FALSE(shorter(d("2w"), d("14d")));
  CHECK_FALSE(shorter(d("14d"), d("2w")));
  CHECK_FALSE(shorter(d("12m"), d("1y")));
  CHECK_FALSE(shorter(d("1y"), d("12m")));
}

// ---------------------------------------------------------------------------------------------
// parse_date

TEST_CASE("named days and offsets resolve against today", "[parse_date]") {
  const std::string today = "2026-11-22";  // a Sunday
  struct Case {
    std::string text;
    std::string expected;
  };
  for (const auto& c : std::vector<Case>{
           {"today", "2026-11-22"},        {"TODAY", "2026-11-22"},
           {" today ", "2026-11-22"},      {"Today", "2026-11-22"},
           {"yesterday", "2026-11-21"},    {"Yesterday", "2026-11-21"},
           {"tomorrow", "2026-11-23"},     {"TOMORROW", "2026-11-23"},
           {"3d", "2026-11-25"},           {"+3d", "2026-11-25"},
           {"in 3 days", "2026-11-25"},    {"in 3d", "2026-11-25"},
           {"In 3 Days", "2026-11-25"},    {"in  3  days", "2026-11-25"},
           {"3 days", "2026-11-25"},       {"+3 days", "2026-11-25"},
           {"1 day", "2026-11-23"},        {"in 1 day", "2026-11-23"},
           {"-3d", "2026-11-19"},          {"-3 days", "2026-11-19"},
           {"3 days ago", "2026-11-19"},   {"3d ago", "2026-11-19"},
           {"3 DAYS AGO", "2026-11-19"},   {"1 day ago", "2026-11-21"},
           {"2w", "2026-12-06"},           {"+2w", "2026-12-06"},
           {"in 2 weeks", "2026-12-06"},   {"1 week", "2026-11-29"},
           {"-2w", "2026-11-08"},          {"2 weeks ago", "2026-11-08"},
           {"1 week ago", "2026-11-15"},   {"1m", "2026-12-22"},
           {"+1m", "2026-12-22"},          {"in 1 month", "2026-12-22"},
           {"2 months", "2027-01-22"},     {"-1m", "2026-10-22"},
           {"1 month ago", "2026-10-22"},  {"11 months ago", "2025-12-22"},
           {"1y", "2027-11-22"},           {"+1y", "2027-11-22"},
           {"in 1 year", "2027-11-22"},    {"in 2 years", "2028-11-22"},
           {"-1y", "2025-11-22"},          {"1 year ago", "2025-11-22"},
           {"10 years ago", "2016-11-22"}, {"100 years ago", "1926-11-22"},
           {"36500 days", "2126-10-29"},   {"2026-12-31", "2026-12-31"},
           {"1999-01-01", "1999-01-01"},   {" 2024-02-29 ", "2024-02-29"},
           {"1900-01-01", "1900-01-01"},   {"2200-12-31", "2200-12-31"},
       }) {
    CAPTURE(c.text);
    CHECK(parsed(c.text, today) == c.expected);
  }
}

TEST_CASE("month and year offsets clamp to the end of the month", "[parse_date]") {
  CHECK(parsed("1m", "2025-01-31") == "2025-02-28");
  CHECK(parsed("1m", "2024-01-31") == "2024-02-29");
  CHECK(parsed("-1m", "2025-03-31") == "2025-02-28");
  CHECK(parsed("1 month ago", "2024-03-31") == "2024-02-29");
  CHECK(parsed("1m", "2025-08-31") == "2025-09-30");
  CHECK(parsed("1m", "2025-12-31") == "2026-01-31");
  CHECK(parsed("1y", "2024-02-29") == "2025-02-28");
  CHECK(parsed("4y", "2024-02-29") == "2028-02-29");
  CHECK(parsed("-1y", "2024-02-29") == "2023-02-28");
  CHECK(parsed("1 year ago", "2024-02-29") == "2023-02-28");
}

TEST_CASE("every offset spelling agrees with the duration it names", "[parse_date]") {
  struct Unit {
    Duration::Unit unit;
    std::vector<std::string> names;
  };
  const std::vector<Unit> units = {
      {Duration::Unit::days, {"d", "day", "days", "D", "Days"}},
      {Duration::Unit::weeks, {"w", "week", "weeks", "W", "WEEKS"}},
      {Duration::Unit::months, {"m", "month", "months", "M", "Month"}},
      {Duration::Unit::years, {"y", "year", "years", "Y", "YEARS"}},
  };
  const Date today = day("2024-01-31");
  for (const auto& unit : units) {
    for (std::int32_t n : {1, 2, 3, 7, 12, 13, 29, 31, 59, 100}) {
      const Duration d(n, unit.unit);
      const std::string ahead = d.after(today).to_string();
      const std::string back = d.before(today).to_string();
      const std::string count = std::to_string(n);
      for (const auto& name : unit.names) {
        for (const std::string& form :
             {count + name, "+" + count + name, count + " " + name, "in " + count + " " + name,
              "in " + count + name, " " + count + name + " "}) {
          CAPTURE(form);
          CHECK(parsed(form, "2024-01-31") == ahead);
        }
        for (const std::string& form : {"-" + count + name, "-" + count + " " + name,
                                        count + " " + name + " ago", count + name + " ago"}) {
          CAPTURE(form);
          CHECK(parsed(form, "2024-01-31") == back);
        }
      }
    }
  }
}

TEST_CASE("a weekday name resolves from every day of the week under both rules", "[parse_date]") {
  const std::vector<std::vector<std::string>> names = {
      {"monday", "mon", "Monday", "MON", "MONDAY"},
      {"tuesday", "tue", "tues", "Tue", "TUESDAY"},
      {"wednesday", "wed", "Wed", "WEDNESDAY"},
      {"thursday", "thu", "thur", "thurs", "Thurs", "THU"},
      {"friday", "fri", "FRIDAY", "Fri"},
      {"saturday", "sat", "Sat", "SATURDAY"},
      {"sunday", "sun", "Sun", "SUNDAY"}};
  // 2026-11-16 is a Monday; every day of that week takes a turn as today.
  for (int t = 0; t < 7; ++t) {
    const Date today = day("2026-11-16").plus_days(t);
    REQUIRE(static_cast<int>(today.weekday()) == t);
    for (int w = 0; w < 7; ++w) {
      for (const auto& name : names[static_cast<std::size_t>(w)]) {
        CAPTURE(today.to_string(), name);
        auto next = parse_date(name, today, WeekdayRule::next_after_today);
        REQUIRE(next);
        CHECK(static_cast<int>(next->weekday()) == w);
        CHECK(days_between(today, *next) >= 1);
        CHECK(days_between(today, *next) <= 7);
        auto recent = parse_date(name, today, WeekdayRule::most_recent_or_today);
        REQUIRE(recent);
        CHECK(static_cast<int>(recent->weekday()) == w);
        CHECK(days_between(today, *recent) <= 0);
        CHECK(days_between(today, *recent) >= -6);
        // The default rule is the next such day after today.
        CHECK(parse_date(name, today).value() == *next);
        CHECK(parse_date(" " + name + " ", today).value() == *next);
      }
    }
  }
}

TEST_CASE("weekday names resolve to known dates in a known week", "[parse_date]") {
  // 2026-11-18 is a Wednesday.
  struct Case {
    std::string name, next, recent;
  };
  for (const auto& c : std::vector<Case>{
           {"monday", "2026-11-23", "2026-11-16"},
           {"tuesday", "2026-11-24", "2026-11-17"},
           {"wednesday", "2026-11-25", "2026-11-18"},
           {"thursday", "2026-11-19", "2026-11-12"},
           {"friday", "2026-11-20", "2026-11-13"},
           {"saturday", "2026-11-21", "2026-11-14"},
           {"sunday", "2026-11-22", "2026-11-15"},
       }) {
    CAPTURE(c.name);
    CHECK(parsed(c.name, "2026-11-18") == c.next);
    CHECK(parsed(c.name, "2026-11-18", WeekdayRule::most_recent_or_today) == c.recent);
  }
}

TEST_CASE("a weekday name on that weekday means a week ahead, or today when looking back",
          "[parse_date]") {
  CHECK(parsed("sunday", "2026-11-22") == "2026-11-29");
  CHECK(parsed("sun", "2026-11-22", WeekdayRule::most_recent_or_today) == "2026-11-22");
  CHECK(parsed("monday", "2026-11-23") == "2026-11-30");
  CHECK(parsed("monday", "2026-11-23", WeekdayRule::most_recent_or_today) == "2026-11-23");
}

TEST_CASE("weekday names cross month, year and leap-day boundaries", "[parse_date]") {
  CHECK(parsed("friday", "2026-12-31") == "2027-01-01");  // a Thursday
  CHECK(parsed("thursday", "2027-01-01", WeekdayRule::most_recent_or_today) == "2026-12-31");
  CHECK(parsed("thursday", "2024-02-27") == "2024-02-29");  // a Tuesday
  CHECK(parsed("friday", "2024-02-27") == "2024-03-01");
  CHECK(parsed("thu", "2024-03-01", WeekdayRule::most_recent_or_today) == "2024-02-29");
}

TEST_CASE("an impossible or misshapen calendar date is refused with its reason", "[parse_date]") {
  struct Case {
    std::string text;
    std::string reason;
  };
  for (const auto& c : std::vector<Case>{
           {"2025-02-30", "February 2025 has 28 days"},
           {"2023-02-29", "February 2023 has 28 days"},
           {"2025-04-31", "April 2025 has 30 days"},
           {"2025-13-01", "expected a month from 01 to 12"},
           {"1800-01-01", "expected a year from 1900 to 2200"},
           {"2300-01-01", "expected a year from 1900 to 2200"},
           {"1899-12-31", "expected a year from 1900 to 2200"},
           {"13/01/2025", "expected YYYY-MM-DD"},
           {"01/13/2025", "expected YYYY-MM-DD"},
           {"2025-1-5", "expected YYYY-MM-DD"},
           {"2025/01/05", "expected YYYY-MM-DD"},
           {"05.01.2025", "expected YYYY-MM-DD"},
           {"20250105-", "expected YYYY-MM-DD"},
           {"3-1", "expected YYYY-MM-DD"},
       }) {
    CAPTURE(c.text);
    CHECK(parsed(c.text, "2026-11-22") == "error: invalid date '" + c.text + "': " + c.reason);
  }
}

TEST_CASE("text that is not a date is refused with the forms it could take", "[parse_date]") {
  for (std::string text : {"",
                           " ",
                           "   ",
                           "\t",
                           "soon",
                           "now",
                           "next week",
                           "last monday",
                           "next monday",
                           "mond",
                           "mo",
                           "tu",
                           "th",
                           "mondays",
                           "monday ago",
                           "in monday",
                           "-monday",
                           "today ago",
                           "in today",
                           "+today",
                           "3x",
                           "d",
                           "days",
                           "-",
                           "+",
                           "in",
                           "ago",
                           "in ago",
                           "3",
                           "-3",
                           "+3",
                           "3 days from now",
                           "1e3d",
                           "1.5w",
                           "1,5w",
                           "3 parsecs ago",
                           "3 fortnights",
                           "in 3 days ago",
                           "+3d ago",
                           "-3d ago",
                           "+-3d",
                           "--3d",
                           "++3d",
                           "- 3d",
                           "+ 3d",
                           "in -3d",
                           "in +3d",
                           "in3d",
                           "3dago",
                           "3 d a y s",
                           "2w3d",
                           "a week ago",
                           "one day ago",
                           "0x10d",
                           "\xE2\x88\x92"
                           "3d",
                           "3\xC2\xA0"
                           "days",
                           "yesterday!",
                           "tomorow"}) {
    CAPTURE(text);
    auto d = parse_date(text, day("2026-11-22"));
    REQUIRE_FALSE(d);
    CHECK(d.error().code == Errc::invalid_input);
    CHECK(d.error().message == "invalid date '" + text + "': " + kDateForms);
  }
  CHECK(parsed("soon", "2026-11-22") ==
        "error: invalid date 'soon': expected YYYY-MM-DD, today, yesterday, tomorrow, a "
        "weekday, or an offset like 3d, 2w, -1m, '3 days ago'");
}

TEST_CASE("a zero offset is refused: use today", "[parse_date]") {
  for (std::string text : {"0d", "-0d", "+0d", "0w", "0 months ago", "in 0 years", "000d"}) {
    CAPTURE(text);
    CHECK(parsed(text, "2026-11-22") ==
          "error: invalid date '" + text + "': expected a count of at least 1, like 3d or -2w");
  }
}

TEST_CASE("an offset longer than a hundred years is refused with the limit", "[parse_date]") {
  struct Case {
    std::string text;
    std::string limit;
  };
  for (const auto& c : std::vector<Case>{
           {"99999d", "36500 days"},
           {"-99999d", "36500 days"},
           {"9999999999999999999999d", "36500 days"},
           {"36501 days ago", "36500 days"},
           {"5201w", "5200 weeks"},
           {"1201m", "1200 months"},
           {"101y", "100 years"},
           {"300y", "100 years"},
           {"-300y", "100 years"},
           {"250 years ago", "100 years"},
       }) {
    CAPTURE(c.text);
    CHECK(parsed(c.text, "2026-11-22") ==
          "error: invalid date '" + c.text + "': expected an offset of at most " + c.limit);
  }
}

TEST_CASE("an offset landing outside the supported years is refused, not clamped", "[parse_date]") {
  struct Case {
    std::string text, today;
  };
  for (const auto& c : std::vector<Case>{
           {"-2y", "1901-06-01"},
           {"1y", "2200-06-01"},
           {"1m", "2200-12-01"},
           {"-1m", "1900-01-31"},
           {"1d", "2200-12-31"},
           {"tomorrow", "2200-12-31"},
           {"yesterday", "1900-01-01"},
           {"1 day ago", "1900-01-01"},
           {"1w", "2200-12-25"},
           {"in 100 years", "2101-01-01"},
           {"100 years ago", "1999-12-31"},
           {"36500d", "2110-01-01"},
           {"monday", "2200-12-31"},
       }) {
    CAPTURE(c.text, c.today);
    CHECK(parsed(c.text, c.today) == "error: invalid date '" + c.text + "': " + kOutOfRange);
  }
  CHECK(parsed("tuesday", "1900-01-01", WeekdayRule::most_recent_or_today) ==
        "error: invalid date 'tuesday': " + std::string(kOutOfRange));
  CHECK(parsed("monday", "1900-01-01", WeekdayRule::most_recent_or_today) == "1900-01-01");
  CHECK(parsed("-1y", "1901-06-01") == "1900-06-01");
  CHECK(parsed("1y", "2199-12-31") == "2200-12-31");
  CHECK(parsed("1m", "2200-11-30") == "2200-12-30");
  CHECK(parsed("100 years ago", "2000-01-01") == "1900-01-01");
  CHECK(parsed("in 100 years", "2100-12-31") == "2200-12-31");
  CHECK(parsed("tomorrow", "2200-12-30") == "2200-12-31");
  CHECK(parsed("yesterday", "1900-01-02") == "1900-01-01");
}

}  // namespace kith
