// End-to-end: export and import. kith JSON round trips and merges by uuid; vCard and
// LinkedIn files from the real world import and update rather than duplicate; calendars and
// tables come out valid; every bad file is refused with exit code 4 and the database as it
// was.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/harness.hpp"
#include "formats/fixtures.hpp"
#include "formats/rfc5545.hpp"

namespace kith::test {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// 2026-11-22T21:03:11Z: exports made under it carry that time, so they compare whole.
constexpr const char* kEpoch = "1795381391";

// A network with a bit of everything, made by commands: a custom type, a changed built-in
// type, every contact field, an introducer, an archived contact, interactions with several
// people, one-off, recurring, done and snoozed reminders.
void build_by_commands(Sandbox& box) {
  box.env["SOURCE_DATE_EPOCH"] = kEpoch;
  box.ok({"types", "add", "friend", "--every", "3m", "--weight", "2"});
  box.ok({"types", "set", "mentor", "--every", "5w"});
  box.ok({"--today",    "2026-06-01",
          "add",        "Ada Lovelace",
          "--type",     "mentor",
          "--type",     "friend",
          "--email",    "ada@example.com",
          "--phone",    "+44 20 7946 0958",
          "--org",      "Analytical Engines; Ltd",
          "--title",    "Countess, Mathematician",
          "--birthday", "12-10",
          "--date",     "work anniversary=2019-03-01",
          "--tag",      "math",
          "--circle",   "2",
          "--learn",    "How she picks problems",
          "--offer",    "An intro to the compiler team",
          "--note",     "private: her health\nsecond line"});
  box.ok({"--today", "2026-06-02", "add", "Grace Hopper", "--type", "sponsor", "--met-via", "ada",
          "--birthday", "1972-02-29", "--email", "grace@example.com"});
  box.ok({"--today", "2026-06-03", "add", "José Núñez", "--every", "2w", "--met-via",
          "A friend from school"});
  box.ok({"--today", "2026-06-04", "add", "Old Colleague"});
  box.ok({"archive", "old colleague"});
  box.ok({"log", "ada", "grace", "Panel prep over lunch", "--via", "meal", "--gave", "--weight",
          "2", "--on", "2026-11-01", "--next", "friday", "Send the slides"});
  box.ok({"log", "jose", "Quick call", "--received", "--on", "2026-11-10"});
  box.ok({"remind", "ada", "Send the deck", "--on", "2026-11-30", "--promise"});
  box.ok({"--today", "2026-11-01", "remind", "Review my mentor list", "--on", "2026-11-02",
          "--every", "2w"});
  box.ok({"snooze", "3", "--to", "2026-11-25"});
  box.ok({"remind", "grace", "Ask about the board", "--on", "2026-11-23"});
  box.ok({"done", "4"});
}

// The same network, as tests/formats/fixtures/network.json holds it (an export of what
// build_by_commands makes, with kEpoch as its time): one import instead of sixteen commands.
void seed(Sandbox& box) {
  box.env["SOURCE_DATE_EPOCH"] = kEpoch;
  box.ok({"import", fixture_path("network.json")});
}

std::string export_json(const Sandbox& box) { return box.ok({"export"}); }

// `kith list --json` without the timestamps (a vCard carries none: an import stamps now).
json contacts_without_times(const Sandbox& box) {
  json list = json::parse(box.ok({"--json", "list"}));
  for (json& c : list) {
    c.erase("created_at");
    c.erase("updated_at");
  }
  return list;
}

// Runs `args`; checks it was refused as a bad file with exactly `error`, nothing on stdout,
// and the database as it was.
void check_refused(const Sandbox& box, const std::vector<std::string>& args,
                   const std::string& error) {
  // A failed first command leaves an empty database at the latest schema, never a
  // half-made one (docs/architecture.md): compare with one.
  const auto empty_database = [] {
    Sandbox fresh;
    fresh.kith({"add", "Nobody", "--type", "wizard"});
    return fresh.dump();
  };
  std::string before = fs::exists(box.db()) ? box.dump() : empty_database();
  Outcome o = box.kith(args);
  CHECK(o.code == 4);
  CHECK(o.out.empty());
  CHECK(o.err == "kith: " + error + "\n");
  CHECK(o.err.find("private") == std::string::npos);
  CHECK(box.dump() == before);
}

}  // namespace

