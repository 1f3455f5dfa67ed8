#include "vcard.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "content_line.hpp"
#include "kith/text.hpp"
#include "linkedin.hpp"

namespace kith::formats {
namespace {

// A VERSION value as an error quotes it: its first 16 bytes, anything but printable ASCII as
// '?', so that a damaged line (a bare CR, binary) never breaks the one-line error.
std::string shown_version(std::string_view version) {
  constexpr std::size_t kShown = 16;
  std::string out;
  for (char c : version.substr(0, kShown)) out += (c >= 0x20 && c < 0x7F) ? c : '?';
  if (version.size() > kShown) out += "...";
  return out;
}

constexpr int kEof = std::char_traits<char>::eof();

bool iequals(std::string_view a, std::string_view b) { return ascii_upper(a) == ascii_upper(b); }

// The error for a problem on `line`. Messages quote what the file says, which may hold a
// bare CR or LF (a damaged line): those are written as \r and \n, so the error stays one line.
Error at_line(int line, std::string_view message) {
  std::string text = "line " + std::to_string(line) + ": ";
  for (char c : message) {
    if (c == '\r') {
      text += "\\r";
    } else if (c == '\n') {
      text += "\\n";
    } else {
      text += c;
    }
  }
  return {Errc::bad_file, std::move(text)};
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string decode_quoted_printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '=' && i + 2 < text.size() + 0 && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

void append_utf8(std::uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Windows-1252 to UTF-8: Latin-1 with printable characters in 0x80-0x9F; the five unused
// bytes become U+FFFD.
std::string from_windows_1252(std::string_view bytes) {
  static constexpr std::array<std::uint16_t, 32> kHigh = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (char c : bytes) {
    auto b = static_cast<unsigned char>(c);
    append_utf8(b >= 0x80 && b < 0xA0 ? kHigh[b - 0x80] : b, out);
  }
  return out;
}

// Converts from a named charset with the C library's iconv.
Result<std::string> from_charset(std::string_view bytes, const std::string& charset) {
  iconv_t cd = ::iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Error{Errc::bad_file, "unknown charset '" + charset + "'"};
  }
  std::string out(bytes.size() * 4 + 16, '\0');
  std::string in(bytes);
  char* in_ptr = in.data();
  std::size_t in_left = in.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  std::size_t done = ::iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  ::iconv_close(cd);
  if (done == static_cast<std::size_t>(-1)) {
    return Error{Errc::bad_file, "text that is not valid " + charset};
  }
  out.resize(out.size() - out_left);
  return out;
}

Result<std::string> decode_value(const VCardProperty& p, std::string_view raw) {
  std::string value(raw);
  if (const auto* encoding = p.param("ENCODING");
      encoding && !encoding->empty() &&
      (iequals(encoding->front(), "QUOTED-PRINTABLE") || iequals(encoding->front(), "QP"))) {
    value = decode_quoted_printable(value);
  }
  if (const auto* charset = p.param("CHARSET"); charset && !charset->empty()) {
    std::string name = ascii_upper(charset->front());
    if (name != "UTF-8" && name != "US-ASCII" && name != "ASCII") {
      auto converted = from_charset(value, name);
      if (!converted) return converted.error();
      value = std::move(*converted);
    }
  }
  if (!is_valid_utf8(value)) value = from_windows_1252(value);
  // Line breaks inside a value (quoted-printable =0D=0A) become plain newlines.
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\r') {
      out += value[i];
    } else if (i + 1 == value.size() || value[i + 1] != '\n') {
      out += '\n';
    }
  }
  return out;
}

// RFC 6868: ^n is a newline, ^' a double quote, ^^ a caret.
std::string decode_carets(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '^' && i + 1 < text.size()) {
      char next = text[i + 1];
      if (next == 'n' || next == 'N') {
        out += '\n';
        ++i;
        continue;
      }
      if (next == '\'') {
        out += '"';
        ++i;
        continue;
      }
      if (next == '^') {
        out += '^';
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

bool is_encoding_name(std::string_view value) {
  std::string v = ascii_upper(value);
  return v == "QUOTED-PRINTABLE" || v == "BASE64" || v == "8BIT" || v == "7BIT" || v == "B";
}

// Parses "[group.]NAME[;PARAM...]:VALUE" (the value still raw). nullopt without a ':'.
std::optional<VCardProperty> parse_property(std::string_view text, bool carets) {
  VCardProperty p;
  std::size_t i = text.find_first_of(";:");
  if (i == std::string_view::npos) return std::nullopt;
  std::string_view name = trim(text.substr(0, i));
  if (auto dot = name.rfind('.'); dot != std::string_view::npos) {
    p.group = std::string(name.substr(0, dot));
    name = name.substr(dot + 1);
  }
  if (name.empty()) return std::nullopt;
  p.name = ascii_upper(name);
  while (text[i] == ';') {
    ++i;
    std::string key;
    std::vector<std::string> values;
    std::string current;
    bool quoted = false;
    bool has_equals = false;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (quoted) {
        if (c == '"') {
          quoted = false;
        } else {
          current += c;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ';' || c == ':') {
        break;
      } else if (c == '=' && !has_equals) {
        has_equals = true;
        key = current;
        current.clear();
      } else if (c == ',' && has_equals) {
        values.push_back(carets ? decode_carets(current) : current);
        current.clear();
      } else {
        current += c;
      }
    }
    if (i >= text.size()) return std::nullopt;  // no ':' outside quotes
    if (has_equals) {
      values.push_back(carets ? decode_carets(current) : current);
    } else {
      key = is_encoding_name(current) ? "ENCODING" : "TYPE";  // 2.1: TEL;CELL;QUOTED-PRINTABLE
      values.push_back(current);
    }
    key = ascii_upper(trim(key));
    auto same = std::find_if(p.params.begin(), p.params.end(),
                             [&](const VCardParam& known) { return known.name == key; });
    if (same != p.params.end()) {
      same->values.insert(same->values.end(), values.begin(), values.end());
    } else {
      p.params.push_back({key, std::move(values)});
    }
  }
  p.value = std::string(text.substr(i + 1));
  return p;
}

bool is_quoted_printable(std::string_view line) {
  std::size_t colon = line.find(':');
  return ascii_upper(line.substr(0, colon)).find("QUOTED-PRINTABLE") != std::string::npos;
}

}  // namespace

const std::vector<std::string>* VCardProperty::param(std::string_view wanted) const {
  for (const VCardParam& p : params) {
    if (p.name == wanted) return &p.values;
  }
  return nullptr;
}

Result<std::optional<std::string>> VCardReader::physical_line() {
  std::streambuf* buf = in_.rdbuf();
  if (buf->sgetc() == kEof) return std::optional<std::string>();
  ++line_;
  std::string line;
  while (true) {
    int c = buf->sbumpc();
    if (c == kEof || c == '\n') break;
    if (c == '\0') return at_line(line_, "binary data (a NUL byte), not a vCard");
    line += static_cast<char>(c);
    if (line.size() > kMaxLine) return at_line(line_, "a line longer than 1 MiB");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line_ == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a UTF-8 BOM
  return std::optional(std::move(line));
}

Result<std::optional<std::string>> VCardReader::logical_line(const std::string& version,
                                                             int& line) {
  auto peek = [&]() -> Result<const std::string*> {
    if (!lookahead_valid_) {
      auto next = physical_line();
      if (!next) return next.error();
      lookahead_ = std::move(*next);
      lookahead_valid_ = true;
    }
    return lookahead_ ? &*lookahead_ : nullptr;
  };
  auto first = peek();
  if (!first) return first.error();
  if (!*first) return std::optional<std::string>();
  std::string text = std::move(*lookahead_);
  line = line_;
  lookahead_valid_ = false;
  bool quoted_printable = is_quoted_printable(text);
  while (true) {
    auto next = peek();
    if (!next) return next.error();
    const std::string* following = *next;
    if (!following) break;
    if (quoted_printable && !text.empty() && text.back() == '=') {
      text.pop_back();  // a soft line break
      text += *following;
    } else if (!following->empty() && (following->front() == ' ' || following->front() == '\t')) {
      text.append(version == "2.1" ? *following : following->substr(1));
    } else {
      break;
    }
    lookahead_valid_ = false;
    if (text.size() > kMaxProperty) return at_line(line, "a property longer than 8 MiB");
  }
  return std::optional(std::move(text));
}

Result<bool> VCardReader::next(VCard& card) {
  card = VCard{};
  int line = 0;
  while (true) {
    auto text = logical_line(card.version, line);
    if (!text) return text.error();
    if (!*text) return false;
    std::string_view t = trim(**text);
    if (t.empty()) continue;
    if (!iequals(t, "BEGIN:VCARD")) {
      return at_line(line, "expected BEGIN:VCARD (is this a vCard file?)");
    }
    break;
  }
  card.line = line;
  while (true) {
    auto text = logical_line(card.version, line);
    if (!text) return text.error();
    if (!*text) {
      return at_line(card.line, "the card has no END:VCARD (the file ends first)");
    }
    if (trim(**text).empty()) continue;
    auto property = parse_property(**text, card.version == "4.0");
    if (!property) return at_line(line, "expected NAME:VALUE (no ':')");
    property->line = line;
    std::string value = ascii_upper(trim(property->value));
    if (property->name == "END") {
      if (value == "VCARD") return true;
      // "END:VCARDBEGIN:VCARD": two cards glued together, never one person with both emails.
      if (value.starts_with("VCARD")) {
        return at_line(line, value.find("BEGIN:VCARD") != std::string::npos
                                 ? "END:VCARD and the next BEGIN:VCARD on one line (two cards "
                                   "glued together without a line break)"
                                 : "text after END:VCARD on the same line");
      }
      continue;
    }
    if (property->name == "BEGIN" && value == "VCARD") {
      return at_line(card.line, "the card has no END:VCARD before the next BEGIN:VCARD on line " +
                                    std::to_string(line));
    }
    if (property->name == "VERSION") {
      card.version = std::string(trim(property->value));
      if (card.version != "2.1" && card.version != "3.0" && card.version != "4.0") {
        return at_line(line, "unsupported vCard version '" + shown_version(card.version) +
                                 "' (kith reads 2.1, 3.0 and 4.0)");
      }
      continue;
    }
    auto decoded = decode_value(*property, property->value);
    if (!decoded) return at_line(line, decoded.error().message);
    property->value = std::move(*decoded);
    card.properties.push_back(std::move(*property));
  }
}

std::vector<std::string> split_unescaped(std::string_view value, char separator) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      parts.back() += value[i];
      parts.back() += value[++i];
    } else if (value[i] == separator) {
      parts.emplace_back();
    } else {
      parts.back() += value[i];
    }
  }
  return parts;
}

