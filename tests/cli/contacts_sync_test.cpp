// End-to-end: kith sync --contacts DIR keeps contacts two-way with a vdir, one .vcf per
// contact: cards added, changed and deleted in the folder come in, contacts added, changed and
// deleted in kith go out, a field edited on both sides keeps the newer edit, and kith's own
// fields survive a card that lost them.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli/harness.hpp"

namespace kith::test {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kPhoneUid = "5C3F0A1E-7B2D-4C11-9E3A-0F1E2D3C4B5A";

std::vector<std::string> cards_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

// The card's text with the line starting `prefix` replaced by `line` ("" removes it).
std::string with_line(std::string text, const std::string& prefix, const std::string& line) {
  std::size_t at = text.find("\r\n" + prefix);
  REQUIRE(at != std::string::npos);
  std::size_t end = text.find("\r\n", at + 2);
  text.replace(at, end - at, line.empty() ? "" : "\r\n" + line);
  return text;
}

std::string card(const std::string& uid, const std::string& body, const std::string& rev = "") {
  return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\n" +
         (rev.empty() ? "" : "REV:" + rev + "\r\n") + body + "END:VCARD\r\n";
}

struct Network {
  Sandbox box;
  fs::path dir;
  std::string ada;  // Ada's uuid: her card is <uuid>.vcf
  std::string grace;
  Network() {
    box.ok({"add", "Ada Lovelace", "--type", "mentor", "--type", "sponsor", "--circle", "2",
            "--learn", "Notation, proofs", "--email", "ada@example.org", "--tag", "math"});
    box.ok({"add", "Grace Hopper", "--type", "peer", "--org", "Navy"});
    dir = box.dir() / "contacts";
    ada = box.query("SELECT uuid FROM contacts WHERE name = 'Ada Lovelace'");
    grace = box.query("SELECT uuid FROM contacts WHERE name = 'Grace Hopper'");
  }
  std::string sync() { return box.ok({"sync", "--contacts", dir.string()}); }
  json sync_json() { return json::parse(box.ok({"--json", "sync", "--contacts", dir.string()})); }
  fs::path card_of(const std::string& uuid) const { return dir / (uuid + ".vcf"); }
  json show(const std::string& who) { return json::parse(box.ok({"--json", "show", who})); }
};

}  // namespace

TEST_CASE("sync --contacts writes one card per contact, kith's fields one property each",
          "[sync][contacts]") {
  Network n;
  CHECK(n.box.ok({"sync", "--contacts", n.dir.string(), "--dry-run"}) ==
        "Dry run: contacts " + n.dir.string() +
            ": 0 added, 0 changed, 0 archived in kith; 2 cards to write, 0 removed; 0 "
            "unchanged; nothing was changed.\n");
  CHECK_FALSE(fs::exists(n.dir));
  CHECK(n.sync() == "Contacts " + n.dir.string() +
                        ": 0 added, 0 changed, 0 archived in kith; 2 cards written, 0 removed; 0 "
                        "unchanged.\n");
  CHECK(mode_of(n.dir) == 0700);
  CHECK(mode_of(n.card_of(n.ada)) == 0600);
  const std::string text = read_file(n.card_of(n.ada));
  CHECK(text.find("UID:" + n.ada + "\r\n") != std::string::npos);
  CHECK(text.find("X-KITH-TYPE:mentor\r\nX-KITH-TYPE:sponsor\r\n") != std::string::npos);
  CHECK(text.find("X-KITH-TYPES") == std::string::npos);
  CHECK(text.find("X-KITH-CIRCLE:2\r\n") != std::string::npos);
  CHECK(std::regex_search(text, std::regex("\r\nREV:\\d{8}T\\d{6}Z\r\n")));

  // Nothing new: nothing read or written, whatever the clock says.
  const auto written = fs::last_write_time(n.card_of(n.ada));
  CHECK(n.sync_json()["unchanged"] == 2);
  CHECK(fs::last_write_time(n.card_of(n.ada)) == written);
  CHECK(n.box.query("SELECT count(*) FROM journal WHERE command = 'sync'") == "0");

  // Changed in kith: written in place; archived in kith: removed.
  n.box.ok({"edit", "ada", "--title", "Countess"});
  n.box.ok({"archive", "grace"});
  json report = n.sync_json();
  CHECK(report["written"] == 1);
  CHECK(report["removed"] == 1);
  CHECK(report["changed"] == 0);
  CHECK(read_file(n.card_of(n.ada)).find("TITLE:Countess\r\n") != std::string::npos);
  CHECK(cards_in(n.dir) == std::vector<std::string>{n.ada + ".vcf"});
  // Unarchived: out again.
  n.box.ok({"unarchive", "grace"});
  CHECK(n.sync_json()["written"] == 1);
  CHECK(fs::exists(n.card_of(n.grace)));
}