TEST_CASE(
    "kith JSON: export, import into an empty database, export again give the same "
    "document",
    "[interop]") {
  Sandbox box;
  build_by_commands(box);
  std::string first = export_json(box);
  write_file(box.dir() / "export.json", first);

  Sandbox empty;
  empty.env["SOURCE_DATE_EPOCH"] = kEpoch;
  CHECK(empty.ok({"import", (box.dir() / "export.json").string()}) ==
        "Imported " + (box.dir() / "export.json").string() +
            " (json).\n"
            "RECORDS       ADDED  UPDATED  SKIPPED\n"
            "types             1        1        5\n"
            "contacts          4        0        0\n"
            "interactions      2        0        0\n"
            "reminders         4        0        0\n");
  CHECK(export_json(empty) == first);
  // What kith derives from the records agrees too: balances, last contact, next due.
  CHECK(empty.ok({"--json", "list"}) == box.ok({"--json", "list"}));
  CHECK(empty.ok({"--json", "list", "--archived"}) == box.ok({"--json", "list", "--archived"}));
  CHECK(empty.ok({"--json", "reminders", "--all"}) == box.ok({"--json", "reminders", "--all"}));
  CHECK(empty.ok({"--json", "types"}) == box.ok({"--json", "types"}));
  CHECK(empty.ok({"--json", "show", "grace"}) == box.ok({"--json", "show", "grace"}));
}

TEST_CASE("the kith JSON document holds every record with its uuid and timestamps", "[interop]") {
  Sandbox box;
  seed(box);
  std::string exported = export_json(box);
  CHECK(exported == fixture("network.json"));  // imported into an empty database, then exported
  json doc = json::parse(exported);
  CHECK(doc["format"] == "kith");
  CHECK(doc["version"] == 1);
  CHECK(doc["exported_at"] == "2026-11-22T21:03:11.000Z");
  CHECK(doc["types"].size() == 7);
  CHECK(doc["contacts"].size() == 4);
  CHECK(doc["interactions"].size() == 2);
  CHECK(doc["reminders"].size() == 4);
  json ada = doc["contacts"][0];
  CHECK(ada["name"] == "Ada Lovelace");
  CHECK(ada["types"] == json::parse(R"(["friend","mentor"])"));
  CHECK(ada["dates"] == json::parse(R"([{"label":"work anniversary","date":"2019-03-01"}])"));
  CHECK(ada["note"] == "private: her health\nsecond line");
  CHECK(ada.find("id") == ada.end());  // local ids are not part of the document
  json grace = doc["contacts"][1];
  CHECK(grace["met_via_contact"] == ada["uuid"]);
  CHECK(doc["contacts"][2]["met_via"] == "A friend from school");
  CHECK(doc["contacts"][2]["met_via_contact"].is_null());
  CHECK(doc["contacts"][3]["archived"] == true);
  json lunch = doc["interactions"][0];
  CHECK(lunch["people"].size() == 2);
  CHECK(lunch["direction"] == "gave");
  for (const char* section : {"types", "contacts", "interactions", "reminders"}) {
    for (const json& record : doc[section]) {
      CAPTURE(section, record);
      CHECK(record["uuid"].get<std::string>().size() == 36);
      CHECK(record["created_at"].get<std::string>().size() == 24);
      CHECK(record["updated_at"].get<std::string>().size() == 24);
    }
  }
}

TEST_CASE("importing the same kith JSON twice changes nothing", "[interop]") {
  Sandbox box;
  seed(box);
  std::string before = box.dump();
  CHECK(box.ok({"import", fixture_path("network.json")}) ==
        "Imported " + fixture_path("network.json") +
            " (json).\n"
            "RECORDS       ADDED  UPDATED  SKIPPED\n"
            "types             0        0        7\n"
            "contacts          0        0        4\n"
            "interactions      0        0        2\n"
            "reminders         0        0        4\n");
  CHECK(box.dump() == before);
}