std::string unescape_text(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\' || i + 1 == value.size()) {
      out += value[i];
      continue;
    }
    char next = value[++i];
    out += next == 'n' || next == 'N' ? '\n' : next;
  }
  return out;
}

namespace {

// Reads two digits at `at` into `out` when they are a number from 0 to `high`.
bool two_digits(std::string_view text, std::size_t at, int high, int& out) {
  if (at + 2 > text.size()) return false;
  char a = text[at];
  char b = text[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return false;
  out = (a - '0') * 10 + (b - '0');
  return out <= high;
}

// hh, hhmm, hhmmss or hh:mm[:ss] (seconds up to 60, a leap second), a fraction of a second
// after ',' or '.', then a zone: Z, +hh, +hhmm or +hh:mm (or '-'). RFC 6350 4.3.2, and 2426's
// ISO 8601 with colons.
bool valid_vcard_time(std::string_view t) {
  int value = 0;
  if (!two_digits(t, 0, 23, value)) return false;
  std::size_t at = 2;
  const bool colons = at < t.size() && t[at] == ':';
  // The next field of the time up to `high`: 1 read, 0 absent, -1 not valid.
  auto field = [&](int high) {
    if (at >= t.size()) return 0;
    if (colons ? t[at] != ':' : (t[at] < '0' || t[at] > '9')) return 0;
    std::size_t digits = at + (colons ? 1 : 0);
    if (!two_digits(t, digits, high, value)) return -1;
    at = digits + 2;
    return 1;
  };
  int minutes = field(59);
  if (minutes < 0) return false;
  if (minutes == 1) {
    int seconds = field(60);  // 60: a leap second
    if (seconds < 0) return false;
    if (seconds == 1 && at < t.size() && (t[at] == ',' || t[at] == '.')) {
      std::size_t start = ++at;
      while (at < t.size() && t[at] >= '0' && t[at] <= '9') ++at;
      if (at == start) return false;
    }
  }
  if (at == t.size()) return true;
  if (t[at] == 'Z' || t[at] == 'z') return at + 1 == t.size();
  if (t[at] != '+' && t[at] != '-') return false;
  std::string_view zone = t.substr(at + 1);
  if (!two_digits(zone, 0, 23, value)) return false;
  if (zone.size() == 2) return true;
  std::size_t zone_minutes = zone[2] == ':' ? 3 : 2;
  return zone.size() == zone_minutes + 2 && two_digits(zone, zone_minutes, 59, value);
}

}  // namespace

std::optional<YearlyDate> parse_vcard_date(std::string_view value) {
  std::string_view v = trim(value);
  if (std::size_t t = v.find('T'); t != std::string_view::npos) {
    // A date-time: its time must be one too, or the whole value is not what it claims to be.
    if (!valid_vcard_time(v.substr(t + 1))) return std::nullopt;
    v = v.substr(0, t);
  }
  std::string digits;
  bool no_year = v.rfind("--", 0) == 0;
  for (char c : no_year ? v.substr(2) : v) {
    if (c == '-') continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits += c;
  }
  if (no_year) {
    if (digits.size() != 4) return std::nullopt;
    auto date = YearlyDate::parse("--" + digits.substr(0, 2) + "-" + digits.substr(2));
    return date ? std::optional(*date) : std::nullopt;
  }
  if (digits.size() != 8) return std::nullopt;
  std::string month_day = digits.substr(4, 2) + "-" + digits.substr(6, 2);
  int year = std::stoi(digits.substr(0, 4));
  if (year >= kMinYear && year <= kMaxYear) {
    if (auto date = YearlyDate::parse(digits.substr(0, 4) + "-" + month_day)) return *date;
  }
  auto date = YearlyDate::parse("--" + month_day);  // 1604 and such: the year is unknown
  return date ? std::optional(*date) : std::nullopt;
}

namespace {

// The text of a TEXT property, unescaped and trimmed.
std::string text_value(const VCardProperty& p) { return std::string(trim(unescape_text(p.value))); }

// Apple's date labels: "_$!<Anniversary>!$_" is "anniversary"; others are as written.
std::string apple_label(std::string_view label) {
  if (label.rfind("_$!<", 0) == 0 && label.size() > 8) {
    return ascii_lower(label.substr(4, label.size() - 8));
  }
  return std::string(label);
}

// A CATEGORIES entry as a kith tag: lowercase, spaces as '-'.
std::string category_tag(std::string_view category) {
  std::string tag = ascii_lower(trim(category));
  std::replace(tag.begin(), tag.end(), ' ', '-');
  return tag;
}

struct CardReader {
  const VCard& card;
  std::vector<std::string>& warnings;
  ContactPatch patch;

