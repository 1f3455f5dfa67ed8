// Calendar dates and durations: kith's only notion of time for domain data.
//
// A Date is a day in the proleptic Gregorian calendar, with no time of day and no time zone.
// Arithmetic is on whole days, months and years; nothing here reads the clock: "today" is
// always passed in by the caller.
//
// Invariant: a Date always holds a valid calendar day in [kMinYear, kMaxYear].
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kith/status.hpp"

namespace kith {

inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2200;

// Monday = 0 ... Sunday = 6 (ISO 8601 order).
enum class Weekday { monday, tuesday, wednesday, thursday, friday, saturday, sunday };

// "monday" ... "sunday".
std::string_view to_string(Weekday day);

class Date {
 public:
  // 2000-01-01: a valid date, so a default-constructed Date never breaks the invariant.
  Date();

  // The date with the given year, month (1-12) and day; an error naming the input when the
  // day does not exist (2025-02-30) or the year is outside [kMinYear, kMaxYear].
  static Result<Date> from_ymd(int year, int month, int day);

  // Strict ISO form YYYY-MM-DD, as stored in the database and written in JSON.
  static Result<Date> parse_iso(std::string_view text);

  int year() const;
  int month() const;  // 1-12
  int day() const;    // 1-31
  Weekday weekday() const;

  // "YYYY-MM-DD".
  std::string to_string() const;

  // Days since 1970-01-01; negative before it.
  std::int32_t days_since_epoch() const { return days_; }

  // Adds (or subtracts) whole days. REQUIRES: the result stays within the supported years;
  // out-of-range results are clamped to the first or last supported day.
  Date plus_days(std::int64_t days) const;
  // Adds calendar months/years; a day past the end of the target month is clamped to its
  // last day (2025-01-31 plus 1 month is 2025-02-28; 2024-02-29 plus 1 year is 2025-02-28).
  // Like plus_days, a result outside the supported years is clamped to the range's ends.
  Date plus_months(std::int64_t months) const;
  Date plus_years(std::int64_t years) const;

  friend auto operator<=>(const Date&, const Date&) = default;
  friend bool operator==(const Date&, const Date&) = default;

 private:
  explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_;
};

// b - a in days (positive when b is later).
std::int64_t days_between(Date a, Date b);

// A length of calendar time: N days, weeks, months or years. N is at least 1.
class Duration {
 public:
  // Frozen: stored in the database as the suffix letter (d, w, m, y).
  enum class Unit { days, weeks, months, years };

  Duration() = default;  // 1 day
  Duration(std::int32_t count, Unit unit) : count_(count), unit_(unit) {}

  // Accepts "30d", "2w", "3m", "1y" and the spelled forms "30 days", "2 weeks", "1 month",
  // "1 year" (case-insensitive, optional space). Count 1..kMaxCount-for-unit (at most 100
  // years in total). Anything else is an invalid_input error naming the text.
  static Result<Duration> parse(std::string_view text);

  std::int32_t count() const { return count_; }
  Unit unit() const { return unit_; }

  // Compact form: "30d", "2w", "3m", "1y". parse(to_string()) == *this.
  std::string to_string() const;
  // Human form: "30 days", "1 week", "3 months".
  std::string to_human() const;

  // The date this duration after `from` (calendar months/years, clamped at month end).
  Date after(Date from) const;
  // The date this duration before `from`.
  Date before(Date from) const;
  // Like after(), but nullopt when the result falls outside the supported years instead of
  // clamping it.
  std::optional<Date> checked_after(Date from) const;

  // An approximate length in days (months 30.44, years 365.25) for ranking and comparison
  // only, never for computing dates.
  double approx_days() const;

  friend bool operator==(const Duration&, const Duration&) = default;

 private:
  std::int32_t count_ = 1;
  Unit unit_ = Unit::days;
};

// Orders durations by approx_days(): which cadence is shorter.
bool shorter(const Duration& a, const Duration& b);

// How a weekday name resolves.
enum class WeekdayRule {
  next_after_today,      // "monday" is the next Monday strictly after today
  most_recent_or_today,  // "monday" is the latest Monday on or before today (kith log --on)
};

// Parses every DATE form README.md lists ("Dates"), relative to `today`:
//   YYYY-MM-DD; today, yesterday, tomorrow; weekday names (monday/mon ... sunday/sun) per
//   `rule`; offsets ahead "3d", "2w", "1m", "1y", "+3d", "3 days", "in 3 days"; offsets back
//   "-3d", "3 days ago", "2 weeks ago". Case-insensitive, surrounding spaces ignored. An
//   offset's count is at least 1 ("0d" is refused: say "today"), and a result outside the
//   supported years is refused rather than clamped.
// Returns an invalid_input error naming the text for anything else, including impossible
// dates (2025-02-30), other layouts (13/01/2025), empty text and years outside the range.
Result<Date> parse_date(std::string_view text, Date today,
                        WeekdayRule rule = WeekdayRule::next_after_today);

}  // namespace kith