TEST_CASE("a record replaces the stored one only when its updated_at is later", "[interop]") {
  Sandbox box;
  seed(box);
  json doc = json::parse(export_json(box));
  fs::path file = box.dir() / "changed.json";
  auto import_with = [&](const std::string& name, const std::string& updated_at) {
    json changed = doc;
    changed["contacts"][0]["name"] = name;
    changed["contacts"][0]["updated_at"] = updated_at;
    changed["interactions"][0]["summary"] = "Renamed: " + name;
    changed["interactions"][0]["updated_at"] = updated_at;
    write_file(file, changed.dump());
    return json::parse(box.ok({"--json", "import", file.string()}));
  };
  json older = import_with("Ada Older", "2001-01-01T00:00:00.000Z");
  CHECK(older["contacts"] == json::parse(R"({"added":0,"updated":0,"skipped":4})"));
  CHECK(box.query("SELECT name FROM contacts WHERE id = 1") == "Ada Lovelace");

  json newer = import_with("Ada King", "2099-01-01T00:00:00.000Z");
  CHECK(newer["contacts"] == json::parse(R"({"added":0,"updated":1,"skipped":3})"));
  CHECK(newer["interactions"] == json::parse(R"({"added":0,"updated":1,"skipped":1})"));
  CHECK(box.query("SELECT name, updated_at FROM contacts WHERE id = 1") ==
        "Ada King|2099-01-01T00:00:00.000Z");
  CHECK(box.query("SELECT summary FROM interactions WHERE id = 1") == "Renamed: Ada King");
  // Search follows the renamed records.
  CHECK(box.ok({"find", "king"}).find("Ada King") != std::string::npos);
  // The ledger is unchanged by re-linking the same people.
  CHECK(box.query("SELECT given, last_day FROM contact_stats WHERE contact_id = 1") ==
        "2|2026-11-01");
}

TEST_CASE("import --dry-run says what would change and writes nothing", "[interop]") {
  std::string file = fixture_path("network.json");
  Sandbox other;
  other.ok({"add", "Someone Else"});
  std::string before = other.dump();
  CHECK(other.ok({"import", file, "--dry-run"}) == "Dry run: would import " + file +
                                                       " (json); nothing was written.\n"
                                                       "RECORDS       ADDED  UPDATED  SKIPPED\n"
                                                       "types             1        1        5\n"
                                                       "contacts          4        0        0\n"
                                                       "interactions      2        0        0\n"
                                                       "reminders         4        0        0\n");
  CHECK(other.dump() == before);
  // Not even a new database file.
  Sandbox none;
  none.ok({"import", file, "-n"});
  CHECK_FALSE(fs::exists(none.db()));
}

TEST_CASE("import --json reports counts per kind and the warnings", "[interop]") {
  Sandbox box;
  json report = json::parse(box.ok({"--json", "import", fixture_path("phone-2.1.vcf")}));
  CHECK(report["format"] == "vcard");
  CHECK(report["dry_run"] == false);
  CHECK(report["contacts"] == json::parse(R"({"added":3,"updated":0,"skipped":0})"));
  CHECK(report["warnings"] ==
        json::array({fixture_path("phone-2.1.vcf") +
                     ": line 23: invalid phone 'call reception first': expected digits with "
                     "optional + - ( ) . spaces; left out"}));
  CHECK(report["warnings_left_out"] == 0);
}

TEST_CASE("a vCard birthday whose time is not a time is left out with a warning", "[interop]") {
  Sandbox box;
  fs::path file = box.dir() / "leap.vcf";
  write_file(file,
             "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Leap Day\r\nBDAY:2024-02-29T25:00:00Z\r\n"
             "END:VCARD\r\n");
  json report = json::parse(box.ok({"--json", "import", file.string()}));
  CHECK(report["contacts"]["added"] == 1);
  CHECK(report["warnings"] ==
        json::array({file.string() +
                     ": line 4: birthday '2024-02-29T25:00:00Z' is not a date kith can keep; "
                     "left out"}));
  CHECK(box.query("SELECT birthday IS NULL FROM contacts WHERE name = 'Leap Day'") == "1");
}

