#include "kith/records.hpp"

#include <cctype>

#include "kith/text.hpp"

namespace kith {
namespace {

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int number(std::string_view text) {
  int n = 0;
  for (char c : text) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

std::string_view to_string(ExternalSource source) {
  return source == ExternalSource::linkedin ? "linkedin" : "vcard";
}

Result<ExternalSource> parse_external_source(std::string_view text) {
  if (text == "vcard") return ExternalSource::vcard;
  if (text == "linkedin") return ExternalSource::linkedin;
  return invalid_input("invalid external id source '" + std::string(text) +
                       "': expected vcard or linkedin");
}

std::optional<std::string> linkedin_profile(std::string_view url) {
  std::string u = ascii_lower(trim(url));
  for (std::string_view scheme : {"https://", "http://"}) {
    if (u.rfind(scheme, 0) == 0) {
      u.erase(0, scheme.size());
      break;
    }
  }
  std::size_t slash = u.find('/');
  if (slash == std::string::npos) return std::nullopt;
  std::string host = u.substr(0, slash);
  bool linkedin = host == "linkedin.com" ||
                  (host.size() > 13 && host.compare(host.size() - 13, 13, ".linkedin.com") == 0);
  if (!linkedin || u.compare(slash, 4, "/in/") != 0) return std::nullopt;
  std::string name = u.substr(slash + 4);
  name = name.substr(0, name.find_first_of("/?#"));
  // The key is stored and exported (JSON, vCard): bytes that are not UTF-8 would make every
  // later export fail, and a profile name never holds spaces or control characters.
  if (name.empty() || !is_valid_utf8(name) || has_control_chars(name) ||
      name.find_first_of(" \t\n") != std::string::npos) {
    return std::nullopt;
  }
  return "https://www.linkedin.com/in/" + name;
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !is_hex(text[i])) return false;
  }
  return true;
}

std::string lowercase_uuid(std::string_view text) { return ascii_lower(text); }

bool is_timestamp(std::string_view t) {
  // 2026-11-22T21:03:11.512Z
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd.dddZ";
  if (t.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (kShape[i] == 'd' ? !is_digit(t[i]) : t[i] != kShape[i]) return false;
  }
  if (!Date::parse_iso(t.substr(0, 10))) return false;
  return number(t.substr(11, 2)) < 24 && number(t.substr(14, 2)) < 60 &&
         number(t.substr(17, 2)) < 61;  // a leap second is a valid UTC time
}

}  // namespace kith
