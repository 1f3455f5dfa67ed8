// End-to-end: who can introduce you. Targets, kith knows, kith intro and kith path, each checked
// in stdout, stderr, the exit code and the database afterwards.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Ada Lovelace, a mentor: coffee five days ago, you gave 3; she knows Lin Chen, a target at
// Initech. Grace Hopper, a peer: a call 40 days ago and a lunch with Bob Lee 30 days ago; Bob
// (at Initech, nothing else logged) knows Lin. Old Friend, at Initech too, knows Lin but is
// archived. Today is 2026-11-22.
void seed(const Sandbox& box) {
  box.ok({"add", "Ada Lovelace", "--type", "mentor", "--org", "Analytical Engines"});
  box.ok({"add", "Grace Hopper", "--type", "peer"});
  box.ok({"add", "Bob Lee", "--org", "Initech"});
  box.ok({"add", "Lin Chen", "--target", "--org", "Initech", "--title", "Head of Data"});
  box.ok({"add", "Old Friend", "--org", "Initech"});
  box.ok({"archive", "old friend"});
  box.ok({"log", "ada", "Coffee about the reorg", "--via", "coffee", "--gave", "--weight", "3",
          "--on", "2026-11-17"});
  box.ok({"log", "grace", "Catch-up call", "--via", "call", "--on", "2026-10-13"});
  box.ok({"log", "grace", "bob", "Team lunch", "--via", "meal", "--on", "2026-10-23"});
  box.ok({"knows", "ada", "lin", "--how", "former colleagues at Initech"});
  box.ok({"knows", "bob", "lin", "--how", "same team"});
  box.ok({"knows", "old friend", "lin", "--how", "old friends"});
}

// The records an intro writes, with the summaries it moves.
const char* kRecords =
    "SELECT 'i', id, day, summary, direction, updated_at FROM interactions"
    " UNION ALL SELECT 'p', contact_id, interaction_id, day, '', '' FROM interaction_people"
    " UNION ALL SELECT 'k', id, a, b, how, updated_at FROM knows"
    " UNION ALL SELECT 's', contact_id, given, received, last_day, due FROM contact_stats"
    " UNION ALL SELECT 'c', id, name, target, updated_at, '' FROM contacts ORDER BY 1, 2, 3";

}  // namespace

TEST_CASE("path lists the warmest routes to a target, each step with its strength and why",
          "[cli][path]") {
  Sandbox box;
  seed(box);
  const std::string before = box.dump();
  Outcome o = box.kith({"path", "lin"});
  CHECK(o.code == 0);
  CHECK(o.err.empty());
  CHECK(o.out ==
        "Warmest routes to Lin Chen (a target):\n"
        "1. Ada Lovelace → Lin Chen  strength 0.61\n"
        "   0.68 Ada Lovelace: mentor, coffee 5 days ago, you gave 3 more than you received\n"
        "   0.90 knows Lin Chen: former colleagues at Initech\n"
        "2. Bob Lee → Lin Chen  strength 0.46\n"
        "   0.51 Bob Lee: meal 4 weeks ago\n"
        "   0.90 knows Lin Chen: same team\n"
        "3. Grace Hopper → Bob Lee → Lin Chen  strength 0.09\n"
        "   0.48 Grace Hopper: peer, meal 4 weeks ago, 2 interactions in the last year\n"
        "   0.22 knows Bob Lee: logged together once, latest 4 weeks ago\n"
        "   0.90 knows Lin Chen: same team\n");
  json j = json::parse(box.ok({"--json", "path", "lin"}));
  CHECK(j["target"]["kind"] == "contact");
  CHECK(j["target"]["is_target"] == true);
  REQUIRE(j["routes"].size() == 3);
  CHECK(j["routes"][0]["steps"][0]["name"] == "Ada Lovelace");
  CHECK(j["routes"][0]["steps"][0]["source"] == "you");
  CHECK(j["routes"][0]["steps"][1]["source"] == "knows");
  CHECK(j["routes"][0]["steps"][1]["how"] == "former colleagues at Initech");
  for (const json& route : j["routes"]) {
    CHECK(route["steps"].size() <= 3);
    for (const json& step : route["steps"]) CHECK(step["name"] != "Old Friend");
  }
  CHECK(box.ok({"path", "lin", "--limit", "1"}) ==
        "Warmest routes to Lin Chen (a target):\n"
        "1. Ada Lovelace → Lin Chen  strength 0.61\n"
        "   0.68 Ada Lovelace: mentor, coffee 5 days ago, you gave 3 more than you received\n"
        "   0.90 knows Lin Chen: former colleagues at Initech\n");
  CHECK(box.dump() == before);  // a read changes nothing
}