TEST_CASE("a file with any invalid record changes nothing, and the error names the record",
          "[interop]") {
  Sandbox box;
  seed(box);
  json doc = json::parse(export_json(box));
  Sandbox empty;
  fs::path file = empty.dir() / "bad.json";
  json bad = doc;
  bad["contacts"][3].erase("name");  // after three valid contacts
  write_file(file, bad.dump(2));
  std::string uuid = doc["contacts"][3]["uuid"];
  check_refused(empty, {"import", file.string()},
                file.string() + ": contacts[3] (uuid " + uuid + "): missing \"name\"");
  CHECK(empty.query("SELECT count(*) FROM contacts") == "0");  // nothing of the file landed

  bad = doc;
  bad["interactions"][1]["people"] = json::array({"00000000-0000-4000-8000-000000000000"});
  write_file(file, bad.dump());
  check_refused(box, {"import", file.string()},
                file.string() + ": interactions[1] (uuid " +
                    doc["interactions"][1]["uuid"].get<std::string>() +
                    "): unknown person 00000000-0000-4000-8000-000000000000");
  bad = doc;
  bad["contacts"][0]["types"] = json::array({"wizard"});
  bad["contacts"][0]["updated_at"] = "2099-01-01T00:00:00.000Z";
  write_file(file, bad.dump());
  Outcome o = box.kith({"import", file.string()});
  CHECK(o.code == 4);
  CHECK(o.err.find("contacts[0] (uuid " + doc["contacts"][0]["uuid"].get<std::string>() +
                   "): unknown type 'wizard'") != std::string::npos);
}

TEST_CASE("sections in any order import, references resolved across the file", "[interop]") {
  Sandbox box;
  seed(box);
  json doc = json::parse(export_json(box));
  // jq -S sorts keys: reminders before types; Grace (met via Ada) before Ada.
  json shuffled;
  shuffled["reminders"] = doc["reminders"];
  shuffled["interactions"] = doc["interactions"];
  shuffled["contacts"] =
      json::array({doc["contacts"][1], doc["contacts"][0], doc["contacts"][2], doc["contacts"][3]});
  shuffled["version"] = 1;
  shuffled["types"] = doc["types"];
  shuffled["format"] = "kith";
  Sandbox empty;
  fs::path file = empty.dir() / "sorted.json";
  write_file(file, shuffled.dump());
  empty.ok({"import", file.string()});
  json back = json::parse(export_json(empty));
  CHECK(back["contacts"][0]["met_via_contact"] == doc["contacts"][0]["uuid"]);
  CHECK(back["contacts"][0]["name"] == "Grace Hopper");
  CHECK(back["interactions"] == doc["interactions"]);
  CHECK(back["reminders"] == doc["reminders"]);
}

