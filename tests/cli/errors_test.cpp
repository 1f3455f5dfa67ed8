// End-to-end: every bad input gets one line on stderr naming it, the documented exit code,
// nothing on stdout, and a database exactly as it was.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <map>

#include "cli/harness.hpp"

namespace kith::test {
namespace fs = std::filesystem;
namespace {

struct BadInput {
  std::string label;
  std::vector<std::string> args;
  int code;
  std::string names;                            // the error line must contain this
  std::map<std::string, std::string> env = {};  // extra environment for this run
  bool raw = false;                             // args as given: no --db or --today added
  std::string secret = {};                      // private text the error must not contain
  bool as_nobody = false;  // run as an unprivileged user when the tests run as root
};

constexpr uid_t kNobody = 65534;

// Runs the case: as the current user, or as nobody (through setpriv) when it asks for file
// permissions to apply and the tests run as root, who ignores them.
Outcome run_case(const Sandbox& box, const BadInput& bad) {
  if (!bad.as_nobody || ::geteuid() != 0) return bad.raw ? box.raw(bad.args) : box.kith(bad.args);
  std::vector<std::string> argv = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                                   "--clear-groups",   KITH_BINARY,     "--db",
                                   box.db().string(),  "--today",       box.today};
  argv.insert(argv.end(), bad.args.begin(), bad.args.end());
  return run_process(argv, {{"PATH", "/usr/bin:/bin"}, {"LC_ALL", "C"}});
}

// A small network with two Adas, so that "ada" is ambiguous.
void seed(const Sandbox& box) {
  box.ok({"add", "Ada Lovelace", "--type", "mentor", "--note", "private: her health"});
  box.ok({"add", "Ada Yonath", "--type", "peer"});
  box.ok({"add", "Grace Hopper", "--type", "sponsor", "--tag", "navy"});
  box.ok({"log", "grace", "Coffee at the yard", "--on", "2026-11-01", "--via", "coffee"});
}

// The seed, plus an open promise (#1) and a reminder already done (#2).
void seed_with_reminders(const Sandbox& box) {
  seed(box);
  box.ok({"remind", "grace", "Send the deck", "--on", "friday", "--promise"});
  box.ok({"remind", "Renew the badge", "--on", "today"});
  box.ok({"done", "2"});
}

// No error line is longer than this, whatever the size of the input it names.
constexpr std::size_t kMaxErrorLine = 1200;

void check_rejected(Sandbox& box, const BadInput& bad) {
  std::string before = box.dump();
  auto saved_env = box.env;
  for (const auto& [k, v] : bad.env) box.env[k] = v;
  Outcome o = run_case(box, bad);
  box.env = saved_env;
  INFO("stderr: " << o.err.substr(0, 2000));
  CHECK(o.code == bad.code);
  CHECK(o.out.empty());
  CHECK(line_count(o.err) == 1);
  CHECK(o.err.rfind("kith: ", 0) == 0);
  CHECK(o.err.size() <= kMaxErrorLine);
  CHECK(o.err.find(bad.names) != std::string::npos);
  CHECK(o.err.find("her health") == std::string::npos);
  if (!bad.secret.empty()) CHECK(o.err.find(bad.secret) == std::string::npos);
  CHECK(box.dump() == before);
}

void check_all_rejected(Sandbox& box, const std::vector<BadInput>& cases) {
  // One database for all: each case must leave it exactly as it was for the next.
  for (const auto& bad : cases) {
    INFO("case: " << bad.label);
    check_rejected(box, bad);
  }
}

}  // namespace

TEST_CASE("bad input is refused with its exit code and one line, changing nothing", "[errors]") {
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
  check_all_rejected(box, cases);
}

// Arguments can carry at most 128 KiB each on Linux (MAX_ARG_STRLEN), so the largest text a
// command line can hand kith is just under that; a 1 MB note can only come from a file.
const std::string kHuge(100 * 1024, 'x');
const std::string kHugeSpaces(100 * 1024, ' ');

