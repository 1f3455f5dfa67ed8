// End-to-end: kith undo, undo ID, undo --list and redo, after the commands a day of use runs,
// with the balances, the report and search checked after each; and the undo of a whole import.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;

namespace {

void seed(const Sandbox& box) {
  box.ok({"--today", "2026-10-01", "add", "José Núñez", "--type", "mentor"});
  box.ok({"--today", "2026-10-01", "add", "Sam Rivera", "--type", "peer"});
  box.ok({"--today", "2026-10-01", "add", "Sam Okafor", "--type", "report"});
}

// The person's balance as `kith balance` computes it: "given/received".
std::string ledger(const Sandbox& box, const std::string& who) {
  json shown = json::parse(box.ok({"--json", "show", who}));
  return std::to_string(shown["balance"]["given"].get<int>()) + "/" +
         std::to_string(shown["balance"]["received"].get<int>());
}

}  // namespace

TEST_CASE("undo reverts the last change, says what it undid, and the ledger and report follow",
          "[undo]") {
  Sandbox box;
  seed(box);
  box.ok({"log", "josé", "Sent him the savings", "--gave", "--weight", "2"});
  CHECK(ledger(box, "josé") == "2/0");
  std::string report_before = box.ok({"report"});

  CHECK(box.ok({"undo"}) ==
        "Undid #4: log with José Núñez on 2026-11-22, 'Sent him the savings'.\n");
  CHECK(ledger(box, "josé") == "0/0");
  CHECK(box.query("SELECT count(*) FROM interactions") == "0");
  CHECK(box.query("SELECT last_day IS NULL FROM contact_stats s JOIN contacts c"
                  " ON c.id = s.contact_id WHERE c.name = 'José Núñez'") == "1");
  CHECK(box.ok({"find", "savings"}).find("Sent him") == std::string::npos);
  CHECK(box.query("PRAGMA integrity_check") == "ok");

  CHECK(box.ok({"redo"}) ==
        "Redid #4: log with José Núñez on 2026-11-22, 'Sent him the savings'.\n");
  CHECK(ledger(box, "josé") == "2/0");
  CHECK(box.ok({"report"}) == report_before);
  CHECK(box.ok({"find", "savings"}).find("Sent him") != std::string::npos);
}

TEST_CASE("undo --list shows the changes newest first, and --json gives each as an object",
          "[undo]") {
  Sandbox box;
  seed(box);
  box.ok({"log", "sam rivera", "Skip-level", "--received"});
  box.ok({"undo"});
  std::string listed = box.ok({"undo", "--list"});
  // The time is when the change was recorded, in local time: the clock's, not --today's.
  std::regex shape(
      "ID  WHEN +TOUCHED +CHANGE\n"
      "#4  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  1 interaction +\\(undone\\) log with Sam Rivera on "
      "2026-11-22, 'Skip-level'\n"
      "#3  [-0-9: ]+  1 contact +add Sam Okafor\n"
      "#2  [-0-9: ]+  1 contact +add Sam Rivera\n"
      "#1  [-0-9: ]+  1 contact +add José Núñez\n");
  CHECK(std::regex_match(listed, shape));
  CHECK(box.ok({"undo", "--list", "--limit", "1"}).find("#3") == std::string::npos);

  json changes = json::parse(box.ok({"--json", "undo", "--list"}));
  REQUIRE(changes.size() == 4);
  CHECK(changes[0]["id"] == 4);
  CHECK(changes[0]["command"] == "log");
  CHECK(changes[0]["undone"] == true);
  CHECK(changes[0]["day"] == "2026-11-22");
  CHECK(changes[0]["touched"]["interactions"] == 1);
  CHECK(changes[3]["summary"] == "add José Núñez");
  CHECK(changes[3]["undone"] == false);
}

TEST_CASE(
    "undo ID reverts a wrong log while later work stays, and is refused while a later "
    "change touched it",
    "[undo]") {
  Sandbox box;
  seed(box);
  CHECK(box.kith({"log", "sam", "Skip-level", "--on", "2026-11-20"}).code == 3);  // two Sams
  box.ok({"log", "sam rivera", "Skip-level", "--on", "2026-11-20"});
  box.ok({"log", "josé", "Coffee", "--gave"});
  box.ok({"remind", "sam rivera", "Share the notes", "--on", "friday"});
  // #4 was the wrong Sam: undo it alone, and log it again with the right one.
  CHECK(box.ok({"undo", "#4"}) == "Undid #4: log with Sam Rivera on 2026-11-20, 'Skip-level'.\n");
  box.ok({"log", "sam okafor", "Skip-level", "--on", "2026-11-20"});
  CHECK(box.query("SELECT group_concat(c.name) FROM interaction_people p"
                  " JOIN contacts c ON c.id = p.contact_id JOIN interactions i"
                  " ON i.id = p.interaction_id WHERE i.summary = 'Skip-level'") == "Sam Okafor");
  CHECK(ledger(box, "josé") == "1/0");

  // Adding Sam Rivera cannot be undone while the reminder about him stands.
  std::string before = box.dump();
  Outcome refused = box.kith({"undo", "2"});
  CHECK(refused.code == 2);
  CHECK(refused.out.empty());
  CHECK(refused.err ==
        "kith: cannot undo change #2 (add Sam Rivera) alone: change #6 (remind about Sam Rivera: "
        "'Share the notes', due 2026-11-27) touched the same records since; undo that first\n");
  CHECK(box.dump() == before);
}

