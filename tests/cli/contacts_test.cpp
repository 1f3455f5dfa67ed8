// End-to-end: adding, listing, showing, editing, archiving and deleting contacts; types.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;

TEST_CASE("add stores every field and confirms with the first due date", "[contacts]") {
  Sandbox box;
  std::string out = box.ok({"add",
                            "Ada",
                            "Lovelace",
                            "--type",
                            "mentor",
                            "--type",
                            "Sponsor",
                            "--email",
                            "ada@example.com",
                            "--email",
                            "ada@work.example",
                            "--phone",
                            "+44 20 5550 0101",
                            "--org",
                            "Analytical Engines",
                            "--title",
                            "Principal",
                            "--birthday",
                            "1985-12-10",
                            "--tag",
                            "ML",
                            "--tag",
                            "history",
                            "--circle",
                            "2",
                            "--learn",
                            "picking problems",
                            "--offer",
                            "compiler intro",
                            "--note",
                            "Prefers mornings"});
  CHECK(out ==
        "Added Ada Lovelace (#1): mentor, sponsor. Check in every 4 weeks; first due "
        "2026-12-20 (in 4 weeks).\n");
  CHECK(box.query("SELECT name, org, title, birthday, circle, learn, offer, note, added_on "
                  "FROM contacts") ==
        "Ada Lovelace|Analytical Engines|Principal|1985-12-10|2|picking problems|"
        "compiler intro|Prefers mornings|2026-11-22");
  CHECK(box.query("SELECT t.name FROM contact_types ct JOIN types t ON t.id = ct.type_id "
                  "ORDER BY 1") == "mentor\nsponsor");
  CHECK(box.query("SELECT tag FROM contact_tags ORDER BY 1") == "history\nml");
  CHECK(box.query("SELECT kind, value FROM contact_channels ORDER BY kind, position") ==
        "email|ada@example.com\nemail|ada@work.example\nphone|+44 20 5550 0101");
  CHECK(box.query("SELECT length(uuid), substr(uuid, 15, 1) FROM contacts") == "36|4");
}

TEST_CASE("a contact without a type or cadence is added but never due", "[contacts]") {
  Sandbox box;
  CHECK(box.ok({"add", "Bob"}) ==
        "Added Bob (#1). No cadence: give it a --type or --every to be reminded to check in.\n");
  json j = json::parse(box.ok({"--json", "show", "bob"}));
  CHECK(j["next_due"].is_null());
  CHECK(j["overdue"] == false);
}

TEST_CASE("list shows cadence, last contact, next due and balance, aligned for any script",
          "[contacts]") {
  Sandbox box;
  box.ok({"add", "José Núñez", "--type", "mentor"});
  box.ok({"add", "山田 太郎", "--type", "peer"});
  box.ok({"--today", "2026-09-01", "add", "Grace Hopper", "--type", "manager"});
  box.ok({"log", "jose", "Coffee", "--on", "2026-11-20", "--gave", "--weight", "2"});
  std::string out = box.ok({"list"});
  CHECK(out ==
        "ID  NAME          TYPES    EVERY  LAST CONTACT  NEXT DUE                      BALANCE\n"
        " 3  Grace Hopper  manager  2w     never         2026-09-15  2 months overdue        0\n"
        " 1  José Núñez    mentor   6w     2026-11-20    2027-01-01  in 5 weeks             +2\n"
        " 2  山田 太郎     peer     8w     never         2027-01-17  in 8 weeks              0\n"
        "3 contacts, 1 overdue\n");
  CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("list filters by type, tag, overdue and archived", "[contacts]") {
  Sandbox box;
  box.ok({"--today", "2026-01-01", "add", "Old Friend", "--type", "peer", "--tag", "alumni"});
  box.ok({"add", "New Boss", "--type", "manager"});
  box.ok({"add", "Gone", "--type", "peer"});
  box.ok({"archive", "gone"});
  auto names = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    std::string out;
    for (const auto& c : json::parse(box.ok(args))) out += c["name"].get<std::string>() + ";";
    return out;
  };
  CHECK(names({"list"}) == "New Boss;Old Friend;");
  CHECK(names({"list", "--type", "peer"}) == "Old Friend;");
  CHECK(names({"list", "--tag", "ALUMNI"}) == "Old Friend;");
  CHECK(names({"list", "--overdue"}) == "Old Friend;");
  CHECK(names({"list", "--archived"}) == "Gone;");
  CHECK(box.ok({"list", "--type", "sponsor"}) == "No contacts match.\n");
}

