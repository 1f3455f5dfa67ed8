// End-to-end: reminders, promises, recurrence, snoozing, and important dates.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;

TEST_CASE("a one-off reminder about nobody is due on its day and done once", "[reminders]") {
  Sandbox box;
  CHECK(box.ok({"remind", "Update my mentor list", "--on", "friday"}) ==
        "Reminder #1: \"Update my mentor list\", due 2026-11-27 (in 5 days).\n");
  CHECK(box.query("SELECT contact_id IS NULL, kind, text, due, anchor, every IS NULL FROM "
                  "reminders") == "1|reminder|Update my mentor list|2026-11-27|2026-11-27|1");
  CHECK(box.ok({"done", "1"}) == "Done #1: \"Update my mentor list\".\n");
  CHECK(box.query("SELECT done_on, last_done FROM reminders") == "2026-11-22|2026-11-22");
  CHECK(box.ok({"reminders"}) == "No open reminders.\n");
}

TEST_CASE("a promise to a person is listed, flagged when overdue, and shown on the person",
          "[reminders]") {
  Sandbox box;
  box.ok({"add", "Ada Lovelace"});
  CHECK(box.ok({"remind", "ada", "Send the deck", "--in", "3d", "--promise"}) ==
        "Promise #1 to Ada Lovelace: \"Send the deck\", due 2026-11-25 (in 3 days).\n");
  box.ok({"remind", "ada", "Ask about the offsite", "--on", "2026-12-01"});
  box.today = "2026-11-28";
  CHECK(box.ok({"reminders"}) ==
        "ID  DUE         WHEN            KIND      WHO           TEXT\n"
        "#1  2026-11-25  3 days overdue  promise   Ada Lovelace  Send the deck\n"
        "#2  2026-12-01  in 3 days       reminder  Ada Lovelace  Ask about the offsite\n");
  std::string show = box.ok({"show", "ada"});
  CHECK(show.find("Open reminders  (1 overdue promise)\n") != std::string::npos);
  json j = json::parse(box.ok({"--json", "reminders"}));
  CHECK(j[0]["kind"] == "promise");
  CHECK(j[0]["overdue"] == true);
  CHECK(j[0]["contact"] == json::parse(R"({"id":1,"name":"Ada Lovelace"})"));
  CHECK(j[1]["overdue"] == false);
}

TEST_CASE("show lists a person's ten soonest open reminders and reminders WHO lists them all",
          "[reminders]") {
  Sandbox box;
  box.ok({"add", "Ada Lovelace"});
  box.ok({"add", "Grace Hopper"});
  for (int i = 1; i <= 12; ++i) {
    box.ok(
        {"remind", "ada", "Ask about part " + std::to_string(i), "--in", std::to_string(i) + "d"});
  }
  box.ok({"remind", "grace", "Send the compiler notes", "--in", "2d"});

  std::string shown = box.ok({"show", "ada"});
  CHECK(shown.find("Ask about part 10") != std::string::npos);
  CHECK(shown.find("Ask about part 11") == std::string::npos);
  CHECK(shown.find("  and 2 more: kith reminders 1\n") != std::string::npos);
  CHECK(nlohmann::json::parse(box.ok({"--json", "show", "ada"}))["reminders"].size() == 12);

  std::string listed = box.ok({"reminders", "ada"});
  CHECK(listed.find("Ask about part 12") != std::string::npos);
  CHECK(listed.find("compiler notes") == std::string::npos);
  CHECK(box.kith({"reminders", "nobody"}).code == 3);
}

// The rhythms themselves are unit tests (tests/core/use_cases/reminders_test.cpp).
TEST_CASE("done on a recurring reminder prints its next date", "[reminders]") {
  Sandbox box;
  box.ok({"remind", "Weekly note", "--on", "2026-11-23", "--every", "1w"});
  CHECK(box.ok({"done", "#1"}) == "Done #1: \"Weekly note\"; next on 2026-11-30 (in 8 days).\n");
  CHECK(box.query("SELECT due, done_on IS NULL FROM reminders") == "2026-11-30|1");
}

