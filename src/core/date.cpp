#include "kith/date.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace kith {
namespace {

namespace chr = std::chrono;

constexpr std::string_view kDateForms =
    "expected YYYY-MM-DD, today, yesterday, tomorrow, a weekday, or an offset like 3d, 2w, "
    "-1m, '3 days ago'";
constexpr std::string_view kDurationForms =
    "expected a positive count and a unit, like 30d, 2w, 3m, 1y";

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view strip(std::string_view t) {
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  return t;
}

bool digits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

int to_int(std::string_view t) {
  int value = 0;
  std::from_chars(t.data(), t.data() + t.size(), value);
  return value;
}

int days_in_month(int year, int month) {
  return static_cast<int>(static_cast<unsigned>(
      chr::year_month_day_last(chr::year(year), chr::month_day_last(chr::month(month))).day()));
}

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Parses "<count><unit>" or "<count> <unit>" with units d/w/m/y and their spelled forms.
bool split_count_unit(std::string_view t, std::int64_t& count, Duration::Unit& unit) {
  std::size_t i = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i == 0 || i > 6) return false;
  count = to_int(t.substr(0, i));
  std::string_view rest = strip(t.substr(i));
  static constexpr std::array<std::pair<std::string_view, Duration::Unit>, 12> kUnits = {{
      {"d", Duration::Unit::days},     {"day", Duration::Unit::days},
      {"days", Duration::Unit::days},  {"w", Duration::Unit::weeks},
      {"week", Duration::Unit::weeks}, {"weeks", Duration::Unit::weeks},
      {"m", Duration::Unit::months},   {"month", Duration::Unit::months},
      {"months", Duration::Unit::months}, {"y", Duration::Unit::years},
      {"year", Duration::Unit::years}, {"years", Duration::Unit::years},
  }};
  for (const auto& [name, u] : kUnits) {
    if (rest == name) {
      unit = u;
      return true;
    }
  }
  return false;
}

std::int64_t max_count(Duration::Unit unit) {
  switch (unit) {
    case Duration::Unit::days: return 36500;
    case Duration::Unit::weeks: return 5200;
    case Duration::Unit::months: return 1200;
    case Duration::Unit::years: return 100;
  }
  return 0;
}

const std::array<std::pair<std::string_view, Weekday>, 17> kWeekdayNames = {{
    {"monday", Weekday::monday},       {"mon", Weekday::monday},
    {"tuesday", Weekday::tuesday},     {"tue", Weekday::tuesday},
    {"tues", Weekday::tuesday},        {"wednesday", Weekday::wednesday},
    {"wed", Weekday::wednesday},       {"thursday", Weekday::thursday},
    {"thu", Weekday::thursday},        {"thur", Weekday::thursday},
    {"thurs", Weekday::thursday},      {"friday", Weekday::friday},
    {"fri", Weekday::friday},          {"saturday", Weekday::saturday},
    {"sat", Weekday::saturday},        {"sunday", Weekday::sunday},
    {"sun", Weekday::sunday},
}};

constexpr std::int32_t kMinDays = -25567;   // 1900-01-01
constexpr std::int32_t kMaxDays = 84006;    // 2200-12-31

}  // namespace

std::string_view to_string(Weekday day) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return kNames[static_cast<std::size_t>(day)];
}

Date::Date() : days_(10957) {}  // 2000-01-01

Result<Date> Date::from_ymd(int year, int month, int day) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  if (year < kMinYear || year > kMaxYear) {
    return invalid_input(std::string("invalid date '") + text + "': the year must be between " +
                         std::to_string(kMinYear) + " and " + std::to_string(kMaxYear));
  }
  if (month < 1 || month > 12) {
    return invalid_input(std::string("invalid date '") + text + "': there is no month " +
                         std::to_string(month));
  }
  int last = days_in_month(year, month);
  if (day < 1 || day > last) {
    return invalid_input(std::string("invalid date '") + text + "': " +
                         std::string(kMonthNames[static_cast<std::size_t>(month - 1)]) + " " +
                         std::to_string(year) + " has " + std::to_string(last) + " days");
  }
  chr::sys_days days{chr::year(year) / chr::month(static_cast<unsigned>(month)) /
                     chr::day(static_cast<unsigned>(day))};
  return Date(static_cast<std::int32_t>(days.time_since_epoch().count()));
}

Result<Date> Date::parse_iso(std::string_view text) {
  bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
               digits(text.substr(0, 4)) && digits(text.substr(5, 2)) &&
               digits(text.substr(8, 2));
  if (!shape) {
    return invalid_input("invalid date '" + std::string(text) + "': expected YYYY-MM-DD");
  }
  return from_ymd(to_int(text.substr(0, 4)), to_int(text.substr(5, 2)),
                  to_int(text.substr(8, 2)));
}

namespace {
chr::year_month_day civil(std::int32_t days) { return chr::year_month_day{chr::sys_days{chr::days{days}}}; }
}  // namespace

