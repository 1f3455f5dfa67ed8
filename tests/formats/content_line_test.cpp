// Escaping and folding of vCard and iCalendar content lines.
#include "formats/content_line.hpp"

#include <catch2/catch.hpp>

namespace kith::formats {

TEST_CASE("text values escape backslash, comma, semicolon and newlines", "[formats]") {
  CHECK(escape_text("plain") == "plain");
  CHECK(escape_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
  CHECK(escape_text("one\ntwo\r\nthree") == "one\\ntwo\\nthree");
}

TEST_CASE("parameter values are quoted unless plain tokens, with RFC 6868 carets", "[formats]") {
  CHECK(param_value("work-anniversary") == "work-anniversary");
  CHECK(param_value("work anniversary") == "\"work anniversary\"");
  CHECK(param_value("a:b;c,d") == "\"a:b;c,d\"");
  CHECK(param_value("say \"hi\"^") == "\"say ^'hi^'^^\"");
}

TEST_CASE("a short line is one line ending in CRLF", "[formats]") {
  CHECK(fold("FN:Ada") == "FN:Ada\r\n");
  std::string exactly(75, 'x');
  CHECK(fold(exactly) == exactly + "\r\n");
}

TEST_CASE("long lines fold at 75 octets, continuation lines starting with a space", "[formats]") {
  std::string line(200, 'a');
  std::string folded = fold(line);
  std::string expected = std::string(75, 'a') + "\r\n " + std::string(74, 'a') + "\r\n " +
                         std::string(51, 'a') + "\r\n";
  CHECK(folded == expected);
}

TEST_CASE("folding never splits a UTF-8 sequence", "[formats]") {
  // 74 ASCII octets, then 'é' (2 octets) straddles the 75-octet boundary.
  std::string line = std::string(74, 'a') + "\xC3\xA9" + "b";
  CHECK(fold(line) == std::string(74, 'a') + "\r\n \xC3\xA9" + "b\r\n");
  // Every physical line of a long CJK text is at most 75 octets and valid on its own.
  std::string cjk;
  for (int i = 0; i < 60; ++i) cjk += "\xE5\xB1\xB1";  // 山, 3 octets
  std::string folded = fold("NOTE:" + cjk);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    std::string physical = folded.substr(start, end - start);
    CAPTURE(physical);
    CHECK(physical.size() <= 75);
    std::string content = start == 0 ? physical : physical.substr(1);
    CHECK((static_cast<unsigned char>(content[0]) & 0xC0) != 0x80);
    start = end + 2;
  }
}

}  // namespace kith::formats