TEST_CASE("bad files are refused with exit code 4, naming where, the database unchanged",
          "[interop]") {
  Sandbox box;
  seed(box);
  fs::path file = box.dir() / "bad";
  std::string good = export_json(box);
  struct Case {
    std::string label;
    std::string bytes;
    std::string format;
    std::string error;  // after "<file>: "
  };
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
  const std::vector<Case> cases = {
      {"truncated JSON", good.substr(0, good.size() / 2), "json", ""},
      {"wrong version", R"({"format":"kith","version":7,"types":[]})", "json",
       "kith export version 7 is newer than this kith reads (1): upgrade kith"},
      {"not kith's JSON", R"({"name":"Ada"})", "json",
       "not a kith export: no \"format\": \"kith\""},
      {"empty file", "", "json",
       "not valid JSON at line 1, column 1: unexpected end of input; expected '[', '{', or a "
       "literal"},
      {"binary garbage as JSON", garbage, "json",
       "not valid JSON at line 1, column 2: invalid literal"},
      {"vCard without END", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nBEGIN:VCARD\r\n", "vcard",
       "line 1: the card has no END:VCARD before the next BEGIN:VCARD on line 4"},
      {"vCards glued together",
       "BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARDBEGIN:VCARD\r\nFN:Grace\r\nEND:VCARD\r\n", "vcard",
       "line 3: END:VCARD and the next BEGIN:VCARD on one line (two cards glued together "
       "without a line break)"},
      {"vCard cut short", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n", "vcard",
       "line 1: the card has no END:VCARD (the file ends first)"},
      {"binary garbage as vCard", garbage, "vcard", ""},
      {"no vCard at all", "\r\n\r\n", "vcard", "no vCard in it (no BEGIN:VCARD)"},
      {"huge vCard line", "BEGIN:VCARD\r\nNOTE:" + std::string(2 << 20, 'x') + "\r\nEND:VCARD\r\n",
       "vcard", "line 2: a line longer than 1 MiB"},
      {"CSV with the wrong header", "Name,Email,Phone\r\nAda,ada@example.com,1\r\n", "linkedin",
       "no LinkedIn header (First Name,Last Name,URL,Email Address,Company,Position,Connected "
       "On) in the first 20 rows: is this LinkedIn's Connections.csv?"},
      {"binary garbage as CSV", garbage, "linkedin", ""},
      {"huge CSV field",
       "First Name,Last Name,URL\r\nAda," + std::string(100 << 10, 'x') + ",u\r\n", "linkedin",
       "line 2: a field longer than 64 KiB"},
      {"unclosed CSV quote", "First Name,Last Name,URL\r\n\"Ada,L,u\r\n", "linkedin",
       "line 2: a quoted field is not closed before the end"},
  };
  for (const Case& c : cases) {
    INFO("case: " << c.label);
    write_file(file, c.bytes);
    std::string before = box.dump();
    Outcome o = box.kith({"import", file.string(), "--format", c.format});
    CHECK(o.code == 4);
    CHECK(o.out.empty());
    CHECK(line_count(o.err) == 1);
    CHECK(o.err.rfind("kith: " + file.string() + ": ", 0) == 0);
    if (!c.error.empty()) CHECK(o.err == "kith: " + file.string() + ": " + c.error + "\n");
    CHECK(o.err.find("her health") == std::string::npos);
    CHECK(box.dump() == before);
  }
  check_refused(
      box, {"import", (box.dir() / "missing.json").string()},
      (box.dir() / "missing.json").string() + ": cannot read it: No such file or directory");
  check_refused(box, {"import", box.dir().string()},
                box.dir().string() + ": no vCard in it (no .vcf file with a card)");
}

TEST_CASE(
    "vCards from a phone, Google, Apple and Nextcloud import, export as vCard 4.0, and "
    "import again the same",
    "[interop]") {
  // One database with all four (one import each): fewer runs than a database per fixture.
  Sandbox box;
  for (const char* name :
       {"phone-2.1.vcf", "google-3.0.vcf", "apple-3.0.vcf", "nextcloud-4.0.vcf"}) {
    box.ok({"import", fixture_path(name)});
  }
  json contacts = contacts_without_times(box);
  CHECK(contacts.size() == 8);
  std::string first = box.ok({"export", "--format", "vcard"});
  write_file(box.dir() / "out.vcf", first);

  Sandbox again;
  again.ok({"import", (box.dir() / "out.vcf").string()});
  CHECK(contacts_without_times(again) == contacts);
  CHECK(again.ok({"export", "--format", "vcard"}) == first);
  // And once more into the same database: nothing new.
  CHECK(json::parse(again.ok({"--json", "import", (box.dir() / "out.vcf").string()}))["contacts"] ==
        json::parse(R"({"added":0,"updated":0,"skipped":8})"));
}

TEST_CASE("what the fixtures hold arrives in the right fields", "[interop]") {
  Sandbox box;
  box.ok({"import", fixture_path("apple-3.0.vcf")});
  box.ok({"import", fixture_path("nextcloud-4.0.vcf")});
  json apple = json::parse(box.ok({"--json", "show", "johnny"}));
  CHECK(apple["org"] == "Orchard Computers, Hardware Engineering");
  CHECK(apple["birthday"] == "--05-12");
  CHECK(apple["dates"] == json::parse(R"([{"label":"anniversary","date":"2015-06-20"},
                                          {"label":"joined Orchard","date":"2019-03-01"}])"));
  CHECK(apple["added_on"] == "2026-11-22");
  json zoe = json::parse(box.ok({"--json", "show", "zoe"}));
  // Nextcloud's UID is a UUID: it becomes the contact's, so the card is found again.
  CHECK(zoe["uuid"] == "5f1c9a72-3b8e-4d0a-b6f4-2e7d9c1a8b35");
  CHECK(zoe["tags"] == json::parse(R"(["conference-speakers","work"])"));
  CHECK(zoe["phones"] == json::parse(R"(["+45-20-12-34-56"])"));
  // Apple's UID is not a UUID, and Nextcloud's is in capitals: each is kept as written, as an
  // external id, and exported back.
  CHECK(box.query("SELECT source, value FROM external_ids ORDER BY source, value") ==
        "linkedin|https://www.linkedin.com/in/johnnya\n"
        "vcard|5F1C9A72-3B8E-4D0A-B6F4-2E7D9C1A8B35\n"
        "vcard|8C2B4E1A-7F3D-4B6A-9E21-3D5C7A9B0F12:ABPerson");
  CHECK(box.ok({"export", "--format", "vcard"})
            .find("X-KITH-UID:8C2B4E1A-7F3D-4B6A-9E21-"
                  "3D5C7A9B0F12:ABPerson\r\n") != std::string::npos);
}

