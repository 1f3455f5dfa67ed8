// End-to-end: correcting the record. Interactions are shown with their ids, amended and
// unlogged; reminders are changed and cancelled; and everything derived follows at once:
// balances, last contact, next check-in, search, the report, reminders --all and the export.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;

namespace {

// José (sponsor: every 4 weeks) and Ada (mentor: every 6 weeks), added on 2026-06-01; #1 a
// coffee with José, #2 a panel with both.
void seed(const Sandbox& box) {
  box.ok({"--today", "2026-06-01", "add", "José Núñez", "--type", "sponsor"});
  box.ok({"--today", "2026-06-01", "add", "Ada Lovelace", "--type", "mentor"});
  box.ok({"log", "jose", "Sent him the savings", "--via", "coffee", "--on", "2026-11-20"});
  box.ok({"log", "jose", "ada", "Panel prep", "--on", "2026-11-10", "--received", "--weight", "2"});
}

// Every person's summary as the database keeps it, and as rebuilt from the interactions: equal
// when nothing derived is stale.
const char* kKept =
    "SELECT contact_id, given, received, coalesce(last_day, '-'), coalesce(last_gave_day, '-')"
    " FROM contact_stats ORDER BY 1";
const char* kRebuilt =
    "SELECT c.id,"
    " coalesce((SELECT sum(i.weight) FROM interaction_people p JOIN interactions i"
    "   ON i.id = p.interaction_id WHERE p.contact_id = c.id AND i.direction = 'gave'), 0),"
    " coalesce((SELECT sum(i.weight) FROM interaction_people p JOIN interactions i"
    "   ON i.id = p.interaction_id WHERE p.contact_id = c.id AND i.direction = 'received'), 0),"
    " coalesce((SELECT max(day) FROM interaction_people WHERE contact_id = c.id), '-'),"
    " coalesce((SELECT max(p.day) FROM interaction_people p JOIN interactions i"
    "   ON i.id = p.interaction_id WHERE p.contact_id = c.id AND i.direction = 'gave'), '-')"
    " FROM contacts c ORDER BY 1";

}  // namespace

TEST_CASE("history and show print each interaction's id, as JSON does", "[correct]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"history"}) ==
        "ID  DAY         VIA     VALUE       WITH                      SUMMARY\n"
        "#1  2026-11-20  coffee              José Núñez                Sent him the savings\n"
        "#2  2026-11-10          received 2  Ada Lovelace, José Núñez  Panel prep\n");
  std::string show = box.ok({"show", "ada"});
  CHECK(show.find("Recent\n"
                  "  ID  DAY         VIA  VALUE       WITH        SUMMARY\n"
                  "  #2  2026-11-10       received 2  José Núñez  Panel prep\n") !=
        std::string::npos);
  CHECK(json::parse(box.ok({"--json", "history"}))[1]["id"] == 2);
  CHECK(json::parse(box.ok({"--json", "show", "ada"}))["recent"][0]["id"] == 2);
}

TEST_CASE("amend changes an interaction and balances, last contact and search follow at once",
          "[correct]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"amend", "#1", "--on", "2026-11-21", "--gave", "--weight", "3", "--summary",
                "Sent him the platform savings", "--with", "ada"}) ==
        "Amended #1: coffee with Ada Lovelace and José Núñez on 2026-11-21 (gave 3), \"Sent him "
        "the platform savings\".\n");
  CHECK(
      box.query("SELECT day, summary, channel, direction, weight FROM interactions WHERE id = 1") ==
      "2026-11-21|Sent him the platform savings|coffee|gave|3");
  CHECK(box.query("SELECT contact_id, day FROM interaction_people WHERE interaction_id = 1"
                  " ORDER BY 1") == "1|2026-11-21\n2|2026-11-21");
  CHECK(box.query(kKept) == "1|3|2|2026-11-21|2026-11-21\n2|3|2|2026-11-21|2026-11-21");
  CHECK(box.query(kKept) == box.query(kRebuilt));
  CHECK(box.ok({"balance"}) ==
        "ID  NAME          GAVE  RECEIVED  NET  LAST GAVE\n"
        " 2  Ada Lovelace     3         2   +1  2026-11-21 (yesterday)\n"
        " 1  José Núñez       3         2   +1  2026-11-21 (yesterday)\n");
  CHECK(box.ok({"find", "platform"}).find("Sent him the [platform] savings") != std::string::npos);

  // Taking José out, and back to mutual: his summary is rebuilt without it.
  box.ok({"amend", "1", "--without", "jose", "--mutual"});
  CHECK(box.query(kKept) == "1|0|2|2026-11-10|-\n2|0|2|2026-11-21|-");
  CHECK(box.query(kKept) == box.query(kRebuilt));
  CHECK(box.query("SELECT due FROM contact_stats WHERE contact_id = 1") == "2026-12-08");
}