TEST_CASE(
    "path to someone you know says so first, and into an organisation lists whom you "
    "know there",
    "[cli][path]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"path", "bob"}) ==
        "You know Bob Lee: last spoke 4 weeks ago (meal).\n"
        "Warmest introductions to Bob Lee:\n"
        "1. Ada Lovelace → Lin Chen → Bob Lee  strength 0.55\n"
        "   0.68 Ada Lovelace: mentor, coffee 5 days ago, you gave 3 more than you received\n"
        "   0.90 knows Lin Chen: former colleagues at Initech\n"
        "   0.90 knows Bob Lee: same team\n"
        "2. Grace Hopper → Bob Lee  strength 0.10\n"
        "   0.48 Grace Hopper: peer, meal 4 weeks ago, 2 interactions in the last year\n"
        "   0.22 knows Bob Lee: logged together once, latest 4 weeks ago\n");
  // Initech names no contact: an organisation; its archived member is no end point.
  CHECK(box.ok({"path", "initech"}) ==
        "You know 1 person at Initech: Bob Lee, last spoke 4 weeks ago (meal).\n"
        "Warmest routes into Initech (2 people there):\n"
        "1. Ada Lovelace → Lin Chen  strength 0.61\n"
        "   0.68 Ada Lovelace: mentor, coffee 5 days ago, you gave 3 more than you received\n"
        "   0.90 knows Lin Chen: former colleagues at Initech\n"
        "2. Grace Hopper → Bob Lee  strength 0.10\n"
        "   0.48 Grace Hopper: peer, meal 4 weeks ago, 2 interactions in the last year\n"
        "   0.22 knows Bob Lee: logged together once, latest 4 weeks ago\n");
  CHECK(box.ok({"path", "INITECH", "--org"}) ==
        "You know 1 person at Initech: Bob Lee, last spoke 4 weeks ago (meal).\n"
        "Warmest routes into Initech (2 people there):\n"
        "1. Ada Lovelace → Lin Chen  strength 0.61\n"
        "   0.68 Ada Lovelace: mentor, coffee 5 days ago, you gave 3 more than you received\n"
        "   0.90 knows Lin Chen: former colleagues at Initech\n"
        "2. Grace Hopper → Bob Lee  strength 0.10\n"
        "   0.48 Grace Hopper: peer, meal 4 weeks ago, 2 interactions in the last year\n"
        "   0.22 knows Bob Lee: logged together once, latest 4 weeks ago\n");
  json j = json::parse(box.ok({"--json", "path", "initech"}));
  CHECK(j["target"]["kind"] == "organisation");
  CHECK(j["end_points"] == 2);
  CHECK(j["known_total"] == 1);
}

TEST_CASE("path with no route says so with a hint and exits 0, and an unknown target exits 3",
          "[cli][path]") {
  Sandbox box;
  box.ok({"add", "Ada Lovelace", "--type", "mentor"});
  box.ok({"add", "Lin Chen", "--target"});
  Outcome o = box.kith({"path", "lin"});
  CHECK(o.code == 0);
  CHECK(o.out ==
        "No route to Lin Chen within three steps.\n"
        "Record who knows whom with kith knows A B --how TEXT; introducers (--met-via) and people "
        "logged together count too.\n");
  o = box.kith({"path", "nobody"});
  CHECK(o.code == 3);
  CHECK(o.out.empty());
  CHECK(o.err == "kith: no contact or organisation matching 'nobody'\n");
}