  void warn(const VCardProperty& p, std::string_view message) {
    warnings.push_back("line " + std::to_string(p.line) + ": " + std::string(message));
  }

  // Sets `target` from a free-text property when kith can hold it.
  void free_text(const VCardProperty& p, std::string_view field,
                 std::optional<std::string>& target) {
    keep_text(p, text_value(p), field, target);
  }

  void keep_text(const VCardProperty& p, const std::string& text, std::string_view field,
                 std::optional<std::string>& target) {
    if (Status ok = check_free_text(text, field); !ok) {
      warn(p, ok.error().message + "; left out");
      return;
    }
    target = text;
  }

  void date(const VCardProperty& p, const std::string& label) {
    auto day = parse_vcard_date(p.value);
    auto name = normalize_label(label);
    if (!day || !name) {
      warn(p, "'" + std::string(p.value) + "' is not a date kith can keep; left out");
      return;
    }
    std::erase_if(patch.dates, [&](const ImportantDate& d) { return d.label == *name; });
    patch.dates.push_back({*name, *day});
  }

  std::string group_label(const VCardProperty& p) {
    if (p.group.empty()) return "";
    for (const VCardProperty& other : card.properties) {
      if (other.name == "X-ABLABEL" && iequals(other.group, p.group)) {
        return apple_label(text_value(other));
      }
    }
    return "";
  }

