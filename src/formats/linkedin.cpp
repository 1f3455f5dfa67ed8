#include "linkedin.hpp"

#include <array>

#include "kith/contact.hpp"
#include "kith/text.hpp"

namespace kith::formats {
namespace {

// The header names, in LinkedInConnection's field order.
constexpr std::array<std::string_view, 7> kColumns = {
    "first name", "last name", "url", "email address", "company", "position", "connected on"};

std::string_view without_bom(std::string_view text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
  return text;
}

}  // namespace

std::optional<Date> parse_connected_on(std::string_view text) {
  std::string_view t = trim(text);
  if (auto iso = Date::parse_iso(t)) return *iso;
  // "21 Nov 2024"
  std::size_t first = t.find(' ');
  std::size_t second = t.rfind(' ');
  if (first == std::string_view::npos || first == second) return std::nullopt;
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string month = ascii_lower(trim(t.substr(first + 1, second - first - 1)));
  if (month.size() < 3) return std::nullopt;
  int month_number = 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (month.compare(0, 3, kMonths[i]) == 0) month_number = static_cast<int>(i) + 1;
  }
  std::string_view day = t.substr(0, first);
  std::string_view year = t.substr(second + 1);
  auto number = [](std::string_view digits) {
    int n = 0;
    if (digits.empty() || digits.size() > 4) return -1;
    for (char c : digits) {
      if (c < '0' || c > '9') return -1;
      n = n * 10 + (c - '0');
    }
    return n;
  };
  if (month_number == 0 || year.size() != 4) return std::nullopt;
  auto date = Date::from_ymd(number(year), month_number, number(day));
  return date ? std::optional(*date) : std::nullopt;
}

Status LinkedInReader::find_header() {
  std::vector<std::string> fields;
  for (int i = 0; i < kHeaderSearch; ++i) {
    auto more = csv_.next(fields);
    if (!more) return more.error();
    if (!*more) break;
    std::vector<int> columns(kColumns.size(), -1);
    for (std::size_t f = 0; f < fields.size(); ++f) {
      std::string name = ascii_lower(trim(without_bom(fields[f])));
      for (std::size_t c = 0; c < kColumns.size(); ++c) {
        if (name == kColumns[c] && columns[c] < 0) columns[c] = static_cast<int>(f);
      }
    }
    if (columns[0] >= 0 && columns[1] >= 0 && columns[2] >= 0) {
      columns_ = std::move(columns);
      header_found_ = true;
      return {};
    }
  }
  return Error{Errc::bad_file,
               "no LinkedIn header (First Name,Last Name,URL,Email Address,Company,Position,"
               "Connected On) in the first " +
                   std::to_string(kHeaderSearch) + " rows: is this LinkedIn's Connections.csv?"};
}

Result<bool> LinkedInReader::next(LinkedInConnection& connection) {
  if (!header_found_) KITH_TRY(find_header());
  std::vector<std::string> fields;
  while (true) {
    auto more = csv_.next(fields);
    if (!more) return more.error();
    if (!*more) return false;
    bool blank = true;
    for (const std::string& f : fields) blank = blank && trim(f).empty();
    if (blank) continue;
    auto field = [&](std::size_t column) {
      int index = columns_[column];
      if (index < 0 || static_cast<std::size_t>(index) >= fields.size()) return std::string();
      return std::string(trim(fields[static_cast<std::size_t>(index)]));
    };
    connection = LinkedInConnection{csv_.line(), field(0), field(1), field(2),
                                    field(3),    field(4), field(5), field(6)};
    return true;
  }
}

std::optional<ContactPatch> contact_patch(const LinkedInConnection& row,
                                          std::vector<std::string>& warnings) {
  auto warn = [&](const std::string& message) {
    warnings.push_back("line " + std::to_string(row.line) + ": " + message);
  };
  std::string full = row.first_name;
  if (!row.last_name.empty()) full += (full.empty() ? "" : " ") + row.last_name;
  auto name = normalize_name(full);
  if (!name) {
    warn("a connection without a usable name (" + name.error().message + "); left out");
    return std::nullopt;
  }
  // The profile is what recognises the connection next time: without it, re-importing
  // would add the person again.
  auto profile = linkedin_profile(row.url);
  if (!profile) {
    warn(row.url.empty() ? "a connection without a profile URL; left out"
                         : "URL '" + row.url + "' is not a LinkedIn profile; left out");
    return std::nullopt;
  }
  ContactPatch patch;
  patch.line = row.line;
  patch.name = *name;
  ExternalId id{ExternalSource::linkedin, *profile, std::nullopt};
  if (!row.connected_on.empty()) {
    id.since = parse_connected_on(row.connected_on);
    if (!id.since) warn("Connected On '" + row.connected_on + "' is not a date; left out");
  }
  patch.external_ids.push_back(std::move(id));
  if (!row.email.empty()) {
    if (auto email = normalize_email(row.email)) {
      patch.emails.push_back(*email);
    } else {
      warn(email.error().message + "; left out");
    }
  }
  auto text = [&](const std::string& value, std::string_view field,
                  std::optional<std::string>& target) {
    if (value.empty()) return;
    if (Status ok = check_free_text(value, field); !ok) {
      warn(ok.error().message + "; left out");
      return;
    }
    target = value;
  };
  text(row.company, "company", patch.org);
  text(row.position, "position", patch.title);
  patch.tags_when_new.emplace_back(kLinkedInTag);
  return patch;
}

}  // namespace kith::formats
