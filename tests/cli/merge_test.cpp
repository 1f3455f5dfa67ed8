// End-to-end: one person, one record. kith merge (and its undo, and the alias that absorbs a
// later import of an old export), kith dupes, add's refusal of a namesake, WHO by email,
// nickname, decomposed Unicode and another script, and a LinkedIn import into an existing
// network.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;

TEST_CASE("merge moves everything to the kept contact and undo takes it back", "[merge]") {
  Sandbox box;
  box.ok({"add", "Dmitri Ivanov", "--type", "peer", "--email", "dmitri@ex.org"});
  box.ok({"add", "Дмитрий Иванов", "--phone", "+7 495 123 4567", "--aka", "Dima"});
  box.ok({"add", "Ada Lovelace", "--met-via", "#2"});
  box.ok({"log", "#2", "Coffee on compilers", "--on", "2026-11-20", "--gave"});
  box.ok({"log", "#1", "#2", "Panel", "--on", "2026-11-01"});
  box.ok({"remind", "#2", "Send the paper", "--promise", "--on", "2026-11-25"});
  const std::string before = box.dump();

  CHECK(box.ok({"merge", "dmitri@ex.org", "Дмитрий", "--dry-run"}) ==
        "Dry run: would merge into Dmitri Ivanov (#1); nothing was written.\n"
        "  Дмитрий Иванов (#2): 2 interactions (1 with both), 1 reminder, introduced 1 contact\n"
        "  Dmitri Ivanov gains other names + Dima, Дмитрий Иванов; phones + +7 495 123 4567.\n");
  CHECK(box.dump() == before);

  CHECK(box.ok({"merge", "1", "2"}) ==
        "Merged into Dmitri Ivanov (#1):\n"
        "  Дмитрий Иванов (#2): 2 interactions (1 with both), 1 reminder, introduced 1 contact\n"
        "  Dmitri Ivanov gains other names + Dima, Дмитрий Иванов; phones + +7 495 123 4567.\n"
        "kith undo takes it back.\n");
  CHECK(box.query("SELECT count(*) FROM contacts") == "2");
  CHECK(box.query("SELECT contact_id, given, last_day FROM contact_stats WHERE contact_id = 1") ==
        "1|1|2026-11-20");
  CHECK(box.query("SELECT contact_id FROM reminders") == "1");
  CHECK(box.query("SELECT met_via_id FROM contacts WHERE name = 'Ada Lovelace'") == "1");
  CHECK(box.query("SELECT count(*) FROM interaction_people WHERE contact_id = 1") == "2");
  // WHO finds the kept contact by the merged name, its nickname and its email.
  CHECK(json::parse(box.ok({"--json", "show", "Дмитрий Иванов"}))["id"] == 1);
  CHECK(json::parse(box.ok({"--json", "show", "dima"}))["id"] == 1);
  CHECK(json::parse(box.ok({"--json", "show", "DMITRI@EX.ORG"}))["id"] == 1);

  CHECK(box.ok({"undo"}) == "Undid #7: merge Дмитрий Иванов (#2) into Dmitri Ivanov (#1).\n");
  const std::string after_undo = box.dump();
  // Everything but the journal is as before the merge.
  auto without_journal = [](const std::string& dump) {
    return dump.substr(0, dump.find("journal"));
  };
  CHECK(without_journal(after_undo) == without_journal(before));
}

TEST_CASE("a merged contact's uuid absorbs a later import of an old export", "[merge][import]") {
  Sandbox box;
  box.ok({"add", "Maya Chen", "--email", "maya@ex.org"});
  box.ok({"add", "Maya C", "--force", "--phone", "+1 415 555 0100"});
  box.ok({"log", "maya c", "Lunch", "--on", "2026-11-02"});
  const auto old_export = box.dir() / "old.json";
  box.ok({"export", "-o", old_export.string()});
  const auto old_vcard = box.dir() / "old.vcf";
  box.ok({"export", "--format", "vcard", "-o", old_vcard.string()});

  box.ok({"merge", "maya chen", "maya c"});
  box.ok({"import", old_export.string()});
  box.ok({"import", old_vcard.string()});
  CHECK(box.query("SELECT id, name FROM contacts") == "1|Maya Chen");
  CHECK(box.query("SELECT count(*) FROM interactions") == "1");
  CHECK(box.query("SELECT contact_id FROM interaction_people") == "1");
  // The merge survives an export and an import into a fresh database.
  const auto now_export = box.dir() / "now.json";
  box.ok({"export", "-o", now_export.string()});
  Sandbox fresh;
  fresh.ok({"import", now_export.string()});
  fresh.ok({"import", old_export.string()});
  CHECK(fresh.query("SELECT name FROM contacts") == "Maya Chen");
  CHECK(fresh.query("SELECT name FROM contact_akas") == "Maya C");
}