TEST_CASE("cards added, changed and deleted in the folder come into kith", "[sync][contacts]") {
  Network n;
  n.sync();
  // The phone adds a card with its own UID, edits Ada's, deletes Grace's.
  write_file(n.dir / "phone-made.vcf",
             card(kPhoneUid, "FN:Linus Pauling\r\nEMAIL:linus@example.org\r\n"));
  write_file(n.card_of(n.ada), with_line(read_file(n.card_of(n.ada)),
                                         "EMAIL:", "EMAIL:ada@example.org\r\nTEL:+44 7700 900123"));
  fs::remove(n.card_of(n.grace));
  json report = n.sync_json();
  CHECK(report["added"] == 1);
  CHECK(report["changed"] == 1);
  CHECK(report["archived"] == 1);

  // The new contact keeps the phone's UID exactly, in kith and in its card, under its name.
  json linus = n.show("linus");
  REQUIRE(linus["external_ids"].size() == 1);
  CHECK(linus["external_ids"][0]["id"] == kPhoneUid);
  // It says what kith says of the person: the phone's own text stays, untouched.
  CHECK(read_file(n.dir / "phone-made.vcf") ==
        card(kPhoneUid, "FN:Linus Pauling\r\nEMAIL:linus@example.org\r\n"));
  CHECK(cards_in(n.dir) == std::vector<std::string>{n.ada + ".vcf", "phone-made.vcf"});
  CHECK(n.show("ada")["phones"] == json::array({"+44 7700 900123"}));
  // The deleted card archived Grace, and her card is not uploaded again.
  CHECK(n.box.query("SELECT archived FROM contacts WHERE name = 'Grace Hopper'") == "1");
  json again = n.sync_json();
  CHECK(again["written"] == 0);
  CHECK(again["unchanged"] == 2);
  CHECK_FALSE(fs::exists(n.card_of(n.grace)));
}

TEST_CASE("edits of different fields on both sides both survive", "[sync][contacts]") {
  Network n;
  n.sync();
  write_file(n.card_of(n.ada), with_line(read_file(n.card_of(n.ada)),
                                         "FN:", "FN:Ada Lovelace\r\nNOTE:Prefers letters"));
  n.box.ok({"edit", "ada", "--org", "Analytical Engines", "--tag", "poetry"});
  json report = n.sync_json();
  CHECK(report["changed"] == 1);
  CHECK(report["conflicts"].empty());
  json ada = n.show("ada");
  CHECK(ada["note"] == "Prefers letters");
  CHECK(ada["org"] == "Analytical Engines");
  CHECK(ada["tags"] == json::array({"math", "poetry"}));
  const std::string text = read_file(n.card_of(n.ada));
  CHECK(text.find("NOTE:Prefers letters") != std::string::npos);
  CHECK(text.find("ORG:Analytical Engines") != std::string::npos);
}

TEST_CASE("the card's REV decides an edit of the same field on both sides", "[sync][contacts]") {
  Network n;
  n.sync();
  n.box.ok({"edit", "grace", "--org", "Harvard"});
  const std::string base = read_file(n.card_of(n.grace));
  SECTION("a card newer than kith's edit wins") {
    write_file(n.card_of(n.grace), with_line(with_line(base, "ORG:", "ORG:Remington Rand"),
                                             "REV:", "REV:20990101T000000Z"));
    Outcome o = n.box.kith({"sync", "--contacts", n.dir.string()});
    CHECK(o.code == 0);
    CHECK(o.err ==
          "kith: edited on both sides: Grace Hopper: organisation (kept the card's, "
          "newer)\n");
    CHECK(n.show("grace")["org"] == "Remington Rand");
  }
  SECTION("an older card loses, and is rewritten with kith's value") {
    write_file(n.card_of(n.grace), with_line(with_line(base, "ORG:", "ORG:Remington Rand"),
                                             "REV:", "REV:20000101T000000Z"));
    Outcome o = n.box.kith({"sync", "--contacts", n.dir.string()});
    CHECK(o.code == 0);
    CHECK(o.err.find("organisation (kept kith's, newer)") != std::string::npos);
    CHECK(n.show("grace")["org"] == "Harvard");
    CHECK(read_file(n.card_of(n.grace)).find("ORG:Harvard\r\n") != std::string::npos);
  }
}

