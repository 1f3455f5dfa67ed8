// End-to-end: kith keeps private notes private. Files only the owner can read whatever the
// umask, errors that never repeat notes, and deletion that leaves nothing behind.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>

#include "cli/harness.hpp"

namespace kith::test {
namespace fs = std::filesystem;
namespace {

// Sets the umask for the life of the object; kith inherits it from the test process.
struct Umask {
  explicit Umask(mode_t mask) : old(::umask(mask)) {}
  ~Umask() { ::umask(old); }
  mode_t old;
};

}  // namespace

TEST_CASE("under umask 000 the database, its folders, WAL files and backups are private",
          "[privacy]") {
  Sandbox box;
  fs::path db = box.dir() / "new" / "kith.db";
  auto at = [&](std::vector<std::string> args) {
    std::vector<std::string> all{"--db", db.string(), "--today", "2026-11-22"};
    all.insert(all.end(), args.begin(), args.end());
    return box.raw(all);
  };
  Umask open_to_all(0);
  REQUIRE(at({"add", "Ada", "--note", "private"}).code == 0);
  CHECK(mode_of(db) == 0600);
  CHECK(mode_of(db.parent_path()) == 0700);

  // A reader holding the database open keeps the -wal and -shm alive across a write.
  SQLite::Database reader(db.string(), SQLite::OPEN_READONLY);
  REQUIRE(reader.execAndGet("SELECT count(*) FROM contacts").getInt() == 1);
  REQUIRE(at({"log", "ada", "Lunch"}).code == 0);
  for (const char* suffix : {"-wal", "-shm"}) {
    CAPTURE(suffix);
    REQUIRE(fs::exists(db.string() + suffix));
    CHECK(mode_of(db.string() + suffix) == 0600);
  }

  // The copy made before an upgrade (here of a database forced back to schema 1).
  Sandbox old;
  {
    SQLite::Database make(old.db().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    make.exec(read_file(fs::path(KITH_SOURCE_DIR) / "migrations" / "0001_initial.sql"));
    make.exec("PRAGMA user_version = 1");
  }
  REQUIRE(old.kith({"list"}).code == 0);
  CHECK(mode_of(old.db().string() + ".schema-1.bak") == 0600);
}

TEST_CASE("under umask 000 export -o writes its file and its temporary file private", "[privacy]") {
  Sandbox box;
  // Notes of 8 KiB each make an export of about 100 KiB: more than one write to the file.
  for (int i = 0; i < 12; ++i) {
    box.ok({"add", "Person " + std::to_string(i), "--note", std::string(8 * 1024, 'n')});
  }
  Umask open_to_all(0);
  fs::path out = box.dir() / "backup.json";
  box.ok({"export", "-o", out.string()});
  CHECK(mode_of(out) == 0600);

  // The temporary file, caught before its rename: kith is stopped (SIGSTOP) as soon as it
  // appears, while an export of 30 MB goes into it.
  const std::string note(30 * 1024, 'n');
  std::string doc = "{\"format\":\"kith\",\"version\":1,\"contacts\":[";
  for (int i = 0; i < 1000; ++i) {
    char uuid[40];
    std::snprintf(uuid, sizeof uuid, "%08x-0000-4000-8000-%012x", i, i);
    doc += std::string(i ? "," : "") + "{\"uuid\":\"" + uuid + "\",\"name\":\"P" +
           std::to_string(i) + "\",\"added_on\":\"2026-01-01\",\"note\":\"" + note +
           "\",\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":"
           "\"2026-01-01T00:00:00.000Z\"}";
  }
  write_file(box.dir() / "large.json", doc + "]}");
  box.ok({"import", (box.dir() / "large.json").string()});
  fs::path cut = box.dir() / "cut.json";
  Background exporting(box.argv({"export", "-o", cut.string()}), box.environment());
  fs::path temporary;
  bool caught = eventually([&] {
    for (const auto& entry : fs::directory_iterator(box.dir())) {
      if (entry.path().filename().string().rfind(".cut.json.", 0) != 0) continue;
      exporting.signal(SIGSTOP);
      temporary = entry.path();
      return true;
    }
    return !exporting.running();
  });
  REQUIRE(caught);
  REQUIRE_FALSE(temporary.empty());
  CHECK(mode_of(temporary) == 0600);
  exporting.signal(SIGCONT);
  Outcome o = exporting.wait();
  INFO(o.err);
  CHECK(o.code == 0);
  CHECK(mode_of(cut) == 0600);
  CHECK_FALSE(fs::exists(temporary));
}

TEST_CASE("no error prints a contact's notes or other private text", "[privacy]") {
  Sandbox box;
  box.ok({"add", "Ada Lovelace", "--note", "secretnote", "--learn", "secretlearn", "--offer",
          "secretoffer", "--org", "Secret Org", "--title", "secrettitle", "--tag", "t1"});
  box.ok({"add", "Ada Yonath", "--note", "secretnote2"});
  box.ok({"log", "lovelace", "secretsummary", "--next", "friday", "secretfollowup"});
  box.ok({"remind", "lovelace", "secretpromise", "--on", "friday", "--promise"});
  box.ok({"done", "2"});
  const std::vector<std::vector<std::string>> failing = {
      {"show", "ada"},
      {"rm", "lovelace"},
      {"rm", "ada", "--yes"},
      {"edit", "lovelace", "--met-via", "lovelace"},
      {"edit", "lovelace", "--no-tag", "t2"},
      {"edit", "lovelace", "--no-email", "a@b.c"},
      {"edit", "lovelace", "--note", "secretnew\x01"},
      {"edit", "lovelace", "--learn", std::string(70 * 1024, 's')},
      {"log", "ada", "secretsummary2"},
      {"log", "lovelace", "secretsummary3", "--on", "tomorrow"},
      {"remind", "ada", "secretpromise2", "--on", "friday"},
      {"done", "2"},
      {"snooze", "2", "1w"},
      {"history", "ada"},
      {"balance", "ada"},
      {"archive", "ada"},
  };
  for (const auto& args : failing) {
    CAPTURE(args);
    Outcome o = box.kith(args);
    CHECK(o.code != 0);
    CHECK(o.out.empty());
    CHECK(o.err.find("secret") == std::string::npos);
    CHECK(o.err.find("Secret") == std::string::npos);
  }
}

TEST_CASE("rm leaves no word of the person in the search index or anywhere in the file",
          "[privacy]") {
  Sandbox box;
  box.ok({"add", "Grace Hopper", "--note", "keepsake"});
  box.ok({"add", "Ada Lovelace", "--note", "zanzibarquokka diagnosis", "--learn", "learnsecretword",
          "--offer", "offersecretword", "--org", "orgsecretword", "--title", "titlesecretword"});
  box.ok({"log", "lovelace", "xylophonequest meeting", "--next", "friday", "marmaladecall"});
  box.ok({"log", "lovelace", "grace", "sharedlunchword"});
  box.ok({"rm", "lovelace", "--yes"});

  const std::vector<std::string> gone = {"zanzibarquokka",  "diagnosis",     "learnsecretword",
                                         "offersecretword", "orgsecretword", "titlesecretword",
                                         "xylophonequest",  "marmaladecall", "Lovelace"};
  // What search sees: nothing; what the index holds: no such term (fts5vocab lists terms).
  {
    SQLite::Database db(box.db().string(), SQLite::OPEN_READWRITE);
    db.exec("CREATE VIRTUAL TABLE temp.people_words USING fts5vocab(main, contacts_fts, row)");
    db.exec("CREATE VIRTUAL TABLE temp.talk_words USING fts5vocab(main, interactions_fts, row)");
    for (const auto& word : gone) {
      CAPTURE(word);
      std::string term = word;
      for (char& c : term) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      SQLite::Statement st(db,
                           "SELECT (SELECT count(*) FROM temp.people_words WHERE term = ?1)"
                           " + (SELECT count(*) FROM temp.talk_words WHERE term = ?1)");
      st.bind(1, term);
      REQUIRE(st.executeStep());
      CHECK(st.getColumn(0).getInt() == 0);
    }
    CHECK(box.ok({"find", "zanzibarquokka"}) == "Nothing matches 'zanzibarquokka'.\n");
  }
  // What the disk holds: the file after kith's last connection closed and checkpointed.
  REQUIRE_FALSE(fs::exists(box.db().string() + "-wal"));
  std::string bytes = read_file(box.db());
  for (const auto& word : gone) {
    CAPTURE(word);
    CHECK(bytes.find(word) == std::string::npos);
  }
  // The shared interaction and the other person stay, searchable.
  CHECK(bytes.find("sharedlunchword") != std::string::npos);
  CHECK(box.ok({"find", "keepsake"}).find("Grace Hopper") != std::string::npos);
  CHECK(box.ok({"find", "sharedlunchword"}).find("Grace Hopper") != std::string::npos);
  CHECK(box.query("PRAGMA integrity_check") == "ok");
}

}  // namespace kith::test