TEST_CASE("hostile text is refused with one short line that never repeats private text",
          "[errors]") {
  Sandbox box;
  seed_with_reminders(box);
  const std::vector<BadInput> cases = {
      {"note of 100 KiB",
       {"add", "Bob", "--note", "Secret " + kHuge},
       2,
       "invalid note: longer than 64 KiB",
       {},
       false,
       "Secret"},
      {"summary of 100 KiB",
       {"log", "grace", "Secret " + kHuge},
       2,
       "invalid summary: longer than 64 KiB",
       {},
       false,
       "Secret"},
      {"reminder text of 100 KiB",
       {"remind", "grace", "Secret " + kHuge, "--on", "friday"},
       2,
       "invalid reminder text: longer than 64 KiB",
       {},
       false,
       "Secret"},
      {"name of 100 KiB", {"add", kHuge}, 2, "invalid name: longer than 200 bytes"},
      {"name of 100 KiB of spaces", {"add", kHugeSpaces}, 2, "it is empty"},
      {"name of no-break and ideographic spaces",
       {"add", "\xC2\xA0\xE3\x80\x80"},
       2,
       "it is empty"},
      {"name of zero-width spaces", {"add", "\xE2\x80\x8B\xE2\x80\x8B"}, 2, "it is empty"},
      {"summary of no-break spaces", {"log", "grace", "\xC2\xA0\xC2\xA0"}, 2, "empty summary"},
      {"reminder text of zero-width spaces",
       {"remind", "grace", "\xE2\x80\x8B", "--on", "friday"},
       2,
       "empty reminder text"},
      {"follow-up text of ideographic spaces",
       {"log", "grace", "Lunch", "--next", "friday", "\xE3\x80\x80"},
       2,
       "--next: empty text"},
      {"WHO of 100 KiB", {"show", kHuge}, 3, "no contact matches 'xxxx"},
      {"date of 100 KiB", {"log", "grace", "Lunch", "--on", kHuge}, 2, "invalid date 'xxxx"},
      {"duration of 100 KiB", {"add", "Bob", "--every", kHuge}, 2, "invalid duration 'xxxx"},
      {"email of 100 KiB",
       {"add", "Bob", "--email", kHuge + "@example.com"},
       2,
       "@example.com': expected name@domain"},
      {"note with a terminal escape",
       {"add", "Bob", "--note", "Secret\x1b[2J"},
       2,
       "invalid note: it contains control characters",
       {},
       false,
       "Secret"},
      {"note with invalid UTF-8",
       {"add", "Bob", "--note", "Secret \xff\xfe"},
       2,
       "invalid note: not valid UTF-8",
       {},
       false,
       "Secret"},
      {"note with a UTF-16 surrogate",
       {"add", "Bob", "--note", "Secret \xED\xA0\x80"},
       2,
       "invalid note: not valid UTF-8",
       {},
       false,
       "Secret"},
      {"summary with a carriage return",
       {"log", "grace", "Secret\rLunch"},
       2,
       "invalid summary: it contains control characters",
       {},
       false,
       "Secret"},
      {"summary with invalid UTF-8",
       {"log", "grace", "Secret \xC3"},
       2,
       "invalid summary: not valid UTF-8",
       {},
       false,
       "Secret"},
      {"reminder text with a bell",
       {"remind", "grace", "Secret\x07", "--on", "friday"},
       2,
       "invalid reminder text: it contains control characters",
       {},
       false,
       "Secret"},
      {"follow-up text with an escape",
       {"log", "grace", "Lunch", "--next", "friday", "Secret\x1b"},
       2,
       "invalid --next text: it contains control characters",
       {},
       false,
       "Secret"},
      {"organisation with a backspace",
       {"add", "Bob", "--org", "Secret\x08"},
       2,
       "invalid organisation: it contains control characters",
       {},
       false,
       "Secret"},
      {"title with invalid UTF-8",
       {"add", "Bob", "--title", "Secret \x80"},
       2,
       "invalid title: not valid UTF-8",
       {},
       false,
       "Secret"},
      {"learn text with DEL",
       {"add", "Bob", "--learn", "Secret\x7f"},
       2,
       "invalid learn text: it contains control characters",
       {},
       false,
       "Secret"},
      {"offer text with a C1 control",
       {"add", "Bob", "--offer", "Secret\xC2\x9B"},
       2,
       "invalid offer text: it contains control characters",
       {},
       false,
       "Secret"},
      {"edited note with an escape",
       {"edit", "grace", "--note", "Secret\x1b]0;x\x07"},
       2,
       "invalid note: it contains control characters",
       {},
       false,
       "Secret"},
      {"name with an overlong slash", {"add", "Bob\xC0\xAF"}, 2, "invalid name: not valid UTF-8"},
      {"name with a lead byte past F4",
       {"add", "Bob\xFF\xBF\x92"},
       2,
       "invalid name: not valid UTF-8"},
      {"name with a newline", {"add", "Bob\nSmith"}, 2, "control characters"},
      {"name with a tab", {"add", "Bob\tSmith"}, 2, "control characters"},
      // A bidirectional override or isolate makes a line read differently from what it holds.
      {"name with a right-to-left override",
       {"add", "Bob\xE2\x80\xAEnhoJ"},
       2,
       "invalid name: it contains bidirectional controls"},
      {"name with a first-strong isolate",
       {"add", "Bob\xE2\x81\xA8x"},
       2,
       "invalid name: it contains bidirectional controls"},
      {"new name with a left-to-right embedding",
       {"edit", "grace", "--name",
        "Gr\xE2\x80\xAA"
        "ace"},
       2,
       "invalid name: it contains bidirectional controls"},
      // Combining marks fold to nothing: such a name could never be found again.
      {"name of combining marks only",
       {"add", "\xCC\x81\xCC\x81\xCC\x88"},
       2,
       "invalid name: it has no letter, digit or symbol to find it by"},
      {"new name with invalid UTF-8",
       {"edit", "grace", "--name", "Gr\xE9"},
       2,
       "invalid name: not valid UTF-8"},
      {"introducer with control characters",
       {"add", "Bob", "--met-via", "Ada\x1b"},
       2,
       "invalid met-via: it contains control characters"},
      {"tag with invalid UTF-8", {"add", "Bob", "--tag", "na\xffvy"}, 2, "invalid tag"},
      {"date label with control characters", {"add", "Bob", "--date", "met\x01=01-01"}, 2, "label"},
      {"search with invalid UTF-8", {"find", "her\xff"}, 2, "invalid search: not valid UTF-8"},
      {"search with control characters",
       {"find", "her\x1b"},
       2,
       "invalid search: it contains control characters"},
      {"WHO with a SQL fragment", {"show", "' OR '1'='1"}, 3, "no contact matches"},
      {"WHO that is a LIKE wildcard", {"show", "%"}, 3, "no contact matches '%'"},
      {"WHO that is an underscore", {"edit", "_", "--org", "X"}, 3, "no contact matches '_'"},
      {"WHO with quotes", {"log", "\"grace\"", "Lunch"}, 3, "no contact matches '\"grace\"'"},
      {"WHO with a statement to drop a table",
       {"edit", "1; DROP TABLE contacts", "--org", "X"},
       3,
       "'1; DROP TABLE contacts'"},
      {"rm of a WHO with a statement",
       {"rm", "x'); DELETE FROM contacts; --", "--yes"},
       3,
       "no contact matches"},
      {"a number where a name goes", {"log", "999", "Lunch"}, 3, "no contact matches '999'"},
      {"a name where a reminder id goes", {"done", "grace"}, 2, "invalid reminder id 'grace'"},
      {"a name where a weight goes", {"log", "grace", "Lunch", "--weight", "heavy"}, 2, "heavy"},
      {"a name where a limit goes", {"history", "--limit", "ten"}, 2, "ten"},
      {"a name where a day count goes", {"plan", "--days", "week"}, 2, "week"},
      {"a statement where a circle goes",
       {"add", "Bob", "--circle", "1; DROP TABLE contacts"},
       2,
       "DROP TABLE"},
      {"a statement where a channel goes",
       {"log", "grace", "Lunch", "--via", "coffee'; DROP TABLE interactions;--"},
       2,
       "DROP TABLE interactions"},
      {"a statement where a type goes",
       {"add", "Bob", "--type", "mentor' OR '1'='1"},
       2,
       "invalid type name"},
      {"a statement where a duration goes",
       {"add", "Bob", "--every", "1d; DROP TABLE x"},
       2,
       "invalid duration"},
      {"a statement where an email goes",
       {"add", "Bob", "--email", "x'--@example.com; DROP"},
       2,
       "invalid email"},
      {"a huge number where a weight goes",
       {"log", "grace", "Lunch", "--weight", "99999999999999999999"},
       2,
       "99999999999999999999"},
      {"a huge reminder id",
       {"snooze", "99999999999999999999", "1w"},
       2,
       "invalid reminder id '99999999999999999999'"},
      {"a huge interaction id",
       {"unlog", "99999999999999999999"},
       2,
       "invalid interaction id '99999999999999999999'"},
      {"amended summary of 100 KiB",
       {"amend", "1", "--summary", "Secret " + kHuge},
       2,
       "invalid summary: longer than 64 KiB",
       {},
       false,
       "Secret"},
      {"amended summary with an escape",
       {"amend", "1", "--summary", "Secret\x1b[2J"},
       2,
       "invalid summary: it contains control characters",
       {},
       false,
       "Secret"},
      {"changed reminder text with a bell",
       {"change", "1", "--text", "Secret\x07"},
       2,
       "invalid reminder text: it contains control characters",
       {},
       false,
       "Secret"},
      {"a statement where an interaction id goes",
       {"amend", "1; DELETE FROM interactions", "--weight", "2"},
       2,
       "invalid interaction id"},
  };
  check_all_rejected(box, cases);
}