TEST_CASE("WHO matches ids, whole names and unique parts, ignoring case and accents",
          "[contacts]") {
  Sandbox box;
  box.ok({"add", "José Núñez"});
  box.ok({"add", "Ada"});
  box.ok({"add", "Ada Lovelace"});
  auto who = [&](const std::string& text) {
    return json::parse(box.ok({"--json", "show", text}))["name"].get<std::string>();
  };
  CHECK(who("jose") == "José Núñez");
  CHECK(who("NUNEZ") == "José Núñez");
  CHECK(who("josé núñez") == "José Núñez");
  CHECK(who("1") == "José Núñez");
  CHECK(who("ada") == "Ada");  // a whole-name match wins over partial ones
  CHECK(who("love") == "Ada Lovelace");
  Outcome o = box.kith({"show", "a"});
  CHECK(o.code == 3);
  CHECK(o.err == "kith: 'a' matches 2 contacts: Ada (#2), Ada Lovelace (#3)\n");
}

TEST_CASE("show prints details, balance, open reminders and the recent timeline", "[contacts]") {
  Sandbox box;
  box.ok({"--today",    "2026-10-01",
          "add",        "Grace Hopper",
          "--type",     "sponsor",
          "--org",      "Navy",
          "--title",    "Rear Admiral",
          "--birthday", "12-09",
          "--circle",   "1",
          "--met-via",  "Howard Aiken",
          "--tag",      "cobol",
          "--learn",    "how to sell ideas",
          "--offer",    "demo"});
  box.ok({"log", "grace", "Demo of the compiler", "--on", "2026-10-10", "--via", "meeting",
          "--gave", "--weight", "3", "--next", "2026-12-01", "Send the paper"});
  box.ok({"log", "grace", "Advice on the talk", "--on", "2026-10-20", "--received"});
  std::string out = box.ok({"show", "grace"});
  CHECK(out ==
        "Grace Hopper  #1\n"
        "  Role        Rear Admiral at Navy\n"
        "  Types       sponsor · every 4 weeks\n"
        "  Birthday    12-09 (next 2026-12-09, in 2 weeks)\n"
        "  Circle      1 (your team and those it works with)\n"
        "  Met via     Howard Aiken\n"
        "  Tags        cobol\n"
        "  Learn       how to sell ideas\n"
        "  Offer       demo\n"
        "  Added       2026-10-01 (7 weeks ago)\n"
        "  Last        2026-10-20 (4 weeks ago)\n"
        "  Next due    2026-11-17 (5 days overdue)\n"
        "  Balance     net +2 (gave 3, received 1); last gave 2026-10-10\n"
        "\n"
        "Open reminders\n"
        "  ID  DUE         WHEN       KIND      TEXT\n"
        "  #1  2026-12-01  in 9 days  followup  Send the paper\n"
        "\n"
        "Recent\n"
        "  ID  DAY         VIA      VALUE       WITH  SUMMARY\n"
        "  #2  2026-10-20           received 1        Advice on the talk\n"
        "  #1  2026-10-10  meeting  gave 3            Demo of the compiler\n");
}

TEST_CASE("edit changes fields, adds to and removes from lists, and renames", "[contacts]") {
  Sandbox box;
  box.ok({"add", "Grace", "--type", "peer", "--tag", "navy", "--email", "g@example.com", "--every",
          "3w", "--circle", "2", "--birthday", "12-09"});
  CHECK(box.ok({"edit",          "grace",     "--name",  "Grace Hopper",   "--type",
                "sponsor",       "--no-type", "peer",    "--tag",          "cobol",
                "--no-tag",      "navy",      "--email", "gh@example.com", "--no-email",
                "G@example.com", "--org",     "Navy",    "--no-every",     "--no-circle",
                "--no-birthday"}) == "Updated Grace Hopper (#1); next check-in due 2026-12-20.\n");
  json j = json::parse(box.ok({"--json", "show", "hopper"}));
  CHECK(j["types"] == json::array({"sponsor"}));
  CHECK(j["tags"] == json::array({"cobol"}));
  CHECK(j["emails"] == json::array({"gh@example.com"}));
  CHECK(j["org"] == "Navy");
  CHECK(j["every"].is_null());
  CHECK(j["cadence"] == "4w");
  CHECK(j["circle"].is_null());
  CHECK(j["birthday"].is_null());
  box.ok({"edit", "hopper", "--org", ""});
  CHECK(box.query("SELECT org FROM contacts") == "");
}