TEST_CASE("nothing to undo or redo is one line and exit 3, and changes nothing", "[undo]") {
  Sandbox box;
  Outcome nothing = box.kith({"undo"});
  CHECK(nothing.code == 3);
  CHECK(nothing.err == "kith: nothing to undo: the journal holds no change\n");
  CHECK_FALSE(std::filesystem::exists(box.db()));  // no database made to say so

  box.ok({"add", "Ada"});
  box.ok({"undo"});
  std::string before = box.dump();
  Outcome again = box.kith({"undo"});
  CHECK(again.code == 3);
  CHECK(again.err == "kith: nothing to undo: the journal holds no change\n");
  box.ok({"add", "Grace"});
  Outcome redo = box.kith({"redo"});
  CHECK(redo.code == 3);
  CHECK(redo.err ==
        "kith: nothing to redo: kith redo re-applies the last undo while nothing else has been "
        "written since\n");
  CHECK(box.query("SELECT group_concat(name) FROM contacts") == "Grace");
  (void)before;
}

TEST_CASE("undo of a whole import removes everything it added, and redo brings it back", "[undo]") {
  Sandbox box;
  box.ok({"add", "Already Here"});
  // 60 people and 6,000 interactions: a bulk load, recorded in several chunks.
  std::string doc = R"({"format":"kith","version":1,"contacts":[)";
  auto uuid = [](int kind, int i) {
    char text[40];
    std::snprintf(text, sizeof text, "%08x-0000-4000-8000-%012x", kind, i);
    return std::string(text);
  };
  for (int i = 0; i < 60; ++i) {
    doc += std::string(i ? "," : "") + R"({"uuid":")" + uuid(1, i) + R"(","name":"Person )" +
           std::to_string(i) +
           R"(","types":["peer"],"added_on":"2026-01-01",)"
           R"("created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z"})";
  }
  doc += R"(],"interactions":[)";
  for (int i = 0; i < 6000; ++i) {
    doc += std::string(i ? "," : "") + R"({"uuid":")" + uuid(2, i) + R"(","day":"2026-0)" +
           std::to_string(1 + i % 9) + R"(-1)" + std::to_string(i % 10) + R"(","summary":"Talk )" +
           std::to_string(i) + R"( zebra","direction":")" + (i % 3 ? "gave" : "mutual") +
           R"(","weight":2,"people":[")" + uuid(1, i % 60) +
           R"("],"created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z"})";
  }
  doc += "]}";
  const auto file = box.dir() / "big.json";
  std::ofstream(file) << doc;

  std::string before = box.dump();
  box.ok({"import", file.string()});
  CHECK(box.query("SELECT count(*) FROM interactions") == "6000");
  CHECK(box.query("SELECT count(*) > 1 FROM journal_chunks WHERE entry_id ="
                  " (SELECT max(id) FROM journal)") == "1");
  std::string imported = box.query(
      "SELECT group_concat(given || '/' || last_day, ' ') FROM contact_stats ORDER BY contact_id");

  std::string undone = box.ok({"undo"});
  CHECK(undone == "Undid #2: import of " + file.string() + ": 60 contacts, 6000 interactions.\n");
  CHECK(box.query("SELECT count(*) FROM interactions") == "0");
  CHECK(box.query("SELECT group_concat(name) FROM contacts") == "Already Here");
  CHECK(box.query("SELECT count(*) FROM interactions_fts WHERE interactions_fts MATCH 'zebra'") ==
        "0");
  CHECK(box.query("PRAGMA integrity_check") == "ok");

  box.ok({"redo"});
  CHECK(box.query("SELECT count(*) FROM interactions") == "6000");
  CHECK(box.query("SELECT count(*) FROM interactions_fts WHERE interactions_fts MATCH 'zebra'") ==
        "6000");
  CHECK(box.query("SELECT group_concat(given || '/' || last_day, ' ') FROM contact_stats"
                  " ORDER BY contact_id") == imported);
  (void)before;
}

}  // namespace kith::test