  void read(const VCardProperty& p) {
    const std::string& n = p.name;
    if (n == "FN") {
      if (auto name = normalize_name(text_value(p))) patch.name = *name;
    } else if (n == "EMAIL") {
      std::string text = text_value(p);
      if (text.rfind("mailto:", 0) == 0) text.erase(0, 7);
      if (auto email = normalize_email(text)) {
        patch.emails.push_back(*email);
      } else {
        warn(p, email.error().message + "; left out");
      }
    } else if (n == "TEL") {
      std::string text = text_value(p);
      if (text.rfind("tel:", 0) == 0) text.erase(0, 4);
      if (auto phone = normalize_phone(text)) {
        patch.phones.push_back(*phone);
      } else {
        warn(p, phone.error().message + "; left out");
      }
    } else if (n == "NICKNAME") {
      for (const std::string& item : split_unescaped(p.value, ',')) {
        std::string text(trim(unescape_text(item)));
        if (text.empty()) continue;
        if (auto aka = normalize_name(text)) {
          patch.akas.push_back(*aka);
        } else {
          warn(p, "nickname: " + aka.error().message + "; left out");
        }
      }
    } else if (n == "ORG") {
      std::string org;
      for (const std::string& unit : split_unescaped(p.value, ';')) {
        std::string text(trim(unescape_text(unit)));
        if (text.empty()) continue;
        if (!org.empty()) org += ", ";
        org += text;
      }
      keep_text(p, org, "organisation", patch.org);
    } else if (n == "TITLE") {
      free_text(p, "title", patch.title);
    } else if (n == "NOTE") {
      free_text(p, "note", patch.note);
    } else if (n == "BDAY") {
      if (auto day = parse_vcard_date(p.value)) {
        patch.birthday = *day;
      } else {
        warn(p, "birthday '" + std::string(p.value) + "' is not a date kith can keep; left out");
      }
    } else if (n == "ANNIVERSARY" || n == "X-ANNIVERSARY") {
      date(p, "anniversary");
    } else if (n == "X-ABDATE") {
      std::string label = group_label(p);
      date(p, label.empty() ? "date" : label);
    } else if (n == "X-KITH-DATE") {
      // "20190301 work anniversary": the label in the value, where a server that rewrites
      // parameters leaves it alone; earlier kiths wrote it as X-LABEL.
      std::string text = text_value(p);
      if (std::size_t space = text.find(' '); space != std::string::npos) {
        VCardProperty dated = p;
        dated.value = text.substr(0, space);
        date(dated, std::string(trim(text.substr(space + 1))));
      } else {
        const auto* label = p.param("X-LABEL");
        date(p, label && !label->empty() ? label->front() : "date");
      }
    } else if (n == "CATEGORIES") {
      for (const std::string& part : split_unescaped(p.value, ',')) {
        std::string tag = category_tag(unescape_text(part));
        if (tag.empty() || tag == "mycontacts") continue;  // Google's group of every contact
        if (auto normal = normalize_tag(tag)) {
          patch.tags.push_back(*normal);
        } else {
          warn(p, normal.error().message + "; left out");
        }
      }
    } else if (n == "UID" || n == "X-KITH-UID") {
      // A UID is one line: one with a line break or a control character (a damaged card)
      // is no key kith could write back.
      std::string uid = text_value(p);
      if (!uid.empty() && !has_control_chars(uid) &&
          uid.find_first_of("\t\n") == std::string::npos) {
        patch.uids.push_back(uid);
        if (n == "UID" && !patch.uid) patch.uid = uid;
      }
    } else if (n == "URL") {
      if (auto profile = linkedin_profile(text_value(p))) {
        ExternalId id{ExternalSource::linkedin, *profile, std::nullopt};
        if (const auto* since = p.param("X-KITH-SINCE"); since && !since->empty()) {
          if (auto day = Date::parse_iso(since->front())) id.since = *day;
        }
        patch.external_ids.push_back(id);
      }
    } else if (n == "X-KITH-TYPE" || n == "X-KITH-TYPES") {
      // One type per X-KITH-TYPE; earlier kiths wrote X-KITH-TYPES:mentor,sponsor, which some
      // servers cut at the comma.
      for (const std::string& part : split_unescaped(p.value, ',')) {
        if (auto type = normalize_type_name(unescape_text(part))) {
          if (std::find(patch.types.begin(), patch.types.end(), *type) == patch.types.end()) {
            patch.types.push_back(*type);
          }
        } else {
          warn(p, type.error().message + "; left out");
        }
      }
    } else if (n == "REV") {
      patch.rev = rev_timestamp(text_value(p));
    } else if (n == "X-KITH-EVERY") {
      if (auto every = Duration::parse(text_value(p))) {
        patch.every = *every;
      } else {
        warn(p, every.error().message + "; left out");
      }
    } else if (n == "X-KITH-CIRCLE") {
      std::string text = text_value(p);
      if (text == "1" || text == "2" || text == "3") {
        patch.circle = text[0] - '0';
      } else {
        warn(p, "invalid circle '" + text + "'; left out");
      }
    } else if (n == "X-KITH-LEARN") {
      free_text(p, "learn text", patch.learn);
    } else if (n == "X-KITH-OFFER") {
      free_text(p, "offer text", patch.offer);
    } else if (n == "X-KITH-MET-VIA") {
      free_text(p, "met-via", patch.met_via);
      if (const auto* uuid = p.param("X-KITH-UUID");
          uuid && !uuid->empty() && is_uuid(uuid->front())) {
        patch.met_via_contact = lowercase_uuid(uuid->front());
      }
    } else if (n == "X-KITH-ARCHIVED") {
      patch.archived = iequals(text_value(p), "TRUE");
    }
  }

