#include "kith/date.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <limits>
#include <optional>
#include <utility>

#include "kith/text.hpp"

namespace kith {
namespace {

namespace chr = std::chrono;

constexpr std::string_view kDateForms =
    "expected YYYY-MM-DD, today, yesterday, tomorrow, a weekday, or an offset like 3d, 2w, "
    "-1m, '3 days ago'";
constexpr std::string_view kDurationForms =
    "expected a positive count and a unit, like 30d, 2w, 3m, 1y";

// Days since 1970-01-01 of a valid civil date.
constexpr std::int32_t to_days(int year, int month, int day) {
  const chr::sys_days days{chr::year{year} / chr::month{static_cast<unsigned>(month)} /
                           chr::day{static_cast<unsigned>(day)}};
  return static_cast<std::int32_t>(days.time_since_epoch().count());
}

constexpr std::int32_t kFirstDay = to_days(kMinYear, 1, 1);
constexpr std::int32_t kLastDay = to_days(kMaxYear, 12, 31);
constexpr std::int64_t kMonthsSupported = std::int64_t{kMaxYear - kMinYear + 1} * 12;

chr::year_month_day civil(std::int32_t days) {
  return chr::year_month_day{chr::sys_days{chr::days{days}}};
}

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && chr::year{year}.is_leap()) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

std::string format_ymd(int year, int month, int day) {
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

// Why year-month-day is not a supported day ("February 2025 has 28 days"), or "" when it is.
std::string why_not_a_day(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) {
    return "expected a year from " + std::to_string(kMinYear) + " to " + std::to_string(kMaxYear);
  }
  if (month < 1 || month > 12) return "expected a month from 01 to 12";
  const int last = days_in_month(year, month);
  if (day < 1 || day > last) {
    return std::string(kMonthNames[static_cast<std::size_t>(month - 1)]) + " " +
           std::to_string(year) + " has " + std::to_string(last) + " days";
  }
  return "";
}

Error date_error(std::string_view text, std::string_view reason) {
  return invalid_input("invalid date '" + std::string(text) + "': " + std::string(reason));
}

Error duration_error(std::string_view text, std::string_view reason) {
  return invalid_input("invalid duration '" + std::string(text) + "': " + std::string(reason));
}

// ASCII only: no locale may change how a date is read.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

// `text` as a number. REQUIRES: all_digits(text) and a value that fits in an int.
int to_int(std::string_view text) {
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// The strict YYYY-MM-DD form; errors name `shown`, the text as the user typed it.
Result<Date> parse_iso_as(std::string_view text, std::string_view shown) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      all_digits(text.substr(0, 4)) && all_digits(text.substr(5, 2)) &&
                      all_digits(text.substr(8, 2));
  if (!shaped) return date_error(shown, "expected YYYY-MM-DD");
  const int year = to_int(text.substr(0, 4));
  const int month = to_int(text.substr(5, 2));
  const int day = to_int(text.substr(8, 2));
  if (std::string reason = why_not_a_day(year, month, day); !reason.empty()) {
    return date_error(shown, reason);
  }
  return Date::from_ymd(year, month, day);
}

// Digits with separators, like 2025-1-5 or 13/01/2025: meant as a calendar date.
bool looks_numeric(std::string_view text) {
  return !text.empty() && is_digit(text.front()) &&
         text.find_first_of("-/.") != std::string_view::npos &&
         std::all_of(text.begin(), text.end(),
                     [](char c) { return is_digit(c) || c == '-' || c == '/' || c == '.'; });
}

constexpr std::array<std::string_view, 4> kUnitNames = {"day", "week", "month", "year"};
constexpr std::array<char, 4> kUnitSuffixes = {'d', 'w', 'm', 'y'};
// The longest duration of each unit: 100 years in total.
constexpr std::array<std::int64_t, 4> kMaxCounts = {36500, 5200, 1200, 100};

std::size_t index_of(Duration::Unit unit) { return static_cast<std::size_t>(unit); }

// "1 day", "3 weeks".
std::string count_of(std::int64_t count, Duration::Unit unit) {
  return std::to_string(count) + " " + std::string(kUnitNames[index_of(unit)]) +
         (count == 1 ? "" : "s");
}

// A count and a unit as written, before any range check.
struct Amount {
  std::int64_t count = 0;
  Duration::Unit unit = Duration::Unit::days;
};

std::optional<Duration::Unit> parse_unit(std::string_view text) {
  using Unit = Duration::Unit;
  static constexpr std::array<std::pair<std::string_view, Unit>, 12> kNames = {{
      {"d", Unit::days},
      {"day", Unit::days},
      {"days", Unit::days},
      {"w", Unit::weeks},
      {"week", Unit::weeks},
      {"weeks", Unit::weeks},
      {"m", Unit::months},
      {"month", Unit::months},
      {"months", Unit::months},
      {"y", Unit::years},
      {"year", Unit::years},
      {"years", Unit::years},
  }};
  for (const auto& [name, unit] : kNames) {
    if (text == name) return unit;
  }
  return std::nullopt;
}

// Reads lower-case "<digits><unit>" or "<digits> <unit>", where the unit is d, w, m, y or a
// spelled unit, singular or plural (day, days, week, ...). nullopt for any other shape. A count
// too large for int64 saturates, so that it fails the caller's limit check.
std::optional<Amount> parse_amount(std::string_view text) {
  const std::size_t digits = std::find_if_not(text.begin(), text.end(), is_digit) - text.begin();
  if (digits == 0) return std::nullopt;
  const std::optional<Duration::Unit> unit = parse_unit(trim(text.substr(digits)));
  if (!unit) return std::nullopt;
  Amount amount;
  amount.unit = *unit;
  const auto parsed = std::from_chars(text.data(), text.data() + digits, amount.count);
  if (parsed.ec != std::errc()) amount.count = std::numeric_limits<std::int64_t>::max();
  return amount;
}

std::optional<Weekday> parse_weekday(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, Weekday>, 17> kNames = {{
      {"monday", Weekday::monday},
      {"mon", Weekday::monday},
      {"tuesday", Weekday::tuesday},
      {"tue", Weekday::tuesday},
      {"tues", Weekday::tuesday},
      {"wednesday", Weekday::wednesday},
      {"wed", Weekday::wednesday},
      {"thursday", Weekday::thursday},
      {"thu", Weekday::thursday},
      {"thur", Weekday::thursday},
      {"thurs", Weekday::thursday},
      {"friday", Weekday::friday},
      {"fri", Weekday::friday},
      {"saturday", Weekday::saturday},
      {"sat", Weekday::saturday},
      {"sunday", Weekday::sunday},
      {"sun", Weekday::sunday},
  }};
  for (const auto& [name, day] : kNames) {
    if (text == name) return day;
  }
  return std::nullopt;
}

// `count` units after `from` (before it when negative), clamped to the supported dates.
Date shift(Date from, std::int64_t count, Duration::Unit unit) {
  switch (unit) {
    case Duration::Unit::days: return from.plus_days(count);
    case Duration::Unit::weeks: return from.plus_days(count * 7);
    case Duration::Unit::months: return from.plus_months(count);
    case Duration::Unit::years: return from.plus_years(count);
  }
  return from;
}

// Like shift(), but nullopt where shift() would clamp: the result is outside the supported
// dates. REQUIRES: |count| is within the unit's limit in kMaxCounts.
std::optional<Date> checked_shift(Date from, std::int64_t count, Duration::Unit unit) {
  if (unit == Duration::Unit::days || unit == Duration::Unit::weeks) {
    const std::int64_t days = unit == Duration::Unit::weeks ? count * 7 : count;
    const std::int64_t target = from.days_since_epoch() + days;
    if (target < kFirstDay || target > kLastDay) return std::nullopt;
  } else {
    const std::int64_t months = unit == Duration::Unit::years ? count * 12 : count;
    const std::int64_t year = (std::int64_t{from.year()} * 12 + from.month() - 1 + months) / 12;
    if (year < kMinYear || year > kMaxYear) return std::nullopt;
  }
  return shift(from, count, unit);
}

// Removes a leading word `word` followed by whitespace ("in 3 days").
bool remove_prefix_word(std::string_view& text, std::string_view word) {
  if (text.size() <= word.size() || text.substr(0, word.size()) != word ||
      !is_space(text[word.size()])) {
    return false;
  }
  text = trim(text.substr(word.size()));
  return true;
}

// Removes a trailing word `word` preceded by whitespace ("3 days ago").
bool remove_suffix_word(std::string_view& text, std::string_view word) {
  const std::size_t size = text.size();
  if (size <= word.size() || text.substr(size - word.size()) != word ||
      !is_space(text[size - word.size() - 1])) {
    return false;
  }
  text = trim(text.substr(0, size - word.size()));
  return true;
}

bool remove_prefix_char(std::string_view& text, char c) {
  if (text.empty() || text.front() != c) return false;
  text.remove_prefix(1);
  return true;
}

}  // namespace