TEST_CASE("every command refuses bad arguments with its exit code and changes nothing",
          "[errors]") {
  Sandbox box;
  seed_with_reminders(box);
  const std::vector<BadInput> cases = {
      {"edit removing a missing tag", {"edit", "grace", "--no-tag", "army"}, 2, "no tag 'army'"},
      {"edit removing a missing email",
       {"edit", "grace", "--no-email", "g@example.org"},
       2,
       "no email 'g@example.org'"},
      {"edit removing a missing phone",
       {"edit", "grace", "--no-phone", "555 0100"},
       2,
       "no phone '555 0100'"},
      {"edit making someone their own introducer",
       {"edit", "grace", "--met-via", "grace"},
       2,
       "cannot introduce themselves"},
      {"edit with an ambiguous introducer",
       {"edit", "grace", "--met-via", "ada"},
       3,
       "--met-via: 'ada' matches 2 contacts"},
      {"edit with an impossible birthday", {"edit", "grace", "--birthday", "02-30"}, 2, "02-30"},
      {"edit with circle 7", {"edit", "grace", "--circle", "7"}, 2, "circle 7"},
      {"edit with a zero cadence", {"edit", "grace", "--every", "0w"}, 2, "'0w'"},
      {"edit of id 0", {"edit", "0", "--org", "X"}, 3, "no contact matches '0'"},
      {"archive ambiguous", {"archive", "ada"}, 3, "matches 2 contacts"},
      {"unarchive unknown", {"unarchive", "nobody"}, 3, "'nobody'"},
      {"rm unknown", {"rm", "nobody", "--yes"}, 3, "'nobody'"},
      {"rm of an empty WHO", {"rm", "", "--yes"}, 2, "empty contact name"},
      {"show of an empty WHO", {"show", ""}, 2, "empty contact name"},
      {"show of a huge id", {"show", "99999999999999999999"}, 3, "'99999999999999999999'"},
      {"show with two WHOs", {"show", "grace", "ada"}, 2, "ada"},
      {"history ambiguous", {"history", "ada"}, 3, "matches 2 contacts"},
      {"history --limit negative", {"history", "--limit", "-1"}, 2, "--limit -1"},
      {"history --since an impossible day",
       {"history", "--since", "2026-02-29"},
       2,
       "February 2026 has 28 days"},
      {"balance ambiguous", {"balance", "ada"}, 3, "matches 2 contacts"},
      {"balance of a blank WHO", {"balance", " "}, 2, "empty contact name"},
      {"find of only stars", {"find", "*"}, 2, "empty search"},
      {"find --limit 0", {"find", "grace", "--limit", "0"}, 2, "--limit 0"},
      {"reconnect --limit 0", {"reconnect", "--limit", "0"}, 2, "invalid --limit 0: expected 1"},
      {"reconnect --limit -1", {"reconnect", "--limit", "-1"}, 2, "invalid --limit -1"},
      {"reconnect --limit x", {"reconnect", "--limit", "x"}, 2, "invalid --limit 'x'"},
      {"reconnect --limit 1001", {"reconnect", "--limit", "1001"}, 2, "--limit 1001"},
      {"reconnect with an argument", {"reconnect", "sam"}, 2, "sam"},
      {"list --tag with a comma", {"list", "--tag", "a,b"}, 2, "'a,b'"},
      {"list --tag empty", {"list", "--tag", ""}, 2, "invalid tag"},
      {"list --type of two words", {"list", "--type", "a b"}, 2, "'a b'"},
      {"list with an argument", {"list", "grace"}, 2, "grace"},
      {"reminders of nobody", {"reminders", "nobody"}, 3, "nobody"},
      {"reminders with two people", {"reminders", "grace", "ada"}, 2, "ada"},
      {"types add of a 40-letter name", {"types", "add", std::string(40, 'a')}, 2, "at most 32"},
      {"types add with weight 0", {"types", "add", "friend", "--weight", "0"}, 2, "weight 0"},
      {"types set with a word for a cadence",
       {"types", "set", "peer", "--every", "weekly"},
       2,
       "'weekly'"},
      {"types with an unknown subcommand", {"types", "remove", "peer"}, 2, "remove"},
      {"types set without a type", {"types", "set"}, 2, "missing TYPE"},
      {"dates --ahead 367", {"dates", "--ahead", "367"}, 2, "--ahead 367"},
      {"dates --ahead a word", {"dates", "--ahead", "month"}, 2, "month"},
      {"report --ahead -1", {"report", "--ahead", "-1"}, 2, "--ahead -1"},
      {"report --limit 1001", {"report", "--limit", "1001"}, 2, "--limit 1001"},
      {"report with an argument", {"report", "today"}, 2, "today"},
      {"plan --days 367", {"plan", "--days", "367"}, 2, "--days 367"},
      {"plan --type empty", {"plan", "--type", ""}, 2, "invalid type name ''"},
      {"plan with an argument", {"plan", "grace"}, 2, "grace"},
      {"remind --on beyond the supported dates",
       {"remind", "x", "--on", "2201-01-01"},
       2,
       "2201-01-01"},
      {"remind --in over 100 years", {"remind", "x", "--in", "101y"}, 2, "at most 100 years"},
      {"remind --every 0w", {"remind", "x", "--on", "friday", "--every", "0w"}, 2, "'0w'"},
      {"remind --promise to an unknown person",
       {"remind", "nobody", "x", "--on", "friday", "--promise"},
       3,
       "'nobody'"},
      {"snooze --to a word", {"snooze", "1", "--to", "someday"}, 2, "'someday'"},
      {"snooze by 0d", {"snooze", "1", "0d"}, 2, "'0d'"},
      {"snooze a done reminder to a day", {"snooze", "2", "--to", "friday"}, 2, "already done"},
      {"done with a hash and letters", {"done", "#x"}, 2, "'#x'"},
      {"done of id 0", {"done", "0"}, 2, "'0'"},
      {"log --on before 1900",
       {"log", "grace", "Lunch", "--on", "1899-12-31"},
       2,
       "from 1900 to 2200"},
      {"log --on an offset past the limit",
       {"log", "grace", "Lunch", "--on", "101y ago"},
       2,
       "at most 100 years"},
      {"log --weight -1", {"log", "grace", "Lunch", "--weight", "-1"}, 2, "weight -1"},
      {"log --next in a layout of its own",
       {"log", "grace", "Lunch", "--next", "1/12", "Call"},
       2,
       "'1/12'"},
      {"log with a blank WHO", {"log", " ", "Lunch"}, 2, "empty contact name"},
      {"undo of an unknown change", {"undo", "999"}, 3, "no change #999"},
      {"undo of a word", {"undo", "last"}, 2, "invalid change id 'last'"},
      {"undo of an id with --list", {"undo", "1", "--list"}, 2, "not both"},
      {"undo --limit without --list", {"undo", "--limit", "3"}, 2, "--limit goes with --list"},
      {"undo --list --limit -1", {"undo", "--list", "--limit", "-1"}, 2, "--limit -1"},
      {"undo of a change a later one touched",
       {"undo", "3"},
       2,
       "cannot undo change #3 (add Grace Hopper) alone: change #4 (log with Grace Hopper on "
       "2026-11-01, 'Coffee at the yard') touched the same records since; undo that first"},
      {"redo with nothing undone", {"redo"}, 3, "nothing to redo"},
      // Correcting the record: interaction #1 is the coffee with Grace; reminder #1 an open
      // promise to her, #2 done.
      {"amend of an unknown id", {"amend", "99", "--weight", "2"}, 3, "no interaction #99"},
      {"amend into the future", {"amend", "1", "--on", "2026-11-23"}, 2, "in the future"},
      {"amend leaving nobody", {"amend", "1", "--without", "grace"}, 2, "would leave nobody"},
      {"amend without changes", {"amend", "1"}, 2, "nothing to change in #1"},
      {"amend to what it already is",
       {"amend", "1", "--via", "coffee", "--mutual"},
       2,
       "nothing to change: #1 already is as given"},
      {"amend with someone already in it",
       {"amend", "1", "--with", "grace"},
       2,
       "--with: Grace Hopper already took part in #1"},
      {"amend without someone not in it",
       {"amend", "1", "--without", "yonath"},
       2,
       "--without: Ada Yonath did not take part in #1"},
      {"amend with two directions",
       {"amend", "1", "--gave", "--received"},
       2,
       "--gave and --received exclude each other"},
      {"amend with an ambiguous person", {"amend", "1", "--with", "ada"}, 3, "matches 2 contacts"},
      {"amend with an unknown person", {"amend", "1", "--with", "nobody"}, 3, "'nobody'"},
      {"amend to a blank summary", {"amend", "1", "--summary", " "}, 2, "empty summary"},
      {"amend with a bad channel", {"amend", "1", "--via", "pigeon"}, 2, "pigeon"},
      {"amend with weight 6", {"amend", "1", "--weight", "6"}, 2, "weight 6"},
      {"amend of a name", {"amend", "grace", "--weight", "2"}, 2, "invalid interaction id 'grace'"},
      {"unlog of an unknown id", {"unlog", "99"}, 3, "no interaction #99"},
      {"unlog of id 0", {"unlog", "0"}, 2, "invalid interaction id '0'"},
      {"unlog of two ids", {"unlog", "1", "2"}, 2, "'2'"},
      {"cancel of an unknown id", {"cancel", "99"}, 3, "no reminder #99"},
      {"cancel of a done reminder",
       {"cancel", "2"},
       2,
       "reminder #2 is already done (on 2026-11-22)"},
      {"cancel of a name", {"cancel", "grace"}, 2, "invalid reminder id 'grace'"},
      {"change of an unknown id", {"change", "99", "--text", "x"}, 3, "no reminder #99"},
      {"change without changes", {"change", "1"}, 2, "nothing to change"},
      {"change of a done reminder", {"change", "2", "--text", "x"}, 2, "already done"},
      {"change into the past", {"change", "1", "--on", "2026-11-01"}, 2, "in the past"},
      {"change with a day and a duration",
       {"change", "1", "--on", "friday", "--in", "1w"},
       2,
       "not both"},
      {"change with a rhythm and --once",
       {"change", "1", "--every", "1w", "--once"},
       2,
       "not both"},
      {"change of a promise to nobody", {"change", "1", "--nobody"}, 2, "promise to nobody"},
      {"change about an unknown person", {"change", "1", "--about", "nobody"}, 3, "'nobody'"},
      {"change to a blank text", {"change", "1", "--text", " "}, 2, "empty reminder text"},
      {"change with a bad rhythm", {"change", "1", "--every", "0w"}, 2, "'0w'"},
      // One person, one record: Ada Lovelace #1, Ada Yonath #2, Grace Hopper #3.
      {"merge into itself",
       {"merge", "grace", "#3"},
       2,
       "cannot merge Grace Hopper (#3) into itself"},
      {"merge of one contact twice",
       {"merge", "grace", "yonath", "2"},
       2,
       "Ada Yonath (#2) is named twice ('2')"},
      {"merge of an unknown contact",
       {"merge", "grace", "nobody"},
       3,
       "no contact matches 'nobody'"},
      {"merge of an ambiguous name", {"merge", "grace", "ada"}, 3, "matches 2 contacts"},
      {"merge without OTHER", {"merge", "grace"}, 2, "OTHER"},
      {"merge with an unknown option", {"merge", "grace", "ada", "--force"}, 2, "--force"},
      // Every device, one network.
      {"sync without a folder", {"sync"}, 2, "kith sync needs a folder"},
      {"sync to a folder and a calendar at once",
       {"sync", "a", "--calendar", "b"},
       2,
       "one sync at a time"},
      {"sync to two folders", {"sync", "a", "b"}, 2, "'b'"},
      {"add of a contact's whole name",
       {"add", "grace  hopper"},
       2,
       "'grace  hopper' is already a contact: Grace Hopper (#3)"},
      {"add with a LinkedIn URL that is not a profile",
       {"add", "Zed", "--linkedin", "https://www.linkedin.com/company/acme"},
       2,
       "invalid --linkedin 'https://www.linkedin.com/company/acme': not a LinkedIn profile URL"},
      {"add with a blank other name", {"add", "Zed", "--aka", " "}, 2, "invalid --aka"},
      {"edit giving the name as another name",
       {"edit", "grace", "--aka", "GRACE HOPPER"},
       2,
       "'GRACE HOPPER' is Grace Hopper's name, not another name"},
      {"edit forgetting an unknown other name",
       {"edit", "grace", "--no-aka", "Amazing Grace"},
       2,
       "Grace Hopper has no other name 'Amazing Grace'"},
      {"edit forgetting a missing LinkedIn profile",
       {"edit", "grace", "--no-linkedin"},
       2,
       "Grace Hopper has no LinkedIn profile"},
      {"dupes with an argument", {"dupes", "grace"}, 2, "'grace'"},
  };
  check_all_rejected(box, cases);
}