TEST_CASE(
    "a vCard updates the contact with the same UID, else the same email, instead of "
    "adding another",
    "[interop]") {
  Sandbox box;
  box.ok({"add", "Grace Hopper", "--email", "GRACE@example.com", "--type", "sponsor", "--note",
          "kept"});
  box.ok({"import", fixture_path("google-3.0.vcf")});
  CHECK(box.query("SELECT count(*) FROM contacts") == "3");
  json grace = json::parse(box.ok({"--json", "show", "grace"}));
  CHECK(grace["id"] == 1);
  CHECK(grace["types"] == json::parse(R"(["sponsor"])"));
  CHECK(grace["emails"] == json::parse(R"(["GRACE@example.com", "ghopper@navy.example.mil"])"));
  CHECK(grace["note"] == "Invented the first compiler.\nAsk about COBOL; and nanoseconds.");

  // The same Apple card with a new title: found by its UID although the email changed.
  std::string card = fixture("apple-3.0.vcf");
  box.ok({"import", fixture_path("apple-3.0.vcf")});
  std::string changed = card;
  changed.replace(changed.find("TITLE:Principal Engineer"), 24, "TITLE:Distinguished Engineer");
  changed.replace(changed.find("johnny@example.com"), 18, "johnny@new.example");
  write_file(box.dir() / "changed.vcf", changed);
  json report = json::parse(box.ok({"--json", "import", (box.dir() / "changed.vcf").string()}));
  CHECK(report["contacts"] == json::parse(R"({"added":0,"updated":1,"skipped":0})"));
  CHECK(box.query("SELECT count(*) FROM contacts") == "4");
  CHECK(json::parse(box.ok({"--json", "show", "johnny"}))["title"] == "Distinguished Engineer");
}

TEST_CASE("LinkedIn's Connections.csv imports past its notes and a newer export updates",
          "[interop]") {
  Sandbox box;
  box.ok({"add", "Kwame Mensah", "--email", "kwame.mensah@example.com", "--type", "peer"});
  Outcome o = box.kith({"import", fixture_path("Connections.csv")});
  CHECK(o.code == 0);
  CHECK(o.err == "kith: warning: " + fixture_path("Connections.csv") +
                     ": line 9: a connection without a profile URL; left out\n");
  CHECK(o.out == "Imported " + fixture_path("Connections.csv") +
                     " (linkedin).\n"
                     "RECORDS   ADDED  UPDATED  UNCHANGED\n"
                     "contacts      2        1          0\n");
  CHECK(box.query("SELECT name, org, title FROM contacts ORDER BY id") ==
        "Kwame Mensah|Northwind Labs|Head of Analytics\n"
        "Ada Lovelace|Analytical Engines|Engineer, Mathematics\n"
        "Søren Lindqvist, PhD|Nordic \"Data\" Cooperative|Data Platform Lead");
  CHECK(box.query("SELECT c.name, e.since FROM external_ids e JOIN contacts c"
                  " ON c.id = e.contact_id ORDER BY c.id") ==
        "Kwame Mensah|2023-01-03\nAda Lovelace|2024-11-21\nSøren Lindqvist, PhD|2021-08-15");
  // New connections are tagged, people already known keep their tags.
  CHECK(box.query("SELECT contact_id, tag FROM contact_tags ORDER BY 1") ==
        "2|linkedin\n3|linkedin");

  o = box.kith({"import", fixture_path("Connections-newer.csv")});
  CHECK(o.code == 0);
  CHECK(o.out == "Imported " + fixture_path("Connections-newer.csv") +
                     " (linkedin).\n"
                     "RECORDS   ADDED  UPDATED  UNCHANGED\n"
                     "contacts      1        1          2\n");
  CHECK(box.query("SELECT count(*) FROM contacts") == "4");
  json ada = json::parse(box.ok({"--json", "show", "ada"}));
  CHECK(ada["title"] == "Chief Engineer");
  CHECK(ada["emails"] == json::parse(R"(["ada@example.com"])"));
  // The connection date travels in kith's JSON.
  json doc = json::parse(export_json(box));
  CHECK(doc["contacts"][1]["external_ids"] ==
        json::parse(R"([{"source":"linkedin","id":"https://www.linkedin.com/in/ada-lovelace-1815",
                         "since":"2024-11-21"}])"));
}

