// Content lines as vCard (RFC 6350) and iCalendar (RFC 5545) write them: escaping of text
// values and parameter values, and folding long lines. Pure functions over strings.
#pragma once

#include <string>
#include <string_view>

namespace kith::formats {

// Octets per physical line before folding, the CRLF not counted (both RFCs).
inline constexpr std::size_t kFoldOctets = 75;

// A TEXT value escaped: backslash, comma and semicolon get a backslash; a newline becomes
// "\n" (a CR before it is dropped).
std::string escape_text(std::string_view value);

// A parameter value: as is when it is a plain token (letters, digits, '-'), else in double
// quotes, with '"', newlines and '^' written as RFC 6868's caret escapes (^' ^n ^^).
std::string param_value(std::string_view value);

// `line` (without its line ending) as physical lines of at most kFoldOctets octets, each
// continuation line starting with one space, every line ending in CRLF. Never splits a
// UTF-8 sequence. REQUIRES: no CR or LF in `line`.
std::string fold(std::string_view line);

}  // namespace kith::formats