TEST_CASE(
    "the daily loop refuses bad topics, --done, --covered, skips and meetings, changing "
    "nothing",
    "[errors][daily-loop]") {
  Sandbox box;
  seed_with_reminders(box);                           // promise #1 to Grace, reminder #2 done
  box.ok({"agenda", "grace", "Ask about the yard"});  // topic #3
  box.ok({"agenda", "yonath", "Crystallography questions"});         // topic #4
  box.ok({"remind", "yonath", "Send the paper", "--on", "friday"});  // #5
  box.ok({"remind", "Renew the passport", "--on", "friday"});        // #6, about nobody
  box.ok({"add", "Lin Wu"});                                         // no type, no cadence
  box.ok({"add", "Old Friend", "--type", "peer"});
  box.ok({"archive", "old friend"});
  const std::vector<BadInput> cases = {
      {"agenda with a blank topic", {"agenda", "grace", " "}, 2, "empty topic"},
      {"agenda of nobody", {"agenda", "nobody"}, 3, "'nobody'"},
      {"agenda of an ambiguous name", {"agenda", "ada", "x"}, 3, "matches 2 contacts"},
      {"agenda with three words", {"agenda", "grace", "a", "b"}, 2, "'b'"},
      {"covering a topic of someone else",
       {"log", "grace", "Coffee", "--covered", "4"},
       2,
       "#4 is about Ada Yonath, who is not in this log"},
      {"covering a reminder",
       {"log", "grace", "Coffee", "--covered", "1"},
       2,
       "not an agenda topic"},
      {"covering an unknown topic",
       {"log", "grace", "Coffee", "--covered", "99"},
       3,
       "no topic #99"},
      {"covering a word", {"log", "grace", "Coffee", "--covered", "some"}, 2, "'some'"},
      {"covering ids and all", {"log", "grace", "Coffee", "--covered", "3,all"}, 2, "not both"},
      {"--done of an unknown reminder", {"log", "grace", "Coffee", "--done", "99"}, 3, "#99"},
      {"--done of someone else's reminder",
       {"log", "grace", "Coffee", "--done", "5"},
       2,
       "#5 is about Ada Yonath, who is not in this log"},
      {"--done of a reminder about nobody",
       {"log", "grace", "Coffee", "--done", "6"},
       2,
       "kith done 6"},
      {"--done of a done reminder", {"log", "grace", "Coffee", "--done", "2"}, 2, "already done"},
      {"--done of a topic", {"log", "grace", "Coffee", "--done", "3"}, 2, "use --covered"},
      {"skip of someone without a cadence", {"skip", "lin"}, 2, "Lin Wu has no cadence"},
      {"skip of someone archived", {"skip", "old friend"}, 2, "Old Friend is archived"},
      {"skip of nobody", {"skip", "nobody"}, 3, "'nobody'"},
      {"skip with a control character", {"skip", "grace", "--note", "a\x01b"}, 2, "--note"},
      {"a meeting without a person",
       {"remind", "1:1", "--on", "friday", "--every", "1w", "--meeting"},
       2,
       "a meeting is with someone"},
      {"a meeting without a rhythm",
       {"remind", "grace", "1:1", "--on", "friday", "--meeting"},
       2,
       "--meeting needs --every"},
      {"a meeting that is a promise",
       {"remind", "grace", "1:1", "--on", "friday", "--every", "1w", "--meeting", "--promise"},
       2,
       "exclude each other"},
      {"snoozing a topic", {"snooze", "3", "1w"}, 2, "agenda topic"},
      {"giving a topic a day", {"change", "3", "--on", "friday"}, 2, "agenda topic"},
      {"a review whose since is after its until",
       {"review", "--since", "2026-11-30", "--until", "2026-11-01"},
       2,
       "invalid period: --since 2026-11-30 is after --until 2026-11-01"},
      {"a review since a day after today",
       {"review", "--since", "tomorrow"},
       2,
       "--since 2026-11-23 is after --until 2026-11-22"},
      {"a review since a bad date",
       {"review", "--since", "soon"},
       2,
       "--since: invalid date 'soon'"},
      {"a review until an impossible date",
       {"review", "--until", "2026-02-30"},
       2,
       "--until: invalid date '2026-02-30'"},
  };
  check_all_rejected(box, cases);
}

