// End-to-end: the daily loop. Agenda topics that carry over, logs that close what they finish
// (--covered, --done, meetings), skipping a round; each checked in stdout, stderr, the exit
// code and the database afterwards.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;

namespace {

// Maya, a manager (every 2 weeks) with a weekly 1:1 on Thursdays from 2026-11-26 (#1); Priya,
// a mentor (every 6 weeks); both added 2026-11-02. Today is Sunday 2026-11-22.
void seed(Sandbox& box) {
  box.today = "2026-11-02";
  box.ok({"add", "Maya Chen", "--type", "manager"});
  box.ok({"add", "Priya Nair", "--type", "mentor"});
  box.ok({"remind", "maya", "Weekly 1:1", "--on", "2026-11-26", "--every", "1w", "--meeting"});
  box.today = "2026-11-22";
}

}  // namespace

TEST_CASE("agenda adds topics for someone and lists them, theirs or everyone's",
          "[cli][daily-loop]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"agenda", "maya", "Ask about the promotion timeline"}) ==
        "Topic #2 for Maya Chen: \"Ask about the promotion timeline\" (close it with kith log ... "
        "--covered 2).\n");
  box.ok({"agenda", "priya", "Book recommendation"});
  box.ok({"agenda", "maya", "Conference budget"});
  CHECK(box.ok({"agenda", "maya"}) ==
        "ID  RAISED      TOPIC\n"
        "#2  2026-11-22  Ask about the promotion timeline\n"
        "#4  2026-11-22  Conference budget\n");
  CHECK(box.ok({"agenda"}) ==
        "ID  RAISED      WITH        TOPIC\n"
        "#2  2026-11-22  Maya Chen   Ask about the promotion timeline\n"
        "#4  2026-11-22  Maya Chen   Conference budget\n"
        "#3  2026-11-22  Priya Nair  Book recommendation\n");
  json j = json::parse(box.ok({"--json", "agenda", "priya"}));
  REQUIRE(j.size() == 1);
  CHECK(j[0]["id"] == 3);
  CHECK(j[0]["kind"] == "topic");
  CHECK(j[0]["text"] == "Book recommendation");
  CHECK(box.query("SELECT kind, contact_id, due, done_on IS NULL FROM reminders WHERE id = 3") ==
        "topic|2|2026-11-22|1");
  // Topics are no reminders: kith reminders leaves them out; show has them under Agenda.
  CHECK(box.ok({"reminders"}).find("promotion") == std::string::npos);
  std::string show = box.ok({"show", "maya"});
  CHECK(show.find("\nAgenda\n  ID  RAISED      TOPIC\n  #2  2026-11-22  Ask about the promotion "
                  "timeline\n") != std::string::npos);
  CHECK(json::parse(box.ok({"--json", "show", "maya"}))["agenda"].size() == 2);

  // A topic is reworded and dropped with the reminders' verbs; a dropped one leaves the agenda.
  CHECK(box.ok({"change", "2", "--text", "Ask about the promotion criteria"}) ==
        "Changed topic #2 for Maya Chen: \"Ask about the promotion criteria\".\n");
  box.ok({"cancel", "4"});
  CHECK(box.ok({"agenda", "maya"}) ==
        "ID  RAISED      TOPIC\n"
        "#2  2026-11-22  Ask about the promotion criteria\n");
  CHECK(box.query("SELECT done_on, cancelled FROM reminders WHERE id = 4") == "2026-11-22|1");
}

TEST_CASE("a log covers the topics named, says what carries over, and completes the meeting",
          "[cli][daily-loop]") {
  Sandbox box;
  seed(box);
  box.ok({"agenda", "maya", "Promotion timeline"});  // #2
  box.ok({"agenda", "maya", "Conference budget"});   // #3
  box.today = "2026-11-26";                          // Thursday: the 1:1
  CHECK(box.ok({"log", "maya", "Weekly 1:1", "--via", "meeting", "--covered", "2"}) ==
        "Logged meeting with Maya Chen on 2026-11-26; next check-in 2026-12-10; meeting #1 done "
        "(next 2026-12-03); 1 topic covered.\n"
        "  still on the agenda: #3 \"Conference budget\"\n");
  CHECK(box.query("SELECT id, done_on FROM reminders WHERE kind = 'topic' ORDER BY id") ==
        "2|2026-11-26\n3|NULL");
  CHECK(box.query("SELECT due, done_on IS NULL, last_done FROM reminders WHERE id = 1") ==
        "2026-12-03|1|2026-11-26");
  // The next week, everything left is covered.
  box.today = "2026-12-03";
  json j = json::parse(
      box.ok({"--json", "log", "maya", "Weekly 1:1", "--via", "meeting", "--covered", "all"}));
  CHECK(j["covered"].size() == 1);
  CHECK(j["covered"][0]["id"] == 3);
  CHECK(j["agenda"].empty());
  CHECK(j["completed"][0]["id"] == 1);
  CHECK(j["completed"][0]["due"] == "2026-12-10");
  CHECK(box.ok({"agenda", "maya"}) == "No open topics with Maya Chen.\n");
}