TEST_CASE("a card that lost kith's X-KITH properties clears nothing in kith", "[sync][contacts]") {
  Network n;
  n.sync();
  // A server that kept nothing it did not know, and a phone edit of the note.
  std::string text = read_file(n.card_of(n.ada));
  for (const char* prefix : {"X-KITH-TYPE:", "X-KITH-TYPE:", "X-KITH-CIRCLE:", "X-KITH-LEARN:"}) {
    text = with_line(text, prefix, "");
  }
  write_file(n.card_of(n.ada), with_line(text, "FN:", "FN:Ada Lovelace\r\nNOTE:Call after six"));
  n.sync();
  json ada = n.show("ada");
  CHECK(ada["types"] == json::array({"mentor", "sponsor"}));
  CHECK(ada["circle"] == 2);
  CHECK(ada["learn"] == "Notation, proofs");
  CHECK(ada["note"] == "Call after six");
  // And they go out again.
  CHECK(read_file(n.card_of(n.ada)).find("X-KITH-TYPE:sponsor") != std::string::npos);
  // The old comma form is still read.
  write_file(n.dir / "old.vcf",
             card("old-kith-card", "FN:Old Friend\r\nX-KITH-TYPES:mentor,peer\r\n"));
  n.sync();
  CHECK(n.show("old friend")["types"] == json::array({"mentor", "peer"}));
}

TEST_CASE("a new card with a type kith does not know comes in without it, with a warning",
          "[sync][contacts]") {
  Network n;
  n.sync();
  write_file(n.dir / "wizard.vcf",
             card("wiz-1", "FN:Merlin\r\nX-KITH-TYPE:wizard\r\nX-KITH-TYPE:peer\r\n"));
  Outcome o = n.box.kith({"sync", "--contacts", n.dir.string()});
  CHECK(o.code == 0);
  CHECK(o.err == "kith: warning: wizard.vcf: line 1: unknown type 'wizard'; left out\n");
  CHECK(n.show("merlin")["types"] == json::array({"peer"}));
}

TEST_CASE("a card without a UID gets its contact's, in place", "[sync][contacts]") {
  Network n;
  n.sync();
  write_file(n.dir / "no-uid.vcf",
             "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Linus Pauling\r\nEND:VCARD\r\n");
  CHECK(n.sync_json()["added"] == 1);
  const std::string linus = n.box.query("SELECT uuid FROM contacts WHERE name = 'Linus Pauling'");
  CHECK(read_file(n.dir / "no-uid.vcf").find("UID:" + linus + "\r\n") != std::string::npos);
  CHECK(n.sync_json()["unchanged"] == 3);
}

TEST_CASE("sync --contacts --dry-run says what would come in and go out and changes nothing",
          "[sync][contacts]") {
  Network n;
  n.sync();
  write_file(n.dir / "phone-made.vcf", card(kPhoneUid, "FN:Linus Pauling\r\n"));
  fs::remove(n.card_of(n.grace));
  n.box.ok({"edit", "ada", "--org", "Engines"});
  const std::string before = n.box.dump();
  const std::string ada_card = read_file(n.card_of(n.ada));
  json report =
      json::parse(n.box.ok({"--json", "sync", "--contacts", n.dir.string(), "--dry-run"}));
  CHECK(report["dry_run"] == true);
  CHECK(report["added"] == 1);
  CHECK(report["archived"] == 1);
  CHECK(report["written"] == 1);  // Ada's card; the phone's says what kith would
  CHECK(n.box.dump() == before);
  CHECK(read_file(n.card_of(n.ada)) == ada_card);
  CHECK(cards_in(n.dir) == std::vector<std::string>{n.ada + ".vcf", "phone-made.vcf"});
}

TEST_CASE("kith undo reverts what a sync brought in, and the next sync carries that out",
          "[sync][contacts][undo]") {
  Network n;
  n.sync();
  write_file(n.card_of(n.grace), with_line(read_file(n.card_of(n.grace)), "ORG:", "ORG:Harvard"));
  fs::remove(n.card_of(n.ada));
  n.sync();
  CHECK(n.show("grace")["org"] == "Harvard");
  CHECK(n.box.query("SELECT archived FROM contacts WHERE name = 'Ada Lovelace'") == "1");
  CHECK(n.box.query("SELECT command FROM journal ORDER BY id DESC LIMIT 1") == "sync");
  Outcome undo = n.box.kith({"undo"});
  CHECK(undo.code == 0);
  CHECK(n.show("grace")["org"] == "Navy");
  CHECK(n.box.query("SELECT archived FROM contacts WHERE name = 'Ada Lovelace'") == "0");
  json report = n.sync_json();
  CHECK(report["written"] == 2);
  CHECK(read_file(n.card_of(n.grace)).find("ORG:Navy\r\n") != std::string::npos);
  CHECK(fs::exists(n.card_of(n.ada)));
}