TEST_CASE("bad goal input is refused with one line and changes nothing", "[errors][goal]") {
  Sandbox box;
  seed(box);
  box.ok({"goal", "add", "Become a staff engineer", "--by", "2027-06-30"});
  box.ok({"goal", "link", "1", "grace", "--as", "sponsor"});
  box.ok({"goal", "add", "Ship the book", "--needs", "none"});
  box.ok({"goal", "done", "2"});
  const std::vector<BadInput> cases = {
      {"linking an unknown person", {"goal", "link", "1", "nobody"}, 3, "'nobody'"},
      {"linking an ambiguous name", {"goal", "link", "1", "ada"}, 3, "ada"},
      {"linking to an unknown goal", {"goal", "link", "9", "grace"}, 3, "no goal #9"},
      {"showing an unknown goal", {"goal", "9"}, 3, "no goal #9"},
      {"an unknown goal to mark done", {"goal", "done", "9"}, 3, "no goal #9"},
      {"dropping an unknown goal", {"goal", "drop", "9"}, 3, "no goal #9"},
      {"a goal id that is a word", {"goal", "link", "one", "grace"}, 2, "invalid goal id 'one'"},
      {"a bad --by date", {"goal", "add", "Talk", "--by", "someday"}, 2, "--by"},
      {"a bad --by date on change", {"goal", "change", "1", "--by", "2026-13-01"}, 2, "--by"},
      {"an unknown role",
       {"goal", "link", "1", "grace", "--as", "coach"},
       2,
       "unknown role 'coach'"},
      {"an unknown needed role", {"goal", "add", "Talk", "--needs", "coach"}, 2, "'coach'"},
      {"a role that is no name", {"goal", "add", "Talk", "--needs", "a b"}, 2, "--needs"},
      {"an empty goal text", {"goal", "add", "  "}, 2, "empty goal text"},
      {"an empty new text", {"goal", "change", "1", "--text", ""}, 2, "empty goal text"},
      {"--by and --no-by", {"goal", "change", "1", "--by", "friday", "--no-by"}, 2, "not both"},
      {"nothing to change", {"goal", "change", "1"}, 2, "nothing to change"},
      {"unlinking someone not linked", {"goal", "unlink", "1", "yonath"}, 2, "not linked"},
      {"a goal done twice", {"goal", "done", "2"}, 2, "already done"},
      {"a goal done in the future", {"goal", "done", "1", "--on", "tomorrow"}, 2, "future"},
      {"reopening an open goal", {"goal", "reopen", "1"}, 2, "open already"},
      {"linking as before",
       {"goal", "link", "1", "grace", "--as", "sponsor"},
       2,
       "nothing to change"},
      {"planning for an unknown goal", {"plan", "--goal", "9"}, 3, "no goal #9"},
      {"planning for a done goal", {"plan", "--goal", "2"}, 2, "goal #2 is done"},
      {"--all with an id", {"goal", "1", "--all"}, 2, "--all"},
  };
  check_all_rejected(box, cases);
}

TEST_CASE("bad global options and environment are refused and touch no database", "[errors]") {
  Sandbox box;
  seed(box);
  const std::string db = box.db().string();
  const std::string dir = box.dir().string();
  const std::vector<BadInput> cases = {
      {"--today empty", {"--today", "", "list"}, 2, "invalid --today ''"},
      {"--db empty",
       {"--db", "", "--today", "2026-11-22", "add", "X"},
       2,
       "invalid --db ''",
       {{"HOME", dir}},
       true},
      {"KITH_TODAY garbage",
       {"--db", db, "list"},
       2,
       "invalid KITH_TODAY: invalid date 'soon'",
       {{"KITH_TODAY", "soon"}},
       true},
      {"KITH_TODAY past the supported dates",
       {"--db", db, "add", "X"},
       2,
       "invalid KITH_TODAY: invalid date '2201-01-01'",
       {{"KITH_TODAY", "2201-01-01"}},
       true},
      {"KITH_TODAY with control characters",
       {"--db", db, "add", "X"},
       2,
       "'2026\\x01'",
       {{"KITH_TODAY", "2026\x01"}},
       true},
      {"--today before 1900", {"--today", "1899-12-31", "add", "X"}, 2, "'1899-12-31'"},
      {"--today an offset past the limit", {"--today", "101y", "add", "X"}, 2, "at most 100 years"},
      {"--db is a folder", {"--db", dir, "add", "X"}, 5, "'" + dir + "' is not a regular file"},
      {"--db is a device", {"--db", "/dev/null", "add", "X"}, 5, "is not a regular file"},
      {"--db below a file", {"--db", db + "/inner.db", "add", "X"}, 5, "Not a directory"},
      {"KITH_DB is a folder",
       {"--today", "2026-11-22", "list"},
       5,
       "is not a regular file",
       {{"KITH_DB", dir}},
       true},
      {"HOME is a relative path",
       {"--today", "2026-11-22", "list"},
       5,
       "HOME is not an absolute path ('relative')",
       {{"HOME", "relative"}},
       true},
      {"HOME is a file",
       {"--today", "2026-11-22", "add", "X"},
       5,
       "cannot create folder",
       {{"HOME", db}},
       true},
      {"XDG_DATA_HOME is a file",
       {"--today", "2026-11-22", "add", "X"},
       5,
       "cannot create folder",
       {{"XDG_DATA_HOME", db}},
       true},
      {"unknown global option", {"--verbose", "list"}, 2, "--verbose"},
      {"--color empty", {"--color", "", "list"}, 2, "--color"},
  };
  check_all_rejected(box, cases);
}

