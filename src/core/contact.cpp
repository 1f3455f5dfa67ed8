#include "kith/contact.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "kith/text.hpp"

namespace kith {
namespace {

constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxFreeTextBytes = 64 * 1024;

bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

}  // namespace

Result<YearlyDate> YearlyDate::parse(std::string_view text) {
  std::string_view t = trim(text);
  auto bad = [&] {
    return invalid_input("invalid date '" + std::string(text) +
                         "': expected YYYY-MM-DD, or MM-DD when the year is unknown");
  };
  YearlyDate out;
  std::string_view month_day;
  if (t.size() == 10 && t[4] == '-') {
    auto full = Date::parse_iso(t);
    if (!full) return full.error();
    out.year_ = full->year();
    out.month_ = full->month();
    out.day_ = full->day();
    return out;
  }
  if (t.size() == 7 && t.substr(0, 2) == "--") {
    month_day = t.substr(2);
  } else if (t.size() == 5) {
    month_day = t;
  } else {
    return bad();
  }
  if (month_day[2] != '-' || !all_digits(month_day.substr(0, 2)) ||
      !all_digits(month_day.substr(3))) {
    return bad();
  }
  parse_int(month_day.substr(0, 2), out.month_);
  parse_int(month_day.substr(3), out.day_);
  // Checked against a leap year so that Feb 29 is accepted without a year.
  if (!Date::from_ymd(2000, out.month_, out.day_)) {
    return invalid_input("invalid date '" + std::string(text) + "': no such day of the year");
  }
  return out;
}

std::string YearlyDate::to_string() const {
  char buffer[16];
  if (year_) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", *year_, month_, day_);
  } else {
    std::snprintf(buffer, sizeof buffer, "--%02d-%02d", month_, day_);
  }
  return buffer;
}

Date in_year(const YearlyDate& date, int year) {
  year = std::clamp(year, kMinYear, kMaxYear);
  auto exact = Date::from_ymd(year, date.month(), date.day());
  if (exact) return *exact;
  return *Date::from_ymd(year, 2, 28);  // Feb 29 outside a leap year
}

Date next_on_or_after(const YearlyDate& date, Date from) {
  Date candidate = in_year(date, from.year());
  return candidate >= from ? candidate : in_year(date, from.year() + 1);
}

std::optional<int> years_at(const YearlyDate& date, Date on) {
  if (!date.year() || *date.year() > on.year()) return std::nullopt;
  int years = on.year() - *date.year();
  bool reached = on >= in_year(date, on.year());
  if (!reached) --years;
  if (years < 1) return std::nullopt;  // no "turns 0" nor "0 years"
  return years;
}

std::vector<Occasion> upcoming_occasions(const std::vector<Contact>& contacts, Date today,
                                         int days) {
  Date last = today.plus_days(days);
  std::vector<Occasion> out;
  auto consider = [&](const Contact& c, const std::string& label, const YearlyDate& date) {
    Date on = next_on_or_after(date, today);
    if (on < today || on > last) return;  // none left before the end of the supported range
    out.push_back({c.id, c.name, label, on, years_at(date, on)});
  };
  for (const Contact& c : contacts) {
    if (c.archived) continue;
    if (c.birthday) consider(c, "birthday", *c.birthday);
    for (const ImportantDate& d : c.dates) consider(c, d.label, d.date);
  }
  std::sort(out.begin(), out.end(), [](const Occasion& a, const Occasion& b) {
    if (a.on != b.on) return a.on < b.on;
    if (a.name != b.name) return a.name < b.name;
    if (a.label != b.label) return a.label < b.label;
    return a.contact_id < b.contact_id;
  });
  return out;
}

Result<std::string> normalize_label(std::string_view text) {
  std::string_view t = trim(text);
  if (is_blank(t)) return invalid_input("invalid date label: it is empty");
  std::string label = to_nfc(t);
  if (!is_valid_utf8(t) || has_control_chars(label) || label.find('\n') != std::string::npos ||
      label.size() > 40 || label.find('=') != std::string::npos) {
    return invalid_input("invalid date label '" + std::string(is_valid_utf8(t) ? t : "?") +
                         "': use at most 40 characters, without '=' or control characters");
  }
  return label;
}