  // The name from N: prefix, given, additional names, family name, suffix.
  std::string name_from_n() {
    for (const VCardProperty& p : card.properties) {
      if (p.name != "N") continue;
      auto parts = split_unescaped(p.value, ';');
      parts.resize(5);
      std::string name;
      for (std::size_t index : {3, 1, 2, 0, 4}) {
        for (const std::string& piece : split_unescaped(parts[index], ',')) {
          std::string text(trim(unescape_text(piece)));
          if (text.empty()) continue;
          if (!name.empty()) name += ' ';
          name += text;
        }
      }
      if (auto normal = normalize_name(name)) return *normal;
    }
    return "";
  }
};

}  // namespace

std::optional<std::string> rev_timestamp(std::string_view value) {
  std::string digits;
  for (char c : value.substr(0, value.find_first_of(".,Zz+"))) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != '-' && c != ':' && c != 'T' && c != 't') {
      return std::nullopt;
    }
  }
  if (digits.size() != 8 && digits.size() != 12 && digits.size() != 14) return std::nullopt;
  digits.resize(14, '0');
  std::string text = digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2) +
                     "T" + digits.substr(8, 2) + ":" + digits.substr(10, 2) + ":" +
                     digits.substr(12, 2) + ".000Z";
  return is_timestamp(text) ? std::optional(text) : std::nullopt;
}

