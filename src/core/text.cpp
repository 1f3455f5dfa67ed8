// Text over ICU: normalisation, folding across case, accents and scripts, grapheme clusters and
// character widths come from its data; decoding, validation and the edit distance are kith's own.
#include "kith/text.hpp"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/uvernum.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>

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

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// ICU takes lengths as int32_t: a longer text is read up to there.
std::int32_t icu_length(std::string_view text) {
  return static_cast<std::int32_t>(
      std::min<std::size_t>(text.size(), std::numeric_limits<std::int32_t>::max()));
}

// Apostrophes, and the modifier letters written for them, which folding drops: ' ` ‘ ’ ‛ ′ and
// U+02B9..U+02BF (ʹ ʺ ʻ ʼ ʽ ʾ ʿ; BGN writes ʹ for ь and ʺ for ъ).
bool is_apostrophe(UChar32 c) {
  return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x2032 ||
         (c >= 0x2B9 && c <= 0x2BF);
}

// fold_for_match for ASCII text, without ICU: the same key ICU's steps give for it.
std::string fold_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (is_ascii_space(c)) {
      space = !out.empty();
      continue;
    }
    if (c == '\'' || c == '`') continue;
    if (space) {
      out += ' ';
      space = false;
    }
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// `s` through `normalizer`; unchanged when ICU's data for it is missing.
icu::UnicodeString normalized(const icu::Normalizer2* normalizer, const icu::UnicodeString& s) {
  if (normalizer == nullptr) return s;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = normalizer->normalize(s, status);
  return U_SUCCESS(status) ? out : s;
}

icu::UnicodeString casefolded(const icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  return normalized(icu::Normalizer2::getNFKCCasefoldInstance(status), s);
}

icu::UnicodeString decomposed(const icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  return normalized(icu::Normalizer2::getNFDInstance(status), s);
}

// The Latin letters that remain themselves after decomposition, as ICU's Latin-ASCII writes them
// (text_test checks each Latin code point against it). Knowing them here spares Latin names the
// transliterator. Lowercase only, as they come out of NFKC_Casefold.
struct Spelling {
  UChar32 letter;
  const char16_t* ascii;
};
constexpr Spelling kLatinLetters[] = {
    {0xE6, u"ae"}, {0xF0, u"d"},  {0xF8, u"o"},  {0xFE, u"th"},  {0x111, u"d"}, {0x127, u"h"},
    {0x131, u"i"}, {0x142, u"l"}, {0x14B, u"n"}, {0x153, u"oe"}, {0x167, u"t"},
};

// `s` (decomposed) without nonspacing and enclosing marks, apostrophes, private-use characters
// (ICU's Indic transliterators leave some behind) and lone surrogates (a transliterator can split
// a pair: Katakana's iteration mark after an emoji repeats half of it), and with the letters of
// kLatinLetters in ASCII. `foreign` is set when a letter other than those, a spacing mark, or a
// nonspacing mark of a script is met: only the transliterator writes those in Latin (a
// Devanagari vowel sign is a vowel, not an accent to drop).
icu::UnicodeString base_letters(const icu::UnicodeString& s, bool& foreign) {
  icu::UnicodeString out;
  foreign = false;
  for (std::int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    if (c < 0x80) {
      if (c != '\'' && c != '`') out.append(c);
      continue;
    }
    const std::uint32_t category = U_GET_GC_MASK(c);
    if (is_apostrophe(c) || (category & (U_GC_CO_MASK | U_GC_CS_MASK)) != 0) continue;
    if ((category & (U_GC_MN_MASK | U_GC_ME_MASK)) != 0) {
      UErrorCode status = U_ZERO_ERROR;
      UScriptCode script = uscript_getScript(c, &status);
      if (script != USCRIPT_INHERITED && script != USCRIPT_COMMON) foreign = true;
      continue;
    }
    auto spelled = std::find_if(std::begin(kLatinLetters), std::end(kLatinLetters),
                                [&](const Spelling& sp) { return sp.letter == c; });
    if (spelled != std::end(kLatinLetters)) {
      out.append(icu::UnicodeString(spelled->ascii));
      continue;
    }
    if ((category & (U_GC_L_MASK | U_GC_MC_MASK)) != 0) foreign = true;
    out.append(c);
  }
  return out;
}