TEST_CASE("snooze pushes a reminder back by a duration or to a day", "[reminders]") {
  Sandbox box;
  box.ok({"remind", "Call the bank", "--on", "2026-11-24"});
  CHECK(box.ok({"snooze", "1", "3d"}) == "Snoozed #1 to 2026-11-27 (in 5 days).\n");
  CHECK(box.ok({"snooze", "1", "--to", "2026-12-10"}) ==
        "Snoozed #1 to 2026-12-10 (in 2 weeks).\n");
  box.today = "2026-12-20";  // overdue: a duration counts from today
  CHECK(box.ok({"snooze", "1", "1w"}) == "Snoozed #1 to 2026-12-27 (in 7 days).\n");
  CHECK(box.query("SELECT anchor FROM reminders") == "2026-11-24");
}

TEST_CASE("log --next follow-ups are ordinary reminders", "[reminders]") {
  Sandbox box;
  box.ok({"add", "Grace"});
  box.ok({"log", "grace", "Coffee", "--next", "2w", "Send the paper"});
  CHECK(box.ok({"reminders"}) ==
        "ID  DUE         WHEN        KIND      WHO    TEXT\n"
        "#1  2026-12-06  in 2 weeks  followup  Grace  Send the paper\n");
  CHECK(box.ok({"done", "1"}) == "Done #1: \"Send the paper\".\n");
  CHECK(box.ok({"--json", "reminders", "--all"}).find("\"done_on\": \"2026-11-22\"") !=
        std::string::npos);
}

TEST_CASE("important dates are kept per person and listed when they come up", "[reminders]") {
  Sandbox box;
  box.ok({"add", "Ada", "--birthday", "1990-11-30", "--date", "work anniversary=2019-12-01",
          "--date", "met=02-29"});
  box.ok({"add", "Bob", "--birthday", "--11-23"});
  CHECK(box.ok({"dates", "--ahead", "10"}) ==
        "DAY         WHEN       WHO  WHAT\n"
        "2026-11-23  tomorrow   Bob  birthday\n"
        "2026-11-30  in 8 days  Ada  birthday (turns 36)\n"
        "2026-12-01  in 9 days  Ada  work anniversary (7 years)\n");
  box.today = "2027-02-20";
  json j = json::parse(box.ok({"--json", "dates", "--ahead", "10"}));
  REQUIRE(j.size() == 1);
  CHECK(j[0] == json::parse(R"({"date":"2027-02-28","label":"met","contact":{"id":1,
                                "name":"Ada"},"years":null})"));
  box.ok({"edit", "ada", "--no-date", "met", "--date", "work anniversary=2018-12-01"});
  CHECK(box.query("SELECT label, day FROM important_dates ORDER BY label") ==
        "work anniversary|2018-12-01");
}