std::string_view to_string(Weekday day) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return kNames[static_cast<std::size_t>(day)];
}

Date::Date() : days_(to_days(2000, 1, 1)) {}

Result<Date> Date::from_ymd(int year, int month, int day) {
  if (std::string reason = why_not_a_day(year, month, day); !reason.empty()) {
    return date_error(format_ymd(year, month, day), reason);
  }
  return Date(to_days(year, month, day));
}

Result<Date> Date::parse_iso(std::string_view text) { return parse_iso_as(text, text); }

int Date::year() const { return static_cast<int>(civil(days_).year()); }

int Date::month() const { return static_cast<int>(static_cast<unsigned>(civil(days_).month())); }

int Date::day() const { return static_cast<int>(static_cast<unsigned>(civil(days_).day())); }

Weekday Date::weekday() const {
  const unsigned iso = chr::weekday{chr::sys_days{chr::days{days_}}}.iso_encoding();  // Monday 1
  return static_cast<Weekday>(iso - 1);
}

std::string Date::to_string() const {
  const chr::year_month_day ymd = civil(days_);
  return format_ymd(static_cast<int>(ymd.year()),
                    static_cast<int>(static_cast<unsigned>(ymd.month())),
                    static_cast<int>(static_cast<unsigned>(ymd.day())));
}

