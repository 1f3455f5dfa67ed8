// End-to-end: career goals. Adding, linking, changing and closing goals; the list and one goal's
// page with its people, gaps and suggestions; plan --goal, the report's and show's marks; export
// and import; each checked in stdout, stderr, the exit code and the database afterwards.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;

namespace {

// Ada, a mentor (coffee 2026-11-10); Grace, a sponsor whose title is "Staff engineer"; Lin, a
// peer who wants to learn how one makes staff; Sam, a peer with a coffee about the principal
// engineer path; Old Friend, archived, whose learn mentions staff. All added 2026-09-01; today
// is Sunday 2026-11-22.
void seed(Sandbox& box) {
  box.today = "2026-09-01";
  box.ok({"add", "Ada Lovelace", "--type", "mentor"});
  box.ok({"add", "Grace Hopper", "--type", "sponsor", "--title", "Staff engineer"});
  box.ok({"add", "Lin Wu", "--type", "peer", "--learn", "How she made staff", "--note",
          "private: staff drama"});
  box.ok({"add", "Sam Roe", "--type", "peer"});
  box.ok({"add", "Old Friend", "--type", "peer", "--learn", "staff promotions"});
  box.ok({"archive", "old friend"});
  box.today = "2026-11-22";
  box.ok({"log", "ada", "Coffee", "--on", "2026-11-10", "--via", "coffee"});
  box.ok({"log", "sam", "Talked about the principal engineer path", "--on", "2026-10-03", "--via",
          "coffee"});
}

// The seed with goal #1 (staff engineer, by 2027-06-30, needs mentor and sponsor) linked to
// Ada, and goal #2 (a talk, no role, by 2026-11-01) with nobody.
void seed_goals(Sandbox& box) {
  seed(box);
  box.ok({"goal", "add", "Become a staff engineer", "--by", "2027-06-30", "--needs",
          "mentor,sponsor"});
  box.ok({"goal", "add", "Give a conference talk", "--needs", "none", "--by", "2026-11-01"});
  box.ok({"goal", "link", "1", "ada"});
}

}  // namespace

TEST_CASE("goal add prints the new goal's id and stores it open", "[cli][goal]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"goal"}) ==
        "No open goals. Set one: kith goal add TEXT [--by DATE] [--needs mentor,sponsor]\n");
  Outcome added = box.kith({"goal", "add", "Become a staff engineer", "--by", "2027-06-30",
                            "--needs", "mentor,sponsor"});
  CHECK(added.code == 0);
  CHECK(added.err.empty());
  CHECK(added.out ==
        "Added goal #1: \"Become a staff engineer\" (needs mentor and sponsor; by 2027-06-30 (in 7 "
        "months)).\nLink who can help: kith goal link 1 WHO [--as ROLE]\n");
  CHECK(box.query("SELECT id, text, by_day, needs, added_on, done_on IS NULL FROM goals") ==
        "1|Become a staff engineer|2027-06-30|mentor,sponsor|2026-11-22|1");
  json j = json::parse(box.ok({"--json", "goal", "add", "Give a talk"}));
  CHECK(j["id"] == 2);
  CHECK(j["needs"] == json::array({"mentor"}));
  CHECK(j["by"] == nullptr);
}

TEST_CASE("goal lists open goals with their people and what they lack", "[cli][goal]") {
  Sandbox box;
  seed_goals(box);
  CHECK(box.ok({"goal"}) ==
        "ID  GOAL                     BY                         PEOPLE  LACKS\n"
        "#1  Become a staff engineer  2027-06-30 (in 7 months)        1  no sponsor yet\n"
        "#2  Give a conference talk   2026-11-01 (3 weeks late)       0  nobody linked yet; past "
        "its date\n");
  json j = json::parse(box.ok({"--json", "goal"}));
  REQUIRE(j.size() == 2);
  CHECK(j[0]["people_count"] == 1);
  CHECK(j[0]["gaps"] ==
        json::parse(R"([{"kind":"role","role":"sponsor","text":"no sponsor yet"}])"));
  CHECK(j[1]["gaps"][0]["kind"] == "nobody");
  CHECK(j[1]["gaps"][1]["kind"] == "late");

  box.ok({"goal", "done", "2", "--on", "2026-11-20"});
  CHECK(box.ok({"goal"}).find("conference") == std::string::npos);
  CHECK(box.ok({"goal", "--all"}) ==
        "ID  GOAL                     BY                        PEOPLE  LACKS\n"
        "#1  Become a staff engineer  2027-06-30 (in 7 months)       1  no sponsor yet\n"
        "#2  Give a conference talk   done 2026-11-20                0\n");
}