TEST_CASE("amending a day moves the next check-in, and the report follows", "[correct]") {
  Sandbox box;
  seed(box);
  auto reach_out = [&] {
    json report = json::parse(box.ok({"--json", "report"}));
    std::string names;
    for (const auto& p : report["reach_out"]["people"]) {
      names += p["contact"]["name"].get<std::string>() + ";";
    }
    return names;
  };
  CHECK(reach_out().empty());
  box.ok({"amend", "1", "--on", "2026-10-01"});  // José's latest is now the panel, 2026-11-10
  CHECK(box.query("SELECT due FROM contact_stats WHERE contact_id = 1") == "2026-12-08");
  box.ok({"amend", "2", "--on", "2026-10-15"});  // and that is more than 4 weeks ago
  CHECK(box.query("SELECT last_day, due FROM contact_stats WHERE contact_id = 1") ==
        "2026-10-15|2026-11-12");
  CHECK(reach_out() == "José Núñez;");
  std::string show = box.ok({"show", "jose"});
  CHECK(show.find("Next due    2026-11-12 (10 days overdue)") != std::string::npos);
}

TEST_CASE("amend --json prints the interaction as history's JSON does", "[correct]") {
  Sandbox box;
  seed(box);
  json amended = json::parse(box.ok({"--json", "amend", "2", "--via", "meeting"}));
  CHECK(amended == json::parse(box.ok({"--json", "history"}))[1]);
  CHECK(amended["id"] == 2);
  CHECK(amended["channel"] == "meeting");
}

TEST_CASE("unlog deletes an interaction and everything derived from it follows", "[correct]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"unlog", "1"}) ==
        "Unlogged #1: coffee with José Núñez on 2026-11-20, \"Sent him the savings\" (kith undo "
        "brings it back).\n");
  CHECK(box.query("SELECT count(*) FROM interactions WHERE id = 1") == "0");
  CHECK(box.query("SELECT count(*) FROM interaction_people WHERE interaction_id = 1") == "0");
  CHECK(box.query("SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH 'savings'")
            .empty());
  CHECK(box.query("SELECT last_day, due FROM contact_stats WHERE contact_id = 1") ==
        "2026-11-10|2026-12-08");
  CHECK(box.query(kKept) == box.query(kRebuilt));
  // The last one of a person: back to due from the day they were added.
  json gone = json::parse(box.ok({"--json", "unlog", "2"}));
  CHECK(gone["id"] == 2);
  CHECK(gone["summary"] == "Panel prep");
  CHECK(box.query(kKept) == "1|0|0|-|-\n2|0|0|-|-");
  CHECK(box.query("SELECT due FROM contact_stats ORDER BY contact_id") == "2026-06-29\n2026-07-13");
  CHECK(box.ok({"history"}) == "No interactions yet.\n");
}

TEST_CASE("cancel drops a reminder: gone from the open lists, shown as cancelled with --all",
          "[correct]") {
  Sandbox box;
  seed(box);
  box.ok({"--today", "2026-11-18", "remind", "jose", "Send the deck", "--on", "2026-11-20",
          "--promise"});
  box.ok({"remind", "Water the plants", "--on", "today", "--every", "1w"});
  CHECK(box.ok({"cancel", "1"}) == "Cancelled #1: \"Send the deck\".\n");
  CHECK(box.query("SELECT done_on, last_done IS NULL, cancelled FROM reminders WHERE id = 1") ==
        "2026-11-22|1|1");
  CHECK(box.ok({"reminders"}).find("Send the deck") == std::string::npos);
  json report = json::parse(box.ok({"--json", "report"}));
  CHECK(report["due_total"] == 1);  // the plants only
  // A recurring reminder cancelled ends for good.
  json weekly = json::parse(box.ok({"--json", "cancel", "2"}));
  CHECK(weekly["cancelled"] == true);
  CHECK(weekly["done_on"] == "2026-11-22");
  CHECK(box.ok({"reminders"}) == "No open reminders.\n");
  CHECK(box.ok({"reminders", "--all"}) ==
        "ID  DUE         WHEN                  KIND                WHO         TEXT\n"
        "#1  2026-11-20  cancelled 2026-11-22  promise             José Núñez  Send the deck\n"
        "#2  2026-11-22  cancelled 2026-11-22  reminder, every 1w              Water the plants\n");
  json all = json::parse(box.ok({"--json", "reminders", "--all"}));
  CHECK(all[0]["cancelled"] == true);
  Outcome again = box.kith({"cancel", "1"});
  CHECK(again.code == 2);
  CHECK(again.err == "kith: reminder #1 is already cancelled (on 2026-11-22)\n");
  Outcome done = box.kith({"done", "2"});
  CHECK(done.code == 2);
  CHECK(done.err == "kith: reminder #2 is already cancelled (on 2026-11-22)\n");
}

