// End-to-end: kith review on a fixed network and a fixed today (Sunday 2026-11-22), drawn in
// ASCII and in block characters, as JSON, and with the database left as it was.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;

namespace {

// The network, with the default period 2026-08-24 (Monday) to 2026-11-22 (Sunday):
//   Ada Lovelace (mentor, circle 1): coffee, advice, a video call, a gift of a book.
//   Grace Hopper (sponsor, circle 1, every 4 weeks): last spoke 2026-07-01: neglected.
//   Lin Wu (peer, circle 2), Sam Roe (report, circle 3), Rui Costa (added 2026-09-15).
//   Otto Weiss (peer): archived.
//   Promises: one kept on time, one late, one cancelled, one open and overdue, one not yet
//   due (after the period).
//   Goals (written straight into the tables until kith goal exists here): "Become a staff
//   engineer" with Ada and Grace, open; "Speak at a conference", done on 2026-10-15.
void seed(Sandbox& box) {
  box.today = "2026-06-01";
  box.ok({"add", "Ada Lovelace", "--type", "mentor", "--circle", "1"});
  box.ok({"add", "Grace Hopper", "--type", "sponsor", "--circle", "1"});
  box.ok({"add", "Lin Wu", "--type", "peer", "--circle", "2"});
  box.ok({"add", "Sam Roe", "--type", "report", "--circle", "3"});
  box.ok({"add", "Otto Weiss", "--type", "peer"});
  box.ok({"archive", "otto"});
  box.today = "2026-09-15";
  box.ok({"add", "Rui Costa"});
  box.today = "2026-11-22";
  const auto log = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "log");
    box.ok(args);
  };
  log({"grace", "Lunch", "--on", "2026-07-01", "--via", "meal", "--received", "--weight", "2"});
  log({"ada", "Catch-up", "--on", "2026-07-15"});
  log({"ada", "Coffee", "--on", "2026-08-26", "--via", "coffee", "--gave", "--weight", "2"});
  log({"lin", "Call about the move", "--on", "2026-09-02", "--via", "call"});
  log({"lin", "sam", "Planning", "--on", "2026-09-03", "--via", "meeting", "--received"});
  log({"ada", "Career advice", "--on", "2026-09-10", "--received", "--weight", "3"});
  log({"rui", "Coffee", "--on", "2026-09-18", "--via", "coffee"});
  log({"sam", "Promotion case", "--on", "2026-09-30", "--gave", "--weight", "2"});
  log({"lin", "Code review", "--on", "2026-10-07", "--gave"});
  log({"ada", "Video call", "--on", "2026-10-08", "--via", "video"});
  log({"sam", "1:1", "--on", "2026-10-21", "--via", "meeting"});
  log({"sam", "1:1", "--on", "2026-10-22", "--via", "meeting"});
  log({"ada", "Sent her a book", "--on", "2026-11-04", "--gave", "--weight", "3"});
  log({"lin", "Helped with my talk", "--on", "2026-11-05", "--received", "--weight", "2"});
  log({"rui", "Drinks", "--on", "2026-11-18", "--via", "social"});
  log({"sam", "Pairing", "--on", "2026-11-20", "--gave"});
  box.today = "2026-08-20";
  box.ok({"remind", "ada", "Send the deck", "--on", "2026-09-05", "--promise"});     // #1
  box.ok({"remind", "grace", "Intro to Lin", "--on", "2026-09-20", "--promise"});    // #2
  box.ok({"remind", "lin", "Review the RFC", "--on", "2026-10-10", "--promise"});    // #3
  box.ok({"remind", "sam", "Book the offsite", "--on", "2026-11-10", "--promise"});  // #4
  box.ok({"remind", "rui", "Share the notes", "--on", "2026-11-25", "--promise"});   // #5
  box.today = "2026-09-04";
  box.ok({"done", "1"});
  box.today = "2026-09-25";
  box.ok({"done", "2"});
  box.today = "2026-10-12";
  box.ok({"cancel", "3"});
  box.today = "2026-11-22";
  SQLite::Database db(box.db().string(), SQLite::OPEN_READWRITE);
  db.exec(
      "INSERT INTO goals (id, uuid, text, by_day, added_on, done_on) VALUES"
      " (1, 'goal-1', 'Become a staff engineer', '2027-06-30', '2026-08-01', NULL),"
      " (2, 'goal-2', 'Speak at a conference', NULL, '2026-05-01', '2026-10-15');"
      "INSERT INTO goal_people (goal_id, contact_id, role) VALUES (1, 1, 'mentor'),"
      " (1, 2, 'sponsor');");
}