std::optional<Duration> effective_cadence(const Contact& contact,
                                          const std::vector<RelationshipType>& types) {
  if (contact.every) return contact.every;
  std::optional<Duration> shortest;
  for (const auto& name : contact.types) {
    auto it = std::find_if(types.begin(), types.end(),
                           [&](const RelationshipType& t) { return t.name == name; });
    if (it == types.end() || !it->every) continue;
    if (!shortest || shorter(*it->every, *shortest)) shortest = it->every;
  }
  return shortest;
}

std::optional<Date> next_due(const Contact& contact, const std::optional<Duration>& cadence) {
  if (!cadence || contact.archived || contact.target) return std::nullopt;
  Date from = contact.last_contact.value_or(contact.added_on);
  if (contact.last_skip && *contact.last_skip > from) from = *contact.last_skip;
  return cadence->after(from);
}

bool is_overdue(const std::optional<Date>& due, Date today) { return due && today > *due; }

Due due_of(const Contact& contact, const std::vector<RelationshipType>& types, Date today) {
  Due due;
  due.cadence = effective_cadence(contact, types);
  due.next = next_due(contact, due.cadence);
  if (is_overdue(due.next, today)) due.days_overdue = days_between(*due.next, today);
  return due;
}

Result<std::string> normalize_name(std::string_view text) {
  if (!is_valid_utf8(text)) return invalid_input("invalid name: not valid UTF-8");
  if (has_control_chars(text) || text.find('\n') != std::string_view::npos ||
      text.find('\t') != std::string_view::npos) {
    return invalid_input("invalid name: it contains control characters");
  }
  if (has_bidi_controls(text)) {
    return invalid_input(
        "invalid name: it contains bidirectional controls (U+202A-U+202E, "
        "U+2066-U+2069), which make it read otherwise than it is");
  }
  std::string_view t = trim(text);
  if (is_blank(t)) return invalid_input("invalid name '" + std::string(text) + "': it is empty");
  std::string name = to_nfc(t);
  if (name.size() > kMaxNameBytes) {
    return invalid_input("invalid name: longer than " + std::to_string(kMaxNameBytes) + " bytes");
  }
  // Marks and apostrophes alone fold to nothing: a name like that could never be found again.
  if (fold_for_match(name).empty()) {
    return invalid_input("invalid name: it has no letter, digit or symbol to find it by");
  }
  return name;
}

Status check_circle(int circle) {
  if (circle < 1 || circle > 3) {
    return invalid_input("invalid circle " + std::to_string(circle) +
                         ": expected 1 (your team), 2 (your organisation and field) or 3 "
                         "(further out)");
  }
  return {};
}

Result<std::string> normalize_tag(std::string_view text) {
  std::string_view t = trim(text);
  if (t.empty()) return invalid_input("invalid tag: it is empty");
  std::string tag = to_nfc(ascii_lower(t));
  if (!is_valid_utf8(t) || has_control_chars(tag) || tag.size() > 64 ||
      tag.find_first_of(" \t\n,") != std::string::npos) {
    return invalid_input("invalid tag '" + std::string(is_valid_utf8(t) ? t : "?") +
                         "': use one word of at most 64 bytes, without spaces or commas");
  }
  return tag;
}

Result<std::string> normalize_email(std::string_view text) {
  std::string_view t = trim(text);
  auto at = t.find('@');
  bool ok = is_valid_utf8(t) && !has_control_chars(t) && t.size() <= 254 &&
            at != std::string_view::npos && at > 0 && at + 1 < t.size() &&
            t.find_first_of(" \t,;<>") == std::string_view::npos;
  if (!ok)
    return invalid_input("invalid email '" + std::string(is_valid_utf8(t) ? t : "?") +
                         "': expected name@domain");
  return std::string(t);
}

Result<std::string> normalize_phone(std::string_view text) {
  std::string_view t = trim(text);
  int digits = 0;
  bool ok = !t.empty() && t.size() <= 40;
  for (char c : t) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (std::string_view(" +-().x/").find(c) == std::string_view::npos) {
      ok = false;
    }
  }
  if (!ok || digits < 3) {
    return invalid_input("invalid phone '" + std::string(is_valid_utf8(t) ? t : "?") +
                         "': expected digits with optional + - ( ) . spaces");
  }
  return std::string(t);
}