Date Date::plus_days(std::int64_t days) const {
  // Bounding the step first keeps the sum far from overflow.
  const std::int64_t step =
      std::clamp<std::int64_t>(days, kFirstDay - kLastDay, kLastDay - kFirstDay);
  return Date(
      static_cast<std::int32_t>(std::clamp<std::int64_t>(days_ + step, kFirstDay, kLastDay)));
}

Date Date::plus_months(std::int64_t months) const {
  const std::int64_t step = std::clamp<std::int64_t>(months, -kMonthsSupported, kMonthsSupported);
  const std::int64_t index = std::int64_t{year()} * 12 + (month() - 1) + step;
  if (index < std::int64_t{kMinYear} * 12) return Date(kFirstDay);
  if (index > std::int64_t{kMaxYear} * 12 + 11) return Date(kLastDay);
  const int target_year = static_cast<int>(index / 12);
  const int target_month = static_cast<int>(index % 12) + 1;
  return Date(to_days(target_year, target_month,
                      std::min(day(), days_in_month(target_year, target_month))));
}

Date Date::plus_years(std::int64_t years) const {
  // Bounded first, so that years * 12 cannot overflow; any step this long clamps anyway.
  constexpr std::int64_t kYearsSupported = kMaxYear - kMinYear + 1;
  return plus_months(std::clamp<std::int64_t>(years, -kYearsSupported, kYearsSupported) * 12);
}