const char* const kAscii = R"(Review 2026-08-24 to 2026-11-22: 13 weeks
14 interactions with 4 people; gave 9, received 7

  Week of  Interactions                 Gave           Received
  Aug 24   ############             1   =======    2
  Aug 31   ######################## 2                  -------    2
  Sep 07   ############             1                  ---------- 3
  Sep 14   ############             1
  Sep 21                            0
  Sep 28   ############             1   =======    2
  Oct 05   ######################## 2   ===        1
  Oct 12                            0
  Oct 19   ######################## 2
  Oct 26                            0
  Nov 02   ######################## 2   ========== 3   -------    2
  Nov 09                            0
  Nov 16   ######################## 2   ===        1

Gave most to
  Ada Lovelace  5
  Sam Roe       3
  Lin Wu        1

Received most from
  Ada Lovelace  3
  Lin Wu        3
  Sam Roe       1

Inner circle you neglected (circle 1): 1
  Grace Hopper  every 4w  last 2026-07-01  due 2026-07-29

Promises due: 4, 33% kept on time
  kept on time      1
  kept late         1
  cancelled         1
  open and overdue  1

Network: 5 people, 1 added in the period, 1 archived
  by circle  1: 2   2: 1   3: 1   none: 1
  by type    mentor: 1   peer: 1   report: 1   sponsor: 1   none: 1

Goals: 1 open, 1 done in the period
  #1  Become a staff engineer  by 2027-06-30    spoke with 1 of 2 people
  #2  Speak at a conference    done 2026-10-15
)";

const char* const kUnicode = R"(Review 2026-08-24 to 2026-11-22: 13 weeks
14 interactions with 4 people; gave 9, received 7

  Week of  Interactions                 Gave           Received
  Aug 24   ████████████             1   ██████▋    2
  Aug 31   ████████████████████████ 2                  ██████▋    2
  Sep 07   ████████████             1                  ██████████ 3
  Sep 14   ████████████             1
  Sep 21                            0
  Sep 28   ████████████             1   ██████▋    2
  Oct 05   ████████████████████████ 2   ███▍       1
  Oct 12                            0
  Oct 19   ████████████████████████ 2
  Oct 26                            0
  Nov 02   ████████████████████████ 2   ██████████ 3   ██████▋    2
  Nov 09                            0
  Nov 16   ████████████████████████ 2   ███▍       1

Gave most to
  Ada Lovelace  5
  Sam Roe       3
  Lin Wu        1

Received most from
  Ada Lovelace  3
  Lin Wu        3
  Sam Roe       1

Inner circle you neglected (circle 1): 1
  Grace Hopper  every 4w  last 2026-07-01  due 2026-07-29

Promises due: 4, 33% kept on time
  kept on time      1
  kept late         1
  cancelled         1
  open and overdue  1

Network: 5 people, 1 added in the period, 1 archived
  by circle  1: 2   2: 1   3: 1   none: 1
  by type    mentor: 1   peer: 1   report: 1   sponsor: 1   none: 1

Goals: 1 open, 1 done in the period
  #1  Become a staff engineer  by 2027-06-30    spoke with 1 of 2 people
  #2  Speak at a conference    done 2026-10-15
)";

}  // namespace

TEST_CASE("review draws a quarter in ASCII with --color never, changing nothing", "[review]") {
  Sandbox box;
  seed(box);
  box.env["LANG"] = "en_GB.UTF-8";  // --color never asks for ASCII whatever the locale
  const std::string before = box.dump();
  Outcome o = box.kith({"--color", "never", "review"});
  CHECK(o.code == 0);
  CHECK(o.err.empty());
  CHECK(o.out == kAscii);
  CHECK(box.dump() == before);
  SECTION("a locale that is not UTF-8 draws ASCII too") {
    box.env["LANG"] = "C";
    CHECK(box.ok({"review"}) == kAscii);
  }
}

TEST_CASE("review draws a quarter in block characters in a UTF-8 locale", "[review]") {
  Sandbox box;
  seed(box);
  box.env["LC_ALL"] = "C.UTF-8";
  Outcome o = box.kith({"review"});  // a pipe: no colour, but the locale can draw
  CHECK(o.code == 0);
  CHECK(o.err.empty());
  CHECK(o.out == kUnicode);
  box.env["LC_ALL"] = "POSIX";  // LC_ALL wins over LANG
  box.env["LANG"] = "en_US.utf8";
  CHECK(box.ok({"review"}) == kAscii);
}

