#include "kith/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>

namespace kith {
namespace {

// Decodes one UTF-8 sequence at text[i]; returns the code point and advances i, or returns
// -1 and advances i by one byte for an invalid sequence.
std::int32_t decode(std::string_view text, std::size_t& i) {
  auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  // Lead bytes: C2-DF two bytes, E0-EF three, F0-F4 four; C0, C1 and F5-FF never appear.
  int len = b0 >= 0xF0 && b0 <= 0xF4   ? 4
            : b0 >= 0xE0 && b0 <= 0xEF ? 3
            : b0 >= 0xC2 && b0 <= 0xDF ? 2
                                       : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > text.size()) {
    ++i;
    return -1;
  }
  std::int32_t cp = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return -1;
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

void encode(std::int32_t cp, std::string& out) {
  auto u = static_cast<std::uint32_t>(cp);
  if (u < 0x80) {
    out += static_cast<char>(u);
  } else if (u < 0x800) {
    out += static_cast<char>(0xC0 | (u >> 6));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    out += static_cast<char>(0xE0 | (u >> 12));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (u >> 18));
    out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  }
}

// U+00C0..U+017F folded to lowercase ASCII (or '\0' for "keep as is"), one char per code
// point; multi-letter foldings are handled separately.
constexpr char kLatin[] =
    "aaaaaaaceeeeiiii"   // C0-CF
    "dnooooo\0ouuuuyts"  // D0-DF (D7 multiplication sign kept; DE thorn, DF sharp s special)
    "aaaaaaaceeeeiiii"   // E0-EF
    "dnooooo\0ouuuuyty"  // F0-FF
    "aaaaaaccccccccdd"   // 100-10F
    "ddeeeeeeeeeegggg"   // 110-11F
    "gggghhhhiiiiiiii"   // 120-12F
    "iiijjjkkklllllll"   // 130-13F
    "lllnnnnnnnnnoooo"   // 140-14F
    "oooorrrrrrssssss"   // 150-15F
    "ssttttttuuuuuuuu"   // 160-16F
    "uuuuwwyyyzzzzzzs";  // 170-17F

bool is_combining(std::int32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

struct Range {
  std::int32_t first;
  std::int32_t last;
};

constexpr std::array<Range, 20> kWide = {{
    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},
    {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},
    {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}, {0x2600, 0x2600},   {0x1F000, 0x1F02F},
}};

int width_of(std::int32_t cp) {
  if (cp < 0) return 1;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  if (is_combining(cp) || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
      (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
    return 0;
  }
  for (const Range& r : kWide) {
    if (cp >= r.first && cp <= r.last) return 2;
  }
  return 1;
}

// The columns of one user-perceived character starting at `i`, which it moves past: a base
// with what attaches to it. Combining marks, variation selectors and skin-tone modifiers add
// nothing (though U+FE0F asks for the two-column emoji form); a zero-width joiner after an
// emoji joins the next code point into the same picture (👩‍🚀 is two columns, not four); two
// regional indicators make one flag.
int cluster_width(std::string_view text, std::size_t& i) {
  std::int32_t base = decode(text, i);
  int width = width_of(base);
  bool lone_indicator = base >= 0x1F1E6 && base <= 0x1F1FF;
  if (lone_indicator) width = 2;
  while (i < text.size()) {
    std::size_t at = i;
    std::int32_t cp = decode(text, i);
    if (cp == 0x200D) {  // zero-width joiner: only a wide character joins the emoji
      if (width == 2 && i < text.size()) {
        std::size_t next = i;
        std::int32_t joined = decode(text, next);
        if (joined >= 0 && width_of(joined) == 2) i = next;
      }
      continue;
    }
    if (cp == 0xFE0F) {  // emoji presentation
      if (width == 1) width = 2;
      continue;
    }
    if (cp >= 0x1F3FB && cp <= 0x1F3FF && width == 2) continue;  // skin tones
    if (lone_indicator && cp >= 0x1F1E6 && cp <= 0x1F1FF) {      // the flag's second half
      lone_indicator = false;
      continue;
    }
    if (cp >= 0 && width_of(cp) == 0 && cp >= 0x300) continue;  // combining, selectors
    i = at;
    break;
  }
  return width;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (decode(text, i) < 0) return false;
  }
  return true;
}

std::string fold_for_match(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    std::int32_t cp = decode(text, i);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
      space = !out.empty();
      continue;
    }
    // Dropped before a pending space is written, so that a mark after a space (or at the
    // end) cannot leave a space at the end of the key.
    if (cp >= 0 && is_combining(cp)) continue;
    if (space) {
      out += ' ';
      space = false;
    }
    if (cp < 0) {
      out += text[start];
    } else if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else if (cp == 0xDF) {
      out += "ss";
    } else if (cp == 0xC6 || cp == 0xE6) {
      out += "ae";
    } else if (cp == 0x152 || cp == 0x153) {
      out += "oe";
    } else if (cp == 0xDE || cp == 0xFE) {
      out += "th";
    } else if (cp >= 0xC0 && cp <= 0x17F && kLatin[cp - 0xC0] != 0) {
      out += kLatin[cp - 0xC0];
    } else if (cp >= 0x391 && cp <= 0x3A9) {
      encode(cp + 32, out);  // Greek capitals
    } else if (cp >= 0x410 && cp <= 0x42F) {
      encode(cp + 32, out);  // Cyrillic capitals
    } else if (cp >= 0x400 && cp <= 0x40F) {
      encode(cp == 0x401 ? 0x435 : cp + 80, out);
    } else if (cp == 0x451) {
      encode(0x435, out);
    } else {
      encode(cp, out);
    }
  }
  return out;
}

