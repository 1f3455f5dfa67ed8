// End-to-end: logging interactions, the timeline, the give/receive ledger and search.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;

namespace {

void seed(const Sandbox& box) {
  box.ok({"--today", "2026-06-01", "add", "Ada Lovelace", "--type", "mentor", "--org",
          "Analytical Engines", "--note", "Loves compilers"});
  box.ok({"--today", "2026-06-01", "add", "Grace Hopper", "--type", "sponsor"});
  box.ok({"--today", "2026-06-01", "add", "José Núñez", "--type", "peer"});
}

}  // namespace

TEST_CASE("log records one interaction linked to each person and says when they are due next",
          "[log]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"log", "ada", "grace", "Panel prep over lunch", "--via", "meal", "--on",
                "2026-11-20"}) ==
        "Logged meal with Ada Lovelace and Grace Hopper on 2026-11-20; next check-in "
        "Ada Lovelace 2027-01-01, Grace Hopper 2026-12-18.\n");
  CHECK(box.query("SELECT day, summary, channel, direction, weight FROM interactions") ==
        "2026-11-20|Panel prep over lunch|meal|mutual|1");
  CHECK(box.query("SELECT contact_id, day FROM interaction_people ORDER BY 1") ==
        "1|2026-11-20\n2|2026-11-20");
  CHECK(box.query("SELECT contact_id, last_day FROM contact_stats ORDER BY 1") ==
        "1|2026-11-20\n2|2026-11-20\n3|NULL");
}

TEST_CASE("log defaults to today, mutual, weight 1, and one person named twice counts once",
          "[log]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"log", "ada", "Ada Lovelace", "Quick call"}) ==
        "Logged with Ada Lovelace on 2026-11-22; next check-in 2027-01-03.\n");
  CHECK(box.query("SELECT day, channel IS NULL, direction, weight FROM interactions") ==
        "2026-11-22|1|mutual|1");
  CHECK(box.query("SELECT count(*) FROM interaction_people") == "1");
}

TEST_CASE("log --on takes every date form, weekday names meaning the most recent one", "[log]") {
  Sandbox box;  // 2026-11-22 is a Sunday
  seed(box);
  auto day_of = [&](const std::string& on) {
    box.ok({"log", "ada", "x", "--on", on});
    return box.query("SELECT day FROM interactions ORDER BY id DESC LIMIT 1");
  };
  CHECK(day_of("yesterday") == "2026-11-21");
  CHECK(day_of("today") == "2026-11-22");
  CHECK(day_of("sunday") == "2026-11-22");
  CHECK(day_of("mon") == "2026-11-16");
  CHECK(day_of("friday") == "2026-11-20");
  CHECK(day_of("-3d") == "2026-11-19");
  CHECK(day_of("3 days ago") == "2026-11-19");
  CHECK(day_of("2 weeks ago") == "2026-11-08");
  CHECK(day_of("-1m") == "2026-10-22");
  CHECK(day_of("2025-02-28") == "2025-02-28");
}

TEST_CASE(
    "giving and receiving move the balance by the weight, mutual moves nothing, "
    "the most negative comes first, ties by name",
    "[log]") {
  Sandbox box;
  seed(box);
  box.ok(
      {"log", "ada", "Intro to a hiring manager", "--gave", "--weight", "3", "--on", "2026-10-01"});
  box.ok({"log", "ada", "Career advice", "--received", "--weight", "2", "--on", "2026-10-05"});
  box.ok({"log", "grace", "Reference letter", "--received", "--weight", "4", "--on", "2026-10-07"});
  box.ok({"log", "grace", "Coffee", "--on", "2026-10-08"});
  box.ok({"log", "jose", "Sent an article", "--gave", "--on", "2026-09-01"});
  CHECK(box.ok({"balance"}) ==
        "ID  NAME          GAVE  RECEIVED  NET  LAST GAVE\n"
        " 2  Grace Hopper     0         4   -4  never\n"
        " 1  Ada Lovelace     3         2   +1  2026-10-01 (7 weeks ago)\n"
        " 3  José Núñez       1         0   +1  2026-09-01 (2 months ago)\n");
  json j = json::parse(box.ok({"--json", "balance", "ada"}));
  CHECK(j == json::parse(R"([{"id":1,"name":"Ada Lovelace","given":3,"received":2,"net":1,
                             "last_gave":"2026-10-01"}])"));
}