TEST_CASE("export -o never writes over the database or the files kith keeps beside it",
          "[errors]") {
  Sandbox box;
  seed(box);
  const fs::path dir = box.dir();
  const std::string db = box.db().string();
  fs::create_directory(dir / "sub");
  fs::create_symlink(box.db(), dir / "link.db");
  fs::create_hard_link(box.db(), dir / "sub" / "hard.db");
  fs::create_symlink(db + "-wal", dir / "link-to-wal");
  write_file(db + ".schema-1.bak", "a backup");
  const std::string own = "it is kith's own database";
  const std::string beside = "it is a file kith keeps beside its database '" + db + "'";
  auto refused = [](const std::string& label, const fs::path& target, const std::string& why) {
    return BadInput{label,
                    {"export", "-o", target.string()},
                    2,
                    "cannot write '" + target.string() + "': " + why};
  };
  const std::vector<BadInput> cases = {
      refused("the database", db, own),
      refused("the database spelt with ./", dir / "." / "kith.db", own),
      refused("the database spelt through ..", dir / "sub" / ".." / "kith.db", own),
      refused("a symlink to the database", dir / "link.db", own),
      refused("a hard link to the database", dir / "sub" / "hard.db", own),
      refused("its WAL, not there yet", db + "-wal", beside),
      refused("its shared memory", db + "-shm", beside),
      refused("its rollback journal", db + "-journal", beside),
      refused("its writers' lock", db + "-lock", beside),
      refused("its backup from before an upgrade", db + ".schema-1.bak", beside),
      refused("a symlink to its WAL", dir / "link-to-wal", beside),
      {"the database as a vCard", {"export", "--format", "vcard", "-o", db}, 2, own},
      {"the database when --db names it through a link",
       {"--db", (dir / "link.db").string(), "export", "-o", db},
       2,
       own},
      {"the backup as an import file",
       {"import", db + ".schema-1.bak"},
       4,
       db + ".schema-1.bak: cannot import it: it is a file kith keeps beside its database"},
  };
  check_all_rejected(box, cases);
  CHECK(read_file(db + ".schema-1.bak") == "a backup");
  CHECK(fs::is_symlink(dir / "link.db"));
  CHECK(fs::is_symlink(dir / "link-to-wal"));
  CHECK_FALSE(fs::exists(db + "-lock"));
  CHECK_FALSE(fs::exists(db + "-journal"));
  for (const char* wal : {"-wal", "-shm"}) {  // SQLite's, if there: never an export
    CHECK(read_file(db + wal).rfind("{", 0) == std::string::npos);
  }
}

// --- Import files -----------------------------------------------------------------------
// tests/cli/interop_test.cpp checks the exact error for the plainer bad files (cut in half,
// version 7, empty, random bytes, vCards without END, CSV without LinkedIn's header, a
// missing file, a folder, an unknown --format). The cases here are the hostile ones, with
// the catalogue's checks: one short line that never repeats private text from the file.

// A kith JSON document around `contacts` (records joined by commas).
std::string kith_json(const std::string& contacts) {
  return R"({"format": "kith", "version": 1, "types": [], "contacts": [)" + contacts +
         "], \"interactions\": [], \"reminders\": []}";
}

constexpr const char* kUuid = "0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10";