TEST_CASE("bad reminder input is refused and changes nothing", "[reminders][errors]") {
  Sandbox box;
  box.ok({"add", "Ada"});
  box.ok({"add", "Ada Byron"});
  box.ok({"remind", "Done already", "--on", "today"});
  box.ok({"done", "1"});
  box.ok({"remind", "Open one", "--on", "tomorrow"});
  struct Bad {
    std::vector<std::string> args;
    int code;
    std::string names;
  };
  for (const auto& bad : std::vector<Bad>{
           {{"remind", "Call"}, 2, "when? give --on DATE"},
           {{"remind", "Call", "--on", "friday", "--in", "2w"}, 2, "not both"},
           {{"remind", "Call", "--on", "2026-11-01"}, 2, "in the past (today is 2026-11-22)"},
           {{"remind", "Call", "--on", "yesterday"}, 2, "try --on today"},
           {{"remind", "Call", "--on", "2026-02-30"}, 2, "2026-02-30"},
           {{"remind", "Call", "--in", "0d"}, 2, "'0d'"},
           {{"remind", "Call", "--in", "soon"}, 2, "'soon'"},
           {{"remind", "Call", "--on", "friday", "--every", "sometimes"}, 2, "'sometimes'"},
           {{"remind", "nobody", "Call", "--on", "friday"}, 3, "'nobody'"},
           {{"remind", "ada x", "Call", "--on", "friday"}, 3, "no contact matches 'ada x'"},
           {{"remind", "a", "Call", "--on", "friday"}, 3, "Ada Byron (#2)"},
           {{"remind", "Call", "--on", "friday", "--promise"}, 2, "made to someone"},
           {{"remind", "ada", " ", "--on", "friday"}, 2, "empty reminder text"},
           {{"remind", "a", "b", "c", "--on", "friday"}, 2, "[WHO] TEXT"},
           {{"done", "99"}, 3, "no reminder #99"},
           {{"done", "1"}, 2, "already done (on 2026-11-22)"},
           {{"done", "x"}, 2, "invalid reminder id 'x'"},
           {{"done", "-2"}, 2, "'-2'"},
           {{"snooze", "2"}, 2, "DURATION"},
           {{"snooze", "2", "1w", "--to", "friday"}, 2, "not both"},
           {{"snooze", "2", "--to", "2026-11-01"}, 2, "in the past"},
           {{"snooze", "2", "fortnight"}, 2, "'fortnight'"},
           {{"snooze", "1", "1w"}, 2, "already done"},
           {{"snooze", "99", "1w"}, 3, "no reminder #99"},
           {{"add", "Cy", "--date", "anniversary"}, 2, "LABEL=DATE"},
           {{"add", "Cy", "--date", "met=2025-02-30"}, 2, "2025-02-30"},
           {{"add", "Cy", "--date", "birthday=01-01"}, 2, "--birthday"},
           {{"add", "Cy", "--date", "=01-01"}, 2, "label"},
           {{"edit", "ada byron", "--no-date", "met"}, 2, "no date 'met'"},
           {{"dates", "--ahead", "-1"}, 2, "--ahead -1"},
       }) {
    CAPTURE(bad.args);
    std::string before = box.dump();
    Outcome o = box.kith(bad.args);
    INFO("stderr: " << o.err);
    CHECK(o.code == bad.code);
    CHECK(o.out.empty());
    CHECK(line_count(o.err) == 1);
    CHECK(o.err.find(bad.names) != std::string::npos);
    CHECK(box.dump() == before);
  }
}

TEST_CASE("a recurring reminder done twice in a day is refused and --stop ends it", "[reminders]") {
  Sandbox box;
  box.ok({"remind", "Water the plants", "--on", "2026-11-22", "--every", "1w"});
  CHECK(box.ok({"done", "1"}) ==
        "Done #1: \"Water the plants\"; next on 2026-11-29 (in 7 days).\n");
  std::string before = box.dump();
  Outcome twice = box.kith({"done", "1"});
  CHECK(twice.code == 2);
  CHECK(twice.err ==
        "kith: reminder #1 was already done today; it is next due on 2026-11-29 (to "
        "end it: kith done 1 --stop)\n");
  CHECK(box.dump() == before);
  CHECK(box.ok({"done", "1", "--stop"}) ==
        "Done #1: \"Water the plants\"; it will not come back.\n");
  CHECK(box.query("SELECT due, done_on FROM reminders") == "2026-11-29|2026-11-22");
}

TEST_CASE("reminders near the last supported date are refused or end instead of wrapping",
          "[reminders]") {
  Sandbox box;
  box.today = "2200-01-01";
  box.ok({"remind", "Far", "--on", "2200-12-31", "--every", "1y"});
  std::string before = box.dump();
  Outcome in = box.kith({"remind", "Later", "--in", "1y"});
  CHECK(in.code == 2);
  CHECK(in.err == "kith: --in 1y: that is past 2200-12-31, the last date kith supports\n");
  Outcome snooze = box.kith({"snooze", "1", "1y"});
  CHECK(snooze.code == 2);
  CHECK(snooze.err ==
        "kith: snoozing #1 by 1y goes past 2200-12-31, the last date kith "
        "supports\n");
  CHECK(box.dump() == before);
  box.today = "2200-12-31";
  CHECK(box.ok({"done", "1"}) ==
        "Done #1: \"Far\"; its next occurrence would be past "
        "2200-12-31, the last date kith supports, so it is done for "
        "good.\n");
  CHECK(box.query("SELECT done_on FROM reminders") == "2200-12-31");
}

}  // namespace kith::test