std::optional<ContactPatch> contact_patch(const VCard& card, std::vector<std::string>& warnings) {
  CardReader reader{card, warnings, {}};
  reader.patch.line = card.line;
  for (const VCardProperty& p : card.properties) reader.read(p);
  ContactPatch& patch = reader.patch;
  if (patch.name.empty()) patch.name = reader.name_from_n();
  if (patch.name.empty() && patch.org) patch.name = *patch.org;
  if (patch.name.empty() && !patch.emails.empty()) patch.name = patch.emails.front();
  if (patch.name.empty() && !patch.phones.empty()) patch.name = patch.phones.front();
  if (patch.name.empty()) {
    warnings.push_back("line " + std::to_string(card.line) +
                       ": a card with no name, organisation, email or phone; left out");
    return std::nullopt;
  }
  return std::move(patch);
}

namespace {

bool is_east_asian(std::string_view name) {
  // Hangul, CJK, kana: the family name comes first.
  for (std::size_t i = 0; i + 2 < name.size(); ++i) {
    auto b = static_cast<unsigned char>(name[i]);
    if (b == 0xE3 || (b >= 0xE4 && b <= 0xE9) || (b >= 0xEA && b <= 0xED)) return true;
  }
  return false;
}

// N from a whole name: a guess, since kith keeps one name. The last word is the family name
// (the first in East Asian names); a single word is a family name.
std::string structured_name(const std::string& name) {
  std::size_t space = is_east_asian(name) ? name.find(' ') : name.rfind(' ');
  if (space == std::string::npos) return escape_text(name) + ";;;;";
  std::string first = name.substr(0, space);
  std::string rest = name.substr(space + 1);
  if (is_east_asian(name)) std::swap(first, rest);
  return escape_text(rest) + ";" + escape_text(first) + ";;;";
}

std::string vcard_date(const YearlyDate& date) {
  std::string iso = date.to_string();  // YYYY-MM-DD or --MM-DD
  std::erase(iso, '-');
  return date.year() ? iso : "--" + iso;
}

// 2026-11-22T10:15:00.512Z as vCard writes a timestamp: 20261122T101500Z.
std::string vcard_timestamp(std::string_view timestamp) {
  std::string out;
  for (char c : timestamp.substr(0, 19)) {
    if (c != '-' && c != ':') out += c;
  }
  return out + "Z";
}

void property(std::ostream& out, std::string_view head, std::string_view value) {
  out << fold(std::string(head) + ":" + std::string(value));
}

}  // namespace

