#include "content_line.hpp"

#include <algorithm>

namespace kith::formats {

std::string escape_text(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ',': out += "\\,"; break;
      case ';': out += "\\;"; break;
      case '\n': out += "\\n"; break;
      case '\r':
        if (i + 1 < value.size() && value[i + 1] == '\n') break;  // CRLF: one newline
        out += "\\n";
        break;
      default: out += c;
    }
  }
  return out;
}

std::string param_value(std::string_view value) {
  // Quoted unless a plain token (letters, digits, '-'): some readers stop at a space.
  bool plain = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (plain) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"': out += "^'"; break;
      case '\n': out += "^n"; break;
      case '^': out += "^^"; break;
      case '\r': break;
      default: out += c;
    }
  }
  out += '"';
  return out;
}

std::string fold(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / kFoldOctets * 3 + 2);
  std::size_t limit = kFoldOctets;  // the first line has all 75 octets; the others 74 + space
  while (line.size() > limit) {
    std::size_t cut = limit;
    // Back off to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 at all: cut anyway rather than loop
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kFoldOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

}  // namespace kith::formats
