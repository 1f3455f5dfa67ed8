// UTF-8 text: validation, folding for name matching, terminal display width, the edit
// distance behind "did you mean", and ids as people write them.
#include "kith/text.hpp"

#include <catch2/catch.hpp>

namespace kith {

TEST_CASE("well-formed UTF-8 is valid and malformed sequences are not", "[text]") {
  for (std::string ok :
       {"", "ascii", "José Núñez", "山田 太郎", "👋🏽", "Ελένη", "Ёжик", "\xF4\x8F\xBF\xBF"}) {
    CAPTURE(ok);
    CHECK(is_valid_utf8(ok));
  }
  for (std::string bad : {"\xC0\xAF",          // overlong '/'
                          "\xE0\x80\xAF",      // overlong, three bytes
                          "\xED\xA0\x80",      // a UTF-16 surrogate
                          "\xF4\x90\x80\x80",  // past U+10FFFF
                          "\xC3",              // truncated
                          "a\x80z",            // lone continuation byte
                          "\xFF\xFE",
                          // Found by fuzz_text: F5-FF were read as three-byte leads.
                          "\xFF\xBF\x92", "\xF8\x88\x80\x80", "\xF5\x80\x80\x80"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_valid_utf8(bad));
  }
}

TEST_CASE("folding ignores case and accents so that jose finds José Núñez", "[text]") {
  struct Case {
    std::string text;
    std::string folded;
  };
  for (const auto& c : std::vector<Case>{
           {"José Núñez", "jose nunez"},
           {"FRANÇOIS", "francois"},
           {"Straße", "strasse"},
           {"Łukasz Wiśniewski", "lukasz wisniewski"},
           {"Ørsted", "orsted"},
           {"Søren Kierkegaard", "soren kierkegaard"},
           {"Ondřej Dvořák", "ondrej dvorak"},
           {"Zoë", "zoe"},
           {"Æsir", "aesir"},
           {"Œuvre", "oeuvre"},
           {"Þór", "thor"},
           {"ÉLODIE", "elodie"},
           {"Jose\xCC\x81", "jose"},  // NFD: e + combining acute
           {"  Ada   Lovelace ", "ada lovelace"},
           {"山田 太郎", "山田 太郎"},
           {"ΕΛΕΝΗ", "ελενη"},
           {"ЁЖИК", "ежик"},
           {"O'Connor", "o'connor"},
           // Found by fuzz_text: a mark after a space left a space at the end of the key.
           {"Ada \xCC\x81", "ada"},
           {"Ada \xCC\x81 Lovelace", "ada lovelace"},
       }) {
    CAPTURE(c.text);
    CHECK(fold_for_match(c.text) == c.folded);
  }
}

TEST_CASE("display width counts wide characters twice and marks as nothing", "[text]") {
  struct Case {
    std::string text;
    int width;
  };
  for (const auto& c : std::vector<Case>{
           {"", 0},
           {"Ada", 3},
           {"José Núñez", 10},
           {"山田太郎", 8},
           {"山田 太郎", 9},
           {"이수진", 6},
           {"👋", 2},
           {"Jose\xCC\x81", 4},
           {"ｆｕｌｌ", 8},
           {"a\x1b", 1},
           {"Ελένη", 5},
           {"\xE2\x80\x8B", 0},
           // Emoji sequences are one picture, two columns wide.
           {"👩‍🚀", 2},
           {"👩‍🚀 Astro", 8},
           {"👍🏽", 2},
           {"❤️", 2},
           {"❤", 1},
           {"🇫🇷", 2},
           {"🇫🇷🇩🇪", 4},
           {"👨‍👩‍👧‍👦", 2},
           {"1️⃣", 2},
       }) {
    CAPTURE(c.text);
    CHECK(display_width(c.text) == c.width);
  }
}

TEST_CASE("truncation never exceeds the width nor splits a character", "[text]") {
  CHECK(truncate_to_width("Ada Lovelace", 20) == "Ada Lovelace");
  CHECK(truncate_to_width("Ada Lovelace", 6) == "Ada L…");
  CHECK(truncate_to_width("山田太郎", 5) == "山田…");
  CHECK(truncate_to_width("山田太郎", 6) == "山田…");
  CHECK(truncate_to_width("José Núñez", 4) == "Jos…");
  CHECK(truncate_to_width("abc", 0) == "");
  CHECK(truncate_to_width("👩‍🚀👩‍🚀👩‍🚀", 5) ==
        "👩‍🚀👩‍🚀…");  // never half a joined picture
  for (int width = 1; width < 12; ++width) {
    for (std::string text :
         {"José Núñez", "山田 太郎 👋", "Ada Lovelace", "👩‍🚀👍🏽🇫🇷 x"}) {
      CAPTURE(text, width);
      std::string cut = truncate_to_width(text, width);
      CHECK(display_width(cut) <= width);
      CHECK(is_valid_utf8(cut));
    }
  }
}

TEST_CASE("padding reaches the width by display columns", "[text]") {
  CHECK(pad_to_width("山田", 6) == "山田  ");
  CHECK(pad_to_width("José", 6) == "José  ");
  CHECK(pad_to_width("too wide", 3) == "too wide");
}

TEST_CASE("trim removes surrounding whitespace only", "[text]") {
  CHECK(trim("  a b \t\n") == "a b");
  CHECK(trim("") == "");
  CHECK(trim(" \t ") == "");
}

TEST_CASE("control characters are found, tab and newline allowed", "[text]") {
  CHECK(has_control_chars("a\x01"));
  CHECK(has_control_chars("a\x1b[31m"));
  CHECK(has_control_chars("a\x7f"));
  CHECK(has_control_chars("a\xC2\x85"));  // C1 NEL
  CHECK(has_control_chars(std::string("a\0b", 3)));
  CHECK_FALSE(has_control_chars("line\nnext\ttab"));
  CHECK_FALSE(has_control_chars("José 山田 👋"));
}

TEST_CASE("text of only spaces and invisible characters is blank", "[text]") {
  for (std::string blank : {"", " ", " \t\n ", "\xC2\xA0",  // no-break space
                            "\xE3\x80\x80",                 // ideographic space
                            "\xE2\x80\x8B\xE2\x80\x8D",     // zero-width space and joiner
                            "\xEF\xBB\xBF", "\xE2\x80\xAF \xE2\x81\x9F"}) {
    CAPTURE(blank);
    CHECK(is_blank(blank));
  }
  for (std::string shown : {"a", " . ", "\xC2\xA0x", "山", "👋", "\xFF"}) {
    CAPTURE(shown);
    CHECK_FALSE(is_blank(shown));
  }
}

TEST_CASE("the edit distance counts inserts, deletes, replacements and swaps of neighbours",
          "[text]") {
  struct Case {
    std::string a, b;
    std::size_t distance;
  };
  for (const auto& c : std::vector<Case>{{"", "", 0},
                                         {"list", "list", 0},
                                         {"", "log", 3},
                                         {"lsit", "list", 1},
                                         {"--wieght", "--weight", 1},
                                         {"shw", "show", 1},
                                         {"remnd", "remind", 1},
                                         {"kitten", "sitting", 3},
                                         {"ab", "ba", 1},
                                         {"abc", "ca", 3},
                                         {"List", "list", 1},
                                         {"José", "Jose", 1},
                                         {"山田", "山本", 1},
                                         {"a\xff", "a\xfe", 1},
                                         {"a\xff", "a\xff", 0}}) {
    CAPTURE(c.a, c.b);
    CHECK(edit_distance(c.a, c.b) == c.distance);
    CHECK(edit_distance(c.b, c.a) == c.distance);
  }
}

TEST_CASE("closest suggests the nearest candidates within the distance, in the order given",
          "[text]") {
  const std::vector<std::string> commands = {"report", "plan", "add",  "log",  "remind",
                                             "list",   "ls",   "show", "help", "rm"};
  using List = std::vector<std::string>;
  CHECK(closest("lsit", commands, 2) == List{"list"});
  CHECK(closest("shwo", commands, 2) == List{"show"});
  CHECK(closest("reprot", commands, 2) == List{"report"});
  CHECK(closest("frobnicate", commands, 2).empty());
  CHECK(closest("lo", commands, 1) == List{"log", "ls"});  // ties: all of them, in order
  CHECK(closest("list", commands, 2) == List{"list"});     // an exact match is the nearest
  CHECK(closest("xyz", commands, 0).empty());
  CHECK(closest("x", {}, 5).empty());
  CHECK(closest("ad", List{"add", "add"}, 1) == List{"add"});  // each once
}

TEST_CASE("an id is written 12 or #12 and nothing else is one", "[text]") {
  struct Case {
    std::string text;
    std::optional<std::int64_t> id;
  };
  for (const auto& c : std::vector<Case>{{"12", 12},
                                         {"#12", 12},
                                         {" #7 ", 7},
                                         {"007", 7},
                                         {"9223372036854775807", INT64_MAX},
                                         {"9223372036854775808", std::nullopt},
                                         {"99999999999999999999", std::nullopt},
                                         {"0", std::nullopt},
                                         {"#0", std::nullopt},
                                         {"-1", std::nullopt},
                                         {"+1", std::nullopt},
                                         {"12a", std::nullopt},
                                         {"1 2", std::nullopt},
                                         {"#", std::nullopt},
                                         {"#x", std::nullopt},
                                         {"# 12", std::nullopt},
                                         {"##12", std::nullopt},
                                         {"", std::nullopt},
                                         {"grace", std::nullopt}}) {
    CAPTURE(c.text);
    CHECK(parse_id(c.text) == c.id);
  }
}

}  // namespace kith