void write_vcard(std::ostream& out, const ContactRecord& record, const VCardStyle& style) {
  const Contact& c = record.contact;
  out << "BEGIN:VCARD\r\nVERSION:4.0\r\n";
  property(out, "UID", style.uid ? escape_text(*style.uid) : "urn:uuid:" + c.uuid);
  if (style.rev) property(out, "REV", vcard_timestamp(*style.rev));
  property(out, "FN", escape_text(c.name));
  property(out, "N", structured_name(c.name));
  if (!c.akas.empty()) {
    std::string nicknames;
    for (const std::string& aka : c.akas) {
      if (!nicknames.empty()) nicknames += ',';
      nicknames += escape_text(aka);
    }
    property(out, "NICKNAME", nicknames);
  }
  for (const std::string& email : c.emails) property(out, "EMAIL", escape_text(email));
  for (const std::string& phone : c.phones) property(out, "TEL;VALUE=text", escape_text(phone));
  if (!c.org.empty()) property(out, "ORG", escape_text(c.org));
  if (!c.title.empty()) property(out, "TITLE", escape_text(c.title));
  if (c.birthday) property(out, "BDAY", vcard_date(*c.birthday));
  for (const ImportantDate& d : c.dates) {
    if (d.label == "anniversary") {
      property(out, "ANNIVERSARY", vcard_date(d.date));
    } else {
      property(out, "X-KITH-DATE", vcard_date(d.date) + " " + escape_text(d.label));
    }
  }
  if (!c.note.empty()) property(out, "NOTE", escape_text(c.note));
  if (!c.tags.empty()) {
    std::string tags;
    for (const std::string& tag : c.tags) tags += (tags.empty() ? "" : ",") + escape_text(tag);
    property(out, "CATEGORIES", tags);
  }
  for (const ExternalId& id : record.external_ids) {
    if (id.source == ExternalSource::linkedin) {
      std::string head = "URL;TYPE=linkedin";
      if (id.since) head += ";X-KITH-SINCE=" + id.since->to_string();
      property(out, head, escape_text(id.id));
    } else if (id.id != style.uid) {
      property(out, "X-KITH-UID", escape_text(id.id));
    }
  }
  for (const std::string& type : c.types) property(out, "X-KITH-TYPE", type);
  if (c.every) property(out, "X-KITH-EVERY", c.every->to_string());
  if (c.circle) property(out, "X-KITH-CIRCLE", std::to_string(*c.circle));
  if (!c.learn.empty()) property(out, "X-KITH-LEARN", escape_text(c.learn));
  if (!c.offer.empty()) property(out, "X-KITH-OFFER", escape_text(c.offer));
  // An introducer who is a contact is written even without a name as written: kith holds
  // that link (an imported card or kith JSON can give it without one) and reads it back.
  if (!c.met_via.empty() || record.met_via_contact) {
    std::string head = "X-KITH-MET-VIA";
    if (record.met_via_contact) head += ";X-KITH-UUID=" + *record.met_via_contact;
    property(out, head, escape_text(c.met_via));
  }
  if (c.archived && !style.uid) property(out, "X-KITH-ARCHIVED", "TRUE");
  out << "END:VCARD\r\n";
}

}  // namespace kith::formats