TEST_CASE("kith change prints the reminder as it is after each change", "[correct]") {
  Sandbox box;
  seed(box);
  box.ok({"remind", "jose", "Send the deck", "--on", "2026-12-03"});
  CHECK(
      box.ok({"change", "1", "--on", "2026-12-10", "--text", "Send the final deck", "--promise"}) ==
      "Changed #1: \"Send the final deck\", due 2026-12-10 (in 2 weeks), promised to José "
      "Núñez.\n");
  CHECK(box.query("SELECT kind, contact_id, text, due, anchor, every IS NULL FROM reminders") ==
        "promise|1|Send the final deck|2026-12-10|2026-12-10|1");
  CHECK(box.ok({"change", "#1", "--about", "ada", "--every", "2w", "--no-promise"}) ==
        "Changed #1: \"Send the final deck\", due 2026-12-10 (in 2 weeks), every 2 weeks, about "
        "Ada Lovelace.\n");
  json changed = json::parse(box.ok({"--json", "change", "1", "--nobody", "--once", "--in", "3d"}));
  CHECK(changed["contact"] == nullptr);
  CHECK(changed["every"] == nullptr);
  CHECK(changed["due"] == "2026-11-25");
  CHECK(changed == json::parse(box.ok({"--json", "reminders"}))[0]);
  CHECK(box.ok({"change", "1", "--text", "Send it"}) ==
        "Changed #1: \"Send it\", due 2026-11-25 (in 3 days).\n");
}

TEST_CASE("a cancelled reminder travels through export and import", "[correct][interop]") {
  Sandbox box;
  seed(box);
  box.env["SOURCE_DATE_EPOCH"] = "1795381391";
  box.ok({"remind", "jose", "Send the deck", "--on", "friday", "--promise"});
  box.ok({"remind", "Water the plants", "--on", "today"});
  box.ok({"cancel", "1"});
  std::string exported = box.ok({"export"});
  json doc = json::parse(exported);
  CHECK(doc["reminders"][0]["cancelled"] == true);
  CHECK(doc["reminders"][1]["cancelled"] == false);
  // The newest key comes last: the others keep their places.
  CHECK(doc["reminders"][0].size() == 12);
  CHECK(exported.find(R"("done_on":"2026-11-22","last_done":null,"created_at")") !=
        std::string::npos);
  CHECK(exported.find(R"(Z","cancelled":true},)") != std::string::npos);
  CHECK(exported.find(R"(Z","cancelled":false})") != std::string::npos);

  Sandbox other;
  other.env["SOURCE_DATE_EPOCH"] = "1795381391";
  write_file(other.dir() / "export.json", exported);
  other.ok({"import", (other.dir() / "export.json").string()});
  CHECK(other.query("SELECT id, done_on, cancelled FROM reminders ORDER BY id") ==
        "1|2026-11-22|1\n2|NULL|0");
  CHECK(other.ok({"export"}) == exported);

  // An export from before the flag: every reminder is as it was, none cancelled.
  std::string older = exported;
  for (std::string key : {R"(,"cancelled":true)", R"(,"cancelled":false)"}) {
    for (auto at = older.find(key); at != std::string::npos; at = older.find(key)) {
      older.erase(at, key.size());
    }
  }
  Sandbox third;
  write_file(third.dir() / "older.json", older);
  third.ok({"import", (third.dir() / "older.json").string()});
  CHECK(third.query("SELECT id, done_on, cancelled FROM reminders ORDER BY id") ==
        "1|2026-11-22|0\n2|NULL|0");
}

}  // namespace kith::test