// Letters and marks only, so that punctuation and symbols are kept whether or not a text needed
// the transliterator: Greek by UNGEGN and Russian by BGN, which spell names as people write them
// in English ("Дмитрий" -> "dmitriy", where Any-Latin gives "dmitrij"), every other script by
// Any-Latin; BGN's ʹ and ʺ dropped before Latin-ASCII could make them quotes.
constexpr char16_t kLatinId[] =
    u"[[:L:][:M:]]; Greek-Latin/UNGEGN; Russian-Latin/BGN; Any-Latin; [\\u02B9-\\u02BF] Remove; "
    u"Latin-ASCII";

// The transliterator, created on first use (tens of milliseconds), once per process; null when
// ICU lacks its data. Transliterating is serialised: ICU does not promise that one instance may
// be shared between threads. Never destroyed, so that no thread meets it half gone at exit.
struct Latin {
  std::mutex mutex;
  std::unique_ptr<icu::Transliterator> transliterator;
};

Latin& latin() {
  static Latin* const instance = [] {
    auto* l = new Latin;
    UErrorCode status = U_ZERO_ERROR;
    UParseError where;
    l->transliterator.reset(icu::Transliterator::createInstance(icu::UnicodeString(kLatinId),
                                                                UTRANS_FORWARD, where, status));
    if (U_FAILURE(status)) l->transliterator.reset();
    return l;
  }();
  return *instance;
}

// `s` written in Latin letters; false (and `s` unchanged) when ICU cannot.
bool to_latin(icu::UnicodeString& s) {
  Latin& l = latin();
  if (!l.transliterator) return false;
  std::lock_guard<std::mutex> lock(l.mutex);
  l.transliterator->transliterate(s);
  return true;
}

// `key` in UTF-8, each run of white space one ASCII space, trimmed.
std::string spaces_collapsed(const icu::UnicodeString& key) {
  std::string out;
  out.reserve(static_cast<std::size_t>(key.length()));
  bool space = false;
  for (std::int32_t i = 0; i < key.length(); i = key.moveIndex32(i, 1)) {
    UChar32 c = key.char32At(i);
    if (u_isUWhiteSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    encode(c, out);
  }
  return out;
}

// The columns of one code point (see display_width); -1 stands for an invalid byte.
int code_point_width(std::int32_t c) {
  if (c < 0) return 1;
  if (c < 0x80) return c >= 0x20 && c < 0x7F ? 1 : 0;
  constexpr std::uint32_t kNothing = U_GC_CC_MASK | U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK;
  if ((U_GET_GC_MASK(c) & kNothing) != 0 ||
      u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
    return 0;
  }
  int hangul = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
  if (hangul == U_HST_VOWEL_JAMO || hangul == U_HST_TRAILING_JAMO) return 0;
  int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) return 2;
  return u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION) ? 2 : 1;
}

// The columns of one grapheme cluster (see display_width). ICU is asked about ASCII only when
// U+FE0F or U+200D follows it (a keycap: 1️⃣).
int cluster_width(std::string_view cluster) {
  std::size_t i = 0;
  const std::int32_t first = decode(cluster, i);
  if (first >= 0x80 && u_hasBinaryProperty(first, UCHAR_EMOJI_PRESENTATION)) return 2;
  int width = code_point_width(first);
  while (i < cluster.size()) {
    std::int32_t c = decode(cluster, i);
    if (first >= 0 && ((c == 0xFE0F && u_hasBinaryProperty(first, UCHAR_EMOJI)) ||
                       (c == 0x200D && i < cluster.size() &&
                        u_hasBinaryProperty(first, UCHAR_EXTENDED_PICTOGRAPHIC)))) {
      return 2;
    }
    width += code_point_width(c);
  }
  return width;
}

// This thread's grapheme cluster iterator (cheap to make, not to be shared); null when ICU lacks
// its data.
icu::BreakIterator* cluster_breaks() {
  thread_local std::unique_ptr<icu::BreakIterator> breaks = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  return breaks.get();
}