TEST_CASE("merge refuses bad requests with one line and changes nothing", "[merge][errors]") {
  Sandbox box;
  box.ok({"add", "Ada Lovelace"});
  box.ok({"add", "Grace Hopper"});
  box.ok({"add", "Old Friend"});
  box.ok({"archive", "old friend"});
  const std::string before = box.dump();
  struct Case {
    std::vector<std::string> args;
    int code;
    std::string error;
  };
  const Case cases[] = {
      {{"merge", "ada", "1"},
       2,
       "kith: cannot merge Ada Lovelace (#1) into itself: '1' names the contact to keep\n"},
      {{"merge", "ada", "grace", "#2"}, 2, "kith: Grace Hopper (#2) is named twice ('#2')\n"},
      {{"merge", "ada", "old friend"},
       2,
       "kith: Old Friend (#3) is archived: 'kith unarchive' it first to merge it\n"},
      {{"merge", "ada", "nobody"}, 3, "kith: no contact matches 'nobody'\n"},
  };
  for (const Case& c : cases) {
    Outcome o = box.kith(c.args);
    INFO(c.args[2]);
    CHECK(o.code == c.code);
    CHECK(o.err == c.error);
    CHECK(o.out.empty());
  }
  CHECK(box.dump() == before);
}

TEST_CASE("dupes lists likely duplicates with their reasons, strongest first", "[dupes]") {
  Sandbox box;
  CHECK(box.ok({"dupes"}) == "No likely duplicates.\n");
  box.ok({"add", "Arjun Patel"});
  box.ok({"add", "A. Patel"});
  box.ok({"add", "Maya Chen", "--email", "maya@ex.org"});
  box.ok({"add", "Maya Chen-Wu", "--email", "Maya@Ex.org"});
  box.ok({"add", "Dmitriy Ivanov"});
  // The same name in another script is a namesake: add names who has it, --force adds.
  Outcome refused = box.kith({"add", "Дмитрий Иванов"});
  CHECK(refused.code == 2);
  CHECK(refused.err.find("is already a contact: Dmitriy Ivanov (#5)") != std::string::npos);
  box.ok({"add", "Дмитрий Иванов", "--force"});
  CHECK(box.ok({"dupes"}) ==
        "ID  NAME            ID  NAME            WHY\n"
        "#3  Maya Chen       #4  Maya Chen-Wu    same email maya@ex.org\n"
        "#5  Dmitriy Ivanov  #6  Дмитрий Иванов  name in another script\n"
        "#1  Arjun Patel     #2  A. Patel        initials\n"
        "3 pairs · 'kith merge 3 4' keeps #3 and merges #4 into it\n");
  json pairs = json::parse(box.ok({"--json", "dupes"}));
  REQUIRE(pairs.size() == 3);
  CHECK(pairs[0]["first"] == json{{"id", 3}, {"name", "Maya Chen"}});
  CHECK(pairs[0]["reasons"][0] == json{{"reason", "same email"}, {"detail", "maya@ex.org"}});
}

TEST_CASE("add refuses a contact's whole name, naming it, and --force adds a namesake",
          "[merge][contacts]") {
  Sandbox box;
  box.ok({"add", "Maya Chen"});
  const std::string before = box.dump();
  Outcome o = box.kith({"add", "MAYA  chen"});
  CHECK(o.code == 2);
  CHECK(o.err ==
        "kith: 'MAYA  chen' is already a contact: Maya Chen (#1); 'kith edit 1' changes them, "
        "'kith add --force' adds a namesake\n");
  CHECK(box.dump() == before);
  box.ok({"add", "Maya Chen", "--force"});
  Outcome ambiguous = box.kith({"show", "maya chen"});
  CHECK(ambiguous.code == 3);
  CHECK(ambiguous.err == "kith: 'maya chen' matches 2 contacts: Maya Chen (#1), Maya Chen (#2)\n");
}

TEST_CASE("WHO finds people by email, nickname, decomposed Unicode and another script",
          "[merge][who]") {
  Sandbox box;
  box.ok({"add", "José Núñez", "--email", "jose@ex.org", "--aka", "Pepe"});
  box.ok({"add", "Дмитрий Иванов"});
  box.ok({"add", "Ελένη Παππά"});
  auto id_of = [&](const std::string& who) {
    return json::parse(box.ok({"--json", "show", who}))["id"].get<int>();
  };
  CHECK(id_of("JOSE@EX.ORG") == 1);
  CHECK(id_of("pepe") == 1);
  CHECK(id_of("Jose\xcc\x81 Nu\xcc\x83nez") == 1);  // José Núñez in NFD
  CHECK(id_of("ivanov") == 2);
  CHECK(id_of("Иванов") == 2);
  CHECK(id_of("eleni") == 3);
  // A name typed in NFD is stored in NFC.
  box.ok({"add", "Zoe\xcc\x88 Adams"});
  CHECK(box.query("SELECT name FROM contacts WHERE id = 4") == "Zo\xc3\xab Adams");
  Outcome missing = box.kith({"show", "nobody@ex.org"});
  CHECK(missing.code == 3);
  CHECK(missing.err == "kith: no contact matches 'nobody@ex.org'\n");
}

