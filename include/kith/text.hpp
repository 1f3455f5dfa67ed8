// UTF-8 text helpers for names: validation, matching keys and terminal display width.
// Pure functions; no locale, no terminal, no allocation beyond the returned strings.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// A key for case- and accent-insensitive matching: lowercased, with diacritics removed from
// Latin, Greek and Cyrillic letters ("José Núñez" -> "jose nunez", "Straße" -> "strasse",
// "Łukasz" -> "lukasz", "Ørsted" -> "orsted"), runs of whitespace collapsed to one space and
// trimmed. Characters without a folding (CJK, emoji) pass through unchanged.
// REQUIRES: valid UTF-8 (invalid bytes are passed through unchanged).
std::string fold_for_match(std::string_view text);

// Columns `text` occupies in a terminal: wide and fullwidth East Asian characters and emoji
// count 2, combining marks, zero-width joiners and variation selectors count 0, control
// characters count 0, everything else 1.
int display_width(std::string_view text);

// `text` cut to at most `width` columns, ending in "…" when it was cut; never splits a
// UTF-8 sequence or leaves half of a wide character.
std::string truncate_to_width(std::string_view text, int width);

// `text` followed by spaces up to `width` columns (unchanged if already wider).
std::string pad_to_width(std::string_view text, int width);

// `text` with ASCII letters in lowercase / uppercase; other bytes unchanged.
std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);

// `text` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

// True when `text` shows nothing: it is empty or holds only whitespace (ASCII, and Unicode
// spaces such as U+00A0 and U+3000) and invisible format characters (zero-width spaces and
// joiners, U+FEFF). A name or a summary like that is as good as empty.
// REQUIRES: valid UTF-8 (an invalid byte counts as visible).
bool is_blank(std::string_view text);

// True when `text` has a control character (C0 other than tab, DEL, or C1).
bool has_control_chars(std::string_view text);

// True for the bidirectional embeddings, overrides and isolates (U+202A..U+202E,
// U+2066..U+2069): characters that make a line display in another order than it is stored.
bool is_bidi_control(char32_t c);
// True when `text` holds one of them. REQUIRES: valid UTF-8 (invalid bytes are skipped).
bool has_bidi_controls(std::string_view text);

}  // namespace kith