TEST_CASE("the ledger kept by the database equals the sum over interactions", "[log]") {
  Sandbox box;
  seed(box);
  const char* dirs[] = {"--gave", "--received", ""};
  for (int i = 0; i < 30; ++i) {
    std::vector<std::string> args{"log",
                                  i % 2 ? "ada" : "grace",
                                  "note " + std::to_string(i),
                                  "--weight",
                                  std::to_string(i % 5 + 1),
                                  "--on",
                                  "2026-10-" + std::to_string(10 + i % 20)};
    if (*dirs[i % 3]) args.push_back(dirs[i % 3]);
    if (i % 7 == 0) args.insert(args.begin() + 2, "jose");
    box.ok(args);
  }
  box.ok({"rm", "jose", "--yes"});
  CHECK(box.query(
            "SELECT s.contact_id, s.given, s.received, s.last_day, coalesce(s.last_gave_day, '')"
            " FROM contact_stats s ORDER BY 1") ==
        box.query("SELECT p.contact_id,"
                  " sum(CASE i.direction WHEN 'gave' THEN i.weight ELSE 0 END),"
                  " sum(CASE i.direction WHEN 'received' THEN i.weight ELSE 0 END),"
                  " max(p.day), coalesce(max(CASE i.direction WHEN 'gave' THEN p.day END), '')"
                  " FROM interaction_people p JOIN interactions i ON i.id = p.interaction_id"
                  " GROUP BY p.contact_id ORDER BY 1"));
}

TEST_CASE("log --next records the follow-up as a reminder in the same transaction", "[log]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"log", "grace", "Asked for a referral", "--next", "friday", "Send the CV"}) ==
        "Logged with Grace Hopper on 2026-11-22; next check-in 2026-12-20; follow-up #1 on "
        "2026-11-27.\n");
  CHECK(box.query("SELECT contact_id, kind, text, due, every IS NULL, done_on IS NULL FROM "
                  "reminders") == "2|followup|Send the CV|2026-11-27|1|1");
  json j = json::parse(box.ok({"--json", "show", "grace"}));
  CHECK(j["reminders"][0]["text"] == "Send the CV");
}

TEST_CASE("history lists interactions newest first, for one person or everyone", "[log]") {
  Sandbox box;
  seed(box);
  box.ok({"log", "ada", "First", "--on", "2026-09-01", "--via", "email"});
  box.ok({"log", "grace", "jose", "Second", "--on", "2026-10-01", "--gave", "--weight", "2"});
  box.ok({"log", "ada", "Third", "--on", "2026-11-01", "--received", "--via", "call"});
  CHECK(box.ok({"history"}) ==
        "ID  DAY         VIA    VALUE       WITH                      SUMMARY\n"
        "#3  2026-11-01  call   received 1  Ada Lovelace              Third\n"
        "#2  2026-10-01         gave 2      Grace Hopper, José Núñez  Second\n"
        "#1  2026-09-01  email              Ada Lovelace              First\n");
  auto summaries = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--json", "history"});
    std::string out;
    for (const auto& i : json::parse(box.ok(args))) out += i["summary"].get<std::string>() + ";";
    return out;
  };
  CHECK(summaries({"ada"}) == "Third;First;");
  CHECK(summaries({"--since", "2026-10-01"}) == "Third;Second;");
  CHECK(summaries({"--limit", "1"}) == "Third;");
  CHECK(summaries({"jose"}) == "Second;");
  json j = json::parse(box.ok({"--json", "history", "--limit", "1"}))[0];
  CHECK(j["channel"] == "call");
  CHECK(j["direction"] == "received");
  CHECK(j["people"] == json::parse(R"([{"id":1,"name":"Ada Lovelace"}])"));
}

TEST_CASE("find searches names, organisations, notes and summaries, accents and prefixes too",
          "[log]") {
  Sandbox box;
  seed(box);
  box.ok({"log", "grace", "Talked about the product roadmap", "--on", "2026-11-01"});
  auto found = [&](const std::string& text) {
    std::string out;
    for (const auto& h : json::parse(box.ok({"--json", "find", text}))) {
      out += h["kind"].get<std::string>() + ":" + h["name"].get<std::string>() + ";";
    }
    return out;
  };
  CHECK(found("roadmap") == "interaction:Grace Hopper;");
  CHECK(found("road*") == "interaction:Grace Hopper;");
  CHECK(found("analytical") == "contact:Ada Lovelace;");
  CHECK(found("compilers") == "contact:Ada Lovelace;");
  CHECK(found("jose") == "contact:José Núñez;");
  CHECK(found("núñez") == "contact:José Núñez;");
  CHECK(found("\"quoted\" OR NEAR(") == "");  // no FTS5 syntax leaks through
  CHECK(box.ok({"find", "roadmap"}) ==
        "WHERE       WHO           MATCH\n"
        "2026-11-01  Grace Hopper  Talked about the product [roadmap]\n");
  CHECK(box.ok({"find", "zebra"}) == "Nothing matches 'zebra'.\n");
  box.ok({"edit", "ada", "--org", "Difference Engines"});
  CHECK(found("analytical") == "");
  CHECK(found("difference") == "contact:Ada Lovelace;");
}

}  // namespace kith::test