TEST_CASE("knows records a pair once, lists whom someone knows, forgets, and undo takes it back",
          "[cli][path]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"knows", "lin", "ada"}) ==
        "Lin Chen and Ada Lovelace already know each other (former colleagues at Initech); "
        "nothing changed.\n");
  CHECK(box.ok({"knows", "lin", "ada", "--how", "worked together at Initech"}) ==
        "Updated how Lin Chen and Ada Lovelace know each other (worked together at Initech).\n");
  CHECK(box.query("SELECT a, b, how, since FROM knows ORDER BY id") ==
        "1|4|worked together at Initech|2026-11-22\n3|4|same team|2026-11-22\n"
        "5|4|old friends|2026-11-22");
  CHECK(box.ok({"knows", "grace"}) ==
        "Grace Hopper knows:\n"
        "ID  NAME     SOURCE    STRENGTH  WHY\n"
        "#3  Bob Lee  together      0.22  logged together once, latest 4 weeks ago\n");
  json j = json::parse(box.ok({"--json", "knows", "grace"}));
  REQUIRE(j["knows"].size() == 1);
  CHECK(j["knows"][0]["source"] == "together");
  CHECK(j["knows"][0]["count"] == 1);
  CHECK(box.ok({"knows", "ada", "lin", "--forget"}) ==
        "Forgot that Ada Lovelace and Lin Chen know each other.\n");
  CHECK(box.query("SELECT count(*) FROM knows WHERE a = 1") == "0");
  box.ok({"undo"});
  CHECK(box.query("SELECT how FROM knows WHERE a = 1") == "worked together at Initech");
  box.ok({"undo"});
  CHECK(box.query("SELECT how FROM knows WHERE a = 1") == "former colleagues at Initech");
  j = json::parse(box.ok({"--json", "knows", "grace", "ada", "--how", "book club"}));
  CHECK(j["outcome"] == "added");
  CHECK(j["link"]["a"]["name"] == "Grace Hopper");
  CHECK(j["link"]["how"] == "book club");
}

TEST_CASE("intro logs a give to both and records that they know each other, one undo for both",
          "[cli][path]") {
  Sandbox box;
  seed(box);
  const std::string records = box.query(kRecords);
  Outcome o = box.kith({"intro", "ada", "grace", "Introduced them about the data team"});
  CHECK(o.code == 0);
  CHECK(o.err.empty());
  CHECK(o.out ==
        "Logged the introduction of Ada Lovelace and Grace Hopper on 2026-11-22 (gave 1 to "
        "both).\n"
        "Ada Lovelace now knows Grace Hopper (introduced by you on 2026-11-22).\n");
  CHECK(box.query("SELECT channel, direction, weight, summary FROM interactions ORDER BY id DESC "
                  "LIMIT 1") == "other|gave|1|Introduced them about the data team");
  CHECK(box.query("SELECT group_concat(contact_id) FROM (SELECT contact_id FROM "
                  "interaction_people WHERE interaction_id = 4 ORDER BY contact_id)") == "1,2");
  CHECK(box.query("SELECT a, b, how FROM knows ORDER BY id DESC LIMIT 1") ==
        "1|2|introduced by you on 2026-11-22");
  CHECK(box.query("SELECT given FROM contact_stats WHERE contact_id IN (1, 2) ORDER BY 1") ==
        "1\n4");
  CHECK(box.ok({"undo"}).find("intro") != std::string::npos);
  CHECK(box.query(kRecords) == records);
  // With its own channel, day and how; a target introduced is a target no more.
  o = box.kith({"intro", "ada", "lin", "Intro by email", "--via", "email", "--on", "yesterday",
                "--how", "met through you"});
  CHECK(o.code == 0);
  CHECK(o.out ==
        "Logged the introduction of Ada Lovelace and Lin Chen on 2026-11-21 (gave 1 to both).\n"
        "Ada Lovelace already knew Lin Chen (met through you).\n"
        "Lin Chen is no longer a target: you know them now.\n");
  CHECK(box.query("SELECT target FROM contacts WHERE id = 4") == "0");
  box.ok({"undo"});
  CHECK(box.query("SELECT target FROM contacts WHERE id = 4") == "1");
}

