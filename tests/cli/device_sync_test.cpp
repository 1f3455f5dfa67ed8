// End-to-end: kith sync DIR between databases that share a folder. Every device ends with the
// same records whatever order they sync in; edits of different fields both survive; one field
// edited on two devices resolves alike everywhere and is reported; deletions travel and stop a
// record from coming back; files a sync tool has not finished are left for later.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "cli/harness.hpp"

namespace kith::test {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Everything a device holds that must be equal on every device, by uuid (ids and timestamps are
// each database's own).
std::string state(const Sandbox& box) {
  return box.query(
             "SELECT uuid, name, org, title, every, circle, archived, note FROM contacts"
             " ORDER BY uuid") +
         "\n#\n" +
         box.query(
             "SELECT c.uuid, t.tag FROM contact_tags t JOIN contacts c ON c.id = t.contact_id"
             " ORDER BY 1, 2") +
         "\n#\n" +
         box.query(
             "SELECT c.uuid, ch.value FROM contact_channels ch"
             " JOIN contacts c ON c.id = ch.contact_id ORDER BY 1, 2") +
         "\n#\n" +
         box.query(
             "SELECT c.uuid, ty.name FROM contact_types ct JOIN contacts c ON c.id = ct.contact_id"
             " JOIN types ty ON ty.id = ct.type_id ORDER BY 1, 2") +
         "\n#\n" +
         box.query(
             "SELECT uuid, day, summary, channel, direction, weight FROM interactions"
             " ORDER BY uuid") +
         "\n#\n" +
         box.query(
             "SELECT i.uuid, c.uuid FROM interaction_people p"
             " JOIN interactions i ON i.id = p.interaction_id"
             " JOIN contacts c ON c.id = p.contact_id ORDER BY 1, 2") +
         "\n#\n" +
         box.query("SELECT uuid, text, due, done_on, cancelled FROM reminders ORDER BY uuid") +
         "\n#\n" + box.query("SELECT name, every, weight FROM types ORDER BY name");
}

std::vector<fs::path> files_under(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

json sync(const Sandbox& box, const fs::path& folder) {
  return json::parse(box.ok({"--json", "sync", folder.string()}));
}

}  // namespace

TEST_CASE("sync DIR carries contacts, interactions and reminders both ways", "[sync][devices]") {
  Sandbox laptop;
  Sandbox phone;
  const fs::path shared = laptop.dir() / "shared";
  laptop.ok({"add", "Maya Chen", "--type", "mentor", "--email", "maya@example.com"});
  laptop.ok({"log", "maya", "Coffee at the office", "--via", "coffee", "--gave"});
  laptop.ok({"remind", "maya", "Send the deck", "--on", "friday", "--promise"});
  phone.ok({"add", "Priya Rao", "--tag", "climbing"});

  const json first = sync(laptop, shared);
  CHECK(first["first"] == true);
  CHECK(first["sent"] == 6 + 3);  // the six built-in types, Maya, her coffee, the promise
  CHECK(first["devices"].empty());
  const json second = sync(phone, shared);
  CHECK(second["added"] == 3);  // the types are the same built-in ones
  CHECK(sync(laptop, shared)["added"] == 1);

  CHECK(state(laptop) == state(phone));
  CHECK(phone.ok({"show", "maya"}).find("maya@example.com") != std::string::npos);
  CHECK(phone.query("SELECT given FROM contact_stats s JOIN contacts c ON c.id = s.contact_id"
                    " WHERE c.name = 'Maya Chen'") == "1");
  CHECK(laptop.ok({"list", "--tag", "climbing"}).find("Priya Rao") != std::string::npos);
}

TEST_CASE("sync DIR keeps edits of different fields of one contact made on two devices",
          "[sync][devices]") {
  Sandbox a;
  Sandbox b;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Maya Chen", "--tag", "vip"});
  sync(a, shared);
  sync(b, shared);
  a.ok({"edit", "maya", "--title", "CTO"});
  b.ok({"edit", "maya", "--tag", "climbing", "--org", "Acme"});
  sync(a, shared);
  sync(b, shared);
  const json last = sync(a, shared);
  CHECK(last["conflicts"].empty());
  CHECK(state(a) == state(b));
  const std::string shown = a.ok({"show", "maya"});
  CHECK(shown.find("CTO at Acme") != std::string::npos);
  CHECK(shown.find("climbing, vip") != std::string::npos);
}

TEST_CASE("sync DIR settles one field edited on two devices alike and reports it on both",
          "[sync][devices]") {
  Sandbox a;
  Sandbox b;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Maya Chen"});
  sync(a, shared);
  sync(b, shared);
  a.ok({"edit", "maya", "--title", "CTO"});
  b.ok({"edit", "maya", "--title", "VP"});  // later: it wins
  const json from_a = sync(a, shared);
  CHECK(from_a["conflicts"].empty());  // nothing came in yet
  const json from_b = sync(b, shared);
  REQUIRE(from_b["conflicts"].size() == 1);
  CHECK(from_b["conflicts"][0]["field"] == "title");
  CHECK(from_b["conflicts"][0]["kept"] == "VP");
  CHECK(from_b["conflicts"][0]["lost"] == "CTO");
  CHECK(from_b["conflicts"][0]["record"] == "Maya Chen");
  const json again = sync(a, shared);
  REQUIRE(again["conflicts"].size() == 1);
  CHECK(again["conflicts"][0]["kept"] == "VP");
  CHECK(state(a) == state(b));
  CHECK(a.query("SELECT title FROM contacts") == "VP");

  // The text report names the field and both values; a note's words are never shown.
  a.ok({"edit", "maya", "--note", "private words from a"});
  b.ok({"edit", "maya", "--note", "private words from b"});
  a.ok({"sync", shared.string()});
  const Outcome text = b.kith({"sync", shared.string()});
  CHECK(text.code == 0);
  CHECK(text.out.find("Conflict: Maya Chen, note: kept the edit from") != std::string::npos);
  CHECK(text.out.find("private words") == std::string::npos);
}

TEST_CASE("sync DIR carries a deletion, and a stale device's edit never brings the contact back",
          "[sync][devices]") {
  Sandbox a;
  Sandbox b;
  Sandbox c;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Ivan Petrov", "--note", "secret plans"});
  a.ok({"log", "ivan", "Talked about the secret plans"});
  sync(a, shared);
  sync(b, shared);
  sync(c, shared);
  const std::string backup = (b.dir() / "backup.json").string();
  b.ok({"export", "-o", backup});
  c.ok({"edit", "ivan", "--title", "Engineer"});  // c has not heard of the deletion yet
  a.ok({"rm", "ivan", "--yes"});
  sync(a, shared);
  const json at_b = sync(b, shared);
  CHECK(at_b["deleted"] == 2);  // Ivan, and the interaction he alone took part in
  sync(c, shared);
  sync(a, shared);
  sync(b, shared);
  for (const Sandbox* box : {&a, &b, &c}) {
    CHECK(box->query("SELECT count(*) FROM contacts WHERE name = 'Ivan Petrov'") == "0");
    CHECK(box->query("SELECT count(*) FROM interactions") == "0");
  }
  // Nor does an import of a backup made before.
  b.ok({"import", backup});
  CHECK(b.query("SELECT count(*) FROM contacts") == "0");
  CHECK(b.query("SELECT count(*) FROM interactions") == "0");
  // No device's files keep his words: each rewrote its own without him.
  for (const fs::path& file : files_under(shared)) {
    CHECK(read_all(file).find("secret plans") == std::string::npos);
  }
}

TEST_CASE("sync DIR merges on every device what kith merge merged on one", "[sync][devices]") {
  Sandbox a;
  Sandbox b;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Dmitriy Ivanov", "--email", "dima@example.com"});
  a.ok({"add", "Dima Ivanov", "--force"});
  sync(a, shared);
  sync(b, shared);
  b.ok({"log", "Dima Ivanov", "Lunch on the phone's side"});  // only b knows of it yet
  a.ok({"merge", "Dmitriy Ivanov", "Dima Ivanov"});
  sync(a, shared);
  sync(b, shared);
  sync(a, shared);
  for (const Sandbox* box : {&a, &b}) {
    CHECK(box->query("SELECT name FROM contacts") == "Dmitriy Ivanov");
    CHECK(box->query("SELECT count(*) FROM interaction_people") == "1");
  }
  CHECK(state(a) == state(b));
}

TEST_CASE("sync DIR applies an interaction whose person arrives in a later file",
          "[sync][devices]") {
  Sandbox a;
  Sandbox b;
  Sandbox c;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Maya Chen"});
  sync(a, shared);
  sync(b, shared);
  b.ok({"log", "maya", "Met at the conference"});
  sync(b, shared);
  // c sees b's file before a's arrives (a sync tool carries files in any order).
  const fs::path a_folder = shared / a.query("SELECT id FROM sync_device");
  const fs::path parked = a.dir() / "parked";
  fs::rename(a_folder, parked);
  const json early = sync(c, shared);
  CHECK(early["deferred"] == 1);
  CHECK(c.query("SELECT count(*) FROM interactions") == "0");
  fs::rename(parked, a_folder);
  const json later = sync(c, shared);
  CHECK(later["deferred"] == 0);
  CHECK(state(c) == state(b));
}

TEST_CASE("sync DIR leaves half-written files, temporary files and conflict copies for later",
          "[sync][devices]") {
  Sandbox a;
  Sandbox b;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Maya Chen"});
  sync(a, shared);
  const fs::path folder = shared / a.query("SELECT id FROM sync_device");
  const fs::path whole = folder / "00000001.kithsync";
  const std::string text = read_all(whole);
  // Cut before the trailer, as a sync tool still writing it would leave it.
  write_all(whole, text.substr(0, text.rfind("{\"end\"")));
  write_all(folder / ".syncthing.00000002.kithsync.tmp", "{");
  write_all(folder / "00000001.sync-conflict-20261203-101010-ABCDEFG.kithsync", text);
  write_all(shared / "notes.txt", "mine");
  const std::string before = b.dump();
  const Outcome early = b.kith({"sync", shared.string()});
  CHECK(early.code == 0);
  CHECK(early.err.find("00000001.kithsync: not whole yet, left for later") != std::string::npos);
  CHECK(early.err.find("conflict copy, ignored") != std::string::npos);
  CHECK(early.err.find("notes.txt: not a kith device folder, ignored") != std::string::npos);
  CHECK(early.err.find(".syncthing") == std::string::npos);
  CHECK(b.query("SELECT count(*) FROM contacts") == "0");
  write_all(whole, text);
  sync(b, shared);
  CHECK(b.query("SELECT name FROM contacts") == "Maya Chen");
  (void)before;
}

TEST_CASE("sync DIR refuses a damaged or newer device file and applies nothing",
          "[sync][devices][errors]") {
  Sandbox a;
  Sandbox b;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Maya Chen"});
  a.ok({"add", "Priya Rao"});
  sync(a, shared);
  sync(b, shared);  // b joins, so that its own changes are recorded from now on
  a.ok({"add", "Lin Wu"});
  a.ok({"log", "maya", "Coffee"});
  sync(a, shared);
  const fs::path file = shared / a.query("SELECT id FROM sync_device") / "00000002.kithsync";
  const std::string text = read_all(file);

  SECTION("a value kith would never store") {
    std::string damaged = text;
    const auto at = damaged.find("\"day\":\"");
    REQUIRE(at != std::string::npos);
    damaged.replace(at + 7, 10, "2026-13-45");
    write_all(file, damaged);
    const std::string before = b.dump();
    const Outcome o = b.kith({"sync", shared.string()});
    CHECK(o.code == 4);
    CHECK(o.err.find("00000002.kithsync' line ") != std::string::npos);
    CHECK(o.err.find("not a valid day") != std::string::npos);
    CHECK(b.dump() == before);
  }
  SECTION("a line that is not JSON") {
    std::string damaged = text;
    damaged.insert(damaged.find('\n') + 1, "{not json\n");
    write_all(file, damaged);
    const Outcome o = b.kith({"sync", shared.string()});
    CHECK(o.code == 4);
    CHECK(o.err.find("trailer does not match") != std::string::npos);
  }
  SECTION("a file from a newer kith") {
    std::string newer = text;
    newer.replace(newer.find("\"kith_sync\":1"), 13, "\"kith_sync\":9");
    write_all(file, newer);
    const std::string before = b.dump();
    const Outcome o = b.kith({"sync", shared.string()});
    CHECK(o.code == 4);
    CHECK(o.err.find("written by a newer kith") != std::string::npos);
    CHECK(b.dump() == before);
  }
}

TEST_CASE("sync DIR --dry-run says what would go out and come in and changes nothing",
          "[sync][devices]") {
  Sandbox a;
  Sandbox b;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Maya Chen"});
  sync(a, shared);
  b.ok({"add", "Priya Rao"});
  const std::string before = b.dump();
  const auto files = files_under(shared);
  const Outcome o = b.kith({"sync", shared.string(), "--dry-run"});
  CHECK(o.code == 0);
  CHECK(o.out.find("Dry run: would send 7 records (this device's first sync); from") !=
        std::string::npos);
  CHECK(o.out.find("1 added") != std::string::npos);
  CHECK(o.out.find("Nothing was changed.") != std::string::npos);
  CHECK(b.dump() == before);
  CHECK(files_under(shared) == files);
}

TEST_CASE("sync DIR with nothing new writes no file", "[sync][devices]") {
  Sandbox a;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Maya Chen"});
  sync(a, shared);
  const auto files = files_under(shared);
  const json again = sync(a, shared);
  CHECK(again["sent"] == 0);
  CHECK(again["file"] == "");
  CHECK(files_under(shared) == files);
  CHECK(a.ok({"sync", shared.string()}) == "Sent 0 records; nothing new from other devices.\n");
}

TEST_CASE("kith undo reverts what a sync brought in, and the next sync sends the undo",
          "[sync][devices]") {
  Sandbox a;
  Sandbox b;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Maya Chen"});
  sync(a, shared);
  sync(b, shared);
  a.ok({"edit", "maya", "--title", "CTO"});
  sync(a, shared);
  sync(b, shared);
  CHECK(b.query("SELECT title FROM contacts") == "CTO");
  b.ok({"undo"});
  CHECK(b.query("SELECT title FROM contacts") == "");
  sync(b, shared);
  sync(a, shared);
  CHECK(a.query("SELECT title FROM contacts") == "");
}

TEST_CASE("a contact whose add was undone, synced, then redone comes back everywhere",
          "[sync][devices]") {
  Sandbox a;
  Sandbox b;
  const fs::path shared = a.dir() / "shared";
  sync(a, shared);
  sync(b, shared);
  a.ok({"add", "Maya Chen"});
  sync(a, shared);
  sync(b, shared);
  a.ok({"undo"});
  sync(a, shared);
  CHECK(sync(b, shared)["deleted"] == 1);
  CHECK(b.query("SELECT count(*) FROM contacts") == "0");
  a.ok({"redo"});
  sync(a, shared);
  sync(b, shared);
  CHECK(b.query("SELECT name FROM contacts") == "Maya Chen");
  // And edits of it travel again, both ways.
  b.ok({"edit", "maya", "--title", "CTO"});
  sync(b, shared);
  sync(a, shared);
  CHECK(a.query("SELECT title FROM contacts") == "CTO");
}

TEST_CASE("sync DIR refuses a folder it cannot use, naming it", "[sync][devices][errors]") {
  Sandbox a;
  a.ok({"add", "Maya Chen"});
  const std::string before = a.dump();
  const Outcome missing_parent = a.kith({"sync", (a.dir() / "no" / "such").string()});
  CHECK(missing_parent.code == 4);
  CHECK(missing_parent.err.find("cannot use sync folder") != std::string::npos);
  write_all(a.dir() / "file", "x");
  const Outcome not_folder = a.kith({"sync", (a.dir() / "file").string()});
  CHECK(not_folder.code == 4);
  CHECK(not_folder.err.find("not a folder") != std::string::npos);
  CHECK(a.dump() == before);
  const Outcome both = a.kith({"sync", "x", "--calendar", "y"});
  CHECK(both.code == 2);
  CHECK(both.err.find("one sync at a time") != std::string::npos);
  const Outcome none = a.kith({"sync"});
  CHECK(none.code == 2);
  CHECK(none.err ==
        "kith: kith sync needs a folder: give one of DIR, --contacts DIR and --calendar DIR (see "
        "'kith sync --help')\n");
}

// Three devices make random edits, additions, deletions and interactions, and sync in a random
// order; once each has synced twice after the last edit, all hold the same records, and every
// record no device deleted is there.
TEST_CASE("three devices syncing in random orders end equal and lose nothing",
          "[sync][devices][slow]") {
  const unsigned seed = GENERATE(1u, 2u, 3u);
  std::mt19937 rng(seed);
  Sandbox boxes[3];
  const fs::path shared = boxes[0].dir() / "shared";
  std::vector<std::string> names[3];  // the contacts each device knows by name
  std::set<std::string> removed;
  int made = 0;
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  for (int step = 0; step < 45; ++step) {
    const int d = pick(3);
    Sandbox& box = boxes[d];
    auto& known = names[d];
    const int what = pick(10);
    if (what < 2 || known.size() < 2) {
      const std::string name = "Person " + std::to_string(++made);
      box.ok({"add", name, "--force"});
      known.push_back(name);
    } else if (what < 7) {
      const std::string& who =
          known[static_cast<std::size_t>(pick(static_cast<int>(known.size())))];
      if (box.query("SELECT count(*) FROM contacts WHERE name = '" + who + "'") != "1") continue;
      switch (pick(5)) {
        case 0: box.ok({"edit", who, "--title", "T" + std::to_string(step)}); break;
        case 1: box.ok({"edit", who, "--tag", "t" + std::to_string(pick(3))}); break;
        case 2: box.ok({"edit", who, "--org", "O" + std::to_string(step)}); break;
        case 3: box.ok({"log", who, "Talk " + std::to_string(step)}); break;
        default: box.ok({"edit", who, "--email", std::to_string(step) + "@example.com"}); break;
      }
    } else if (what < 8) {
      const std::string who = known[static_cast<std::size_t>(pick(static_cast<int>(known.size())))];
      if (box.query("SELECT count(*) FROM contacts WHERE name = '" + who + "'") != "1") continue;
      box.ok({"rm", who, "--yes"});
      removed.insert(who);
    } else {
      sync(box, shared);
      known.clear();
      for (const std::string& line : [&] {
             std::vector<std::string> v;
             std::string all = box.query("SELECT name FROM contacts ORDER BY id");
             std::size_t at = 0;
             while (!all.empty() && at != std::string::npos) {
               auto next = all.find('\n', at);
               v.push_back(all.substr(at, next == std::string::npos ? next : next - at));
               at = next == std::string::npos ? next : next + 1;
             }
             return v;
           }()) {
        known.push_back(line);
      }
    }
  }
  for (int round = 0; round < 2; ++round)
    for (int d : {2, 0, 1}) sync(boxes[d], shared);
  const std::string first = state(boxes[0]);
  INFO("seed " << seed);
  CHECK(state(boxes[1]) == first);
  CHECK(state(boxes[2]) == first);
  for (int n = 1; n <= made; ++n) {
    const std::string name = "Person " + std::to_string(n);
    if (removed.contains(name)) {
      CHECK(boxes[0].query("SELECT count(*) FROM contacts WHERE name = '" + name + "'") == "0");
    } else {
      CHECK(boxes[0].query("SELECT count(*) FROM contacts WHERE name = '" + name + "'") == "1");
    }
  }
}

}  // namespace kith::test