int Date::year() const { return static_cast<int>(civil(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(civil(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(civil(days_).day())); }

Weekday Date::weekday() const {
  unsigned iso = chr::weekday(chr::sys_days{chr::days{days_}}).iso_encoding();  // 1 = Monday
  return static_cast<Weekday>(iso - 1);
}

std::string Date::to_string() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year(), month(), day());
  return text;
}

Date Date::plus_days(std::int64_t days) const {
  std::int64_t target = std::clamp<std::int64_t>(days_ + days, kMinDays, kMaxDays);
  return Date(static_cast<std::int32_t>(target));
}

Date Date::plus_months(std::int64_t months) const {
  std::int64_t index = static_cast<std::int64_t>(year()) * 12 + (month() - 1) + months;
  index = std::clamp<std::int64_t>(index, std::int64_t{kMinYear} * 12,
                                   std::int64_t{kMaxYear} * 12 + 11);
  int y = static_cast<int>(index / 12);
  int m = static_cast<int>(index % 12) + 1;
  int d = std::min(day(), days_in_month(y, m));
  return *from_ymd(y, m, d);
}

std::int64_t days_between(Date a, Date b) {
  return std::int64_t{b.days_since_epoch()} - a.days_since_epoch();
}

Result<Duration> Duration::parse(std::string_view text) {
  std::string t = lower(strip(text));
  std::int64_t count = 0;
  Unit unit = Unit::days;
  auto bad = [&] {
    return invalid_input("invalid duration '" + std::string(text) + "': " +
                         std::string(kDurationForms));
  };
  if (!split_count_unit(t, count, unit) || count < 1) return bad();
  if (count > max_count(unit)) {
    return invalid_input("invalid duration '" + std::string(text) + "': at most 100 years");
  }
  return Duration(static_cast<std::int32_t>(count), unit);
}

std::string Duration::to_string() const {
  static constexpr char kSuffix[] = {'d', 'w', 'm', 'y'};
  return std::to_string(count_) + kSuffix[static_cast<int>(unit_)];
}

std::string Duration::to_human() const {
  static constexpr std::array<std::string_view, 4> kNames = {"day", "week", "month", "year"};
  std::string out = std::to_string(count_) + " " +
                    std::string(kNames[static_cast<std::size_t>(unit_)]);
  if (count_ != 1) out += 's';
  return out;
}

Date Duration::after(Date from) const {
  switch (unit_) {
    case Unit::days: return from.plus_days(count_);
    case Unit::weeks: return from.plus_days(std::int64_t{count_} * 7);
    case Unit::months: return from.plus_months(count_);
    case Unit::years: return from.plus_years(count_);
  }
  return from;
}

Date Duration::before(Date from) const {
  switch (unit_) {
    case Unit::days: return from.plus_days(-count_);
    case Unit::weeks: return from.plus_days(-std::int64_t{count_} * 7);
    case Unit::months: return from.plus_months(-count_);
    case Unit::years: return from.plus_years(-count_);
  }
  return from;
}

double Duration::approx_days() const {
  switch (unit_) {
    case Unit::days: return count_;
    case Unit::weeks: return count_ * 7.0;
    case Unit::months: return count_ * 30.436875;
    case Unit::years: return count_ * 365.2425;
  }
  return count_;
}

bool shorter(const Duration& a, const Duration& b) { return a.approx_days() < b.approx_days(); }

Result<Date> parse_date(std::string_view text, Date today, WeekdayRule rule) {
  std::string t = lower(strip(text));
  auto bad = [&] {
    return invalid_input("invalid date '" + std::string(text) + "': " + std::string(kDateForms));
  };
  if (t.empty()) return bad();
  if (t.size() == 10 && t[4] == '-' && t[7] == '-') return Date::parse_iso(t);
  if (t == "today") return today;
  if (t == "yesterday") return today.plus_days(-1);
  if (t == "tomorrow") return today.plus_days(1);
  for (const auto& [name, wd] : kWeekdayNames) {
    if (t != name) continue;
    int diff = (static_cast<int>(wd) - static_cast<int>(today.weekday()) + 7) % 7;
    if (rule == WeekdayRule::next_after_today) return today.plus_days(diff == 0 ? 7 : diff);
    return today.plus_days(diff == 0 ? 0 : diff - 7);
  }
  // Offsets: "3d", "+3d", "in 3 days" ahead; "-3d", "3 days ago" back.
  bool back = false;
  std::string_view rest = t;
  if (rest.rfind("in ", 0) == 0) {
    rest = strip(rest.substr(3));
  } else if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
    back = rest.front() == '-';
    rest = strip(rest.substr(1));
  } else if (rest.size() > 4 && rest.substr(rest.size() - 4) == " ago") {
    back = true;
    rest = strip(rest.substr(0, rest.size() - 4));
  }
  std::int64_t count = 0;
  Duration::Unit unit = Duration::Unit::days;
  if (!split_count_unit(rest, count, unit)) return bad();
  if (count == 0) return today;
  if (count > max_count(unit)) {
    return invalid_input("invalid date '" + std::string(text) + "': too far from today");
  }
  Duration offset(static_cast<std::int32_t>(count), unit);
  std::int64_t months = unit == Duration::Unit::years ? count * 12 : count;
  std::int64_t days = unit == Duration::Unit::weeks ? count * 7 : count;
  bool calendar = unit == Duration::Unit::months || unit == Duration::Unit::years;
  std::int64_t index = static_cast<std::int64_t>(today.year()) * 12 + today.month() - 1;
  std::int64_t target_year =
      calendar ? (index + (back ? -months : months)) / 12
               : today.year() + (back ? -days : days) / 365;
  if (target_year < kMinYear || target_year > kMaxYear) {
    return invalid_input("invalid date '" + std::string(text) + "': too far from today");
  }
  Date result = back ? offset.before(today) : offset.after(today);
  if (result.year() < kMinYear + 1 && back && result.days_since_epoch() == kMinDays) return bad();
  return result;
}

}  // namespace kith