std::int64_t days_between(Date a, Date b) {
  return std::int64_t{b.days_since_epoch()} - a.days_since_epoch();
}

Result<Duration> Duration::parse(std::string_view text) {
  const std::optional<Amount> amount = parse_amount(ascii_lower(trim(text)));
  if (!amount || amount->count < 1) return duration_error(text, kDurationForms);
  const std::int64_t limit = kMaxCounts[index_of(amount->unit)];
  if (amount->count > limit) {
    return duration_error(text, "expected at most " + count_of(limit, amount->unit));
  }
  return Duration(static_cast<std::int32_t>(amount->count), amount->unit);
}

std::string Duration::to_string() const {
  return std::to_string(count_) + kUnitSuffixes[index_of(unit_)];
}

std::string Duration::to_human() const { return count_of(count_, unit_); }

Date Duration::after(Date from) const { return shift(from, count_, unit_); }

Date Duration::before(Date from) const { return shift(from, -std::int64_t{count_}, unit_); }

std::optional<Date> Duration::checked_after(Date from) const {
  return checked_shift(from, count_, unit_);
}

double Duration::approx_days() const {
  // A year of 365.25 days and a month of a twelfth of it, so that 12m and 1y compare equal.
  constexpr double kDaysPerYear = 365.25;
  switch (unit_) {
    case Unit::days: return count_;
    case Unit::weeks: return count_ * 7.0;
    case Unit::months: return count_ * (kDaysPerYear / 12);
    case Unit::years: return count_ * kDaysPerYear;
  }
  return count_;
}

bool shorter(const Duration& a, const Duration& b) { return a.approx_days() < b.approx_days(); }

Result<Date> parse_date(std::string_view text, Date today, WeekdayRule rule) {
  const std::string folded = ascii_lower(trim(text));
  std::string_view rest = folded;
  // Every form but the ISO one is a signed number of days, weeks, months or years.
  auto shifted = [&](std::int64_t count, Duration::Unit unit) -> Result<Date> {
    if (std::optional<Date> date = checked_shift(today, count, unit)) return *date;
    return date_error(text, "lands outside the supported dates " + format_ymd(kMinYear, 1, 1) +
                                " to " + format_ymd(kMaxYear, 12, 31));
  };

  if (looks_numeric(rest)) return parse_iso_as(rest, text);
  if (rest == "today") return today;
  if (rest == "yesterday") return shifted(-1, Duration::Unit::days);
  if (rest == "tomorrow") return shifted(1, Duration::Unit::days);
  if (std::optional<Weekday> day = parse_weekday(rest)) {
    const int ahead = (static_cast<int>(*day) - static_cast<int>(today.weekday()) + 7) % 7;
    if (rule == WeekdayRule::next_after_today) {
      return shifted(ahead == 0 ? 7 : ahead, Duration::Unit::days);
    }
    return shifted(ahead == 0 ? 0 : ahead - 7, Duration::Unit::days);
  }

  // Offsets: "3d", "+3d", "3 days", "in 3 days" ahead; "-3d", "3 days ago" back. At most one
  // of "in", a sign and "ago".
  const bool ago = remove_suffix_word(rest, "ago");
  const bool in = remove_prefix_word(rest, "in");
  const bool plus = remove_prefix_char(rest, '+');
  const bool minus = remove_prefix_char(rest, '-');
  if (int{ago} + int{in} + int{plus} + int{minus} > 1) return date_error(text, kDateForms);
  const std::optional<Amount> amount = parse_amount(rest);
  if (!amount) return date_error(text, kDateForms);
  if (amount->count < 1) return date_error(text, "expected a count of at least 1, like 3d or -2w");
  const std::int64_t limit = kMaxCounts[index_of(amount->unit)];
  if (amount->count > limit) {
    return date_error(text, "expected an offset of at most " + count_of(limit, amount->unit));
  }
  return shifted(ago || minus ? -amount->count : amount->count, amount->unit);
}

}  // namespace kith