TEST_CASE("an archived contact is kept, never due, and comes back with unarchive", "[contacts]") {
  Sandbox box;
  box.ok({"--today", "2026-01-01", "add", "Grace", "--type", "manager"});
  CHECK(box.ok({"archive", "grace"}) ==
        "Archived Grace (#1): kept with their history, never due.\n");
  CHECK(box.ok({"archive", "grace"}) == "Grace (#1) is already archived.\n");
  CHECK(box.ok({"list"}) == "No contacts yet. Add one: kith add NAME --type mentor\n");
  CHECK(json::parse(box.ok({"--json", "show", "grace"}))["next_due"].is_null());
  CHECK(box.ok({"unarchive", "grace"}) == "Unarchived Grace (#1).\n");
  CHECK(json::parse(box.ok({"--json", "list", "--overdue"})).size() == 1);
}

TEST_CASE(
    "rm deletes the contact with its history, reminders and search entries, and "
    "keeps interactions shared with others",
    "[contacts]") {
  Sandbox box;
  box.ok({"add", "Ada", "--note", "uniqueword"});
  box.ok({"add", "Grace"});
  box.ok({"log", "ada", "Alone with Ada", "--on", "2026-11-01", "--next", "2w", "Call back"});
  box.ok({"log", "ada", "grace", "Lunch together", "--on", "2026-11-02", "--gave"});
  CHECK(box.ok({"rm", "ada", "--yes"}) ==
        "Deleted Ada (#1) with 2 interactions, and 3 changes in the undo journal that held a "
        "trace of them. This cannot be undone.\n");
  // The journal keeps only what never touched Ada: adding Grace.
  CHECK(box.query("SELECT group_concat(summary, '; ') FROM journal") == "add Grace");
  CHECK(box.query("SELECT count(*) FROM journal_chunks WHERE"
                  " instr(changeset, CAST('uniqueword' AS BLOB)) > 0") == "0");
  CHECK(box.query("SELECT count(*) FROM journal_people") == "1");
  CHECK(box.query("SELECT name FROM contacts") == "Grace");
  CHECK(box.query("SELECT summary FROM interactions") == "Lunch together");
  CHECK(box.query("SELECT count(*) FROM interaction_people") == "1");
  CHECK(box.query("SELECT count(*) FROM reminders") == "0");
  CHECK(box.query("SELECT count(*) FROM contact_stats") == "1");
  CHECK(box.query("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'uniqueword'") ==
        "0");
  CHECK(box.query("SELECT count(*) FROM interactions_fts WHERE interactions_fts MATCH "
                  "'alone'") == "0");
  CHECK(box.query("PRAGMA integrity_check") == "ok");
}

TEST_CASE("types lists the built-ins, set and add change cadence and weight", "[contacts]") {
  Sandbox box;
  box.ok({"add", "Ada", "--type", "mentor"});
  CHECK(box.ok({"types"}) ==
        "TYPE      EVERY    WEIGHT  CONTACTS\n"
        "customer  4 weeks       3         0\n"
        "manager   2 weeks       4         0\n"
        "mentor    6 weeks       4         1\n"
        "peer      8 weeks       2         0\n"
        "report    2 weeks       3         0\n"
        "sponsor   4 weeks       5         0\n");
  CHECK(box.ok({"types", "set", "mentor", "--every", "3m", "--weight", "5"}) ==
        "Updated type 'mentor'.\n");
  CHECK(json::parse(box.ok({"--json", "show", "ada"}))["next_due"] == "2027-02-22");
  CHECK(box.ok({"types", "add", "Friend", "--every", "1m"}) == "Added type 'friend'.\n");
  box.ok({"add", "Bob", "--type", "friend"});
  json types = json::parse(box.ok({"--json", "types"}));
  CHECK(types[1]["name"] == "friend");
  CHECK(types[1]["builtin"] == false);
  CHECK(types[1]["every"] == "1m");
  CHECK(types[1]["weight"] == 3);
  CHECK(types[1]["contacts"] == 1);
  box.ok({"types", "set", "friend", "--every", "none"});
  CHECK(json::parse(box.ok({"--json", "show", "bob"}))["cadence"].is_null());
}

