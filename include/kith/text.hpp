// UTF-8 text helpers for names: validation, normalisation, matching keys and terminal display
// width. Pure functions of their arguments (no locale, no terminal, no environment), safe to call
// from any thread. The Unicode data is ICU's: ASCII text never reaches ICU, and the one costly
// part, the transliterator behind fold_for_match, is created once per process and only when a
// text needs it.
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

// `text` in Unicode Normalization Form C: a name typed or imported in decomposed form
// ("Jose\u0301") is stored composed ("Jos\u00e9"), so that equal names are equal bytes.
// ASCII comes back unchanged. REQUIRES: valid UTF-8 (invalid text comes back unchanged).
std::string to_nfc(std::string_view text);

// A key for matching names across case, accents, Unicode normalisation and scripts: two texts
// that a person would call the same name give the same key. In order:
//  - compatibility forms, case and default-ignorable characters are folded away (ICU's
//    NFKC_Casefold: "ﬁ" -> "fi", "Ｊｏｓｅ" -> "jose", zero-width joiners dropped), then accents
//    (nonspacing and enclosing marks after canonical decomposition), so NFC, NFD and NFKC forms
//    of a text give one key: "José Núñez" -> "jose nunez", "Straße" -> "strasse";
//  - the Latin letters without a decomposition become ASCII ("Łukasz" -> "lukasz", "Ørsted" ->
//    "orsted", "Þór" -> "thor", "Æsir" -> "aesir"), as ICU's Latin-ASCII writes them;
//  - letters of other scripts are written in Latin ASCII where ICU can (Greek by UNGEGN,
//    Russian by BGN, the rest by ICU's Any-Latin, Han by its Mandarin reading): "Дмитрий
//    Иванов" -> "dmitriy ivanov", "Ελένη" -> "eleni", "王小明" -> "wang xiao ming";
//  - apostrophes and the modifier letters written for them are dropped: ' ` ‘ ’ ‛ ′ and
//    U+02B9..U+02BF (ʹ ʺ ʻ ʼ ʽ ʾ ʿ, which BGN writes for ь and ъ): "O'Connor" -> "oconnor",
//    "Игорь" -> "igor";
//  - private-use characters are dropped (ICU's Indic transliterators leave some behind);
//  - runs of white space (any Unicode White_Space) become one ASCII space; the key is trimmed.
// Everything else (digits, punctuation, symbols, emoji, letters ICU cannot transliterate) is
// kept as NFKC_Casefold left it (an emoji sequence loses its joiners and selectors). The key
// is valid UTF-8 and folding is idempotent: fold_for_match(fold_for_match(x)) ==
// fold_for_match(x). Keys are stored (contacts.name_key): a change to this contract needs a
// migration that recomputes them.
// Cost: ASCII text is folded without ICU; text whose only non-ASCII letters are Latin ones
// never creates the transliterator; the first text that does need it pays for its creation
// (tens of milliseconds; the first Han text over a hundred more, for the reading table).
// REQUIRES: valid UTF-8 (each invalid sequence becomes U+FFFD).
std::string fold_for_match(std::string_view text);

// Names the folding fold_for_match does: ICU's version and kith's rules ("icu-72.1 kith-1"). A
// key stored under another folding may differ from the key folded now.
std::string_view fold_version();

// True when the letters of `text` are all in the Latin script (or it has none): "José",
// "Nguyễn" are; "Дмитрий", "Ελένη", "王小明" are not. REQUIRES: valid UTF-8.
bool written_in_latin(std::string_view text);

// Columns `text` occupies in a terminal, summed over its grapheme clusters (what a reader
// sees as one character: a base with its marks, a Hangul syllable written in jamo, an emoji
// sequence). An emoji cluster is 2 columns: one whose first code point has Emoji_Presentation
// (a waving hand, a thumbs up with a skin tone, a flag, a family joined with U+200D), one that
// asks for emoji presentation with U+FE0F (a heart, a keycap), or one that joins a pictograph
// to others with U+200D. Any other cluster is the sum of its code points: East Asian Wide and
// Fullwidth 2, Emoji_Presentation 2; nonspacing and enclosing marks, format characters (Cf),
// default-ignorable code points, Hangul medial vowels and final consonants, and control
// characters 0; everything else, an invalid byte included, 1.
int display_width(std::string_view text);

// `text` when it fits in `width` columns; otherwise cut to at most `width` columns and ending
// in "…" (empty when `width` is below 1). Never splits a grapheme cluster, hence never a UTF-8
// sequence, a wide character or an emoji sequence.
std::string truncate_to_width(std::string_view text, int width);

// `text` followed by spaces up to `width` columns (unchanged if already wider).
std::string pad_to_width(std::string_view text, int width);

// `text` with ASCII letters in lowercase / uppercase; other bytes unchanged.
std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);

// `text` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

// True when `text` shows nothing: it is empty or holds only white space (Unicode White_Space:
// ASCII spaces, U+00A0, U+3000, ...) and default-ignorable code points (zero-width spaces and
// joiners, U+FEFF, soft hyphens, the Hangul fillers). A name or a summary like that is as good
// as empty. REQUIRES: valid UTF-8 (an invalid byte counts as visible).
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