TEST_CASE("review --json holds every figure of the period", "[review]") {
  Sandbox box;
  seed(box);
  const std::string before = box.dump();
  json j = json::parse(box.ok({"review", "--json"}));
  CHECK(j["period"]["since"] == "2026-08-24");
  CHECK(j["period"]["until"] == "2026-11-22");
  CHECK(j["period"]["weeks"] == 13);
  CHECK(j["totals"]["interactions"] == 14);
  CHECK(j["totals"]["people"] == 4);
  // Given as the balance counts it: per person, so the planning meeting received 1 from each
  // of Lin and Sam.
  CHECK(j["totals"]["given"] == 2 + 2 + 1 + 3 + 1);
  CHECK(j["totals"]["received"] == 2 + 3 + 2);
  REQUIRE(j["weeks"].size() == 13);
  CHECK(j["weeks"][0] == json::parse(R"({"start": "2026-08-24", "from": "2026-08-24",
      "to": "2026-08-30", "partial": false, "interactions": 1, "given": 2, "received": 0})"));
  long sum = 0;
  for (const auto& w : j["weeks"]) sum += w["interactions"].get<long>();
  CHECK(sum == 14);
  CHECK(j["gave_most"][0] == json::parse(R"({"id": 1, "name": "Ada Lovelace", "given": 5})"));
  CHECK(j["gave_most"][1] == json::parse(R"({"id": 4, "name": "Sam Roe", "given": 3})"));
  CHECK(j["received_most"][0] ==
        json::parse(R"({"id": 1, "name": "Ada Lovelace", "received": 3})"));
  CHECK(j["inner_circle"] == "circle");
  REQUIRE(j["neglected"].size() == 1);
  CHECK(j["neglected"][0] == json::parse(R"({"id": 2, "name": "Grace Hopper", "circle": 1,
      "weight": 5, "cadence": "4w", "last": "2026-07-01", "days_silent": 144,
      "due": "2026-07-29"})"));
  CHECK(j["promises"] == json::parse(R"({"due": 4, "on_time": 1, "late": 1, "cancelled": 1,
      "open_overdue": 1, "open": 0, "on_time_rate": 0.333})"));
  CHECK(j["network"] == json::parse(R"({"total": 5,
      "by_type": {"customer": 0, "manager": 0, "mentor": 1, "peer": 1, "report": 1,
                  "sponsor": 1},
      "untyped": 1, "by_circle": {"1": 2, "2": 1, "3": 1}, "no_circle": 1, "added": 1,
      "archived": 1, "targets": 0})"));
  CHECK(j["goals"] == json::parse(R"({"open": 1, "done": 1,
      "open_goals": [{"id": 1, "text": "Become a staff engineer", "by": "2027-06-30",
                      "people": 2, "spoken_with": 1}],
      "done_in_period": [{"id": 2, "text": "Speak at a conference",
                          "done_on": "2026-10-15"}]})"));
  CHECK(box.dump() == before);
}

TEST_CASE("review takes --since and --until as dates or a duration back", "[review]") {
  Sandbox box;
  seed(box);
  json j =
      json::parse(box.ok({"review", "--since", "2026-09-03", "--until", "2026-09-30", "--json"}));
  CHECK(j["period"]["since"] == "2026-09-03");
  REQUIRE(j["weeks"].size() == 5);
  CHECK(j["weeks"][0]["start"] == "2026-08-31");
  CHECK(j["weeks"][0]["from"] == "2026-09-03");
  CHECK(j["weeks"][0]["partial"] == true);
  CHECK(j["weeks"][0]["interactions"] == 1);  // the 2nd is before the period
  CHECK(j["weeks"][4]["to"] == "2026-09-30");
  CHECK(j["weeks"][4]["partial"] == true);
  CHECK(j["totals"]["interactions"] == 4);
  CHECK(j["promises"]["due"] == 2);

  json year = json::parse(box.ok({"review", "--since", "1y", "--json"}));
  CHECK(year["period"]["since"] == "2025-11-23");
  CHECK(year["totals"]["interactions"] == 16);
  CHECK(year["neglected"].empty());  // Grace is due 2026-07-29, but spoke in the year

  json quarter = json::parse(box.ok({"review", "--until", "2026-09-30", "--json"}));
  CHECK(quarter["period"]["since"] == "2026-07-06");  // 13 weeks ending that Wednesday
  CHECK(quarter["weeks"].size() == 13);
}

TEST_CASE("review of an empty period or an empty database says so in one line", "[review]") {
  Sandbox box;
  Outcome o = box.kith({"review"});
  CHECK(o.code == 0);
  CHECK(o.out.empty());  // no database: nothing to review, and the note says why
  box.ok({"add", "Ada Lovelace"});
  CHECK(box.ok({"review", "--since", "2026-11-01"}) ==
        "Review 2026-11-01 to 2026-11-22: 4 weeks\n"
        "No interactions logged in the period.\n"
        "\n"
        "Inner circle (your heaviest types): nobody neglected\n"
        "\n"
        "Promises due: 0\n"
        "\n"
        "Network: 1 person, 1 added in the period, 0 archived\n");
}

}  // namespace kith::test