TEST_CASE("global options are accepted after the command and from the environment", "[contacts]") {
  Sandbox box;
  box.ok({"add", "Ada", "--type", "manager"});
  Outcome o = box.raw({"list", "--json", "--db", box.db().string(), "--today", "2026-12-25"});
  REQUIRE(o.code == 0);
  CHECK(json::parse(o.out)[0]["overdue"] == true);
  box.env = {{"KITH_DB", box.db().string()}, {"KITH_TODAY", "2026-11-23"}};
  o = box.raw({"--json", "list"});
  CHECK(json::parse(o.out)[0]["overdue"] == false);
}

TEST_CASE("colour appears only when asked for or on a terminal, and NO_COLOR wins over auto",
          "[contacts]") {
  Sandbox box;
  box.ok({"add", "Ada", "--type", "mentor"});
  CHECK(box.ok({"list"}).find('\x1b') == std::string::npos);
  CHECK(box.ok({"--color", "always", "list"}).find("\x1b[1m") != std::string::npos);
  box.env = {{"NO_COLOR", "1"}};
  CHECK(box.ok({"--color", "auto", "list"}).find('\x1b') == std::string::npos);
  CHECK(box.ok({"--color", "always", "list"}).find('\x1b') != std::string::npos);
}

// More rows than list prints at a time (500): the first ones fix the column widths, the
// header comes once, and --overdue still puts the longest overdue first.
TEST_CASE("list prints a long list in batches with one header, every row aligned", "[contacts]") {
  Sandbox box;
  constexpr int kPeople = 1200;
  std::string records;
  for (int i = 0; i < kPeople; ++i) {
    char record[320];
    std::snprintf(record, sizeof record,
                  R"(%s{"uuid": "00000000-0000-4000-8000-%012d", "name": "Person %04d",)"
                  R"( "types": ["peer"], "added_on": "2026-%02d-01",)"
                  R"( "created_at": "2026-01-01T00:00:00.000Z",)"
                  R"( "updated_at": "2026-01-01T00:00:00.000Z"})",
                  i ? "," : "", i, i, 1 + i % 10);
    records += record;
  }
  write_file(box.dir() / "many.json",
             R"({"format": "kith", "version": 1, "types": [], "contacts": [)" + records +
                 R"(], "interactions": [], "reminders": []})");
  box.ok({"import", (box.dir() / "many.json").string()});

  const auto lines_of = [](const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  };
  std::vector<std::string> all = lines_of(box.ok({"list"}));
  REQUIRE(all.size() == kPeople + 2);  // header, rows, footer
  CHECK(all[0].find("NAME") != std::string::npos);
  CHECK(std::count_if(all.begin(), all.end(), [](const std::string& line) {
          return line.find("NAME") != std::string::npos;
        }) == 1);
  CHECK(all[1].find("Person 0000") != std::string::npos);
  CHECK(all[kPeople].find("Person 1199") != std::string::npos);
  // Every row as wide as the first (in characters: a cell cut to fit ends in '…').
  const auto columns = [](const std::string& line) {
    return std::count_if(line.begin(), line.end(),
                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  };
  for (int i = 1; i <= kPeople; ++i) CHECK(columns(all[i]) == columns(all[1]));
  CHECK(all.back().rfind("1200 contacts, ", 0) == 0);

  std::vector<std::string> overdue = lines_of(box.ok({"list", "--overdue"}));
  REQUIRE(overdue.size() > 502);
  const std::size_t due_at = overdue[0].find("NEXT DUE");
  REQUIRE(due_at != std::string::npos);
  for (std::size_t i = 2; i + 1 < overdue.size(); ++i) {
    CHECK(overdue[i - 1].substr(due_at, 10) <= overdue[i].substr(due_at, 10));
  }
  CHECK(overdue[1].find("Person 0000") != std::string::npos);  // added first, due first

  CHECK(nlohmann::json::parse(box.ok({"--json", "list"})).size() == kPeople);
}

}  // namespace kith::test
