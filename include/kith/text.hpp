// UTF-8 text helpers for names: validation, matching keys and terminal display width.
// Pure functions; no locale, no terminal, no allocation beyond the returned strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
// The number of edits that turn `a` into `b`, each inserting, deleting or replacing one code
// point or swapping two neighbouring ones ("lsit" -> "list" is 1). Case-sensitive; an
// invalid UTF-8 byte counts as one code point of its own.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates nearest to `word` by edit_distance, when at most `max_distance` away: all
// those at the smallest distance, each once, in the order given. Empty when none is that
// close. For "did you mean" suggestions; fold both sides first for a case-insensitive match.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t max_distance);

// An id as people write it, "12" or "#12", surrounding ASCII white space ignored. Returns the
// id, or nothing when the text is not that: "0", "-1", "+1", "12a", "#", "#x", "# 12", "",
// or a number past 2^63 - 1.
std::optional<std::int64_t> parse_id(std::string_view text);

}  // namespace kith