TEST_CASE("goal ID shows its people, what it lacks and who could help, never a note",
          "[cli][goal]") {
  Sandbox box;
  seed_goals(box);
  Outcome page = box.kith({"goal", "1"});
  CHECK(page.code == 0);
  CHECK(page.err.empty());
  CHECK(page.out ==
        "Goal #1: Become a staff engineer\n"
        "  By      2027-06-30 (in 7 months)\n"
        "  Needs   mentor, sponsor\n"
        "  Set     2026-11-22 (today)\n"
        "\n"
        "People\n"
        "  ID  NAME          ROLE    LAST         CHECK-IN\n"
        "  #1  Ada Lovelace  mentor  12 days ago  due in 4 weeks\n"
        "\n"
        "Lacks: no sponsor yet\n"
        "\n"
        "Could help\n"
        "  Grace Hopper #2  title mentions 'staff'; title mentions 'engineer'\n"
        "  Lin Wu #3        learn mentions 'staff'; note mentions 'staff'\n"
        "  Sam Roe #4       coffee 2026-10-03 mentions 'engineer'\n"
        "Link one: kith goal link 1 WHO [--as ROLE]\n");
  CHECK(page.out.find("drama") == std::string::npos);
  CHECK(page.out.find("Old Friend") == std::string::npos);

  json j = json::parse(box.ok({"--json", "goal", "1"}));
  CHECK(j["words"] == json::array({"staff", "engineer"}));
  REQUIRE(j["people"].size() == 1);
  CHECK(j["people"][0]["role"] == "mentor");
  CHECK(j["people"][0]["days_since_contact"] == 12);
  CHECK(j["people"][0]["overdue"] == false);
  REQUIRE(j["suggestions"].size() == 3);
  CHECK(j["suggestions"][0]["name"] == "Grace Hopper");
  CHECK(j["suggestions"][0]["score"] == 4.5);

  // Linked people leave the suggestions; an overdue one says so.
  box.ok({"goal", "link", "1", "grace"});
  std::string after = box.ok({"goal", "1"});
  CHECK(after.find("  #2  Grace Hopper  sponsor  never        7 weeks overdue\n") !=
        std::string::npos);
  CHECK(after.find("Lacks") == std::string::npos);
  CHECK(after.find("Grace Hopper #2") == std::string::npos);
}

TEST_CASE("goal link takes the needed type as the role, --as any type, and relinking changes it",
          "[cli][goal]") {
  Sandbox box;
  seed_goals(box);
  CHECK(box.ok({"goal", "link", "1", "grace", "lin"}) ==
        "Linked Grace Hopper to goal #1 as sponsor.\nLinked Lin Wu to goal #1.\n");
  CHECK(box.ok({"goal", "link", "1", "lin", "--as", "peer"}) ==
        "Lin Wu now helps with goal #1 as peer (was no particular role).\n");
  CHECK(box.query("SELECT contact_id, role FROM goal_people ORDER BY contact_id") ==
        "1|mentor\n2|sponsor\n3|peer");
  CHECK(box.ok({"goal", "unlink", "1", "lin", "grace"}) ==
        "Unlinked Lin Wu from goal #1.\nUnlinked Grace Hopper from goal #1.\n");
  CHECK(box.query("SELECT contact_id, role FROM goal_people") == "1|mentor");
  CHECK(box.ok({"undo"}).find("goal unlink: Lin Wu and Grace Hopper") != std::string::npos);
  CHECK(box.query("SELECT count(*) FROM goal_people") == "3");
}

