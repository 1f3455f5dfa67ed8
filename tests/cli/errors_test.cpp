// End-to-end: every bad input gets one line on stderr naming it, the documented exit code,
// nothing on stdout, and a database exactly as it was.
#include <catch2/catch.hpp>

#include "cli/harness.hpp"

namespace kith::test {
namespace {

struct BadInput {
  std::string label;
  std::vector<std::string> args;
  int code;
  std::string names;  // the error line must contain this
};

// A small network with two Adas, so that "ada" is ambiguous.
void seed(const Sandbox& box) {
  box.ok({"add", "Ada Lovelace", "--type", "mentor", "--note", "private: her health"});
  box.ok({"add", "Ada Yonath", "--type", "peer"});
  box.ok({"add", "Grace Hopper", "--type", "sponsor", "--tag", "navy"});
  box.ok({"log", "grace", "Coffee at the yard", "--on", "2026-11-01", "--via", "coffee"});
}

void check_rejected(const Sandbox& box, const BadInput& bad) {
  std::string before = box.dump();
  Outcome o = box.kith(bad.args);
  INFO("stderr: " << o.err);
  CHECK(o.code == bad.code);
  CHECK(o.out.empty());
  CHECK(line_count(o.err) == 1);
  CHECK(o.err.rfind("kith: ", 0) == 0);
  CHECK(o.err.find(bad.names) != std::string::npos);
  CHECK(o.err.find("her health") == std::string::npos);
  CHECK(box.dump() == before);
}

}  // namespace

TEST_CASE("bad input is refused with its exit code and one line, changing nothing",
          "[errors]") {
  Sandbox box;
  seed(box);
  const std::vector<BadInput> cases = {
      {"unknown option", {"add", "Bob", "--colour", "red"}, 2, "--colour"},
      {"unknown command", {"frobnicate"}, 2, "frobnicate"},
      {"no command", {}, 2, "no command"},
      {"unknown type", {"add", "Bob", "--type", "wizard"}, 2, "unknown type 'wizard'"},
      {"bad type name", {"add", "Bob", "--type", "9lives"}, 2, "'9lives'"},
      {"empty name", {"add", ""}, 2, "empty"},
      {"whitespace name", {"add", "   "}, 2, "empty"},
      {"name with control characters", {"add", "Bob\x1b[31m"}, 2, "control characters"},
      {"invalid UTF-8 name", {"add", "Bob\xff"}, 2, "UTF-8"},
      {"circle zero", {"add", "Bob", "--circle", "0"}, 2, "circle 0"},
      {"circle four", {"add", "Bob", "--circle", "4"}, 2, "circle 4"},
      {"circle not a number", {"add", "Bob", "--circle", "inner"}, 2, "inner"},
      {"impossible birthday", {"add", "Bob", "--birthday", "2025-02-30"}, 2, "2025-02-30"},
      {"birthday in another layout", {"add", "Bob", "--birthday", "13/01/1990"}, 2, "13/01/1990"},
      {"birthday in the future", {"add", "Bob", "--birthday", "2030-01-01"}, 2, "2030-01-01"},
      {"bad cadence", {"add", "Bob", "--every", "soon"}, 2, "'soon'"},
      {"zero cadence", {"add", "Bob", "--every", "0d"}, 2, "'0d'"},
      {"bad email", {"add", "Bob", "--email", "bob-at-example"}, 2, "bob-at-example"},
      {"bad phone", {"add", "Bob", "--phone", "call me"}, 2, "call me"},
      {"bad tag", {"add", "Bob", "--tag", "two words"}, 2, "two words"},
      {"ambiguous introducer", {"add", "Bob", "--met-via", "ada"}, 3, "Ada Lovelace (#1)"},
      {"bad --today", {"--today", "2026-13-01", "list"}, 2, "2026-13-01"},
      {"bad --color", {"--color", "sometimes", "list"}, 2, "sometimes"},
      {"unknown WHO for show", {"show", "nobody"}, 3, "'nobody'"},
      {"unknown id for show", {"show", "99"}, 3, "'99'"},
      {"ambiguous WHO for show", {"show", "ada"}, 3, "Ada Yonath (#2)"},
      {"unknown WHO for edit", {"edit", "nobody", "--org", "X"}, 3, "'nobody'"},
      {"ambiguous WHO for edit", {"edit", "ada", "--org", "X"}, 3, "matches 2 contacts"},
      {"edit without changes", {"edit", "grace"}, 2, "nothing to change"},
      {"edit removing a missing type", {"edit", "grace", "--no-type", "peer"}, 2, "peer"},
      {"edit to an empty name", {"edit", "grace", "--name", " "}, 2, "empty"},
      {"edit with a bad type", {"edit", "grace", "--type", "wizard"}, 2, "wizard"},
      {"archive unknown", {"archive", "nobody"}, 3, "nobody"},
      {"rm without --yes", {"rm", "grace"}, 2, "--yes"},
      {"rm ambiguous", {"rm", "ada", "--yes"}, 3, "matches 2 contacts"},
      {"types set unknown", {"types", "set", "wizard", "--weight", "2"}, 3, "wizard"},
      {"types set weight out of range", {"types", "set", "peer", "--weight", "9"}, 2, "9"},
      {"types set nothing", {"types", "set", "peer"}, 2, "nothing to change"},
      {"types add existing", {"types", "add", "mentor"}, 2, "already exists"},
      {"types add bad cadence", {"types", "add", "friend", "--every", "weekly"}, 2, "weekly"},
      {"log unknown person", {"log", "nobody", "Lunch"}, 3, "'nobody'"},
      {"log ambiguous person", {"log", "ada", "Lunch"}, 3, "matches 2 contacts"},
      {"log one unknown among several", {"log", "grace", "nobody", "Lunch"}, 3, "'nobody'"},
      {"log in the future", {"log", "grace", "Lunch", "--on", "2026-11-23"}, 2, "future"},
      {"log bad date", {"log", "grace", "Lunch", "--on", "2026-02-30"}, 2, "2026-02-30"},
      {"log bad channel", {"log", "grace", "Lunch", "--via", "pigeon"}, 2, "pigeon"},
      {"log weight too high", {"log", "grace", "Lunch", "--weight", "6"}, 2, "weight 6"},
      {"log weight zero", {"log", "grace", "Lunch", "--weight", "0"}, 2, "weight 0"},
      {"log empty summary", {"log", "grace", "  "}, 2, "empty summary"},
      {"log no summary", {"log", "grace"}, 2, "SUMMARY"},
      {"log gave and received", {"log", "grace", "Lunch", "--gave", "--received"}, 2, "exclude"},
      {"log --next in the past", {"log", "grace", "Lunch", "--next", "-3d", "Call"}, 2, "past"},
      {"log --next bad date", {"log", "grace", "Lunch", "--next", "someday", "Call"}, 2, "someday"},
      {"history unknown person", {"history", "nobody"}, 3, "nobody"},
      {"history bad since", {"history", "--since", "last winter"}, 2, "last winter"},
      {"balance unknown person", {"balance", "nobody"}, 3, "nobody"},
      {"find nothing", {"find", "  "}, 2, "empty search"},
      {"list unknown type", {"list", "--type", "wizard"}, 2, "wizard"},
  };
  // One database for all: each case must leave it exactly as it was for the next.
  for (const auto& bad : cases) {
    INFO("case: " << bad.label);
    check_rejected(box, bad);
  }
}

TEST_CASE("an error never prints a contact's private note", "[errors]") {
  Sandbox box;
  seed(box);
  Outcome o = box.kith({"edit", "lovelace", "--note", std::string("still private\x01")});
  CHECK(o.code == 2);
  CHECK(o.err == "kith: invalid note: it contains control characters\n");
}

TEST_CASE("a name with terminal escapes is shown escaped in the error", "[errors]") {
  Sandbox box;
  Outcome o = box.kith({"show", "x\x1b]0;pwned\x07"});
  CHECK(o.code == 3);
  CHECK(o.err == "kith: no contact matches 'x\\x1b]0;pwned\\x07'\n");
}

}  // namespace kith::test