// Calls `each(begin, end)` with the byte offsets of each grapheme cluster of `text`, in order,
// until it returns false. ASCII text is one cluster a byte, without ICU (CR LF, one cluster for
// ICU, is two here: both are 0 columns, so no width or cut differs). Not reentrant: `each` must
// not call it.
template <class Each>
void for_each_cluster(std::string_view text, Each each) {
  std::size_t begin = 0;
  icu::BreakIterator* breaks = is_ascii(text) ? nullptr : cluster_breaks();
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  if (breaks != nullptr && text.size() <= std::numeric_limits<std::int32_t>::max()) {
    utext_openUTF8(&utext, text.data(), static_cast<std::int64_t>(text.size()), &status);
    breaks->setText(&utext, status);
    if (U_SUCCESS(status)) {
      for (std::int32_t end = breaks->following(0); end != icu::BreakIterator::DONE;
           end = breaks->next()) {
        if (!each(begin, static_cast<std::size_t>(end))) break;
        begin = static_cast<std::size_t>(end);
      }
      utext_close(&utext);
      return;
    }
    utext_close(&utext);
  }
  // ASCII, or no ICU data: one code point (or invalid byte) a cluster.
  while (begin < text.size()) {
    std::size_t end = begin;
    decode(text, end);
    if (!each(begin, end)) break;
    begin = end;
  }
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (decode(text, i) < 0) return false;
  }
  return true;
}

std::string to_nfc(std::string_view text) {
  if (is_ascii(text) || !is_valid_utf8(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || text.size() > std::numeric_limits<std::int32_t>::max()) {
    return std::string(text);
  }
  icu::StringPiece piece(text.data(), static_cast<std::int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(text);
  std::string out;
  icu::StringByteSink<std::string> sink(&out, piece.length());
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? out : std::string(text);
}

// One pass of folding, without the spaces: casefold, decompose and drop marks, which is all most
// Latin text needs. Only when letters of another script remain is the text (casefolded, marks
// and all: several scripts need them to be read right) written in Latin and folded again.
// `foreign` tells whether letters the transliterator could not write in Latin remain.
icu::UnicodeString fold_once(const icu::UnicodeString& text, bool& foreign) {
  // Decomposed first: NFKC_Casefold alone is not blind to canonical order when a mark has no
  // base (U+0345 folds to a letter, iota, that a mark after it then composes with).
  icu::UnicodeString s = casefolded(decomposed(text));
  icu::UnicodeString key = base_letters(decomposed(s), foreign);
  if (foreign && to_latin(s)) key = base_letters(decomposed(casefolded(s)), foreign);
  return key;
}

std::string fold_for_match(std::string_view text) {
  if (is_ascii(text)) return fold_ascii(text);
  bool foreign = false;
  icu::UnicodeString key = fold_once(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), icu_length(text))), foreign);
  // What the transliterator left is folded once more: Han-Latin sets a character it has no
  // reading for apart from a Latin neighbour only once the neighbour is Latin, so the second
  // pass gives the key that folds to itself.
  if (foreign) key = fold_once(key, foreign);
  return spaces_collapsed(key);
}

int display_width(std::string_view text) {
  // Printable ASCII, most of what kith shows, is one column a byte.
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
    return static_cast<int>(text.size());
  }
  int width = 0;
  for_each_cluster(text, [&](std::size_t begin, std::size_t end) {
    width += cluster_width(text.substr(begin, end - begin));
    return true;
  });
  return width;
}

std::string truncate_to_width(std::string_view text, int width) {
  if (display_width(text) <= width) return std::string(text);
  if (width <= 0) return "";
  std::size_t cut = 0;
  int used = 0;
  for_each_cluster(text, [&](std::size_t begin, std::size_t end) {
    int w = cluster_width(text.substr(begin, end - begin));
    if (used + w > width - 1) return false;  // one column for the "…"
    used += w;
    cut = end;
    return true;
  });
  return std::string(text.substr(0, cut)) + "…";
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
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      if (!is_ascii_space(text[i++])) return false;
      continue;
    }
    std::int32_t c = decode(text, i);
    if (c < 0 ||
        !(u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))) {
      return false;
    }
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

std::string_view fold_version() {
  // Raise kith's number whenever a change of the rules here changes any key.
  static const std::string version = std::string("icu-") + U_ICU_VERSION + " kith-1";
  return version;
}

bool written_in_latin(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0x80 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_SUCCESS(status) && script != USCRIPT_LATIN && script != USCRIPT_COMMON &&
        script != USCRIPT_INHERITED) {
      return false;
    }
  }
  return true;
}

}  // namespace kith