// One contact record with every required key, and `extra` keys after them.
std::string contact_record(const std::string& extra = "", const std::string& name = "\"Eve\"") {
  std::string record = std::string(R"({"uuid": ")") + kUuid + R"(", "name": )" + name +
                       R"(, "added_on": "2026-11-01", "created_at": "2026-11-01T10:00:00.000Z",)"
                       R"( "updated_at": "2026-11-01T10:00:00.000Z")";
  return record + (extra.empty() ? "" : ", " + extra) + "}";
}

struct BadFile {
  std::string label;
  std::string name;   // the file's name in the sandbox
  std::string bytes;  // what it holds
  std::vector<std::string> options;
  int code;
  std::string names;  // the error line must contain the file's path, then this
};

TEST_CASE("hostile import files are refused with one line that quotes nothing from them",
          "[errors][import]") {
  Sandbox box;
  seed(box);
  const std::string secret = "Secret";
  const std::string huge_note(1000 * 1000, 'n');  // 1 MB: under the 1 MiB bound on strings
  std::string sqlite_file = read_file(box.db());
  const std::vector<BadFile> files = {
      {"JSON that is Latin-1, not UTF-8",
       "latin1.json",
       kith_json(contact_record("\"note\": \"Secret Jos\xE9\"")),
       {},
       4,
       "not valid JSON at line 1, column 254: invalid string: ill-formed UTF-8 byte"},
      {"JSON with a raw NUL byte in a string",
       "nul.json",
       kith_json(contact_record(std::string("\"note\": \"Secret\0x\"", 17))),
       {},
       4,
       "not valid JSON at line 1, column 249: invalid string: control character U+0000 (NUL) "
       "must be escaped"},
      {"JSON with an escaped NUL in a note",
       "nul-escaped.json",
       kith_json(contact_record("\"note\": \"Secret\\u0000\"")),
       {},
       4,
       "contacts[0] (uuid 0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10): \"note\": invalid note: it "
       "contains control characters"},
      {"JSON followed by a NUL byte and a private note",
       "nul-after.json",
       kith_json(contact_record("\"note\": \"x\"")) + std::string("\0{\"note\": \"Secret\"}", 19),
       {},
       4,
       "a NUL byte after the JSON document: not a kith export"},
      {"vCard with NUL bytes",
       "nul.vcf",
       std::string("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve\0\0\r\nEND:VCARD\r\n", 42),
       {},
       4,
       "line 3: binary data (a NUL byte), not a vCard"},
      {"JSON cut off inside a private note",
       "cut.json",
       kith_json(contact_record("\"note\": \"Secret and more")).substr(0, 260),
       {},
       4,
       "not valid JSON at line 1, column 261: invalid string: missing closing quote"},
      {"100,000 nested arrays",
       "deep.json",
       std::string(100'000, '['),
       {},
       4,
       "not a kith export: the top is not a JSON object"},
      {"100,000 nested arrays inside a record",
       "deep-record.json",
       kith_json(contact_record("\"note\": " + std::string(100'000, '['))),
       {},
       4,
       "contacts[0]: nested deeper than 16 levels"},
      {"100,000 nested objects inside a record",
       "deep-objects.json",
       kith_json(contact_record("\"x\": " +
                                [] {
                                  std::string deep;
                                  for (int i = 0; i < 100'000; ++i) deep += "{\"a\":";
                                  return deep;
                                }())),
       {},
       4,
       "contacts[0]: nested deeper than 16 levels"},
      {"a duplicate section",
       "dup-section.json",
       R"({"format": "kith", "version": 1, "contacts": [], "contacts": []})",
       {},
       4,
       "duplicate key \"contacts\""},
      {"a duplicate key in a record",
       "dup-key.json",
       kith_json(contact_record("\"note\": \"Secret one\", \"note\": \"Secret two\"")),
       {},
       4,
       "contacts[0]: duplicate key \"note\""},
      {"a duplicate version",
       "dup-version.json",
       R"({"format": "kith", "version": 1, "version": 2, "contacts": []})",
       {},
       4,
       "duplicate key \"version\""},
      {"version as a string",
       "version-text.json",
       R"({"format": "kith", "version": "1", "contacts": []})",
       {},
       4,
       "unsupported kith export version \"1\" (expected 1)"},
      {"version zero",
       "version-0.json",
       R"({"format": "kith", "version": 0, "contacts": []})",
       {},
       4,
       "unsupported kith export version 0 (expected 1)"},
      {"version past 2^64",
       "version-huge.json",
       R"({"format": "kith", "version": 99999999999999999999999, "contacts": []})",
       {},
       4,
       "unsupported kith export version 9.999999999999999e+22 (expected 1)"},
      {"a number too large for a double",
       "huge-number.json",
       kith_json(contact_record("\"note\": \"Secret\", \"circle\": 1e400")),
       {},
       4,
       "contacts[0] (uuid 0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10): \"circle\": number out of "
       "range"},
      {"an integer of 400 digits",
       "long-integer.json",
       kith_json(contact_record("\"weight\": " + std::string(400, '9'))),
       {},
       4,
       "contacts[0] (uuid 0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10): \"weight\": number out of "
       "range"},
      {"a record whose name is null",
       "name-null.json",
       kith_json(contact_record("\"note\": \"Secret\"", "null")),
       {},
       4,
       "contacts[0] (uuid 0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10): missing \"name\""},
      {"a record whose name is only spaces",
       "name-blank.json",
       kith_json(contact_record("\"note\": \"Secret\"", "\" \\u00a0 \"")),
       {},
       4,
       "contacts[0] (uuid 0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10): \"name\": invalid name"},
      {"a record whose name is a number",
       "name-number.json",
       kith_json(contact_record("\"note\": \"Secret\"", "42")),
       {},
       4,
       "contacts[0] (uuid 0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10): \"name\": expected a string"},
      {"a 1 MB note in a record",
       "note-1mb.json",
       kith_json(contact_record("\"note\": \"Secret " + huge_note + "\"")),
       {},
       4,
       "contacts[0] (uuid 0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10): \"note\": invalid note: longer "
       "than 64 KiB"},
      {"a 2 MB note in a record",
       "note-2mb.json",
       kith_json(contact_record("\"note\": \"Secret " + huge_note + huge_note + "\"")),
       {},
       4,
       "contacts[0]: a string longer than 1 MiB"},
      {"a 2 MB key in a record",
       "key-2mb.json",
       kith_json(contact_record("\"" + huge_note + huge_note + "\": 1")),
       {},
       4,
       "contacts[0]: a key longer than 1 MiB"},
      {"a gzip-compressed export",
       "backup.json.gz",
       std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03Secret", 16),
       {},
       4,
       "not valid JSON at line 1, column 1: invalid literal"},
      {"the kith database itself",
       "kith-copy.db",
       sqlite_file,
       {},
       4,
       "not valid JSON at line 1, column 1: invalid literal"},
      {"a vCard's END without BEGIN",
       "end.vcf",
       "FN:Secret\r\nEND:VCARD\r\n",
       {},
       4,
       "line 1: expected BEGIN:VCARD"},
      {"kith's own CSV export as LinkedIn's",
       "kith.csv",
       "name,uuid,types,tags\r\nSecret,x,peer,\r\n",
       {},
       4,
       "no LinkedIn header"},
      {"a LinkedIn row of 2 MiB",
       "long.csv",
       "First Name,Last Name,URL\r\n\"Ada" + std::string(2 << 20, 'x') + "\",L,u\r\n",
       {},
       4,
       "line 2: a field longer than 64 KiB"},
      {"an empty vCard file", "empty.vcf", "", {}, 4, "no vCard in it"},
      {"an empty LinkedIn file", "empty.csv", "", {}, 4, "no LinkedIn header"},
      {"a JSON file of only spaces", "blank.json", "  \n\t \n", {}, 4, "not valid JSON at line 3"},
      {"--format empty",
       "good.json",
       kith_json(""),
       {"--format", ""},
       2,
       "unknown import format ''"},
      {"--format ics, which import does not read",
       "good2.json",
       kith_json(""),
       {"--format", "ics"},
       2,
       "unknown import format 'ics'"},
  };
  std::vector<BadInput> cases;
  for (const BadFile& f : files) {
    fs::path path = box.dir() / f.name;
    write_file(path, f.bytes);
    std::vector<std::string> args = {"import", path.string()};
    args.insert(args.end(), f.options.begin(), f.options.end());
    std::string names = f.code == 4 ? path.string() + ": " + f.names : f.names;
    cases.push_back({f.label, args, f.code, names, {}, false, secret});
  }
  const fs::path escape = box.dir() / "missing\x1b[2J.json";
  cases.push_back({"a missing file whose name has a terminal escape",
                   {"import", escape.string()},
                   4,
                   "missing\\x1b[2J.json: cannot read it: No such file or directory"});
  const fs::path empty = box.dir() / "empty-folder";
  fs::create_directory(empty);
  cases.push_back({"a folder without vCards",
                   {"import", empty.string(), "--format", "vcard"},
                   4,
                   empty.string() + ": no vCard in it (no .vcf file with a card)"});
  cases.push_back({"a folder given as JSON",
                   {"import", box.dir().string(), "--format", "json"},
                   2,
                   "a folder is imported as vCards"});
  cases.push_back({"the database itself",
                   {"import", box.db().string()},
                   4,
                   box.db().string() + ": cannot import it: it is kith's own database"});
  check_all_rejected(box, cases);
}

TEST_CASE("an import file kith may not read is refused with exit 4 and changes nothing",
          "[errors][import]") {
  Sandbox box;
  seed(box);
  fs::path file = box.dir() / "locked.json";
  write_file(file, kith_json(contact_record("\"note\": \"Secret\"")));
  REQUIRE(::chmod(file.c_str(), 0) == 0);
  if (::geteuid() == 0) {  // nobody may use the database, not the file
    for (const fs::path& p : {box.dir(), box.db()})
      REQUIRE(::chown(p.c_str(), kNobody, kNobody) == 0);
  }
  check_rejected(box, {"unreadable file",
                       {"import", file.string()},
                       4,
                       file.string() + ": cannot read it: Permission denied",
                       {},
                       false,
                       "Secret",
                       true});
}

TEST_CASE("a contacts folder kith may not write is refused with exit 4 and changes nothing",
          "[errors][sync]") {
  Sandbox box;
  seed(box);
  fs::path folder = box.dir() / "contacts";
  fs::create_directory(folder);
  REQUIRE(::chmod(folder.c_str(), 0500) == 0);
  if (::geteuid() == 0) {  // nobody may use the database, not the folder
    for (const fs::path& p : {box.dir(), box.db()})
      REQUIRE(::chown(p.c_str(), kNobody, kNobody) == 0);
  }
  check_rejected(box, {"unwritable contacts folder",
                       {"sync", "--contacts", folder.string()},
                       4,
                       "cannot write '" + folder.string() + "': Permission denied",
                       {},
                       false,
                       {},
                       true});
  CHECK(fs::is_empty(folder));
}

TEST_CASE("a device sync folder kith may not write is refused with exit 4 and changes nothing",
          "[errors][sync]") {
  Sandbox box;
  seed(box);
  fs::path folder = box.dir() / "shared";
  fs::create_directory(folder);
  REQUIRE(::chmod(folder.c_str(), 0500) == 0);
  if (::geteuid() == 0) {  // nobody may use the database, not the folder
    for (const fs::path& p : {box.dir(), box.db()})
      REQUIRE(::chown(p.c_str(), kNobody, kNobody) == 0);
  }
  check_rejected(box, {"unwritable sync folder",
                       {"sync", folder.string()},
                       4,
                       "cannot use sync folder '" + folder.string() + "/",
                       {},
                       false,
                       {},
                       true});
  CHECK(fs::is_empty(folder));
  CHECK(box.query("SELECT count(*) FROM sync_device") == "0");
}

TEST_CASE("a contacts folder that is a file, or whose parent is missing, is exit 4",
          "[errors][sync]") {
  Sandbox box;
  seed(box);
  const fs::path file = box.dir() / "plain";
  write_file(file, "x");
  const std::vector<BadInput> cases = {
      {"contacts into a file",
       {"sync", "--contacts", file.string()},
       4,
       "cannot sync the contacts into '" + file.string() + "': not a folder"},
      {"contacts under a missing folder",
       {"sync", "--contacts", (box.dir() / "no" / "cards").string()},
       4,
       "cannot create the contacts folder"},
  };
  check_all_rejected(box, cases);
}

TEST_CASE("text that only looks dangerous is stored exactly and disturbs nothing", "[errors]") {
  Sandbox box;
  seed(box);
  const std::string note = "'; DELETE FROM interactions; --";
  const std::vector<std::string> names = {
      "Robert'); DROP TABLE contacts;--", "O'Brien \"Bob\"", "1 OR 1=1", "%_\\", "42",
      "José Núñez 山田 👋🏽"};
  for (const auto& name : names) {
    CAPTURE(name);
    box.ok({"add", name, "--note", note, "--org", "x\" OR \"1"});
  }
  CHECK(box.query("SELECT count(*) FROM contacts") == std::to_string(3 + names.size()));
  CHECK(box.query("SELECT count(*) FROM interactions") == "1");
  CHECK(box.query("SELECT name FROM contacts WHERE id = 4") == names[0]);
  CHECK(box.query("SELECT count(*) FROM contacts WHERE note = '''; DELETE FROM interactions; "
                  "--'") == std::to_string(names.size()));
  box.ok({"log", "o'brien", "Talked about \"quotes\" and 'DROP TABLE'", "--gave"});
  for (const std::string query :
       {"\"", "NEAR(a b)", "a OR b", "-x", "^x", "x:y", "(", "drop*", "'", "contacts MATCH 'x'"}) {
    CAPTURE(query);
    Outcome o = box.kith({"find", "--", query});  // "--": "-x" is a word, not an option
    INFO(o.err);
    CHECK(o.code == 0);
  }
  CHECK(box.ok({"find", "DROP"}).find("O'Brien") != std::string::npos);
  CHECK(box.query("PRAGMA integrity_check") == "ok");
}

// A bidirectional override in a note or an organisation is kept as written (it may be what the
// person wrote), but never reaches a terminal raw: there it could make a line read differently
// from what it holds.
TEST_CASE("bidirectional controls in texts are stored exactly and printed escaped", "[errors]") {
  Sandbox box;
  const std::string org =
      "ACME \xE2\x80\xAE"
      "evil rtl \xE2\x81\xA6x\xE2\x81\xA9";
  box.ok({"add", "Eve", "--org", org});
  CHECK(box.query("SELECT org FROM contacts WHERE name = 'Eve'") == org);
  for (auto args : std::vector<std::vector<std::string>>{{"show", "eve"}, {"find", "acme"}}) {
    CAPTURE(args);
    std::string out = box.ok(args);
    CHECK(out.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(out.find("\xE2\x81\xA6") == std::string::npos);
    CHECK(out.find("\\u202e") != std::string::npos);
  }
  CHECK(box.ok({"show", "eve"})
            .find("ACME \\u202e"
                  "evil rtl \\u2066x\\u2069") != std::string::npos);
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

TEST_CASE(
    "the introductions graph refuses a person with themselves, nobody and bad options, "
    "changing nothing",
    "[errors][path]") {
  Sandbox box;
  seed(box);
  box.ok({"knows", "grace", "yonath", "--how", "Met at a conference"});
  const std::vector<BadInput> cases = {
      {"knows of someone with themselves",
       {"knows", "grace", "Grace Hopper"},
       2,
       "are both Grace Hopper"},
      {"knows of nobody", {"knows", "grace", "nobody"}, 3, "'nobody'"},
      {"knows listing nobody", {"knows", "nobody"}, 3, "'nobody'"},
      {"knows of an ambiguous name", {"knows", "grace", "ada"}, 3, "matches 2 contacts"},
      {"forgetting a link never recorded",
       {"knows", "grace", "lovelace", "--forget"},
       2,
       "not linked by kith knows"},
      {"knows with --how and --forget",
       {"knows", "grace", "yonath", "--how", "x", "--forget"},
       2,
       "exclude each other"},
      {"knows listing with --how", {"knows", "grace", "--how", "x"}, 2, "need two people"},
      {"knows with a control character in --how",
       {"knows", "grace", "lovelace", "--how", "a\x01b"},
       2,
       "--how"},
      {"path to nobody", {"path", "nobody"}, 3, "no contact or organisation matching 'nobody'"},
      {"path to an unknown organisation",
       {"path", "Nowhere Inc", "--org"},
       3,
       "no active contact works at an organisation matching 'Nowhere Inc'"},
      {"path to an ambiguous name", {"path", "ada"}, 3, "matches 2 contacts"},
      {"path with a blank target", {"path", " "}, 2, "path to whom?"},
      {"path with --limit 0", {"path", "grace", "--limit", "0"}, 2, "--limit 0"},
      {"path with --limit 51", {"path", "grace", "--limit", "51"}, 2, "--limit 51"},
      {"intro with the same person twice",
       {"intro", "grace", "grace", "Introduced"},
       2,
       "are both Grace Hopper"},
      {"intro of nobody", {"intro", "grace", "nobody", "Introduced"}, 3, "'nobody'"},
      {"intro with a blank summary", {"intro", "grace", "yonath", " "}, 2, "empty summary"},
      {"intro in the future",
       {"intro", "grace", "yonath", "Introduced", "--on", "tomorrow"},
       2,
       "in the future"},
      {"intro with an unknown channel",
       {"intro", "grace", "yonath", "Introduced", "--via", "pigeon"},
       2,
       "pigeon"},
      {"intro with two words", {"intro", "grace", "Introduced"}, 2, "kith intro A B SUMMARY"},
      {"add with --target and --no-target",
       {"edit", "grace", "--target", "--no-target"},
       2,
       "exclude each other"},
  };
  check_all_rejected(box, cases);
}

}  // namespace kith::test