TEST_CASE("add and edit take --aka and --linkedin, and show lists them", "[merge][contacts]") {
  Sandbox box;
  box.ok({"add", "Robert Smith", "--aka", "Bob", "--aka", "Bobby", "--linkedin",
          "https://uk.linkedin.com/in/rsmith/"});
  std::string show = box.ok({"show", "bob"});
  CHECK(show.find("  Also        Bob, Bobby\n") != std::string::npos);
  CHECK(show.find("  LinkedIn    https://www.linkedin.com/in/rsmith\n") != std::string::npos);
  json j = json::parse(box.ok({"--json", "show", "bobby"}));
  CHECK(j["akas"] == json{"Bob", "Bobby"});
  CHECK(j["external_ids"][0]["id"] == "https://www.linkedin.com/in/rsmith");
  // Other names travel in vCards as NICKNAME.
  const auto card = box.dir() / "bob.vcf";
  box.ok({"export", "--format", "vcard", "-o", card.string()});
  Sandbox other;
  other.ok({"import", card.string()});
  CHECK(other.query("SELECT name FROM contact_akas ORDER BY name_key") == "Bob\nBobby");
  CHECK(json::parse(other.ok({"--json", "show", "bobby"}))["name"] == "Robert Smith");
  box.ok({"edit", "bob", "--no-aka", "bobby", "--no-linkedin"});
  CHECK(box.query("SELECT name FROM contact_akas") == "Bob");
  CHECK(box.query("SELECT count(*) FROM external_ids") == "0");
  Outcome bad = box.kith({"edit", "bob", "--linkedin", "https://example.org/rsmith"});
  CHECK(bad.code == 2);
  CHECK(bad.err ==
        "kith: invalid --linkedin 'https://example.org/rsmith': not a LinkedIn profile URL "
        "(expected https://www.linkedin.com/in/NAME)\n");
  Outcome own_name = box.kith({"edit", "bob", "--aka", "robert smith"});
  CHECK(own_name.code == 2);
  CHECK(own_name.err == "kith: 'robert smith' is Robert Smith's name, not another name\n");
  box.ok({"undo"});
  CHECK(box.query("SELECT name FROM contact_akas ORDER BY name") == "Bob\nBobby");
}

TEST_CASE("a LinkedIn import attaches profiles by name, and counts the names several share",
          "[merge][import]") {
  Sandbox box;
  box.ok({"add", "Maya Chen", "--email", "maya@ex.org", "--type", "peer"});
  box.ok({"add", "Dmitri Ivanov"});
  box.ok({"add", "Arjun Patel"});
  box.ok({"add", "Arjun Patel", "--force", "--org", "Initech"});
  const auto csv = box.dir() / "Connections.csv";
  write_file(csv,
             "Notes:\n\"When exporting your connection data...\"\n\n"
             "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
             "Dmitri,Ivanov,https://www.linkedin.com/in/divanov,,Yandex,Engineer,02 Mar 2025\n"
             "Arjun,Patel,https://www.linkedin.com/in/apatel,,Acme,PM,03 Mar 2025\n"
             "Maya,Chen,https://www.linkedin.com/in/mayachen,,Acme,CTO,04 Mar 2025\n");
  CHECK(box.ok({"import", csv.string()}) ==
        "Imported " + csv.string() +
            " (linkedin).\n"
            "RECORDS   ADDED  UPDATED  UNCHANGED\n"
            "contacts      1        2          0\n"
            "1 person added has a name several contacts have: 'kith dupes' lists it.\n");
  CHECK(box.query("SELECT c.name, e.value FROM external_ids e JOIN contacts c"
                  " ON c.id = e.contact_id ORDER BY c.id") ==
        "Maya Chen|https://www.linkedin.com/in/mayachen\n"
        "Dmitri Ivanov|https://www.linkedin.com/in/divanov\n"
        "Arjun Patel|https://www.linkedin.com/in/apatel");
  CHECK(box.query("SELECT count(*) FROM contacts WHERE name = 'Arjun Patel'") == "3");
  // Importing again changes nothing and adds no one.
  CHECK(box.ok({"import", csv.string()}).find("contacts      0        0          3") !=
        std::string::npos);
  CHECK(box.ok({"dupes"}).find("#3  Arjun Patel  #4  Arjun Patel  same name") != std::string::npos);
}

}  // namespace kith::test

namespace kith::test {

TEST_CASE("names stored under another folding are folded again when a kith writes",
          "[merge][who]") {
  Sandbox box;
  box.ok({"add", "Дмитрий Иванов", "--aka", "Дима"});
  {
    SQLite::Database db(box.db().string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE contacts SET name_key = 'дмитрий иванов'");
    db.exec("UPDATE contact_akas SET name_key = 'дима'");
    db.exec("UPDATE name_folding SET version = 'icu-60.1 kith-0'");
  }
  box.ok({"add", "Ada Lovelace"});
  CHECK(box.query("SELECT name_key FROM contacts WHERE id = 1") == "dmitriy ivanov");
  CHECK(box.query("SELECT name_key FROM contact_akas") == "dima");
  CHECK(box.query("SELECT version FROM name_folding").rfind("icu-", 0) == 0);
  CHECK(box.query("SELECT version FROM name_folding") != "icu-60.1 kith-0");
  CHECK(json::parse(box.ok({"--json", "show", "ivanov"}))["id"] == 1);
}

}  // namespace kith::test