TEST_CASE("the calendar has open reminders of every kind and yearly dates, valid per RFC 5545",
          "[interop]") {
  Sandbox box;
  seed(box);
  // A saved outreach plan (kind 'plan', as `kith plan --save` writes it) arrives by import.
  json doc = json::parse(export_json(box));
  json plan = doc["reminders"][0];
  plan["uuid"] = "12345678-1234-4234-8234-123456789012";
  plan["kind"] = "plan";
  plan["text"] = "Ask how the reorg went";
  plan["due"] = plan["anchor"] = "2026-11-24";
  doc["reminders"].push_back(plan);
  write_file(box.dir() / "plan.json", doc.dump());
  box.ok({"import", (box.dir() / "plan.json").string()});

  std::string ics = box.ok({"export", "--format", "ics"});
  CAPTURE(ics);
  CHECK(rfc5545_problems(ics) == std::vector<std::string>{});
  CHECK(ics.find("DTSTAMP:20261122T210311Z\r\n") != std::string::npos);
  CHECK(ics.find("SUMMARY:Reach out to Ada Lovelace: Ask how the reorg went\r\n") !=
        std::string::npos);
  CHECK(ics.find("SUMMARY:Promise to Ada Lovelace: Send the deck\r\n") != std::string::npos);
  CHECK(ics.find("SUMMARY:Follow up with Ada Lovelace: Send the slides\r\n") != std::string::npos);
  CHECK(ics.find("Ask about the board") == std::string::npos);  // done
  // Snoozed off its fortnightly rhythm: the snoozed day, then the rhythm.
  CHECK(ics.find("DTSTART;VALUE=DATE:20261125\r\nDTEND;VALUE=DATE:20261126\r\nSUMMARY:Review") !=
        std::string::npos);
  CHECK(ics.find("DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n"
                 "RRULE:FREQ=WEEKLY;INTERVAL=2\r\n") != std::string::npos);
  // Grace's Feb 29 birthday shows every year; no event for the archived contact.
  CHECK(
      ics.find("DTSTART;VALUE=DATE:19720229\r\nDTEND;VALUE=DATE:19720301\r\n"
               "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\nSUMMARY:Birthday: Grace Hopper\r\n") !=
      std::string::npos);
  CHECK(ics.find("SUMMARY:Work anniversary: Ada Lovelace\r\n") != std::string::npos);
  CHECK(ics.find("Old Colleague") == std::string::npos);
}

TEST_CASE("the CSV has one row per contact, quoted per RFC 4180", "[interop]") {
  Sandbox box;
  seed(box);
  std::string csv = box.ok({"export", "--format", "csv"});
  std::istringstream lines(csv);
  std::string header;
  std::getline(lines, header);
  CHECK(header ==
        "name,uuid,types,tags,emails,phones,org,title,circle,cadence,last_contact,next_due,"
        "days_overdue,given,received,balance,archived\r");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 5);
  json ada = json::parse(box.ok({"--json", "show", "ada"}));
  CHECK(csv.find("Ada Lovelace," + ada["uuid"].get<std::string>() +
                 ",friend; mentor,math,ada@example.com,+44 20 7946 0958,"
                 "Analytical Engines; Ltd,\"Countess, Mathematician\",2,5w,2026-11-01,"
                 "2026-12-06,0,2,0,2,no\r\n") != std::string::npos);
  CHECK(csv.find("Old Colleague,") != std::string::npos);
}