TEST_CASE("a target is marked in list and show, never due, and a log makes them a contact",
          "[cli][path]") {
  Sandbox box;
  box.ok({"--today", "2025-01-01", "add", "Lin Chen", "--target", "--type", "mentor"});
  box.ok({"--today", "2025-01-01", "add", "Ada Lovelace", "--type", "mentor"});
  CHECK(box.ok({"list", "--targets"}) ==
        "ID  NAME      TYPES   EVERY   LAST CONTACT  NEXT DUE    BALANCE\n"
        " 1  Lin Chen  mentor  target  never         -                 0\n"
        "1 contact\n");
  CHECK(box.ok({"list"}).find("target") != std::string::npos);
  CHECK(box.ok({"show", "lin"}).find("Target      you want to meet them") != std::string::npos);
  CHECK(box.ok({"report"}).find("Lin Chen") == std::string::npos);
  CHECK(box.ok({"report"}).find("Ada Lovelace") != std::string::npos);
  CHECK(box.ok({"list", "--overdue"}).find("Lin Chen") == std::string::npos);
  CHECK(json::parse(box.ok({"--json", "show", "lin"}))["target"] == true);
  CHECK(box.ok({"log", "lin", "First coffee"}) ==
        "Logged with Lin Chen on 2026-11-22; next check-in 2027-01-03.\n"
        "Lin Chen is no longer a target: you know them now.\n");
  CHECK(box.query("SELECT target FROM contacts WHERE id = 1") == "0");
  box.ok({"undo"});
  CHECK(box.query("SELECT target FROM contacts WHERE id = 1") == "1");
  box.ok({"edit", "lin", "--no-target"});
  CHECK(box.query("SELECT target FROM contacts WHERE id = 1") == "0");
  box.ok({"edit", "lin", "--target"});
  CHECK(box.query("SELECT target FROM contacts WHERE id = 1") == "1");
}

TEST_CASE("targets and links travel through export and import", "[cli][path][interop]") {
  Sandbox box;
  seed(box);
  const std::string file = (box.dir() / "backup.json").string();
  box.ok({"export", "-o", file});
  json doc = json::parse(read_file(file));
  REQUIRE(doc["links"].size() == 3);
  CHECK(doc["links"][0]["how"] == "former colleagues at Initech");
  CHECK(doc["contacts"][3]["target"] == true);
  Sandbox other;
  other.ok({"import", file});
  CHECK(other.query("SELECT name FROM contacts WHERE target = 1") == "Lin Chen");
  CHECK(other.query("SELECT count(*) FROM knows") == "3");
  CHECK(other.ok({"path", "lin"}) == box.ok({"path", "lin"}));
  // Again: nothing new.
  Outcome again = other.kith({"--json", "import", file});
  CHECK(json::parse(again.out)["links"]["skipped"] == 3);
}

TEST_CASE("rm takes a person's links with them, and no word of how they knew anyone stays",
          "[cli][path][privacy]") {
  Sandbox box;
  seed(box);
  box.ok({"knows", "grace", "ada", "--how", "quokkasecretclub"});
  box.ok({"rm", "grace", "--yes"});
  // What the disk holds once kith's last connection closed and checkpointed.
  REQUIRE_FALSE(fs::exists(box.db().string() + "-wal"));
  CHECK(read_file(box.db()).find("quokkasecretclub") == std::string::npos);
  CHECK(box.query("SELECT count(*) FROM knows WHERE a = 2 OR b = 2") == "0");
  CHECK(box.query("SELECT count(*) FROM knows") == "3");
}

}  // namespace kith::test