TEST_CASE("a log before the meeting's day, or more than a rhythm late, leaves it open",
          "[cli][daily-loop]") {
  Sandbox box;
  seed(box);
  box.today = "2026-11-25";  // the day before the 1:1
  CHECK(box.ok({"log", "maya", "Quick chat"}) ==
        "Logged with Maya Chen on 2026-11-25; next check-in 2026-12-09.\n");
  CHECK(box.query("SELECT due, last_done FROM reminders WHERE id = 1") == "2026-11-26|NULL");
  box.today = "2026-12-04";  // the 1:1 of 2026-11-26 was not logged; the next was due 12-03
  CHECK(box.ok({"log", "maya", "Hallway chat"}) ==
        "Logged with Maya Chen on 2026-12-04; next check-in 2026-12-18.\n");
  CHECK(box.query("SELECT due, last_done FROM reminders WHERE id = 1") == "2026-11-26|NULL");
}

TEST_CASE(
    "log --done completes reminders about the people in the same breath and promises stay open",
    "[cli][daily-loop]") {
  Sandbox box;
  seed(box);
  box.ok({"remind", "priya", "Send the article", "--on", "today", "--promise"});  // #2
  box.ok({"log", "priya", "Coffee", "--next", "friday", "Intro to Sam"});         // follow-up #3
  CHECK(box.ok({"log", "priya", "Sent the article", "--gave", "--done", "2"}) ==
        "Logged with Priya Nair on 2026-11-22 (gave 1); next check-in 2027-01-03; promise #2 "
        "done.\n");
  CHECK(box.query("SELECT id, done_on FROM reminders WHERE id IN (2, 3) ORDER BY id") ==
        "2|2026-11-22\n3|NULL");
}

TEST_CASE(
    "a meeting keeps its person out of reach-out and the plan and the report shows its agenda",
    "[cli][daily-loop]") {
  Sandbox box;
  seed(box);
  box.ok({"agenda", "maya", "Promotion timeline"});
  box.today = "2026-11-26";  // Maya was due 11-16 (added 11-02, every 2 weeks); the 1:1 is today
  std::string report = box.ok({"report"});
  CHECK(report.find("Weekly 1:1") != std::string::npos);
  CHECK(report.find("Promotion timeline") != std::string::npos);
  CHECK(report.find("Reach out") == std::string::npos);
  std::string plan = box.ok({"plan"});
  CHECK(plan.find("Maya") == std::string::npos);
}

TEST_CASE("skip moves the next check-in a cadence on from today and shows in history and show",
          "[cli][daily-loop]") {
  Sandbox box;
  seed(box);
  box.today = "2026-11-02";
  box.ok({"log", "priya", "Kick-off", "--gave"});
  box.today = "2026-12-20";  // Priya (every 6 weeks) was due 2026-12-14
  CHECK(box.ok({"skip", "priya", "--note", "On leave until January"}) ==
        "Skipped Priya Nair this round (it was 6 days overdue); next check-in 2027-01-31 (in 6 "
        "weeks).\n");
  CHECK(box.query("SELECT kind, due, done_on, text FROM reminders WHERE kind = 'skip'") ==
        "skip|2026-12-20|2026-12-20|On leave until January");
  CHECK(
      box.query("SELECT last_day, given, skip_day, due FROM contact_stats WHERE contact_id = 2") ==
      "2026-11-02|1|2026-12-20|2027-01-31");
  CHECK(box.ok({"history", "priya"}) ==
        "ID  DAY         VIA   VALUE   WITH  SUMMARY\n"
        "    2026-12-20  skip                On leave until January\n"
        "#1  2026-11-02        gave 1        Kick-off\n");
  CHECK(box.ok({"show", "priya"}).find("2026-12-20  skip") != std::string::npos);
  CHECK(json::parse(box.ok({"--json", "show", "priya"}))["skips"][0]["note"] ==
        "On leave until January");
  CHECK(box.ok({"report"}).find("Priya") == std::string::npos);
  CHECK(box.ok({"undo"}) == "Undid #5: skip of Priya Nair's check-in; next due 2027-01-31.\n");
  CHECK(box.query("SELECT skip_day IS NULL, due FROM contact_stats WHERE contact_id = 2") ==
        "1|2026-12-14");
}

TEST_CASE("meetings, topics and skips travel to another device, a skip without a note too",
          "[cli][daily-loop][sync]") {
  Sandbox box;
  seed(box);
  box.ok({"agenda", "maya", "Promotion timeline"});
  box.today = "2026-12-20";
  box.ok({"skip", "priya"});  // no note: an empty text
  const std::string folder = (box.dir() / "shared").string();
  const std::string other = (box.dir() / "other.db").string();
  box.ok({"sync", folder});
  box.ok({"--db", other, "sync", folder});
  CHECK(box.ok({"--db", other, "agenda"}).find("Promotion timeline") != std::string::npos);
  CHECK(box.ok({"--db", other, "history", "priya"}) ==
        "ID  DAY         VIA   VALUE  WITH  SUMMARY\n"
        "    2026-12-20  skip               skipped this round\n");
  CHECK(box.ok({"--db", other, "reminders"}).find("meeting, every 1w") != std::string::npos);
}

}  // namespace kith::test