TEST_CASE("goal change, done, reopen and drop, each undone", "[cli][goal]") {
  Sandbox box;
  seed_goals(box);
  CHECK(box.ok({"goal", "change", "1", "--text", "Become a principal engineer", "--no-by"}) ==
        "Changed goal #1: \"Become a principal engineer\" (needs mentor and sponsor; no date).\n");
  CHECK(box.query("SELECT text, by_day IS NULL FROM goals WHERE id = 1") ==
        "Become a principal engineer|1");
  box.ok({"undo"});
  CHECK(box.query("SELECT text, by_day FROM goals WHERE id = 1") ==
        "Become a staff engineer|2027-06-30");

  CHECK(box.ok({"goal", "done", "1"}) ==
        "Done: goal #1 \"Become a staff engineer\" (on 2026-11-22).\n");
  CHECK(box.ok({"goal", "reopen", "1"}) == "Reopened goal #1: \"Become a staff engineer\".\n");
  CHECK(box.query("SELECT done_on IS NULL FROM goals WHERE id = 1") == "1");

  std::string before = box.dump();
  CHECK(box.ok({"goal", "drop", "1"}) ==
        "Dropped goal #1: \"Become a staff engineer\" (kith undo brings it back).\n");
  CHECK(box.query("SELECT count(*) FROM goals WHERE id = 1") == "0");
  CHECK(box.query("SELECT count(*) FROM goal_people") == "0");
  box.ok({"undo"});
  CHECK(box.query("SELECT text FROM goals WHERE id = 1") == "Become a staff engineer");
  CHECK(box.query("SELECT contact_id, role FROM goal_people") == "1|mentor");
}

TEST_CASE(
    "plan --goal plans the goal's people first and says why, and the report and show mark them",
    "[cli][goal][plan]") {
  Sandbox box;
  seed_goals(box);
  std::string plan = box.ok({"plan", "--goal", "1", "--days", "1", "--per-day", "2"});
  CHECK(plan.find("  Ada Lovelace #1 · mentor\n"
                  "    why:   goal #1: Become a staff engineer; not due until Tue 2026-12-22 "
                  "(every 6 weeks); mentor (weight 4)\n") != std::string::npos);
  CHECK(plan.find("Ada Lovelace") < plan.find("Grace Hopper"));
  json j = json::parse(box.ok({"--json", "plan", "--goal", "1", "--days", "1"}));
  CHECK(j["goal"]["id"] == 1);
  CHECK(j["slots"][0]["for_goal"] == true);
  CHECK(j["slots"][0]["person"]["goals"][0]["text"] == "Become a staff engineer");

  std::string report = box.ok({"--today", "2027-02-01", "report"});
  CHECK(report.find("    last: 2026-11-10 (2 months ago), coffee: \"Coffee\"\n"
                    "    goal: #1 Become a staff engineer\n") != std::string::npos);
  json r = json::parse(box.ok({"--today", "2027-02-01", "--json", "report"}));
  for (const json& p : r["reach_out"]["people"]) {
    CHECK(p["goals"].size() == (p["contact"]["name"] == "Ada Lovelace" ? 1U : 0U));
  }
  CHECK(box.ok({"show", "ada"}).find("  Goals       #1 Become a staff engineer (mentor)\n") !=
        std::string::npos);
  CHECK(json::parse(box.ok({"--json", "show", "ada"}))["goals"][0]["role"] == "mentor");
}

TEST_CASE("goals round-trip through export and import, and rm removes a person's links",
          "[cli][goal][interop]") {
  Sandbox box;
  seed_goals(box);
  box.ok({"goal", "link", "1", "grace"});
  box.ok({"goal", "done", "2"});
  const std::string file = (box.dir() / "backup.json").string();
  CHECK(box.ok({"export", "-o", file}).find("and 2 goals") != std::string::npos);
  json exported = json::parse(read_file(file));

  Sandbox other;
  Outcome imported = other.kith({"import", file});
  CHECK(imported.code == 0);
  CHECK(imported.out.find("goals             2        0        0\n") != std::string::npos);
  json again = json::parse(other.ok({"export"}));
  CHECK(again["goals"] == exported["goals"]);
  CHECK(
      other.query("SELECT g.text, c.name, p.role FROM goal_people p JOIN goals g ON g.id = "
                  "p.goal_id JOIN contacts c ON c.id = p.contact_id ORDER BY c.name") ==
      "Become a staff engineer|Ada Lovelace|mentor\nBecome a staff engineer|Grace Hopper|sponsor");
  // Importing again changes nothing.
  CHECK(other.kith({"import", file}).out.find("goals             0        0        2\n") !=
        std::string::npos);

  box.ok({"rm", "grace", "--yes"});
  CHECK(box.query("SELECT contact_id, role FROM goal_people") == "1|mentor");
  CHECK(box.query("SELECT count(*) FROM goals") == "2");
}

}  // namespace kith::test