int display_width(std::string_view text) {
  // Printable ASCII, most of what kith shows, is one column a byte.
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
    return static_cast<int>(text.size());
  }
  int width = 0;
  std::size_t i = 0;
  while (i < text.size()) width += cluster_width(text, i);
  return width;
}

std::string truncate_to_width(std::string_view text, int width) {
  if (display_width(text) <= width) return std::string(text);
  if (width <= 0) return "";
  std::string out;
  int used = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    int w = cluster_width(text, i);
    if (used + w > width - 1) break;
    out.append(text.substr(start, i - start));
    used += w;
  }
  return out + "…";
}

std::string pad_to_width(std::string_view text, int width) {
  std::string out(text);
  int w = display_width(text);
  if (w < width) out.append(static_cast<std::size_t>(width - w), ' ');
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string_view trim(std::string_view text) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_blank(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::int32_t cp = decode(text, i);
    bool invisible = cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0x1680 ||
                     cp == 0x180E || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x2028 ||
                     cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x2060 || cp == 0x3000 ||
                     cp == 0xFEFF;
    if (!invisible) return false;
  }
  return true;
}

bool has_control_chars(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::int32_t cp = decode(text, i);
    if (cp < 0) continue;
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
      return true;
    }
  }
  return false;
}

bool is_bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool has_bidi_controls(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::int32_t cp = decode(text, i);
    if (cp >= 0 && is_bidi_control(static_cast<char32_t>(cp))) return true;
  }
  return false;
}

namespace {

// The code points of `text`; an invalid byte becomes its negated value, so that two invalid
// bytes compare equal only when they are the same byte.
std::vector<std::int32_t> code_points(std::string_view text) {
  std::vector<std::int32_t> out;
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::int32_t cp = decode(text, i);
    out.push_back(cp < 0 ? -static_cast<std::int32_t>(byte) - 1 : cp);
  }
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus the swap of two neighbours, over three rows.
  std::vector<std::int32_t> x = code_points(a);
  std::vector<std::int32_t> y = code_points(b);
  std::vector<std::size_t> before(y.size() + 1), previous(y.size() + 1), current(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[y.size()];
}

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t max_distance) {
  std::vector<std::string> best;
  std::size_t best_distance = max_distance + 1;
  for (const std::string& candidate : candidates) {
    std::size_t distance = edit_distance(word, candidate);
    if (distance > max_distance || distance > best_distance) continue;
    if (distance < best_distance) {
      best.clear();
      best_distance = distance;
    }
    if (std::find(best.begin(), best.end(), candidate) == best.end()) best.push_back(candidate);
  }
  return best;
}

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::string_view t = trim(text);
  if (!t.empty() && t.front() == '#') t.remove_prefix(1);
  if (t.empty() || t.front() < '0' || t.front() > '9') return std::nullopt;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), id);
  if (ec != std::errc() || end != t.data() + t.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace kith