Status check_free_text(std::string_view text, std::string_view field) {
  if (!is_valid_utf8(text))
    return invalid_input("invalid " + std::string(field) + ": not valid UTF-8");
  if (has_control_chars(text)) {
    return invalid_input("invalid " + std::string(field) + ": it contains control characters");
  }
  if (text.size() > kMaxFreeTextBytes) {
    return invalid_input("invalid " + std::string(field) + ": longer than " +
                         std::to_string(kMaxFreeTextBytes / 1024) + " KiB");
  }
  return {};
}

namespace {

// Adds each of `from` to `to` unless one with the same key is there.
template <class Key>
void join_list(std::vector<std::string>& to, const std::vector<std::string>& from, Key key) {
  for (const std::string& value : from) {
    if (std::none_of(to.begin(), to.end(), [&](const auto& v) { return key(v) == key(value); })) {
      to.push_back(value);
    }
  }
}

void join_text(std::string& keep, const std::string& other) {
  if (other.empty() || fold_for_match(keep).find(fold_for_match(other)) != std::string::npos) {
    return;
  }
  keep = keep.empty() ? other : keep + "; " + other;
}

}  // namespace

std::string phone_key(std::string_view phone) {
  std::string out;
  for (char ch : phone) {
    if (ch >= '0' && ch <= '9') out += ch;
  }
  constexpr std::size_t kCompared = 9;
  return out.size() > kCompared ? out.substr(out.size() - kCompared) : out;
}

void sort_names(std::vector<std::string>& names) {
  std::vector<std::pair<std::string, std::string>> keyed;
  for (std::string& name : names) keyed.emplace_back(fold_for_match(name), std::move(name));
  std::sort(keyed.begin(), keyed.end());
  names.clear();
  for (auto& [key, name] : keyed) names.push_back(std::move(name));
}

Contact merged_contact(const Contact& keep, const Contact& other) {
  Contact c = keep;
  const std::string name_key = fold_for_match(c.name);
  std::vector<std::string> names = {other.name};
  names.insert(names.end(), other.akas.begin(), other.akas.end());
  std::erase_if(names, [&](const std::string& n) { return fold_for_match(n) == name_key; });
  join_list(c.akas, names, fold_for_match);
  sort_names(c.akas);
  auto same = [](const std::string& v) { return v; };
  join_list(c.types, other.types, same);
  std::sort(c.types.begin(), c.types.end());
  join_list(c.tags, other.tags, same);
  std::sort(c.tags.begin(), c.tags.end());
  join_list(c.emails, other.emails, ascii_lower);
  join_list(c.phones, other.phones, phone_key);
  for (const ImportantDate& date : other.dates) {
    bool known = std::any_of(c.dates.begin(), c.dates.end(), [&](const ImportantDate& d) {
      return fold_for_match(d.label) == fold_for_match(date.label);
    });
    if (!known) c.dates.push_back(date);
  }
  std::sort(c.dates.begin(), c.dates.end(),
            [](const ImportantDate& a, const ImportantDate& b) { return a.label < b.label; });
  if (!c.every) c.every = other.every;
  if (c.org.empty()) c.org = other.org;
  if (c.title.empty()) c.title = other.title;
  if (!c.birthday) c.birthday = other.birthday;
  if (!c.circle) c.circle = other.circle;
  join_text(c.learn, other.learn);
  join_text(c.offer, other.offer);
  join_text(c.note, other.note);
  c.added_on = std::min(c.added_on, other.added_on);
  const bool introduced_by_other = c.met_via_id == other.id;
  if (introduced_by_other || (!c.met_via_id && c.met_via.empty())) {
    if (other.met_via_id != keep.id) {
      c.met_via = other.met_via;
      c.met_via_id = other.met_via_id;
    } else {
      c.met_via.clear();
      c.met_via_id.reset();
    }
  }
  return c;
}

}  // namespace kith