TEST_CASE("export -o writes atomically, mode 0600, choosing the format by extension", "[interop]") {
  Sandbox box;
  seed(box);
  fs::path out = box.dir() / "contacts.vcf";
  write_file(out, "old contents");
  ::chmod(out.c_str(), 0644);
  CHECK(box.ok({"export", "-o", out.string()}) ==
        "Exported 4 contacts to " + out.string() + " (vcard).\n");
  CHECK(read_file(out) == box.ok({"export", "--format", "vcard"}));
  struct stat st {};
  REQUIRE(::stat(out.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(box.ok({"export", "-o", (box.dir() / "all.json").string()}) ==
        "Exported 7 types, 4 contacts, 2 interactions and 4 reminders to " +
            (box.dir() / "all.json").string() + " (json).\n");
  CHECK(box.ok({"export", "-o", (box.dir() / "k.ics").string()}) ==
        "Exported 7 events (3 reminders and the yearly dates of 2 people) to " +
            (box.dir() / "k.ics").string() + " (ics).\n");
  for (const auto& entry : fs::directory_iterator(box.dir())) {
    CHECK(entry.path().filename().string().rfind(".", 0) != 0);  // no temporary file left
  }
  Outcome o = box.kith({"export", "-o", (box.dir() / "no" / "such" / "x.json").string()});
  CHECK(o.code == 4);
  CHECK(o.err == "kith: cannot write '" + (box.dir() / "no" / "such" / "x.json").string() +
                     "': No such file or directory\n");
  o = box.kith({"export", "--format", "pdf"});
  CHECK(o.code == 2);
  CHECK(o.err == "kith: unknown export format 'pdf': expected json, vcard, ics or csv\n");
  o = box.kith({"import", "x.json", "--format", "excel"});
  CHECK(o.code == 2);
  CHECK(o.err == "kith: unknown import format 'excel': expected json, vcard or linkedin\n");
}

TEST_CASE(
    "text that is not UTF-8 in the database (written by another program) is exported "
    "as U+FFFD rather than failing the backup",
    "[interop]") {
  Sandbox box;
  box.ok({"add", "Ada"});
  {
    SQLite::Database db(box.db().string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE contacts SET note = CAST(X'6361C3FF' AS TEXT)");
  }
  json doc = json::parse(box.ok({"export"}));
  CHECK(doc["contacts"][0]["note"] == "ca\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("an import prints no progress when stderr is not a terminal", "[interop]") {
  Sandbox empty;
  Outcome o = empty.kith({"import", fixture_path("network.json")});
  CHECK(o.code == 0);
  CHECK(o.err.empty());
}

TEST_CASE("a vCard older than kith's last edit fills in but never overwrites it",
          "[interop][import]") {
  Sandbox box;
  box.ok({"add", "Grace Hopper", "--email", "grace@example.org", "--org", "Harvard"});
  const fs::path file = box.dir() / "old.vcf";
  auto card = [](const std::string& rev) {
    return "BEGIN:VCARD\r\nVERSION:3.0\r\nREV:" + rev +
           "\r\nFN:Grace Hopper\r\nEMAIL:grace@example.org\r\nORG:Navy\r\n"
           "TITLE:Rear Admiral\r\nTEL:+1 555 0100\r\nEND:VCARD\r\n";
  };
  write_file(file, card("20000101T000000Z"));
  box.ok({"import", file.string()});
  json grace = json::parse(box.ok({"--json", "show", "grace"}));
  CHECK(grace["org"] == "Harvard");
  CHECK(grace["title"] == "Rear Admiral");
  CHECK(grace["phones"] == json::array({"+1 555 0100"}));
  write_file(file, card("20990101T000000Z"));
  box.ok({"import", file.string()});
  CHECK(json::parse(box.ok({"--json", "show", "grace"}))["org"] == "Navy");
}

}  // namespace kith::test