TEST_CASE("kith rm removes the person's card and keeps no copy of it", "[sync][contacts]") {
  Network n;
  n.box.ok({"edit", "grace", "--note", "Secret-ledger-7"});
  n.sync();
  CHECK(n.box.query("SELECT count(*) FROM vdir_cards WHERE base LIKE '%Secret-ledger-7%'") == "1");
  n.box.ok({"rm", "grace", "--yes"});
  CHECK(n.box.query("SELECT count(*) FROM vdir_cards WHERE base LIKE '%Secret-ledger-7%'") == "0");
  CHECK(n.box.query("SELECT count(*) FROM vdir_cards WHERE uid = '" + n.grace + "'") == "0");
  CHECK(n.sync_json()["removed"] == 1);
  CHECK_FALSE(fs::exists(n.card_of(n.grace)));
  CHECK(n.box.query("SELECT count(*) FROM vdir_cards") == "1");
}

TEST_CASE("a card that cannot be parsed is exit 4 naming the file, and nothing is applied",
          "[sync][contacts][errors]") {
  Network n;
  n.sync();
  write_file(n.dir / "phone-made.vcf", card(kPhoneUid, "FN:Linus Pauling\r\n"));
  write_file(n.card_of(n.ada), with_line(read_file(n.card_of(n.ada)),
                                         "EMAIL:", "EMAIL:ada@example.org\r\nORG:Elsewhere"));
  const fs::path broken = n.dir / "broken.vcf";
  write_file(broken, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half a card\r\n");
  const std::string before = n.box.dump();
  Outcome o = n.box.kith({"sync", "--contacts", n.dir.string()});
  CHECK(o.code == 4);
  CHECK(o.out.empty());
  CHECK(o.err ==
        "kith: " + broken.string() + ": line 1: the card has no END:VCARD (the file ends first)\n");
  CHECK(n.box.dump() == before);
  CHECK(read_file(n.card_of(n.ada)).find("ORG:Elsewhere") != std::string::npos);
  CHECK(cards_in(n.dir).size() == 4);
}

TEST_CASE("sync takes one of DIR, --contacts and --calendar", "[sync][contacts][errors]") {
  Sandbox box;
  Outcome both = box.kith({"sync", "--contacts", "a", "--calendar", "b"});
  CHECK(both.code == 2);
  CHECK(both.err ==
        "kith: one sync at a time: give one of DIR, --contacts DIR and --calendar DIR (see 'kith "
        "sync --help')\n");
  Outcome none = box.kith({"sync"});
  CHECK(none.code == 2);
  CHECK(none.err ==
        "kith: kith sync needs a folder: give one of DIR, --contacts DIR and --calendar DIR (see "
        "'kith sync --help')\n");
  CHECK_FALSE(fs::exists(box.db()));
}

TEST_CASE("a new card found by a kith uuid or an email lands on that contact", "[sync][contacts]") {
  Network n;
  // The folder already holds the phone's copy of Ada (found by email) before kith's first sync.
  fs::create_directory(n.dir);
  write_file(n.dir / "ada-on-phone.vcf",
             card("phone-ada", "FN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nTITLE:Countess\r\n"));
  json report = n.sync_json();
  CHECK(report["added"] == 0);
  CHECK(report["changed"] == 1);
  std::vector<std::string> expected = {"ada-on-phone.vcf", n.grace + ".vcf"};
  std::sort(expected.begin(), expected.end());
  CHECK(cards_in(n.dir) == expected);
  CHECK(n.show("ada")["title"] == "Countess");
  const std::string text = read_file(n.dir / "ada-on-phone.vcf");
  CHECK(text.find("UID:phone-ada\r\n") != std::string::npos);
  CHECK(text.find("X-KITH-TYPE:mentor") != std::string::npos);
}

TEST_CASE("kith import DIR reads a vdir's cards, and names the file of a bad one",
          "[sync][contacts][import]") {
  Network n;
  n.sync();
  write_file(n.dir / "phone-made.vcf", card(kPhoneUid, "FN:Linus Pauling\r\n"));
  Sandbox other;
  CHECK(other.ok({"import", n.dir.string()}).rfind("Imported " + n.dir.string() + " (vcard).", 0) ==
        0);
  CHECK(other.query("SELECT name FROM contacts ORDER BY name") ==
        "Ada Lovelace\nGrace Hopper\nLinus Pauling");
  CHECK(other.query("SELECT group_concat(t.name) FROM contact_types ct JOIN types t"
                    " ON t.id = ct.type_id JOIN contacts c ON c.id = ct.contact_id"
                    " WHERE c.name = 'Ada Lovelace'") == "mentor,sponsor");
  write_file(n.dir / "zz-broken.vcf", "BEGIN:VCARD\r\nFN:Half\r\n");
  const std::string before = other.dump();
  Outcome o = other.kith({"import", n.dir.string()});
  CHECK(o.code == 4);
  CHECK(o.err == "kith: " + n.dir.string() +
                     ": zz-broken.vcf: line 1: the card has no END:VCARD (the file ends first)\n");
  CHECK(other.dump() == before);
}

}  // namespace kith::test
